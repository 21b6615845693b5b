import type { PublishAppWarehouseRequest } from './publish-app-warehouse.dto';
import { WAREHOUSE_CATEGORIES } from '../applications/models/workspace-enums';
import {
  CATEGORY_TO_WIRE,
  categoryFromWire,
  fromCreateWarehouseAppResponse,
  toCreateWarehouseAppRequest,
  verifyStatusFromWire,
} from './app-warehouse.mapper';
import { createWarehouseAppResponseSchema, WIRE_APP_CATEGORIES } from './app-warehouse.wire';
import { SEED_CREATE_WAREHOUSE_APP_RESPONSE, SEED_ICON } from './workspace.test-helpers';

/** Seed 004, "Example Requests" (the icon replaced by a valid one). */
const SEED_REQUEST = {
  app_name: 'Postman',
  app_category: 'PRODUCTIVITY_AND_COLLABORATION',
  os_type: 'Windows',
  version_name: 'Canary',
  version_id: '7.9.0.0',
  appfile_store_path: 'file/Postman.exe',
  app_description: 'A postman setup exe.',
  app_icon: SEED_ICON,
  app_file_size: 401,
};

function publicRequest(
  overrides: Partial<PublishAppWarehouseRequest> = {},
): PublishAppWarehouseRequest {
  return {
    provider: 'app-warehouse',
    name: 'Postman',
    category: 'PRODUCTIVITY_AND_COLLABORATION',
    os: 'Windows',
    version: '7.9.0.0',
    versionName: 'Canary',
    description: 'A postman setup exe.',
    fileStorePath: 'file/Postman.exe',
    icon: SEED_ICON,
    fileSizeKb: 401,
    ...overrides,
  };
}

const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
const respond = (body: object) =>
  fromCreateWarehouseAppResponse('acme', createWarehouseAppResponseSchema.parse(body));

describe('toCreateWarehouseAppRequest', () => {
  it('maps the seed example field by field to exactly the seed request body', () => {
    expect(asJson(toCreateWarehouseAppRequest(publicRequest()))).toEqual(SEED_REQUEST);
  });

  it.each([
    ['BUSINESS_INTELLIGENCE', 'BUSSINESS_INTELLIGENCE'],
    ['WEB_AND_APPLICATION', 'WEB_ADN_APPLICATION'],
    ['GAME', 'GAME'],
    ['SECURE_STORAGE', 'SECURE_STORAGE'],
    ['MULTIMEDIA_AND_CODING', 'MULTIMEDIA_AND_CODING'],
    ['PROJECT_MANAGEMENT', 'PROJECT_MANAGEMENT'],
    ['PRODUCTIVITY_AND_COLLABORATION', 'PRODUCTIVITY_AND_COLLABORATION'],
    ['GRAPHIC_DESIGN', 'GRAPHIC_DESIGN'],
    ['OTHER', 'OTHER'],
  ] as const)('sends category %s as the wire value %s', (clean, wire) => {
    expect(toCreateWarehouseAppRequest(publicRequest({ category: clean })).app_category).toBe(wire);
  });

  it('has a wire value for every public category and a public one for every wire value', () => {
    expect(Object.keys(CATEGORY_TO_WIRE).sort()).toEqual([...WAREHOUSE_CATEGORIES].sort());
    expect(Object.values(CATEGORY_TO_WIRE).sort()).toEqual([...WIRE_APP_CATEGORIES].sort());
  });

  it('nests extendedInfo under app_extended_info.extended_info', () => {
    const request = publicRequest({ extendedInfo: { vendor: 'Postman Inc.', tier: 'free' } });
    expect(toCreateWarehouseAppRequest(request).app_extended_info).toEqual({
      extended_info: { vendor: 'Postman Inc.', tier: 'free' },
    });
  });

  it('leaves optional fields out when they are not given', () => {
    const request = publicRequest({
      description: undefined,
      icon: undefined,
      fileSizeKb: undefined,
    });
    expect(Object.keys(asJson(toCreateWarehouseAppRequest(request)) as object).sort()).toEqual(
      [
        'app_name',
        'app_category',
        'os_type',
        'version_id',
        'version_name',
        'appfile_store_path',
      ].sort(),
    );
  });
});

