import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROVIDERS, type ProviderName } from '../application-id';
import { Application } from './application.model';
import { Catalog } from './catalog.model';

/** Why one source of a merged answer is missing from it. */
export class SourceFailure {
  @ApiProperty({ description: 'The list that failed', example: 'rainbond:region-1' })
  source!: string;
  @ApiProperty({ enum: PROVIDERS })
  provider!: ProviderName;
  @ApiProperty({ description: 'The status the gateway would have answered for it', example: 504 })
  status!: number;
  @ApiProperty({
    description: 'Problem type slug, or the upstream error code',
    example: 'upstream-timeout',
  })
  code!: string;
  @ApiProperty({ example: 'rainbond did not answer in time.' })
  message!: string;
}

class PartialAnswer {
  @ApiProperty({ description: 'True when a source failed; its items are missing from this answer' })
  partial!: boolean;
  @ApiProperty({ type: [SourceFailure] })
  errors!: SourceFailure[];
}

export class ApplicationPage extends PartialAnswer {
  @ApiProperty({ type: [Application] })
  items!: Application[];
  @ApiPropertyOptional({
    description: 'Opaque; send it back as `cursor` for the next page. Absent on the last page.',
  })
  nextCursor?: string;
}

export class CatalogList extends PartialAnswer {
  @ApiProperty({ type: [Catalog] })
  items!: Catalog[];
}
