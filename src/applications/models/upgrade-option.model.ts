import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MonitorLinks } from '../../progress/monitor-links.model';

/** One installed app model of a Rainbond app and the versions it can move to (`ListUpgrade`). */
export class UpgradeOption {
  @ApiProperty({ description: '`market_name`' })
  marketName!: string;
  @ApiProperty({ description: '`app_model_id`' })
  appModelId!: string;
  @ApiProperty({ description: '`app_model_name`' })
  appModelName!: string;
  @ApiProperty({ description: '`current_version`' })
  currentVersion!: string;
  @ApiProperty({ description: '`enterprise_id`' })
  enterpriseId!: string;
  @ApiProperty({ description: '`can_upgrade`' })
  canUpgrade!: boolean;
  @ApiProperty({ description: '`upgrade_versions`', type: [String] })
  upgradeVersions!: string[];
  @ApiProperty({ description: '`source`: where the app model comes from' })
  source!: string;
}

export class UpgradeResult {
  @ApiProperty({ example: 'rainbond:region-1:1' })
  applicationId!: string;
  @ApiProperty({
    description: 'The app models of the application as Rainbond reads them after the upgrade',
    type: [UpgradeOption],
  })
  options!: UpgradeOption[];
  @ApiPropertyOptional({
    description: 'Writes only: where to follow the work this write started',
    type: MonitorLinks,
  })
  links?: MonitorLinks;
  @ApiPropertyOptional({ description: 'The upstream body as received; only with `?view=full`' })
  raw?: unknown;
}
