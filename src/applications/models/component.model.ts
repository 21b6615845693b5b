import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A Rainbond component (upstream `ServiceBaseInfo`). Each property names its wire field. */
export class Component {
  @ApiProperty({ description: '`service_id`', example: '6a1b2c3d4e5f60718293a4b5c6d7e8f9' })
  id!: string;
  @ApiPropertyOptional({ description: '`service_cname`: display name', example: 'nginx' })
  name?: string;
  @ApiPropertyOptional({ description: '`service_alias`', example: 'gr7e8f9a' })
  alias?: string;
  @ApiPropertyOptional({ description: '`service_key`' })
  key?: string;
  @ApiPropertyOptional({ description: '`k8s_component_name`' })
  k8sComponentName?: string;
  @ApiPropertyOptional({ description: '`status`' })
  status?: string;
  @ApiPropertyOptional({ description: '`access_infos`', type: [String] })
  accessInfos?: string[];
  @ApiPropertyOptional({ description: '`tenant_id`' })
  tenantId?: string;
  @ApiPropertyOptional({ description: '`service_region`' })
  region?: string;
  @ApiPropertyOptional({ description: '`desc`', nullable: true, type: String })
  description?: string | null;
  @ApiPropertyOptional({ description: '`category`: application, cache, store' })
  category?: string;
  @ApiPropertyOptional({ description: '`version`' })
  version?: string;
  @ApiPropertyOptional({ description: '`update_version`: internal release number' })
  updateVersion?: number;
  @ApiPropertyOptional({ description: '`image`' })
  image?: string;
  @ApiPropertyOptional({ description: '`cmd`: startup parameters', nullable: true, type: String })
  cmd?: string | null;
  @ApiPropertyOptional({ description: '`min_node`: number of instances' })
  replicas?: number;
  @ApiPropertyOptional({ description: '`min_cpu`: CPU in millicores (1000 = 1 core)' })
  cpuMillicores?: number;
  @ApiPropertyOptional({ description: '`container_gpu`: GPU memory' })
  gpuMemory?: number;
  @ApiPropertyOptional({ description: '`min_memory`: memory in MiB' })
  memoryMb?: number;
  @ApiPropertyOptional({ description: '`total_memory`: memory used, MiB' })
  totalMemoryMb?: number;
  @ApiPropertyOptional({ description: '`extend_method`: stateless or stateful deployment' })
  extendMethod?: string;
  @ApiPropertyOptional({ description: '`code_from`', nullable: true, type: String })
  codeFrom?: string | null;
  @ApiPropertyOptional({ description: '`git_url`', nullable: true, type: String })
  gitUrl?: string | null;
  @ApiPropertyOptional({ description: '`git_project_id`' })
  gitProjectId?: number;
  @ApiPropertyOptional({ description: '`code_version`', nullable: true, type: String })
  codeVersion?: string | null;
  @ApiPropertyOptional({ description: '`service_type`', nullable: true, type: String })
  serviceType?: string | null;
  @ApiPropertyOptional({ description: '`creater` (sic): creator user id' })
  creatorId?: number;
  @ApiPropertyOptional({ description: '`language`', nullable: true, type: String })
  language?: string | null;
  @ApiPropertyOptional({ description: '`is_service`: internal component' })
  isService?: boolean;
  @ApiPropertyOptional({ description: '`service_origin`' })
  origin?: string;
  @ApiPropertyOptional({ description: '`tenant_service_group_id`' })
  componentGroupId?: number;
  @ApiPropertyOptional({ description: '`open_webhooks`' })
  webhooksEnabled?: boolean;
  @ApiPropertyOptional({ description: '`service_source`', nullable: true, type: String })
  source?: string | null;
  @ApiPropertyOptional({ description: '`create_status`', nullable: true, type: String })
  createStatus?: string | null;
  @ApiPropertyOptional({ description: '`check_uuid`', nullable: true, type: String })
  checkUuid?: string | null;
  @ApiPropertyOptional({ description: '`check_event_id`', nullable: true, type: String })
  checkEventId?: string | null;
  @ApiPropertyOptional({ description: '`docker_cmd`', nullable: true, type: String })
  dockerCmd?: string | null;
  @ApiPropertyOptional({ description: '`server_type`: source repository type' })
  serverType?: string;
  @ApiPropertyOptional({ description: '`is_upgrate` (sic): can be upgraded' })
  upgradable?: boolean;
  @ApiPropertyOptional({ description: '`build_upgrade`: upgrade after build' })
  upgradeAfterBuild?: boolean;
  @ApiPropertyOptional({ description: '`oauth_service_id`', nullable: true, type: Number })
  oauthServiceId?: number | null;
}
