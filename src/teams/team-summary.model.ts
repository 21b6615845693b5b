import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROVIDERS, type ProviderName } from '../applications/application-id';

export class TeamSummary {
  @ApiProperty({ description: 'Gateway team key, used in every team route', example: 'acme' })
  key!: string;
  @ApiProperty({ example: 'Acme Corp' })
  displayName!: string;
  @ApiProperty({
    description: 'Providers this team has accounts on',
    enum: PROVIDERS,
    isArray: true,
  })
  providers!: ProviderName[];
  @ApiPropertyOptional({
    description: 'Rainbond regions of the team',
    type: [String],
    example: ['region-1'],
  })
  rainbondRegions?: string[];
}

export class TeamList {
  @ApiProperty({ type: [TeamSummary] })
  items!: TeamSummary[];
}
