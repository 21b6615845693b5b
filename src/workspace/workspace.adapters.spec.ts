import type { PublishAppCenterRequest } from './publish-app-center.dto';
import type { PublishAppWarehouseRequest } from './publish-app-warehouse.dto';
import type { WorkspaceTeamConfig } from './workspace-account.schema';
import { ProblemError } from '../common/problem';
import type { TeamContext } from '../teams/team-context';
import { AppCenterAdapter } from './app-center.adapter';
import type { AppCenterClient } from './app-center.client';
import { AppWarehouseAdapter } from './app-warehouse.adapter';
import type { AppWarehouseClient } from './app-warehouse.client';

const PROJECT = '0123456789abcdef0123456789abcdef';
const ACCOUNT: WorkspaceTeamConfig = {
  region: 'cn-north-4',
  projectId: PROJECT,
  endpoints: {
    appCenter: 'http://127.0.0.1:1/workspace',
    appWarehouse: 'http://127.0.0.1:1/appstream',
    iam: 'http://127.0.0.1:1/iam',
  },
  auth: { type: 'password', domainName: 'acct', userName: 'acme-publisher', password: 'pw' },
};
const ACME: TeamContext = { key: 'acme', displayName: 'Acme', workspace: ACCOUNT };
const RAINBOND_ONLY = { key: 'initech', displayName: 'Initech' } as TeamContext;

function appCenterRequest(bucketName?: string): PublishAppCenterRequest {
  return {
    provider: 'app-center',
    name: 'notepad',
    version: '1.0',
    description: 'editor',
    authorizationType: 'ALL_USER',
    fileStore: { storeType: 'OBS', bucket: { name: bucketName, filePath: 'app-file/np.exe' } },
    installType: 'GUI_INSTALL',
    os: 'Windows',
    catalogId: '1',
  };
}

const WAREHOUSE_REQUEST: PublishAppWarehouseRequest = {
  provider: 'app-warehouse',
  name: 'Postman',
  category: 'WEB_AND_APPLICATION',
  os: 'Windows',
  version: '7.9.0.0',
  versionName: 'Canary',
  fileStorePath: 'file/Postman.exe',
};

async function problem(promise: Promise<unknown>): Promise<ProblemError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ProblemError);
  return error as ProblemError;
}

describe('AppCenterAdapter', () => {
  function setup() {
    const uploadApp = jest.fn().mockResolvedValue({ id: 'x-1', name: 'notepad', catalog_id: 1 });
    const adapter = new AppCenterAdapter({ uploadApp } as unknown as AppCenterClient);
    return { adapter, uploadApp };
  }

  it('rejects a bucket other than the team project bucket without calling anything', async () => {
    const { adapter, uploadApp } = setup();
    const error = await problem(
      adapter.publish(ACME, appCenterRequest('wks-appcenter-someoneelse')),
    );
    expect(error.status).toBe(400);
    expect(error.extras.errors).toEqual([
      {
        field: 'fileStore.bucket.name',
        message: expect.stringContaining(`wks-appcenter-${PROJECT}`),
      },
    ]);
    expect(uploadApp).not.toHaveBeenCalled();
  });

  it('answers 404 provider-not-configured for a team without Workspace, without calling anything', async () => {
    const { adapter, uploadApp } = setup();
    const error = await problem(adapter.publish(RAINBOND_ONLY, appCenterRequest()));
    expect(error).toMatchObject({ status: 404, slug: 'provider-not-configured' });
    expect(error.detail).toBe('team initech has no Workspace account');
    expect(uploadApp).not.toHaveBeenCalled();
  });

  it.each([undefined, `wks-appcenter-${PROJECT}`])(
    'accepts bucket name %p, sends the project bucket and maps the answer back',
    async (bucketName) => {
      const { adapter, uploadApp } = setup();
      const app = await adapter.publish(ACME, appCenterRequest(bucketName));
      expect(uploadApp).toHaveBeenCalledTimes(1);
      expect(uploadApp).toHaveBeenCalledWith(
        ACME,
        expect.objectContaining({
          name: 'notepad',
          app_file_store: expect.objectContaining({
            bucket_store: {
              bucket_name: `wks-appcenter-${PROJECT}`,
              bucket_file_path: 'app-file/np.exe',
            },
          }),
        }),
      );
      expect(app).toMatchObject({
        id: 'app-center:x-1',
        provider: 'app-center',
        appCenter: { catalogId: '1' },
      });
    },
  );
});

describe('AppWarehouseAdapter', () => {
  function setup() {
    const createApp = jest
      .fn()
      .mockResolvedValue({ id: '10', app_id: '11', app_category: 'WEB_ADN_APPLICATION' });
    const adapter = new AppWarehouseAdapter({ createApp } as unknown as AppWarehouseClient);
    return { adapter, createApp };
  }

  it('answers 404 provider-not-configured for a team without Workspace, without calling anything', async () => {
    const { adapter, createApp } = setup();
    const error = await problem(adapter.publish(RAINBOND_ONLY, WAREHOUSE_REQUEST));
    expect(error).toMatchObject({ status: 404, slug: 'provider-not-configured' });
    expect(createApp).not.toHaveBeenCalled();
  });

  it('sends the wire spelling of the category and maps the answer back', async () => {
    const { adapter, createApp } = setup();
    const app = await adapter.publish(ACME, WAREHOUSE_REQUEST);
    expect(createApp).toHaveBeenCalledWith(
      ACME,
      expect.objectContaining({ app_name: 'Postman', app_category: 'WEB_ADN_APPLICATION' }),
    );
    expect(app).toMatchObject({
      id: 'app-warehouse:11',
      provider: 'app-warehouse',
      appWarehouse: { recordId: '10', category: 'WEB_AND_APPLICATION' },
    });
  });
});
