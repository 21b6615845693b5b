import type { RainbondAppRef } from '../applications/application-id';
import type { CopyApplicationRequest } from '../applications/dto/copy-application.dto';
import type { InstallApplicationRequest } from '../applications/dto/install-application.dto';
import type { UpgradeApplicationRequest } from '../applications/dto/upgrade-application.dto';
import type { Component } from '../applications/models/component.model';
import type { UpgradeOption } from '../applications/models/upgrade-option.model';
import {
  toApplication,
  toComponent,
  toCopyBody,
  toCopyResult,
  toInstallBody,
  toInstallQuery,
  toUpgradeBody,
  toUpgradeOption,
  toUpgradeResult,
} from './rainbond.mapper';
import {
  distinctServiceBaseInfo,
  rainbondTeam,
  SEED_INSTALL_BODY,
  SEED_LIST_UPGRADE,
  SEED_MARKET_INSTALL,
  SEED_SERVICE_BASE_INFO,
} from './rainbond.test-helpers';
import { serviceBaseInfoSchema, type ListUpgrade, type ServiceBaseInfo } from './rainbond.wire';

const SOURCE: RainbondAppRef = { provider: 'rainbond', region: 'region-1', appId: 1 };
const TARGET: RainbondAppRef = { provider: 'rainbond', region: 'region-2', appId: 2 };

describe('install request → Install body', () => {
  const request: InstallApplicationRequest = {
    market: {
      url: 'https://hub.grapps.cn',
      domain: 'rainbond',
      type: 'rainstance',
      accessKey: '123456789012340af5dff63cb740788e',
    },
    appModelId: 'string',
    appModelVersion: 'string',
    deploy: true,
  };

  it('builds the seed body example exactly, and nothing else (deploy is not a body field)', () => {
    expect(toInstallBody(request)).toStrictEqual(SEED_INSTALL_BODY);
  });

  it.each([
    ['market_url', (r: InstallApplicationRequest) => r.market.url],
    ['market_domain', (r: InstallApplicationRequest) => r.market.domain],
    ['market_type', (r: InstallApplicationRequest) => r.market.type],
    ['market_access_key', (r: InstallApplicationRequest) => r.market.accessKey],
    ['app_model_id', (r: InstallApplicationRequest) => r.appModelId],
    ['app_model_version', (r: InstallApplicationRequest) => r.appModelVersion],
  ])('%s comes from its request field', (wire, pick) => {
    const distinct: InstallApplicationRequest = {
      market: { url: 'https://m.example', domain: 'dom', type: 'typ', accessKey: 'key' },
      appModelId: 'model',
      appModelVersion: '9.9.9',
    };
    expect(toInstallBody(distinct)[wire as keyof typeof SEED_INSTALL_BODY]).toBe(pick(distinct));
  });

  it('defaults market_type to rainstore and sends a missing access key as null', () => {
    const body = toInstallBody({
      market: { url: 'https://hub.grapps.cn', domain: 'rainbond' },
      appModelId: 'a1b2c3d4e5f6',
      appModelVersion: '1.0.0',
    });
    expect(body.market_type).toBe('rainstore');
    expect(body).toHaveProperty('market_access_key', null);
  });

  it.each([
    [true, { is_deploy: 'true', is_upload: 'true' }],
    [false, undefined],
    [undefined, undefined],
  ])('deploy %s gives the query %j', (deploy, query) => {
    expect(toInstallQuery({ ...request, deploy })).toStrictEqual(query);
  });
});

