import type { HttpService } from '@nestjs/axios';
import { QUIET_POLICIES, testUpstreamSender } from '../upstream-pipeline.test-helpers';
import { UpstreamError } from '../upstream.error';
import { IamClient } from './iam.client';
import type { TokenSource } from './token-retry';

const PASSWORD = 's3cret-P@ssw0rd';
const IAM_URL = 'http://127.0.0.1:1/iam/';
const PROJECT_ID = '0123456789abcdef0123456789abcdef';
const IDENTITY = { domainName: 'sandbox-account', userName: 'acme-publisher', password: PASSWORD };
const projectToken = (client: IamClient) =>
  client.passwordToken(IAM_URL, IDENTITY, { project: { id: PROJECT_ID } });

const IAM_PROFILE = {
  upstreams: {
    ...QUIET_POLICIES.upstreams,
    iam: { ...QUIET_POLICIES.upstreams.iam, timeoutMs: 1234 },
  },
};

function clientAnswering(status: number, body: unknown, headers: Record<string, string> = {}) {
  const request = jest.fn().mockResolvedValue({
    status,
    data: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'x-request-id': 'req-1', ...headers },
  });
  const http = { axiosRef: { request } } as unknown as HttpService;
  return { client: new IamClient(testUpstreamSender(http, IAM_PROFILE).sender), request };
}

/** A delegated user's token source that hands out `user-1`, `user-2`… and records what was dropped. */
function userTokens() {
  let issued = 0;
  const dropped: string[] = [];
  const source: TokenSource = {
    get: () => Promise.resolve(`user-${++issued}`),
    invalidate: (token) => dropped.push(token),
  };
  return { source, dropped };
}

const IAM_REJECTION = {
  status: 401,
  data: JSON.stringify({
    error: {
      code: 401,
      message: 'The request you have made requires authentication.',
      title: 'Unauthorized',
    },
  }),
  headers: { 'x-request-id': 'req-401' },
};

async function failure(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UpstreamError);
  return error as UpstreamError;
}

