import { randomBytes } from 'node:crypto';
import type { ComponentLifecycle } from './rainbond-lifecycle';
import type { SANDBOX_WORLD } from './sandbox-world';

type ModelComponent = (typeof SANDBOX_WORLD.rainbond.market.models)[number]['components'][number];

/** `ServiceBaseInfo` exactly as the wire spells it (`creater`, `is_upgrate`). */
export interface ServiceBaseInfo {
  status: string;
  access_infos: string[];
  service_id: string;
  tenant_id: string;
  service_key: string;
  service_alias: string;
  service_cname: string;
  service_region: string;
  desc: string | null;
  category: string;
  version: string;
  update_version: number;
  image: string;
  cmd: string | null;
  min_node: number;
  min_cpu: number;
  container_gpu: number;
  min_memory: number;
  extend_method: string;
  code_from: string | null;
  git_url: string | null;
  git_project_id: number;
  code_version: string | null;
  service_type: string | null;
  creater: number;
  language: string | null;
  total_memory: number;
  is_service: boolean;
  service_origin: string;
  tenant_service_group_id: number;
  open_webhooks: boolean;
  service_source: string | null;
  create_status: string | null;
  check_uuid: string | null;
  check_event_id: string | null;
  docker_cmd: string | null;
  server_type: string;
  is_upgrate: boolean;
  build_upgrade: boolean;
  oauth_service_id: number | null;
  k8s_component_name: string;
}

/** A component as the simulator keeps it: the wire record plus where it came from. */
export interface Component {
  appId: number;
  appModelId: string;
  marketName: string;
  /** Its builds, starts and upgrades over time: the runtime `status` and its events. */
  lifecycle: ComponentLifecycle;
  info: ServiceBaseInfo;
}

/** Where a new component is placed and who creates it. */
export interface Placement {
  tenantId: string;
  region: string;
  userId: number;
  /** `tenant_service_group_id`: the install (or copy) the component came with. */
  groupId: number;
  k8sName: string;
}

/** A component installed from a market model's component at `version`. */
export function marketComponent(
  part: ModelComponent,
  version: string,
  serviceKey: string,
  at: Placement,
): ServiceBaseInfo {
  const serviceId = newServiceId();
  return {
    status: '',
    access_infos: [],
    service_id: serviceId,
    tenant_id: at.tenantId,
    service_key: serviceKey,
    service_alias: aliasOf(serviceId),
    service_cname: part.cname,
    service_region: at.region,
    desc: 'install from market app',
    category: part.category,
    version: version,
    update_version: 1,
    image: `${part.image}:${version}`,
    cmd: '',
    min_node: 1,
    min_cpu: 250,
    container_gpu: 0,
    min_memory: part.memoryMb,
    extend_method: 'stateless_multiple',
    code_from: '',
    git_url: null,
    git_project_id: 0,
    code_version: null,
    service_type: 'application',
    creater: at.userId,
    language: '',
    total_memory: part.memoryMb,
    is_service: false,
    service_origin: 'assistant',
    tenant_service_group_id: at.groupId,
    open_webhooks: false,
    service_source: 'market',
    create_status: 'complete',
    check_uuid: '',
    check_event_id: '',
    docker_cmd: null,
    server_type: 'git',
    is_upgrate: false,
    build_upgrade: true,
    oauth_service_id: null,
    k8s_component_name: at.k8sName,
  };
}

/** A copy of `original` under a new id, placed as `at`. */
export function copiedComponent(original: ServiceBaseInfo, at: Placement): ServiceBaseInfo {
  const serviceId = newServiceId();
  return {
    ...original,
    access_infos: [],
    service_id: serviceId,
    service_alias: aliasOf(serviceId),
    tenant_id: at.tenantId,
    service_region: at.region,
    tenant_service_group_id: at.groupId,
    creater: at.userId,
    k8s_component_name: at.k8sName,
  };
}

const newServiceId = () => randomBytes(16).toString('hex');
const aliasOf = (serviceId: string) => `gr${serviceId.slice(-6)}`;
