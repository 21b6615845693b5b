import {
  distinctServiceBaseInfo,
  SEED_LIST_UPGRADE,
  SEED_MARKET_INSTALL,
  SEED_SERVICE_BASE_INFO,
} from './rainbond.test-helpers';
import {
  appCopyCResSchema,
  marketInstallSchema,
  serviceBaseInfoSchema,
  upgradeResponseSchema,
} from './rainbond.wire';

describe('Rainbond response schemas', () => {
  it.each([
    ['MarketInstall', marketInstallSchema, SEED_MARKET_INSTALL],
    ['AppCopyCRes', appCopyCResSchema, { services: [SEED_SERVICE_BASE_INFO] }],
    ['ListUpgrade[]', upgradeResponseSchema, [SEED_LIST_UPGRADE]],
  ] as const)('accepts the %s seed example', (_, schema, example) => {
    expect(schema.parse(example)).toStrictEqual(example);
  });

  it('keeps fields the seeds do not list, so they reach raw', () => {
    const parsed = marketInstallSchema.parse({
      ...SEED_MARKET_INSTALL,
      app_store_name: 'extra',
      service_list: [{ ...SEED_SERVICE_BASE_INFO, deploy_version: '20240101' }],
    });
    expect(parsed).toHaveProperty('app_store_name', 'extra');
    expect(parsed.service_list[0]).toHaveProperty('deploy_version', '20240101');
  });

  it.each([
    'service_id',
    'tenant_id',
    'service_key',
    'service_alias',
    'service_region',
    'category',
    'version',
    'image',
    'k8s_component_name',
  ])('rejects a component without the required %s', (field) => {
    const wire: Record<string, unknown> = distinctServiceBaseInfo();
    delete wire[field];
    expect(serviceBaseInfoSchema.safeParse(wire).success).toBe(false);
  });

  it.each([
    'desc',
    'cmd',
    'code_from',
    'git_url',
    'code_version',
    'service_type',
    'language',
    'service_source',
    'create_status',
    'check_uuid',
    'check_event_id',
    'docker_cmd',
    'oauth_service_id',
  ])('accepts null for the nullable %s', (field) => {
    expect(
      serviceBaseInfoSchema.safeParse({ ...SEED_SERVICE_BASE_INFO, [field]: null }).success,
    ).toBe(true);
  });

  it('spells the typo fields as the wire does', () => {
    const keys = Object.keys(serviceBaseInfoSchema.shape);
    expect(keys).toEqual(expect.arrayContaining(['creater', 'is_upgrate']));
    expect(keys).not.toEqual(expect.arrayContaining(['creator']));
  });

  it.each([
    ['ID', 'a string', { ...SEED_MARKET_INSTALL, ID: '3' }],
    ['service_list', 'missing', { ...SEED_MARKET_INSTALL, service_list: undefined }],
  ])('rejects a MarketInstall whose %s is %s', (_, __, body) => {
    expect(marketInstallSchema.safeParse(body).success).toBe(false);
  });

  it('rejects a ListUpgrade without can_upgrade', () => {
    const rest: Record<string, unknown> = { ...SEED_LIST_UPGRADE };
    delete rest.can_upgrade;
    expect(upgradeResponseSchema.safeParse([rest]).success).toBe(false);
  });
});