describe('IamClient', () => {
  const ok = { token: { expires_at: '2023-06-28T08:56:33.710000Z', methods: ['password'] } };

  it('posts a password identity scoped to the project id and reads the token from X-Subject-Token', async () => {
    const { client, request } = clientAnswering(201, ok, { 'x-subject-token': 'MIIT-token' });
    await expect(projectToken(client)).resolves.toEqual({
      token: 'MIIT-token',
      expiresAt: new Date('2023-06-28T08:56:33.710Z'),
    });
    const sent = request.mock.calls[0][0];
    expect(sent).toMatchObject({
      method: 'POST',
      url: 'http://127.0.0.1:1/iam/v3/auth/tokens',
      timeout: 1234,
    });
    expect(sent.headers['content-type']).toBe('application/json');
    expect(JSON.parse(sent.data)).toEqual({
      auth: {
        identity: {
          methods: ['password'],
          password: {
            user: {
              name: 'acme-publisher',
              password: PASSWORD,
              domain: { name: 'sandbox-account' },
            },
          },
        },
        scope: { project: { id: '0123456789abcdef0123456789abcdef' } },
      },
    });
  });

  it('asks for an account-scoped token when told to', async () => {
    const { client, request } = clientAnswering(201, ok, { 'x-subject-token': 'MIID-token' });
    await client.passwordToken(IAM_URL, IDENTITY, { domain: { name: 'sandbox-account' } });
    expect(JSON.parse(request.mock.calls[0][0].data).auth.scope).toEqual({
      domain: { name: 'sandbox-account' },
    });
  });

  it("assumes an agency with the delegated user's token in X-Auth-Token", async () => {
    const { client, request } = clientAnswering(201, ok, { 'x-subject-token': 'MIIA-token' });
    const agency = { domainName: 'owner-account', agencyName: 'workspace-gateway' };
    await expect(
      client.assumeRoleToken(
        IAM_URL,
        userTokens().source,
        { ...agency, durationSeconds: 3600 },
        PROJECT_ID,
      ),
    ).resolves.toMatchObject({ token: 'MIIA-token' });
    const sent = request.mock.calls[0][0];
    expect(sent.headers['x-auth-token']).toBe('user-1');
    expect(JSON.parse(sent.data)).toEqual({
      auth: {
        identity: {
          methods: ['assume_role'],
          assume_role: {
            domain_name: 'owner-account',
            agency_name: 'workspace-gateway',
            duration_seconds: 3600,
          },
        },
        scope: { project: { id: PROJECT_ID } },
      },
    });

    await client.assumeRoleToken(IAM_URL, userTokens().source, agency, PROJECT_ID);
    expect(JSON.parse(request.mock.calls[1][0].data).auth.identity.assume_role).toEqual({
      domain_name: 'owner-account',
      agency_name: 'workspace-gateway',
    });
  });

  it("drops the delegated user's token IAM rejects and assumes the agency once more with a fresh one", async () => {
    const { client, request } = clientAnswering(201, ok, { 'x-subject-token': 'MIIA-token' });
    request.mockResolvedValueOnce(IAM_REJECTION);
    const user = userTokens();
    const agency = { domainName: 'owner-account', agencyName: 'workspace-gateway' };
    await expect(
      client.assumeRoleToken(IAM_URL, user.source, agency, PROJECT_ID),
    ).resolves.toMatchObject({ token: 'MIIA-token' });
    expect(request.mock.calls.map(([sent]) => sent.headers['x-auth-token'])).toEqual([
      'user-1',
      'user-2',
    ]);
    expect(user.dropped).toEqual(['user-1']);
  });

  it('gives up when IAM rejects the fresh token of the delegated user too', async () => {
    const { client, request } = clientAnswering(201, ok, { 'x-subject-token': 'MIIA-token' });
    request.mockResolvedValueOnce(IAM_REJECTION).mockResolvedValueOnce(IAM_REJECTION);
    const user = userTokens();
    const agency = { domainName: 'owner-account', agencyName: 'workspace-gateway' };
    const error = await failure(client.assumeRoleToken(IAM_URL, user.source, agency, PROJECT_ID));
    expect(error.status).toBe(401);
    expect(request).toHaveBeenCalledTimes(2);
    expect(user.dropped).toEqual(['user-1']);
  });

  it('treats a 201 without X-Subject-Token as a bad body', async () => {
    const { client } = clientAnswering(201, ok);
    const error = await failure(projectToken(client));
    expect(error).toMatchObject({
      provider: 'iam',
      kind: 'bad-body',
      details: { requestId: 'req-1' },
    });
  });

  it('treats a 201 without token.expires_at as a bad body', async () => {
    const { client } = clientAnswering(201, { token: {} }, { 'x-subject-token': 'MIIT-token' });
    const error = await failure(projectToken(client));
    expect(error.kind).toBe('bad-body');
    expect(error.message).toContain('token.expires_at');
    expect(error.message).not.toContain('MIIT-token');
  });

  it('treats a 200 as a failure: only 201 is success', async () => {
    const { client } = clientAnswering(200, ok, { 'x-subject-token': 'MIIT-token' });
    const error = await failure(projectToken(client));
    expect(error).toMatchObject({ kind: 'response', status: 200 });
  });

  it('carries a keystone error code and message, never the password', async () => {
    const { client } = clientAnswering(401, {
      error: { message: 'The username or password is wrong.', code: 401, title: 'Unauthorized' },
    });
    const error = await failure(projectToken(client));
    expect(error).toMatchObject({
      kind: 'response',
      status: 401,
      isAuthFailure: true,
      message: 'The username or password is wrong.',
      details: { code: '401', requestId: 'req-1' },
    });
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain(PASSWORD);
  });

  it('carries an API gateway error code and message', async () => {
    const { client } = clientAnswering(429, {
      error_code: 'APIGW.0308',
      error_msg: 'The throttling threshold has been reached',
      request_id: 'gw-1',
    });
    const error = await failure(projectToken(client));
    expect(error).toMatchObject({
      status: 429,
      message: 'The throttling threshold has been reached',
      details: { code: 'APIGW.0308' },
    });
  });
});
