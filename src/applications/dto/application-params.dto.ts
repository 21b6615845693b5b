import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { TEAM_KEY_PATTERN } from '../../config/gateway-config.schema';
import { APPLICATION_ID_PATTERN } from '../application-id';
import type { View } from '../applications.service';

export class TeamParams {
  @IsString()
  @Matches(TEAM_KEY_PATTERN, { message: 'must be a team key' })
  team!: string;
}

export class ApplicationParams extends TeamParams {
  @IsString()
  @Matches(APPLICATION_ID_PATTERN, {
    message: 'must look like rainbond:{region}:{appId}, app-center:{id} or app-warehouse:{id}',
  })
  id!: string;
}

export class ViewQuery {
  @ApiPropertyOptional({
    enum: ['summary', 'full'],
    default: 'summary',
    description: '`full` adds the upstream body under `raw`',
  })
  @IsOptional()
  @IsIn(['summary', 'full'])
  view?: View;
}
