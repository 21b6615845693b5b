import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsNotEmpty,
  IsString,
  IsUrl,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Omittable, REQUEST_BODY_RULES } from '../../common/validation';

export const DEFAULT_MARKET_TYPE = 'rainstore';

export class MarketInput {
  @ApiProperty({
    description: '`market_url`: the app store URL (Rainbond fetches it, the gateway does not)',
    example: 'https://hub.grapps.cn',
    format: 'uri',
    maxLength: 255,
  })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(255)
  url!: string;

  @ApiProperty({ description: '`market_domain`', example: 'rainbond', minLength: 1, maxLength: 64 })
  @IsString()
  @Length(1, 64)
  domain!: string;

  @ApiPropertyOptional({
    description: '`market_type`',
    default: DEFAULT_MARKET_TYPE,
    example: DEFAULT_MARKET_TYPE,
    minLength: 1,
    maxLength: 64,
  })
  @Omittable()
  @IsString()
  @Length(1, 64)
  type?: string;

  @ApiPropertyOptional({
    description: '`market_access_key`: app store token (sent as null when omitted)',
    example: '123456789012340af5dff63cb740788e',
    maxLength: 64,
  })
  @Omittable()
  @IsString()
  @MaxLength(64)
  accessKey?: string;
}

/** Install a market app model into an existing Rainbond app. */
@ApiSchema({ description: REQUEST_BODY_RULES })
export class InstallApplicationRequest {
  @ApiProperty({ type: MarketInput })
  @IsDefined()
  @ValidateNested()
  @Type(() => MarketInput)
  market!: MarketInput;

  @ApiProperty({
    description: '`app_model_id`',
    example: 'a1b2c3d4e5f6',
    minLength: 1,
    maxLength: 64,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  appModelId!: string;

  @ApiProperty({
    description: '`app_model_version`',
    example: '1.0.0',
    minLength: 1,
    maxLength: 64,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  appModelVersion!: string;

  @ApiPropertyOptional({
    description: 'Build and deploy the components after install (query `is_deploy`/`is_upload`)',
    default: false,
  })
  @Omittable()
  @IsBoolean()
  deploy?: boolean;
}
