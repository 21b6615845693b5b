import type { TeamContext } from '../teams/team-context';
import type { ListUpgrade, MarketInstall, ServiceBaseInfo } from './rainbond.wire';

/*
 * Seed examples (shared/seeds 000, 002, 003) as written, except keys with a stray space inside
 * (" tenant_service_group_id", "buil d_upgrade", " can_upgrade"): those are documentation artifacts.
 */

/** 000 install, "响应示例" `service_list[0]`. */
export const SEED_SERVICE_BASE_INFO: ServiceBaseInfo = {
  status: '',
  access_infos: ['string'],
  service_id: 'string',
  tenant_id: 'string',
  service_key: 'string',
  service_alias: 'string',
  service_cname: 'string',
  service_region: 'string',
  desc: 'string',
  category: 'string',
  version: 'string',
  update_version: 3,
  image: 'string',
  cmd: 'string',
  min_node: 3,
  min_cpu: 3,
  container_gpu: 3,
  min_memory: 3,
  extend_method: 'string',
  code_from: 'string',
  git_url: 'string',
  git_project_id: 3,
  code_version: 'string',
  service_type: 'string',
  creater: 3,
  language: 'string',
  total_memory: 3,
  is_service: true,
  service_origin: 'string',
  tenant_service_group_id: 3,
  open_webhooks: true,
  service_source: 'string',
  create_status: 'string',
  check_uuid: 'string',
  check_event_id: 'string',
  docker_cmd: 'string',
  server_type: 'string',
  is_upgrate: true,
  build_upgrade: true,
  oauth_service_id: 3,
  k8s_component_name: 'string',
};

/** 000 install, "响应示例". */
export const SEED_MARKET_INSTALL: MarketInstall = {
  enterprise_id: 'string',
  team_id: 'string',
  note: 'string',
  ID: 3,
  region_name: 'string',
  service_list: [SEED_SERVICE_BASE_INFO],
};

/** 000 install, "Body 请求体示例". */
export const SEED_INSTALL_BODY = {
  market_url: 'https://hub.grapps.cn',
  market_domain: 'rainbond',
  market_type: 'rainstance',
  market_access_key: '123456789012340af5dff63cb740788e',
  app_model_id: 'string',
  app_model_version: 'string',
};

/** 003 upgrade, "响应示例" item. */
export const SEED_LIST_UPGRADE: ListUpgrade = {
  market_name: 'string',
  app_model_id: 'string',
  app_model_name: 'string',
  current_version: 'string',
  enterprise_id: 'string',
  can_upgrade: true,
  upgrade_versions: ['string'],
  source: 'string',
};

/** A ServiceBaseInfo whose every field has a value no other field has, so a swap cannot pass. */
export function distinctServiceBaseInfo(): ServiceBaseInfo {
  return {
    status: 'running',
    access_infos: ['http://nginx.example:80'],
    service_id: 'sid-6a1b2c3d',
    tenant_id: 'tid-a1c2e3f4',
    service_key: 'skey-nginx',
    service_alias: 'gr7e8f9a',
    service_cname: 'nginx',
    service_region: 'region-1',
    desc: 'web front',
    category: 'application',
    version: '1.25',
    update_version: 11,
    image: 'nginx:1.25',
    cmd: 'nginx -g daemon-off',
    min_node: 12,
    min_cpu: 13,
    container_gpu: 14,
    min_memory: 15,
    extend_method: 'stateless_multiple',
    code_from: 'gitlab',
    git_url: 'https://git.example/nginx.git',
    git_project_id: 16,
    code_version: 'main',
    service_type: 'web',
    creater: 17,
    language: 'static',
    total_memory: 18,
    is_service: true,
    service_origin: 'assistant',
    tenant_service_group_id: 19,
    open_webhooks: false,
    service_source: 'market',
    create_status: 'complete',
    check_uuid: 'check-uuid-1',
    check_event_id: 'check-event-1',
    docker_cmd: 'docker run nginx',
    server_type: 'git',
    is_upgrate: true,
    build_upgrade: false,
    oauth_service_id: 20,
    k8s_component_name: 'nginx-k8s',
  };
}

export function rainbondTeam(
  key: string,
  rainbond: Partial<NonNullable<TeamContext['rainbond']>> = {},
): TeamContext {
  return {
    key,
    displayName: key,
    rainbond: {
      baseUrl: 'http://rainbond.test',
      teamName: `${key}-tenant`,
      regions: ['region-1'],
      timeZone: 'Asia/Shanghai',
      ...rainbond,
    },
  };
}
