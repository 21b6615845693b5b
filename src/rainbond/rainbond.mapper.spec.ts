import type { RainbondAppRef } from './rainbond.provider';
import type { CopyApplicationRequest } from '../applications/dto/copy-application.dto';
import type { InstallApplicationRequest } from '../applications/dto/install-application.dto';
import type { UpgradeApplicationRequest } from '../applications/dto/upgrade-application.dto';
import type { UpgradeOption } from '../applications/models/upgrade-option.model';
import { toComponent } from './rainbond-component.mapper';
import {
  fromAppBaseInfo,
  fromAppCopy,
  fromAppInfo,
  fromMarketInstall,
  fromUpgrade,
  toCopyBody,
  type RainbondReadContext,
  toInstallBody,
  toInstallQuery,
  toUpgradeBody,
  toUpgradeOption,
  toUpgradeResult,
} from './rainbond.mapper';
import {
  distinctServiceBaseInfo,
  SEED_INSTALL_BODY,
  SEED_LIST_UPGRADE,
  SEED_MARKET_INSTALL,
  SEED_SERVICE_BASE_INFO,
} from './rainbond.test-helpers';
import type { AppBaseInfo, AppInfo, ListUpgrade } from './rainbond.wire';

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

const CONTEXT: RainbondReadContext = { team: 'acme', timeZone: 'Asia/Shanghai' };

const APP_INFO: AppInfo = {
  app_id: 1,
  team_name: 'acme-tenant',
  tenant_id: 'tid-a1c2e3f4',
  group_name: 'demo-shop',
  region_name: 'region-1',
  note: '',
  enterprise_id: 'eid-e0f1',
  service_count: 2,
  running_service_count: 1,
  status: 'part_running',
  create_time: '2026-12-01T17:00:06.815000',
  update_time: '2026-12-01T18:30:00.000000',
  username: 'ada',
  logo: '',
  k8s_app: 'demo-shop',
  app_type: 'rainbond',
};

describe('AppBaseInfo → Application (list item)', () => {
  const wire: AppBaseInfo = {
    ID: 7,
    tenant_id: 'tid-a1c2e3f4',
    group_name: 'demo-shop',
    region_name: 'region-1',
    note: 'the shop',
    create_time: '2026-12-01T17:00:06.815000',
    update_time: '2026-12-01T17:00:06.816000',
    username: 'ada',
  };
  const app = fromAppBaseInfo(CONTEXT, 'region-1', wire);

  it('reads the naive times in the installation zone and writes UTC with milliseconds', () => {
    expect(app.createdAt).toBe('2026-12-01T09:00:06.815Z');
    expect(app.updatedAt).toBe('2026-12-01T09:00:06.816Z');
    const newYork = fromAppBaseInfo({ ...CONTEXT, timeZone: 'America/New_York' }, 'r', wire);
    expect(newYork.createdAt).toBe('2026-12-01T22:00:06.815Z');
  });

  it('names the owner by gateway team and Rainbond tenant, and keeps the body as raw', () => {
    expect(app).toMatchObject({
      id: 'rainbond:region-1:7',
      provider: 'rainbond',
      name: 'demo-shop',
      description: 'the shop',
      owner: { team: 'acme', tenantId: 'tid-a1c2e3f4', createdBy: 'ada' },
      rainbond: { region: 'region-1' },
    });
    expect(app.raw).toBe(wire);
  });

  it('an unreadable time is a bad upstream body, never passed through', () => {
    expect(() =>
      fromAppBaseInfo(CONTEXT, 'region-1', { ...wire, update_time: '01/12/2026 17:00' }),
    ).toThrow(expect.objectContaining({ kind: 'bad-body', provider: 'rainbond' }));
  });

  it('an empty note or missing time is absent, not "" or null', () => {
    const sparse = fromAppBaseInfo(CONTEXT, 'region-1', {
      ...wire,
      note: '',
      create_time: null,
      update_time: undefined,
    });
    const json = JSON.parse(JSON.stringify({ ...sparse, raw: undefined })) as object;
    expect(json).not.toHaveProperty('description');
    expect(json).not.toHaveProperty('createdAt');
    expect(JSON.stringify(json)).not.toMatch(/""|null/);
  });
});