/** Every ServiceBaseInfo wire field and the Component property it lands in. */
const COMPONENT_FIELDS: [keyof ServiceBaseInfo, keyof Component][] = [
  ['service_id', 'id'],
  ['service_cname', 'name'],
  ['service_alias', 'alias'],
  ['service_key', 'key'],
  ['k8s_component_name', 'k8sComponentName'],
  ['status', 'status'],
  ['access_infos', 'accessInfos'],
  ['tenant_id', 'tenantId'],
  ['service_region', 'region'],
  ['desc', 'description'],
  ['category', 'category'],
  ['version', 'version'],
  ['update_version', 'updateVersion'],
  ['image', 'image'],
  ['cmd', 'cmd'],
  ['min_node', 'replicas'],
  ['min_cpu', 'cpuMillicores'],
  ['container_gpu', 'gpuMemory'],
  ['min_memory', 'memoryMb'],
  ['total_memory', 'totalMemoryMb'],
  ['extend_method', 'extendMethod'],
  ['code_from', 'codeFrom'],
  ['git_url', 'gitUrl'],
  ['git_project_id', 'gitProjectId'],
  ['code_version', 'codeVersion'],
  ['service_type', 'serviceType'],
  ['creater', 'creatorId'],
  ['language', 'language'],
  ['is_service', 'isService'],
  ['service_origin', 'origin'],
  ['tenant_service_group_id', 'componentGroupId'],
  ['open_webhooks', 'webhooksEnabled'],
  ['service_source', 'source'],
  ['create_status', 'createStatus'],
  ['check_uuid', 'checkUuid'],
  ['check_event_id', 'checkEventId'],
  ['docker_cmd', 'dockerCmd'],
  ['server_type', 'serverType'],
  ['is_upgrate', 'upgradable'],
  ['build_upgrade', 'upgradeAfterBuild'],
  ['oauth_service_id', 'oauthServiceId'],
];

describe('ServiceBaseInfo → Component', () => {
  const wire = distinctServiceBaseInfo();
  const component = toComponent(wire);

  it.each(COMPONENT_FIELDS)('%s → %s', (wireField, modelField) => {
    expect(wire[wireField]).toBeDefined();
    expect(component[modelField]).toStrictEqual(wire[wireField]);
  });

  it('the table covers every wire field of the schema and every mapped property', () => {
    const wireFields = COMPONENT_FIELDS.map(([w]) => w).sort();
    expect(wireFields).toEqual(Object.keys(serviceBaseInfoSchema.shape).sort());
    expect(Object.keys(component).sort()).toEqual(COMPONENT_FIELDS.map(([, m]) => m).sort());
  });

  it('keeps the typo wire names: creater → creatorId, is_upgrate → upgradable', () => {
    expect(toComponent(SEED_SERVICE_BASE_INFO)).toMatchObject({ creatorId: 3, upgradable: true });
  });

  it('keeps null for the nullable fields and leaves absent optional fields undefined', () => {
    const sparse = toComponent({
      service_id: 's',
      tenant_id: 't',
      service_key: 'k',
      service_alias: 'a',
      service_region: 'r',
      category: 'cache',
      version: '7',
      image: 'redis',
      k8s_component_name: 'redis',
      desc: null,
      oauth_service_id: null,
    });
    expect(sparse.description).toBeNull();
    expect(sparse.oauthServiceId).toBeNull();
    expect(sparse.replicas).toBeUndefined();
    expect(JSON.parse(JSON.stringify(sparse))).not.toHaveProperty('name');
  });

  it('does not copy unknown upstream fields into the component', () => {
    expect(toComponent({ ...wire, surprise: 'x' })).not.toHaveProperty('surprise');
  });
});

describe('MarketInstall → Application', () => {
  const app = toApplication(SOURCE, SEED_MARKET_INSTALL);

  it('ids the app rainbond:{region}:{ID} with the region it was called on', () => {
    expect(app.id).toBe('rainbond:region-1:3');
    expect(app.provider).toBe('rainbond');
  });

  it.each([
    ['enterprise_id', 'enterpriseId'],
    ['team_id', 'teamId'],
    ['region_name', 'region'],
    ['note', 'note'],
  ] as const)('%s → rainbond.%s', (wireField, modelField) => {
    const wire = { ...SEED_MARKET_INSTALL, [wireField]: `distinct-${wireField}` };
    expect(toApplication(SOURCE, wire).rainbond?.[modelField]).toBe(`distinct-${wireField}`);
  });

  it('keeps a null note', () => {
    expect(toApplication(SOURCE, { ...SEED_MARKET_INSTALL, note: null }).rainbond?.note).toBeNull();
  });

  it('maps every service_list entry with the one component mapping and keeps the body as raw', () => {
    expect(app.components).toStrictEqual([toComponent(SEED_SERVICE_BASE_INFO)]);
    expect(app.raw).toBe(SEED_MARKET_INSTALL);
  });
});

