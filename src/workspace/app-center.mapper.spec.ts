import type { PublishAppCenterRequest } from './publish-app-center.dto';
import { fromUploadAppResponse, toUploadAppRequest } from './app-center.mapper';
import { uploadAppResponseSchema } from './app-center.wire';
import { SEED_ICON, SEED_UPLOAD_APP_RESPONSE } from './workspace.test-helpers';

/** Seed 001, "Example Requests" (the icon shortened). */
const SEED_REQUEST = {
  name: 'notepad++.exe',
  version: 'v1.1.1',
  description: 'xxx',
  authorization_type: 'ALL_USER',
  app_file_store: {
    store_type: 'OBS',
    bucket_store: { bucket_name: 'wks-appcenter-xxxx', bucket_file_path: 'app-file/xxxx.exe' },
    file_link: 'https://host-addresss/xxxxx.jpg',
  },
  app_icon_url: SEED_ICON,
  install_type: 'UNZIP_INSTALL',
  install_command: '${FILE_PATH} /S',
  uninstall_command: 'msiexec /uninstall ${FILE_PATH} /quiet',
  support_os: 'Windows',
  catalog_id: 'xxxx-xxx-xxxx',
  install_info: 'xxxx-xxx-xxxx',
};

function publicRequest(overrides: Partial<PublishAppCenterRequest> = {}): PublishAppCenterRequest {
  return {
    provider: 'app-center',
    name: 'notepad++.exe',
    version: 'v1.1.1',
    description: 'xxx',
    authorizationType: 'ALL_USER',
    fileStore: {
      storeType: 'OBS',
      bucket: { name: 'wks-appcenter-xxxx', filePath: 'app-file/xxxx.exe' },
      link: 'https://host-addresss/xxxxx.jpg',
    },
    icon: SEED_ICON,
    installType: 'UNZIP_INSTALL',
    installCommand: '${FILE_PATH} /S',
    uninstallCommand: 'msiexec /uninstall ${FILE_PATH} /quiet',
    os: 'Windows',
    catalogId: 'xxxx-xxx-xxxx',
    installInfo: 'xxxx-xxx-xxxx',
    ...overrides,
  };
}

/** What goes over the wire: JSON drops undefined fields. */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('toUploadAppRequest', () => {
  it('maps the seed example field by field to exactly the seed request body', () => {
    expect(asJson(toUploadAppRequest(publicRequest(), 'xxxx'))).toEqual(SEED_REQUEST);
  });

  it("fills in the project's bucket when the bucket name is omitted", () => {
    const request = publicRequest({
      fileStore: { storeType: 'OBS', bucket: { filePath: 'app-file/setup.exe' } },
    });
    expect(toUploadAppRequest(request, 'abc123').app_file_store).toEqual({
      store_type: 'OBS',
      bucket_store: { bucket_name: 'wks-appcenter-abc123', bucket_file_path: 'app-file/setup.exe' },
      file_link: undefined,
    });
  });

  it('sends a LINK store without a bucket_store', () => {
    const request = publicRequest({
      fileStore: { storeType: 'LINK', link: 'https://downloads.example.com/setup.exe' },
    });
    expect(asJson(toUploadAppRequest(request, 'abc123').app_file_store)).toEqual({
      store_type: 'LINK',
      file_link: 'https://downloads.example.com/setup.exe',
    });
  });

  it('leaves optional fields out when they are not given', () => {
    const request = publicRequest({
      icon: undefined,
      installType: 'GUI_INSTALL',
      installCommand: undefined,
      uninstallCommand: undefined,
      installInfo: undefined,
    });
    expect(Object.keys(asJson(toUploadAppRequest(request, 'xxxx')) as object).sort()).toEqual(
      [
        'name',
        'version',
        'description',
        'authorization_type',
        'app_file_store',
        'install_type',
        'support_os',
        'catalog_id',
      ].sort(),
    );
  });

  it('never copies fields the mapper does not know', () => {
    const request = { ...publicRequest(), tenant_id: 'evil', status: 'FORBIDDEN' };
    const wire = toUploadAppRequest(request, 'xxxx') as unknown as Record<string, unknown>;
    expect(wire.tenant_id).toBeUndefined();
    expect(wire.status).toBeUndefined();
  });
});

