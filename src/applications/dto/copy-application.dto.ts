import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsString,
  Matches,
  ValidateNested,
} from 'class-validator';
import { Omittable, REQUEST_BODY_RULES } from '../../common/validation';
import { TEAM_KEY_PATTERN } from '../../config/gateway-config.schema';
import { MAX_RAINBOND_APP_ID } from '../../rainbond/rainbond.provider';
import { IsApplicationId } from '../application-id';

export const MAX_COPIED_COMPONENTS = 100;

export class CopyComponentInput {
  @ApiProperty({
    description: '`service_id` of a component of the source app',
    example: '6a1b2c3d4e5f60718293a4b5c6d7e8f9',
    pattern: '^[A-Za-z0-9_-]{1,64}$',
  })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be a component id' })
  id!: string;

  @ApiPropertyOptional({ description: '`change`: modification applied to the copy' })
  @Omittable()
  @IsString()
  change?: string;
}

export class CopyTargetInput {
  @ApiProperty({
    description: 'Gateway team key of the target; the caller must be allowed to use it',
    example: 'globex',
    pattern: TEAM_KEY_PATTERN.source,
  })
  @IsString()
  @Matches(TEAM_KEY_PATTERN, { message: 'must be a team key' })
  team!: string;

  @ApiProperty({
    description: `Existing Rainbond app of the target team, as \`rainbond:{region}:{appId}\` (appId 1-${MAX_RAINBOND_APP_ID}); it must belong to that team`,
    example: 'rainbond:region-1:2',
    pattern: '^rainbond:[A-Za-z0-9_-]{1,64}:[1-9][0-9]{0,9}$',
  })
  @IsString()
  @IsApplicationId('rainbond')
  applicationId!: string;
}

/** Copy components of a Rainbond app into another team's app. */
@ApiSchema({ description: REQUEST_BODY_RULES })
export class CopyApplicationRequest {
  @ApiProperty({ type: CopyTargetInput })
  @IsDefined()
  @ValidateNested()
  @Type(() => CopyTargetInput)
  target!: CopyTargetInput;

  @ApiPropertyOptional({
    description: 'Components to copy; empty or omitted copies all of them',
    type: [CopyComponentInput],
    maxItems: MAX_COPIED_COMPONENTS,
  })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(MAX_COPIED_COMPONENTS)
  @ValidateNested({ each: true })
  @Type(() => CopyComponentInput)
  components?: CopyComponentInput[];
}
