import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsDefined, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import { TEAM_KEY_PATTERN } from '../../config/gateway-config.schema';

export const RAINBOND_APPLICATION_ID_PATTERN = /^rainbond:[A-Za-z0-9_-]{1,64}:[1-9][0-9]{0,15}$/;

export class CopyComponentInput {
  @ApiProperty({
    description: '`service_id` of a component of the source app',
    example: '6a1b2c3d4e5f60718293a4b5c6d7e8f9',
  })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be a component id' })
  id!: string;

  @ApiPropertyOptional({ description: '`change`: modification applied to the copy' })
  @IsOptional()
  @IsString()
  change?: string;
}

export class CopyTargetInput {
  @ApiProperty({
    description: 'Gateway team key of the target; the caller must be allowed to use it',
    example: 'globex',
  })
  @IsString()
  @Matches(TEAM_KEY_PATTERN, { message: 'must be a team key' })
  team!: string;

  @ApiProperty({
    description: 'Existing Rainbond app of the target team, as `rainbond:{region}:{appId}`',
    example: 'rainbond:region-1:2',
  })
  @IsString()
  @Matches(RAINBOND_APPLICATION_ID_PATTERN, { message: 'must look like rainbond:{region}:{appId}' })
  applicationId!: string;
}

/** Copy components of a Rainbond app into another team's app. */
export class CopyApplicationRequest {
  @ApiProperty({ type: CopyTargetInput })
  @IsDefined()
  @ValidateNested()
  @Type(() => CopyTargetInput)
  target!: CopyTargetInput;

  @ApiPropertyOptional({
    description: 'Components to copy; empty or omitted copies all of them',
    type: [CopyComponentInput],
  })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CopyComponentInput)
  components?: CopyComponentInput[];
}
