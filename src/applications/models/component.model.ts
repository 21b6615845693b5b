import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The gateway's component states; `upstreamStatus` keeps Rainbond's own word. */
export const COMPONENT_STATUSES = [
  'running',
  'starting',
  'stopping',
  'stopped',
  'not-deployed',
  'building',
  'upgrading',
  'abnormal',
  'unknown',
] as const;
export type ComponentStatus = (typeof COMPONENT_STATUSES)[number];

/** Where a component's workload comes from; `upstreamKind` keeps Rainbond's `service_source`. */
export const COMPONENT_SOURCE_KINDS = [
  'image',
  'source-code',
  'market',
  'compose',
  'package',
  'other',
] as const;
export type ComponentSourceKind = (typeof COMPONENT_SOURCE_KINDS)[number];

export class SourceRepository {
  @ApiPropertyOptional({ description: '`git_url`', example: 'https://github.com/acme/shop.git' })
  url?: string;
  @ApiPropertyOptional({ description: '`code_version`: branch, tag or commit', example: 'main' })
  version?: string;
  @ApiPropertyOptional({ description: '`server_type`: git or svn', example: 'git' })
  type?: string;
  @ApiPropertyOptional({ description: '`code_from`: gitlab, github, …', example: 'github' })
  host?: string;
  @ApiPropertyOptional({ description: '`git_project_id` (GitLab; absent when 0)' })
  projectId?: number;
  @ApiPropertyOptional({ description: '`oauth_service_id`: the OAuth service that pulls the code' })
  oauthServiceId?: number;
}

export class ComponentSource {
  @ApiProperty({
    description:
      'From `service_source`: docker_run/docker_image → image, source_code → source-code, market, docker_compose → compose, package_build → package',
    enum: COMPONENT_SOURCE_KINDS,
    example: 'market',
  })
  kind!: ComponentSourceKind;
  @ApiPropertyOptional({ description: '`service_source` as Rainbond spells it', example: 'market' })
  upstreamKind?: string;
  @ApiPropertyOptional({
    description: '`image`: the image the component runs',
    example: 'nginx:1.0.0',
  })
  image?: string;
  @ApiPropertyOptional({ description: '`cmd`: start command or arguments' })
  command?: string;
  @ApiPropertyOptional({ description: '`docker_cmd`: the docker run command it was created from' })
  dockerRunCommand?: string;
  @ApiPropertyOptional({ description: '`language`: detected code language' })
  language?: string;
  @ApiPropertyOptional({
    description:
      'Source-code components only: `git_url`, `code_version`, `server_type`, `code_from`, `git_project_id`, `oauth_service_id`',
    type: SourceRepository,
  })
  repository?: SourceRepository;
}

export class ComponentResources {
  @ApiPropertyOptional({
    description: '`min_cpu`: CPU in millicores (1000 = 1 core)',
    example: 250,
  })
  cpuMillicores?: number;
  @ApiPropertyOptional({ description: '`min_memory`: memory per instance, MiB', example: 128 })
  memoryMb?: number;
  @ApiPropertyOptional({ description: '`container_gpu`: GPU memory per instance, MiB', example: 0 })
  gpuMemoryMb?: number;
  @ApiPropertyOptional({ description: '`min_node`: number of instances', example: 1 })
  replicas?: number;
  @ApiPropertyOptional({
    description: '`total_memory`: memory of all instances, MiB',
    example: 128,
  })
  totalMemoryMb?: number;
}

export class ComponentPlacement {
  @ApiPropertyOptional({ description: '`tenant_id`: the Rainbond team (tenant) id' })
  tenantId?: string;
  @ApiPropertyOptional({ description: '`service_region`', example: 'region-1' })
  region?: string;
}

export class ComponentUpgrade {
  @ApiPropertyOptional({ description: '`is_upgrate` (sic): an app model upgrade can change it' })
  upgradable?: boolean;
  @ApiPropertyOptional({ description: '`build_upgrade`: upgrade after a build' })
  afterBuild?: boolean;
}

/**
 * A Rainbond component (upstream `ServiceBaseInfo`), grouped for callers. Each property names its
 * wire field; `check_uuid`, `check_event_id`, `tenant_service_group_id`, `service_origin`,
 * `service_type` and `is_service` are internal to Rainbond and only in `raw` (`?view=full`).
 */
export class Component {
  @ApiProperty({ description: '`service_id`', example: '936133a6bff4a0abed21d5727f15a9ff' })
  id!: string;
  @ApiPropertyOptional({ description: '`service_cname`: display name', example: 'nginx' })
  name?: string;
  @ApiPropertyOptional({
    description: '`k8s_component_name`: name in the cluster',
    example: 'nginx',
  })
  k8sName?: string;
  @ApiPropertyOptional({
    description: '`service_alias`: Rainbond internal name',
    example: 'gr15a9ff',
  })
  alias?: string;
  @ApiPropertyOptional({ description: '`service_key`: key of the app model component' })
  key?: string;
  @ApiPropertyOptional({ description: '`desc`', example: 'install from market app' })
  description?: string;
  @ApiPropertyOptional({
    description: '`category`: application, cache, store',
    example: 'application',
  })
  category?: string;
  @ApiPropertyOptional({ description: '`version`', example: '1.0.0' })
  version?: string;
  @ApiPropertyOptional({ description: '`update_version`: internal release number', example: 1 })
  releaseNumber?: number;
  @ApiProperty({
    description:
      'From `status`: running, starting, stopping, closed → stopped, undeploy → not-deployed, build/deploying → building, upgrade → upgrading, abnormal/some_abnormal/build_failure → abnormal; empty or other values → unknown',
    enum: COMPONENT_STATUSES,
    example: 'running',
  })
  status!: ComponentStatus;
  @ApiPropertyOptional({ description: '`status` as Rainbond spells it (absent when empty)' })
  upstreamStatus?: string;
  @ApiPropertyOptional({ description: '`create_status`: creating, complete', example: 'complete' })
  creationState?: string;
  @ApiPropertyOptional({
    description: '`extend_method`: stateless_multiple, stateless_singleton, state_multiple, …',
    example: 'stateless_multiple',
  })
  deployMode?: string;
  @ApiPropertyOptional({
    description: '`access_infos`: addresses the component is reachable at',
    type: [String],
  })
  accessUrls?: string[];
  @ApiPropertyOptional({
    description: '`service_source`, `image`, `cmd`, `docker_cmd`, `language` and the repository',
    type: ComponentSource,
  })
  source?: ComponentSource;
  @ApiPropertyOptional({
    description: '`min_cpu`, `min_memory`, `container_gpu`, `min_node`, `total_memory`',
    type: ComponentResources,
  })
  resources?: ComponentResources;
  @ApiPropertyOptional({ description: '`tenant_id`, `service_region`', type: ComponentPlacement })
  placement?: ComponentPlacement;
  @ApiPropertyOptional({ description: '`is_upgrate`, `build_upgrade`', type: ComponentUpgrade })
  upgrade?: ComponentUpgrade;
  @ApiPropertyOptional({ description: '`open_webhooks`' })
  webhooksEnabled?: boolean;
  @ApiPropertyOptional({
    description: '`creater` (sic): Rainbond user id of the creator',
    example: 1,
  })
  creatorUserId?: number;
}
