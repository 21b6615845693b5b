import type {
  Component,
  ComponentSourceKind,
  ComponentStatus,
} from '../applications/models/component.model';
import { present, presentGroup } from '../common/empty-is-absent';
import { fromWireEnum } from '../common/wire-enum';
import type { ServiceBaseInfo } from './rainbond.wire';

/*
 * ServiceBaseInfo → Component: whitelisted and grouped. Rainbond's internal bookkeeping fields
 * (RAW_ONLY_COMPONENT_FIELDS) have no home in the model and reach callers only in `raw`.
 */

/** The wire fields the model leaves to `raw`; the mapper spec checks the two lists cover the wire. */
export const RAW_ONLY_COMPONENT_FIELDS = [
  'check_uuid',
  'check_event_id',
  'tenant_service_group_id',
  'service_origin',
  'service_type',
  'is_service',
] as const satisfies readonly (keyof ServiceBaseInfo)[];

/** Rainbond's component states (console region status words) → the gateway's. */
const STATUS_FROM_WIRE: Readonly<Record<string, ComponentStatus>> = {
  running: 'running',
  starting: 'starting',
  stopping: 'stopping',
  closed: 'stopped',
  undeploy: 'not-deployed',
  building: 'building',
  build: 'building',
  deploying: 'building',
  upgrade: 'upgrading',
  upgrading: 'upgrading',
  abnormal: 'abnormal',
  some_abnormal: 'abnormal',
  build_failure: 'abnormal',
  unusual: 'abnormal',
};

const SOURCE_KIND_FROM_WIRE: Readonly<Record<string, ComponentSourceKind>> = {
  docker_run: 'image',
  docker_image: 'image',
  source_code: 'source-code',
  market: 'market',
  docker_compose: 'compose',
  package_build: 'package',
};

export function toComponent(wire: ServiceBaseInfo): Component {
  return {
    id: wire.service_id,
    name: present(wire.service_cname),
    k8sName: present(wire.k8s_component_name),
    alias: present(wire.service_alias),
    key: present(wire.service_key),
    description: present(wire.desc),
    category: present(wire.category),
    version: present(wire.version),
    releaseNumber: wire.update_version,
    status: fromWireEnum(STATUS_FROM_WIRE, wire.status, 'unknown') ?? 'unknown',
    upstreamStatus: present(wire.status),
    creationState: present(wire.create_status),
    deployMode: present(wire.extend_method),
    accessUrls:
      wire.access_infos && wire.access_infos.length > 0 ? [...wire.access_infos] : undefined,
    source: toSource(wire),
    resources: presentGroup({
      cpuMillicores: wire.min_cpu,
      memoryMb: wire.min_memory,
      gpuMemoryMb: wire.container_gpu,
      replicas: wire.min_node,
      totalMemoryMb: wire.total_memory,
    }),
    placement: presentGroup({
      tenantId: present(wire.tenant_id),
      region: present(wire.service_region),
    }),
    upgrade: presentGroup({ upgradable: wire.is_upgrate, afterBuild: wire.build_upgrade }),
    webhooksEnabled: wire.open_webhooks,
    creatorUserId: wire.creater,
  };
}

/** The repository applies to source-code components only (Rainbond fills `server_type` on all). */
function toSource(wire: ServiceBaseInfo): Component['source'] {
  const upstreamKind = present(wire.service_source);
  const kind = fromWireEnum(SOURCE_KIND_FROM_WIRE, upstreamKind, 'other') ?? 'other';
  return {
    kind,
    upstreamKind,
    image: present(wire.image),
    command: present(wire.cmd),
    dockerRunCommand: present(wire.docker_cmd),
    language: present(wire.language),
    repository:
      kind === 'source-code'
        ? presentGroup({
            url: present(wire.git_url),
            version: present(wire.code_version),
            type: present(wire.server_type),
            host: present(wire.code_from),
            projectId: wire.git_project_id === 0 ? undefined : wire.git_project_id,
            oauthServiceId: present(wire.oauth_service_id),
          })
        : undefined,
  };
}
