import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PROVIDERS, type ProviderName } from '../application-id';
import { ViewQuery } from './application-params.dto';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export class ListApplicationsQuery extends ViewQuery {
  @ApiPropertyOptional({ enum: PROVIDERS, description: 'Only this provider' })
  @IsOptional()
  @IsIn(PROVIDERS)
  provider?: ProviderName;

  @ApiPropertyOptional({ description: 'Name contains (case-insensitive)', example: 'demo' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  name?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: '`nextCursor` of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  @Matches(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, { message: 'is not a cursor of this list' })
  cursor?: string;
}
