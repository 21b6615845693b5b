import type { HttpService } from '@nestjs/axios';
import { QUIET_POLICIES, testUpstreamPipeline } from '../upstream/upstream-pipeline.test-helpers';
import type { GatewayConfig } from '../config/gateway-config.schema';
import type { WorkspaceTeamConfig } from './workspace-account.schema';
import { UpstreamError } from '../upstream/upstream.error';
import { IamTokenService } from '../upstream/auth/iam-token.service';
import type { IamClient } from '../upstream/auth/iam.client';
import { teamContextOf } from '../teams/team-context';
import { AppCenterAdapter } from './app-center.adapter';
import { toUploadAppRequest } from './app-center.mapper';
import { AppWarehouseAdapter } from './app-warehouse.adapter';
import { WAREHOUSE_PUBLISH } from './workspace.test-helpers';
import { toCreateWarehouseAppRequest } from './app-warehouse.mapper';
import type { PublishAppCenterRequest } from './publish-app-center.dto';

const PROJECT = '0123456789abcdef0123456789abcdef';
const ACCOUNT: WorkspaceTeamConfig = {
  region: 'cn-north-4',
  projectId: PROJECT,
  endpoints: {
    appCenter: 'http://127.0.0.1:1/workspace/',
    appWarehouse: 'http://127.0.0.1:1/appstream',
    iam: 'http://127.0.0.1:1/iam',
  },
  auth: { type: 'password', domainName: 'acct', userName: 'acme-publisher', password: 'pw' },
};
const TEAMS = { acme: { displayName: 'Acme', workspace: ACCOUNT } };
const TEAM = teamContextOf('acme', TEAMS.acme);
const CONFIG = {
  upstreams: {
    ...QUIET_POLICIES.upstreams,
    appCenter: { ...QUIET_POLICIES.upstreams.appCenter, timeoutMs: 3000 },
    appWarehouse: { ...QUIET_POLICIES.upstreams.appWarehouse, timeoutMs: 4000 },
  },
  iam: { tokenExpiryMarginSeconds: 900, refreshAheadSeconds: 600 },
} as GatewayConfig;

const UPLOAD: PublishAppCenterRequest = {
  provider: 'app-center',
  name: 'notepad',
  version: '1.0',
  description: 'editor',
  authorizationType: 'ALL_USER',
  fileStore: { storeType: 'LINK', link: 'https://example.com/np.exe' },
  installType: 'GUI_INSTALL',
  os: 'Windows',
  catalogId: '1',
};
const UPLOAD_BODY = toUploadAppRequest(UPLOAD, PROJECT);
const UPLOADED = { id: 'x-xx-xxx', name: 'notepad', catalog_id: 1 };
const WKS_401 = { error_code: 'WKS.0401', error_msg: 'The token is invalid or expired' };

type Answer = { status: number; body: unknown; headers?: Record<string, string> };

function setup(...answers: Answer[]) {
  let issued = 0;
  const issueToken = jest.fn(() =>
    Promise.resolve({ token: `token-${++issued}`, expiresAt: new Date(Date.now() + 86_400_000) }),
  );
  const tokens = new IamTokenService({ passwordToken: issueToken } as unknown as IamClient, CONFIG);
  const request = jest.fn();
  for (const answer of answers) {
    request.mockResolvedValueOnce({
      status: answer.status,
      data: JSON.stringify(answer.body),
      headers: { 'x-request-id': `req-${request.mock.calls.length}`, ...answer.headers },
    });
  }
  const { pipeline } = testUpstreamPipeline(
    { axiosRef: { request } } as unknown as HttpService,
    TEAMS,
    {
      settings: { upstreams: CONFIG.upstreams },
      tokens,
    },
  );
  const sentTokens = () =>
    request.mock.calls.map(
      ([sent]: [{ headers: Record<string, string> }]) => sent.headers['x-auth-token'],
    );
  return {
    appCenter: new AppCenterAdapter(pipeline),
    appWarehouse: new AppWarehouseAdapter(pipeline),
    request,
    issueToken,
    sentTokens,
  };
}

async function failure(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UpstreamError);
  return error as UpstreamError;
}

