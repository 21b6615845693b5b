import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsNotEmpty,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Omittable, REQUEST_BODY_RULES } from '../../common/validation';

export const MAX_UPGRADE_VERSIONS = 100;

export class UpgradeVersionInput {
  @ApiPropertyOptional({
    description: '`market_name`; omit for the local enterprise library (sent as null)',
    example: 'rainstore',
    minLength: 1,
    maxLength: 64,
  })
  @Omittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  marketName?: string;

  @ApiProperty({
    description: '`app_model_id`',
    example: 'a1b2c3d4e5f6',
    minLength: 1,
    maxLength: 32,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  appModelId!: string;

  @ApiProperty({
    description: '`app_model_version`: the version to move to',
    example: '1.1.0',
    minLength: 1,
    maxLength: 64,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  appModelVersion!: string;
}

/** Upgrade a Rainbond app to given app model versions. */
@ApiSchema({ description: REQUEST_BODY_RULES })
export class UpgradeApplicationRequest {
  @ApiProperty({
    description: '`update_versions`',
    type: [UpgradeVersionInput],
    minItems: 1,
    maxItems: MAX_UPGRADE_VERSIONS,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_UPGRADE_VERSIONS)
  @ValidateNested({ each: true })
  @Type(() => UpgradeVersionInput)
  versions!: UpgradeVersionInput[];
}
