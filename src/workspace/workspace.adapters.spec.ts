import type { PublishAppCenterRequest } from './publish-app-center.dto';
import type { WorkspaceTeamConfig } from './workspace-account.schema';
import { ProblemError } from '../common/problem';
import type { TeamContext } from '../teams/team-context';
import type { UpstreamPipeline } from '../upstream/upstream-pipeline';
import { AppCenterAdapter } from './app-center.adapter';
import { AppWarehouseAdapter } from './app-warehouse.adapter';
import { WAREHOUSE_PUBLISH } from './workspace.test-helpers';

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

/** A stand-in upstream pipeline that answers every call with `data`. */
function upstreamAnswering(data: unknown) {
  const call = jest.fn().mockResolvedValue({ status: 200, headers: {}, data });
  return { pipeline: { call } as unknown as UpstreamPipeline, call };
}

async function problem(promise: Promise<unknown>): Promise<ProblemError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ProblemError);
  return error as ProblemError;
}

describe('AppCenterAdapter', () => {
  function setup() {
    const { pipeline, call } = upstreamAnswering({ id: 'x-1', name: 'notepad', catalog_id: 1 });
    return { adapter: new AppCenterAdapter(pipeline), call };
  }

  it('rejects a bucket other than the team project bucket without calling anything', async () => {
    const { adapter, call } = setup();
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
    expect(call).not.toHaveBeenCalled();
  });

  it('answers 404 provider-not-configured for a team without Workspace, without calling anything', async () => {
    const { adapter, call } = setup();
    const error = await problem(adapter.publish(RAINBOND_ONLY, appCenterRequest()));
    expect(error).toMatchObject({ status: 404, slug: 'provider-not-configured' });
    expect(error.detail).toBe('team initech has no Workspace account');
    expect(call).not.toHaveBeenCalled();
  });

  it.each([undefined, `wks-appcenter-${PROJECT}`])(
    'accepts bucket name %p, sends the project bucket and maps the answer back',
    async (bucketName) => {
      const { adapter, call } = setup();
      const app = await adapter.publish(ACME, appCenterRequest(bucketName));
      expect(call).toHaveBeenCalledTimes(1);
      expect(call).toHaveBeenCalledWith(
        'app-center',
        'acme',
        expect.objectContaining({
          operation: 'publish',
          method: 'POST',
          path: `/v1/${PROJECT}/app-center/apps`,
          body: expect.objectContaining({
            name: 'notepad',
            app_file_store: expect.objectContaining({
              bucket_store: {
                bucket_name: `wks-appcenter-${PROJECT}`,
                bucket_file_path: 'app-file/np.exe',
              },
            }),
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
    const { pipeline, call } = upstreamAnswering({
      id: '10',
      app_id: '11',
      app_category: 'WEB_ADN_APPLICATION',
    });
    return { adapter: new AppWarehouseAdapter(pipeline), call };
  }

  it('answers 404 provider-not-configured for a team without Workspace, without calling anything', async () => {
    const { adapter, call } = setup();
    const error = await problem(adapter.publish(RAINBOND_ONLY, WAREHOUSE_PUBLISH));
    expect(error).toMatchObject({ status: 404, slug: 'provider-not-configured' });
    expect(call).not.toHaveBeenCalled();
  });

  it('sends the wire spelling of the category and maps the answer back', async () => {
    const { adapter, call } = setup();
    const app = await adapter.publish(ACME, WAREHOUSE_PUBLISH);
    expect(call).toHaveBeenCalledWith(
      'app-warehouse',
      'acme',
      expect.objectContaining({
        operation: 'publish',
        method: 'POST',
        path: `/v1/${PROJECT}/app-warehouse/apps`,
        body: expect.objectContaining({
          app_name: 'Postman',
          app_category: 'WEB_ADN_APPLICATION',
        }),
      }),
    );
    expect(app).toMatchObject({
      id: 'app-warehouse:11',
      provider: 'app-warehouse',
      appWarehouse: { recordId: '10', category: 'WEB_AND_APPLICATION' },
    });
  });
});