describe('AppCenterAdapter and AppWarehouseAdapter through the upstream room', () => {
  it('posts UploadApp to the project path with the IAM token, JSON body and App Center timeout', async () => {
    const { appCenter, request } = setup({ status: 200, body: UPLOADED });
    const published = await appCenter.publish(TEAM, UPLOAD);
    expect(published.raw).toEqual(UPLOADED);
    expect(request).toHaveBeenCalledTimes(1);
    const sent = request.mock.calls[0][0];
    expect(sent).toMatchObject({
      method: 'POST',
      url: `http://127.0.0.1:1/workspace/v1/${PROJECT}/app-center/apps`,
      timeout: 3000,
      headers: { 'x-auth-token': 'token-1', 'content-type': 'application/json' },
    });
    expect(JSON.parse(sent.data)).toEqual(UPLOAD_BODY);
  });

  it('posts CreateWarehouseApp to the project path with the App Warehouse timeout', async () => {
    const created = { id: '6946', app_id: '6947', app_file_size: '401' };
    const { appWarehouse, request } = setup({ status: 200, body: created });
    const published = await appWarehouse.publish(TEAM, WAREHOUSE_PUBLISH);
    expect(published.raw).toEqual(created);
    expect(JSON.parse(request.mock.calls[0][0].data)).toEqual(
      toCreateWarehouseAppRequest(WAREHOUSE_PUBLISH),
    );
    expect(request.mock.calls[0][0]).toMatchObject({
      url: `http://127.0.0.1:1/appstream/v1/${PROJECT}/app-warehouse/apps`,
      timeout: 4000,
      headers: { 'x-auth-token': 'token-1' },
    });
  });

  it('on a 401 drops the token, fetches a new one and retries once', async () => {
    const { appCenter, issueToken, sentTokens } = setup(
      { status: 401, body: WKS_401 },
      { status: 200, body: UPLOADED },
      { status: 200, body: UPLOADED },
    );
    await expect(appCenter.publish(TEAM, UPLOAD)).resolves.toMatchObject({ raw: UPLOADED });
    await appCenter.publish(TEAM, UPLOAD);
    expect(issueToken).toHaveBeenCalledTimes(2);
    expect(sentTokens()).toEqual(['token-1', 'token-2', 'token-2']);
  });

  it('refetches the token once when two concurrent calls are both refused', async () => {
    const { appCenter, issueToken, sentTokens } = setup(
      { status: 401, body: WKS_401 },
      { status: 401, body: WKS_401 },
      { status: 200, body: UPLOADED },
      { status: 200, body: UPLOADED },
    );
    await Promise.all([appCenter.publish(TEAM, UPLOAD), appCenter.publish(TEAM, UPLOAD)]);
    expect(issueToken).toHaveBeenCalledTimes(2);
    expect(sentTokens()).toEqual(['token-1', 'token-1', 'token-2', 'token-2']);
  });

  it('lets a second 401 through after exactly one retry', async () => {
    const { appCenter, request, issueToken } = setup(
      { status: 401, body: WKS_401 },
      { status: 401, body: WKS_401, headers: { 'x-request-id': 'req-last' } },
      { status: 200, body: UPLOADED },
    );
    const error = await failure(appCenter.publish(TEAM, UPLOAD));
    expect(error).toMatchObject({
      provider: 'app-center',
      kind: 'response',
      status: 401,
      message: 'The token is invalid or expired',
      details: { code: 'WKS.0401', requestId: 'req-last' },
    });
    expect(request).toHaveBeenCalledTimes(2);
    expect(issueToken).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['a 403: a new token would not get more permissions', 403, 'WKS.0403'],
    ['the 401 that means the OBS bucket is not authorized', 401, 'WKS.00211302'],
  ])('does not retry %s', async (_case, status, code) => {
    const { appCenter, request, issueToken, sentTokens } = setup(
      { status, body: { error_code: code, error_msg: 'refused' } },
      { status: 200, body: UPLOADED },
    );
    const error = await failure(appCenter.publish(TEAM, UPLOAD));
    expect(error).toMatchObject({ status, isAuthFailure: true, details: { code } });
    expect(request).toHaveBeenCalledTimes(1);
    await appCenter.publish(TEAM, UPLOAD);
    expect(issueToken).toHaveBeenCalledTimes(1);
    expect(sentTokens()).toEqual(['token-1', 'token-1']);
  });

  it('turns a 200 carrying error_code into a response failure with that code and message', async () => {
    const { appWarehouse, request } = setup({
      status: 200,
      body: { error_code: 'WKS.00211102', error_msg: 'Too many applications' },
      headers: { 'x-request-id': 'job-req' },
    });
    const error = await failure(appWarehouse.publish(TEAM, WAREHOUSE_PUBLISH));
    expect(error).toMatchObject({
      provider: 'app-warehouse',
      kind: 'response',
      status: 200,
      message: 'Too many applications',
      details: { code: 'WKS.00211102', requestId: 'job-req' },
    });
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('carries a 400 code, message and request id, without the token', async () => {
    const { appCenter } = setup({
      status: 400,
      body: { error_code: 'WKS.00211807', error_msg: 'Invalid parameter', error_detail: 'name' },
      headers: { 'x-request-id': 'bad-req' },
    });
    const error = await failure(appCenter.publish(TEAM, UPLOAD));
    expect(error).toMatchObject({
      status: 400,
      message: 'Invalid parameter',
      details: { code: 'WKS.00211807', requestId: 'bad-req' },
    });
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain('token-1');
  });

  it('reports a 200 body that breaks the contract as a bad body naming the field', async () => {
    const { appCenter } = setup({ status: 200, body: { name: 'no id' } });
    const error = await failure(appCenter.publish(TEAM, UPLOAD));
    expect(error.kind).toBe('bad-body');
    expect(error.message).toContain('id:');
  });

  it('makes no Workspace call when IAM fails', async () => {
    const { appCenter, request, issueToken } = setup({ status: 200, body: UPLOADED });
    issueToken.mockRejectedValueOnce(
      new UpstreamError('iam', 'timeout', 'iam did not answer in time'),
    );
    const error = await failure(appCenter.publish(TEAM, UPLOAD));
    expect(error).toMatchObject({ provider: 'iam', kind: 'timeout' });
    expect(request).not.toHaveBeenCalled();
  });
});