describe('fromCreateWarehouseAppResponse', () => {
  const app = respond(SEED_CREATE_WAREHOUSE_APP_RESPONSE);

  it('maps the common fields of the seed response, the id from app_id', () => {
    expect(app).toMatchObject({
      id: 'app-warehouse:694648268205850627',
      provider: 'app-warehouse',
      name: 'Postman',
      description: 'A postman setup exe.',
      version: '7.9.0.0',
      os: 'Windows',
      icon: SEED_ICON,
      status: 'in-review',
      owner: { team: 'acme', tenantId: '26a0420e9e284569a23f1b2f7d9b5011' },
      createdAt: '2024-05-07T07:16:27.791Z',
      updatedAt: '2024-05-07T07:16:27.791Z',
    });
    expect(app.appCenter).toBeUndefined();
  });

  it.each([
    ['VERIFYING', 'in-review'],
    ['VERIFY_PASS', 'available'],
    ['Verify_FAIL', 'rejected'],
    ['VERIFY_LATER', 'unknown'],
  ])('verify_status %s makes the application %s', (wire, status) => {
    expect(respond({ ...SEED_CREATE_WAREHOUSE_APP_RESPONSE, verify_status: wire }).status).toBe(
      status,
    );
  });

  it('a modify_time with no fractional digits is normalized; an unreadable one is a bad body', () => {
    const whole = respond({
      ...SEED_CREATE_WAREHOUSE_APP_RESPONSE,
      modify_time: '2024-05-07T07:16:27Z',
    });
    expect(whole.updatedAt).toBe('2024-05-07T07:16:27.000Z');
    expect(() =>
      respond({ ...SEED_CREATE_WAREHOUSE_APP_RESPONSE, modify_time: '2024-05-07 07:16' }),
    ).toThrow(expect.objectContaining({ kind: 'bad-body', provider: 'app-warehouse' }));
  });

  it('maps the warehouse details, the string app_file_size as a number', () => {
    expect(app.appWarehouse).toEqual({
      recordId: '694648268272959491',
      category: 'PRODUCTIVITY_AND_COLLABORATION',
      versionName: 'Canary',
      fileStorePath: 'file/Postman.exe',
      fileSizeKb: 401,
      iconStorePath: undefined,
      verification: { status: 'VERIFYING', comment: undefined, verifiedAt: undefined },
      extendedInfo: undefined,
    });
  });

  it('keeps the body as received in raw', () => {
    expect(app.raw).toEqual(SEED_CREATE_WAREHOUSE_APP_RESPONSE);
  });

  it('maps verification, icon store path and extended info when present', () => {
    const mapped = respond({
      ...SEED_CREATE_WAREHOUSE_APP_RESPONSE,
      verify_status: 'Verify_FAIL',
      verify_comment: 'virus found',
      verify_time: '2024-05-08T00:00:00Z',
      appicon_store_path: 'icon/Postman.png',
      app_extended_info: { extended_info: { vendor: 'Postman Inc.' } },
    });
    expect(mapped.appWarehouse).toMatchObject({
      iconStorePath: 'icon/Postman.png',
      verification: {
        status: 'VERIFY_FAIL',
        comment: 'virus found',
        verifiedAt: '2024-05-08T00:00:00.000Z',
      },
      extendedInfo: { vendor: 'Postman Inc.' },
    });
  });

  it.each([
    ['BUSSINESS_INTELLIGENCE', 'BUSINESS_INTELLIGENCE'],
    ['WEB_ADN_APPLICATION', 'WEB_AND_APPLICATION'],
    ['GAME', 'GAME'],
    ['OTHER', 'OTHER'],
    ['SOMETHING_NEW', 'SOMETHING_NEW'],
  ])('reads wire category %s as %s', (wire, clean) => {
    expect(categoryFromWire(wire)).toBe(clean);
    expect(
      respond({ ...SEED_CREATE_WAREHOUSE_APP_RESPONSE, app_category: wire }).appWarehouse?.category,
    ).toBe(clean);
  });

  it.each([
    ['Verify_FAIL', 'VERIFY_FAIL'],
    ['VERIFYING', 'VERIFYING'],
    ['VERIFY_PASS', 'VERIFY_PASS'],
    ['VERIFY_LATER', 'VERIFY_LATER'],
    ['toString', 'toString'],
  ])('reads wire verify_status %s as %s', (wire, clean) => {
    expect(verifyStatusFromWire(wire)).toBe(clean);
  });

  it.each([
    ['401', 401],
    [401, 401],
    ['0', 0],
    ['', undefined],
    ['4.5', undefined],
    ['big', undefined],
    [null, undefined],
  ])('reads app_file_size %p as %p', (wire, kb) => {
    expect(
      respond({ ...SEED_CREATE_WAREHOUSE_APP_RESPONSE, app_file_size: wire }).appWarehouse
        ?.fileSizeKb,
    ).toBe(kb);
  });

  it('rejects a body without app_id', () => {
    const withoutAppId: Record<string, unknown> = { ...SEED_CREATE_WAREHOUSE_APP_RESPONSE };
    delete withoutAppId.app_id;
    expect(createWarehouseAppResponseSchema.safeParse(withoutAppId).success).toBe(false);
  });
});
