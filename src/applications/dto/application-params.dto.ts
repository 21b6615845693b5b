import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches } from 'class-validator';
import { Omittable } from '../../common/validation';
import { TEAM_KEY_PATTERN } from '../../config/gateway-config.schema';
import { IsApplicationId } from '../application-id';
import type { View } from '../applications.service';

export class TeamParams {
  @IsString()
  @Matches(TEAM_KEY_PATTERN, { message: 'must be a team key' })
  team!: string;
}

export class ApplicationParams extends TeamParams {
  @IsString()
  @IsApplicationId()
  id!: string;
}

export class ViewQuery {
  @ApiPropertyOptional({
    enum: ['summary', 'full'],
    default: 'summary',
    description: '`full` adds the upstream body under `raw`',
  })
  @Omittable()
  @IsIn(['summary', 'full'])
  view?: View;
}
