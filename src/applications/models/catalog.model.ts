import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROVIDERS, type ProviderName } from '../application-id';

/** A catalog (App Center) or category (App Warehouse) a publish request may name. */
export class Catalog {
  @ApiProperty({ enum: PROVIDERS, example: 'app-center' })
  provider!: ProviderName;
  @ApiProperty({
    description: 'What to send: App Center `catalogId`, warehouse `category`',
    example: '1',
  })
  id!: string;
  @ApiPropertyOptional({ description: 'English name (`catalog_en`)', example: 'Office' })
  name?: string;
  @ApiPropertyOptional({ description: 'Chinese name (`catalog_zh`)' })
  nameZh?: string;
}
