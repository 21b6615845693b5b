import { ApiPropertyOptional } from '@nestjs/swagger';
import { UpgradeOption } from '../applications/models/upgrade-option.model';

/** Rainbond app fields that have no common home. */
export class RainbondDetails {
  @ApiPropertyOptional({ description: '`region_name`', example: 'region-1' })
  region?: string;
  @ApiPropertyOptional({ description: '`enterprise_id`' })
  enterpriseId?: string;
  @ApiPropertyOptional({
    description: '`status` as Rainbond spells it (get by id only)',
    enum: ['running', 'part_running', 'closed'],
  })
  status?: string;
  @ApiPropertyOptional({ description: '`service_count` (get by id only)', example: 1 })
  componentCount?: number;
  @ApiPropertyOptional({ description: '`running_service_count` (get by id only)', example: 1 })
  runningComponentCount?: number;
  @ApiPropertyOptional({ description: '`app_type`: rainbond or helm', example: 'rainbond' })
  appType?: string;
  @ApiPropertyOptional({ description: '`k8s_app`: the app name in the cluster' })
  k8sName?: string;
  @ApiPropertyOptional({
    description:
      'The app models installed in the app and the versions each can move to (`ListUpgrade`), in the upgrade answer',
    type: [UpgradeOption],
  })
  appModels?: UpgradeOption[];
}
