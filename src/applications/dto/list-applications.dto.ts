import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { Omittable } from '../../common/validation';
import { PROVIDERS, type ProviderName } from '../application-id';
import { ViewQuery } from './application-params.dto';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Decimal digits only (no sign, exponent, fraction or hex); anything else stays a string and fails IsInt. */
const DECIMAL_INTEGER = /^[0-9]+$/;

export class ListApplicationsQuery extends ViewQuery {
  @ApiPropertyOptional({ enum: PROVIDERS, description: 'Only this provider' })
  @Omittable()
  @IsIn(PROVIDERS)
  provider?: ProviderName;

  @ApiPropertyOptional({
    description: 'Name contains (case-insensitive)',
    example: 'nginx',
    maxLength: 64,
  })
  @Omittable()
  @IsString()
  @MaxLength(64)
  name?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_PAGE_SIZE,
    default: DEFAULT_PAGE_SIZE,
  })
  @Omittable()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && DECIMAL_INTEGER.test(value) ? Number(value) : value,
  )
  @IsInt({ message: 'must be an integer' })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({
    description: '`nextCursor` of the previous page',
    maxLength: 512,
    pattern: '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$',
  })
  @Omittable()
  @IsString()
  @MaxLength(512)
  @Matches(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, { message: 'is not a cursor of this list' })
  cursor?: string;
}