describe('AppInfo → Application (get by id)', () => {
  const components = [distinctServiceBaseInfo()];
  const app = fromAppInfo(CONTEXT, SOURCE, APP_INFO, components);

  it.each([
    ['running', 'running'],
    ['part_running', 'partially-running'],
    ['closed', 'stopped'],
  ])('status %s is %s, and rainbond.status keeps the upstream word', (wire, status) => {
    const read = fromAppInfo(CONTEXT, SOURCE, { ...APP_INFO, status: wire }, components);
    expect(read.status).toBe(status);
    expect(read.rainbond?.status).toBe(wire);
  });

  it('maps the app fields into their groups and every component', () => {
    expect(app).toMatchObject({
      id: 'rainbond:region-1:1',
      name: 'demo-shop',
      createdAt: '2026-12-01T09:00:06.815Z',
      updatedAt: '2026-12-01T10:30:00.000Z',
      owner: { team: 'acme', tenantId: 'tid-a1c2e3f4', createdBy: 'ada' },
      rainbond: {
        region: 'region-1',
        enterpriseId: 'eid-e0f1',
        componentCount: 2,
        runningComponentCount: 1,
        appType: 'rainbond',
        k8sName: 'demo-shop',
      },
    });
    expect(app.components).toStrictEqual(components.map(toComponent));
    expect(app.raw).toStrictEqual({ app: APP_INFO, services: components });
  });
});

describe('MarketInstall → Application (install answer)', () => {
  it('with the app read after it: the same shape as get by id, every component of service_list', () => {
    const app = fromMarketInstall(CONTEXT, SOURCE, SEED_MARKET_INSTALL, APP_INFO);
    const { raw: _getRaw, ...asRead } = fromAppInfo(
      CONTEXT,
      { ...SOURCE, appId: 3 },
      APP_INFO,
      SEED_MARKET_INSTALL.service_list,
    );
    const { raw, ...installed } = app;
    expect(installed).toStrictEqual({
      ...asRead,
      owner: { ...asRead.owner, tenantId: 'string' },
      rainbond: { ...asRead.rainbond, region: 'string', enterpriseId: 'string' },
    });
    expect(raw).toStrictEqual({ install: SEED_MARKET_INSTALL, app: APP_INFO });
  });

  it('ids the app rainbond:{region}:{ID} with the region it was called on', () => {
    const app = fromMarketInstall(CONTEXT, SOURCE, SEED_MARKET_INSTALL);
    expect(app.id).toBe('rainbond:region-1:3');
  });

  it('without the read: what the install body holds', () => {
    const app = fromMarketInstall(CONTEXT, SOURCE, SEED_MARKET_INSTALL);
    expect(app).toMatchObject({
      provider: 'rainbond',
      description: 'string',
      owner: { team: 'acme', tenantId: 'string' },
      rainbond: { region: 'string', enterpriseId: 'string' },
    });
    expect(app.components).toStrictEqual([toComponent(SEED_SERVICE_BASE_INFO)]);
    expect(app.raw).toStrictEqual({ install: SEED_MARKET_INSTALL });
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

describe('AppCopyCRes → Application (copy answer)', () => {
  const wire = { services: [distinctServiceBaseInfo()] };

  it('is the target application with the components the copy created, owned by the target team', () => {
    const app = fromAppCopy({ ...CONTEXT, team: 'globex' }, TARGET, wire, {
      ...APP_INFO,
      app_id: 2,
    });
    expect(app).toMatchObject({
      id: 'rainbond:region-2:2',
      owner: { team: 'globex' },
      components: [toComponent(distinctServiceBaseInfo())],
    });
    expect(app.raw).toStrictEqual({ copy: wire, app: { ...APP_INFO, app_id: 2 } });
  });

  it('without the read: the target id, region and the created components', () => {
    expect(fromAppCopy({ ...CONTEXT, team: 'globex' }, TARGET, wire)).toStrictEqual({
      id: 'rainbond:region-2:2',
      provider: 'rainbond',
      owner: { team: 'globex' },
      rainbond: { region: 'region-2' },
      components: [toComponent(distinctServiceBaseInfo())],
      raw: { copy: wire },
    });
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

  it('the upgrade answer is the application with its app models and its components', () => {
    const components = [distinctServiceBaseInfo()];
    const app = fromUpgrade(CONTEXT, SOURCE, [wire], { info: APP_INFO, components });
    expect(app.id).toBe('rainbond:region-1:1');
    expect(app.rainbond?.appModels).toStrictEqual([toUpgradeOption(wire)]);
    expect(app.components).toStrictEqual(components.map(toComponent));
    expect(app.raw).toStrictEqual({ upgrade: [wire], app: APP_INFO, services: components });
  });

  it('the upgrade answer without the read: id, owner, region and app models', () => {
    expect(fromUpgrade(CONTEXT, SOURCE, [wire])).toStrictEqual({
      id: 'rainbond:region-1:1',
      provider: 'rainbond',
      owner: { team: 'acme' },
      rainbond: { region: 'region-1', appModels: [toUpgradeOption(wire)] },
      raw: { upgrade: [wire] },
    });
  });
});