describe('fromUploadAppResponse', () => {
  const body = uploadAppResponseSchema.parse(SEED_UPLOAD_APP_RESPONSE);
  const app = fromUploadAppResponse('acme', body);

  it('maps the common fields of the seed response', () => {
    expect(app).toMatchObject({
      id: 'app-center:x-xx-xxx',
      provider: 'app-center',
      name: 'xxx.exe',
      description: 'Application used for testing.',
      version: 'v1.1.1',
      os: 'Windows',
      icon: 'https://host-addresss/xxxxx',
      status: 'available',
      owner: { team: 'acme', tenantId: 'xxx-xx-x-xx' },
      createdAt: '2024-12-25T06:56:58.622Z',
    });
    expect(app.appWarehouse).toBeUndefined();
  });

  it('has no modification time upstream: updatedAt is the upload time, so lists sort by it', () => {
    expect(app.updatedAt).toBe(app.createdAt);
  });

  it.each([
    ['2024-12-25T06:56:58Z', '2024-12-25T06:56:58.000Z'],
    ['2024-12-25T14:56:58.622123+08:00', '2024-12-25T06:56:58.622Z'],
  ])('normalizes create_time %s to UTC milliseconds', (wire, expected) => {
    const mapped = fromUploadAppResponse('acme', { ...body, create_time: wire });
    expect(mapped.createdAt).toBe(expected);
  });

  it('an unreadable create_time is a bad upstream body', () => {
    expect(() => fromUploadAppResponse('acme', { ...body, create_time: 'today' })).toThrow(
      expect.objectContaining({ kind: 'bad-body', provider: 'app-center' }),
    );
  });

  it.each([
    ['NORMAL', 'available'],
    ['FORBIDDEN', 'disabled'],
    ['AUDITING', 'unknown'],
  ])('status %s is %s', (wire, status) => {
    expect(fromUploadAppResponse('acme', { ...body, status: wire }).status).toBe(status);
  });

  it('empty strings are absent, not ""', () => {
    const mapped = fromUploadAppResponse('acme', { ...body, description: '', install_info: '' });
    expect(JSON.parse(JSON.stringify(mapped))).not.toHaveProperty('description');
    expect(mapped.appCenter).not.toHaveProperty('installInfo', '');
    expect(mapped.appCenter?.installInfo).toBeUndefined();
  });

  it('maps the App Center details, the numeric catalog_id as a string', () => {
    expect(app.appCenter).toEqual({
      authorizationType: 'ALL_USER',
      fileStore: {
        storeType: 'OBS',
        bucket: { name: 'wks-appcenter-xxxx', filePath: 'app-file/xxxx.exe' },
        link: 'https://host-addresss/xxxxx.jpg',
      },
      installType: 'QUIET_INSTALL',
      installCommand: '${FILE_PATH} /S',
      uninstallCommand: 'msiexec /uninstall ${FILE_PATH} /quiet',
      installInfo: 'Installation information',
      status: 'NORMAL',
      source: 'CUSTOM',
      catalogId: '1',
      catalogName: 'Other',
    });
  });

  it('keeps the body as received in raw', () => {
    expect(app.raw).toEqual(SEED_UPLOAD_APP_RESPONSE);
  });

  it('accepts catalog_id as a string, nulls as absent, and a LINK store without bucket', () => {
    const mapped = fromUploadAppResponse(
      'acme',
      uploadAppResponseSchema.parse({
        id: 'a1',
        catalog_id: 'cat-7',
        install_command: null,
        app_file_store: {
          store_type: 'LINK',
          bucket_store: { bucket_name: null, bucket_file_path: null },
          file_link: 'https://x.example/a.exe',
        },
      }),
    );
    expect(mapped.appCenter?.catalogId).toBe('cat-7');
    expect(mapped.appCenter?.installCommand).toBeUndefined();
    expect(mapped.appCenter?.fileStore).toEqual({
      storeType: 'LINK',
      bucket: undefined,
      link: 'https://x.example/a.exe',
    });
  });

  it('passes an enum value it does not know through unchanged', () => {
    const mapped = fromUploadAppResponse(
      'acme',
      uploadAppResponseSchema.parse({ id: 'a1', install_type: 'NEW_INSTALL', status: 'AUDITING' }),
    );
    expect(mapped.appCenter).toMatchObject({ installType: 'NEW_INSTALL', status: 'AUDITING' });
  });
});

describe('uploadAppResponseSchema', () => {
  it('rejects a body without id', () => {
    const withoutId: Record<string, unknown> = { ...SEED_UPLOAD_APP_RESPONSE };
    delete withoutId.id;
    expect(uploadAppResponseSchema.safeParse(withoutId).success).toBe(false);
  });
});