describe('copy request → AppCopyC body', () => {
  it('builds the seed body example', () => {
    const request: CopyApplicationRequest = {
      target: { team: 'globex', applicationId: 'rainbond:region-2:2' },
      components: [{ id: 'string' }],
    };
    expect(toCopyBody(request, 'string', TARGET)).toStrictEqual({
      services: [{ service_id: 'string' }],
      target_team_name: 'string',
      target_region_name: 'region-2',
      target_app_id: 2,
    });
  });

  it.each([
    ['omitted', undefined],
    ['empty', []],
  ])('copies all components when the list is %s (services: [])', (_, components) => {
    const request = {
      target: { team: 'globex', applicationId: 'rainbond:region-2:2' },
      components,
    };
    expect(toCopyBody(request, 'p27q8xfm', TARGET).services).toStrictEqual([]);
  });

  it('sends change only for components that have one', () => {
    const request: CopyApplicationRequest = {
      target: { team: 'globex', applicationId: 'rainbond:region-2:2' },
      components: [{ id: 'c1', change: '{"envs":{}}' }, { id: 'c2' }],
    };
    expect(toCopyBody(request, 'p27q8xfm', TARGET).services).toStrictEqual([
      { service_id: 'c1', change: '{"envs":{}}' },
      { service_id: 'c2' },
    ]);
  });
});

describe('AppCopyCRes → CopyResult', () => {
  it('names source and target by public id, maps services and keeps raw', () => {
    const wire = { services: [distinctServiceBaseInfo()] };
    const result = toCopyResult(SOURCE, { team: rainbondTeam('globex'), app: TARGET }, wire);
    expect(result).toStrictEqual({
      sourceApplicationId: 'rainbond:region-1:1',
      target: { team: 'globex', applicationId: 'rainbond:region-2:2' },
      components: [toComponent(distinctServiceBaseInfo())],
      raw: wire,
    });
    expect(result.raw).toBe(wire);
  });
});

describe('upgrade request → Upgrade body', () => {
  it('builds the seed body example', () => {
    const request: UpgradeApplicationRequest = {
      versions: [{ marketName: 'string', appModelId: 'string', appModelVersion: 'string' }],
    };
    expect(toUpgradeBody(request)).toStrictEqual({
      update_versions: [
        { market_name: 'string', app_model_id: 'string', app_model_version: 'string' },
      ],
    });
  });

  it('maps each field from its own input and sends a missing market name as null', () => {
    const body = toUpgradeBody({
      versions: [
        { marketName: 'rainstore', appModelId: 'm1', appModelVersion: '1.1.0' },
        { appModelId: 'm2', appModelVersion: '2.0.0' },
      ],
    });
    expect(body.update_versions).toStrictEqual([
      { market_name: 'rainstore', app_model_id: 'm1', app_model_version: '1.1.0' },
      { market_name: null, app_model_id: 'm2', app_model_version: '2.0.0' },
    ]);
  });
});

const UPGRADE_FIELDS: [keyof ListUpgrade, keyof UpgradeOption][] = [
  ['market_name', 'marketName'],
  ['app_model_id', 'appModelId'],
  ['app_model_name', 'appModelName'],
  ['current_version', 'currentVersion'],
  ['enterprise_id', 'enterpriseId'],
  ['can_upgrade', 'canUpgrade'],
  ['upgrade_versions', 'upgradeVersions'],
  ['source', 'source'],
];

describe('ListUpgrade → UpgradeOption', () => {
  const wire: ListUpgrade = {
    market_name: 'rainstore',
    app_model_id: 'a1b2c3d4e5f6',
    app_model_name: 'nginx-demo',
    current_version: '1.0.0',
    enterprise_id: 'e0f1',
    can_upgrade: true,
    upgrade_versions: ['1.1.0', '1.2.0'],
    source: 'market',
  };

  it.each(UPGRADE_FIELDS)('%s → %s', (wireField, modelField) => {
    expect(toUpgradeOption(wire)[modelField]).toStrictEqual(wire[wireField]);
  });

  it('maps the seed example and nothing more', () => {
    expect(Object.keys(toUpgradeOption(SEED_LIST_UPGRADE)).sort()).toEqual(
      UPGRADE_FIELDS.map(([, m]) => m).sort(),
    );
  });

  it('an upgrade result names the application, lists the options and keeps raw', () => {
    const body = [wire, SEED_LIST_UPGRADE];
    const result = toUpgradeResult(SOURCE, body);
    expect(result.applicationId).toBe('rainbond:region-1:1');
    expect(result.options).toStrictEqual(body.map(toUpgradeOption));
    expect(result.raw).toBe(body);
  });
});
