import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export class UpgradeVersionInput {
  @ApiPropertyOptional({
    description: '`market_name`; omit for the local enterprise library (sent as null)',
    example: 'rainstore',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  marketName?: string;

  @ApiProperty({ description: '`app_model_id`', example: 'a1b2c3d4e5f6' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  appModelId!: string;

  @ApiProperty({ description: '`app_model_version`: the version to move to', example: '1.1.0' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  appModelVersion!: string;
}

/** Upgrade a Rainbond app to given app model versions. */
export class UpgradeApplicationRequest {
  @ApiProperty({ description: '`update_versions`', type: [UpgradeVersionInput] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => UpgradeVersionInput)
  versions!: UpgradeVersionInput[];
}
