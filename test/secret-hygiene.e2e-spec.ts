import {
  COPY_EXAMPLE,
  INSTALL_EXAMPLE,
  PUBLISH_EXAMPLES,
  UPGRADE_EXAMPLE,
} from '../src/applications/applications.examples';
import type { GatewayConfig } from '../src/config/gateway-config.schema';
import type { WorkspaceTeamConfig } from '../src/workspace/workspace-account.schema';
import type { Sandbox } from '../sandbox/sandbox';
import { SANDBOX_WORLD } from '../sandbox/sandbox-world';
import {
  ACME_ONLY_KEY,
  DEMO_KEY,
  startTestGateway,
  type TestGateway,
  type TestResponse,
} from './support/test-gateway';

/**
 * Every auth mode at once (Rainbond token, IAM password, IAM agency, permanent and temporary AK/SK),
 * every route, successes and failures, logs at trace level: no configured secret, API key or IAM
 * token may appear in any log line, response body or response header.
 */
function withEveryAuthMode(config: GatewayConfig, sandbox: Sandbox): GatewayConfig {
  const acme = config.teams.acme.workspace!;
  const globex = config.teams.globex.workspace!;
  const workspace = (base: WorkspaceTeamConfig, auth: WorkspaceTeamConfig['auth']) => ({
    displayName: 'signed',
    workspace: { ...base, auth },
  });
  return {
    ...config,
    logging: { level: 'trace', pretty: false },
    callers: config.callers.map((caller) =>
      caller.name === 'demo'
        ? { ...caller, teams: [...caller.teams, 'acme-signed', 'globex-temporary'] }
        : caller,
    ),
    teams: {
      ...config.teams,
      globex: {
        ...config.teams.globex,
        workspace: {
          ...globex,
          auth: {
            type: 'agency',
            domainName: SANDBOX_WORLD.workspace.domainName,
            agencyName: 'workspace-gateway',
            via: {
              domainName: 'gateway-ops',
              userName: 'gateway-svc',
              password: sandbox.secrets.agencyPassword,
            },
          },
        },
      },
      'acme-signed': workspace(acme, { type: 'aksk', ...sandbox.secrets.aksk.acme }),
      'globex-temporary': workspace(globex, {
        type: 'aksk',
        ...sandbox.secrets.temporaryAksk.globex,
      }),
    },
  };
}

/** Every string value in a nested object. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

describe('secret hygiene across every auth mode', () => {
  let gateway: TestGateway;
  const responses: TestResponse[] = [];

  beforeAll(async () => {
    gateway = await startTestGateway(withEveryAuthMode);
  });
  afterAll(() => gateway.close());

  const send = async (
    method: string,
    path: string,
    options: Parameters<TestGateway['request']>[2] = {},
  ) => {
    const response = await gateway.request(method, path, options);
    responses.push(response);
    return response;
  };

  it('serves every route for every team and auth mode, including failures', async () => {
    const { faults } = gateway.sandbox;
    const publishOk: number[] = [];
    for (const team of ['acme', 'globex', 'acme-signed', 'globex-temporary']) {
      for (const example of Object.values(PUBLISH_EXAMPLES)) {
        const path = `/v1/teams/${team}/applications?view=full`;
        publishOk.push((await send('POST', path, { body: example.value })).status);
        faults.inject('app-center', { kind: 'status', status: 500 }, { times: 1 });
        faults.inject('app-warehouse', { kind: 'expired-token' }, { times: 2 });
        await send('POST', path, { body: example.value });
        faults.clear();
      }
    }
    expect(publishOk).toEqual(Array(8).fill(201));

    for (const [operation, example] of [
      ['install', INSTALL_EXAMPLE],
      ['copy', COPY_EXAMPLE],
      ['upgrade', UPGRADE_EXAMPLE],
    ] as const) {
      const path = `/v1/teams/acme/applications/rainbond:region-1:1/${operation}?view=full`;
      expect((await send('POST', path, { body: example.value })).status).toBe(200);
      // three times: copy's GET is retried twice
      faults.inject('rainbond', { kind: 'status', status: 500 }, { times: 3 });
      expect((await send('POST', path, { body: example.value })).status).toBe(502);
      faults.clear('rainbond');
      faults.inject('rainbond', { kind: 'expired-token' }, { times: 1 });
      expect((await send('POST', path, { body: example.value })).status).toBe(502);
    }

    faults.inject('iam', { kind: 'status', status: 401 }, { times: 2 });
    gateway.sandbox.revokeToken(
      gateway.sandbox.calls('app-center').find((call) => call.headers['x-auth-token'])!.headers[
        'x-auth-token'
      ],
    );
    await send('POST', '/v1/teams/acme/applications', { body: PUBLISH_EXAMPLES.appCenter.value });
    faults.clear();

    await send('GET', '/v1/teams', { key: 'not-a-key' });
    await send('GET', '/v1/teams', { key: ACME_ONLY_KEY });
    await send('POST', '/v1/teams/globex/applications', {
      key: ACME_ONLY_KEY,
      body: PUBLISH_EXAMPLES.appCenter.value,
    });
    await send('POST', '/v1/teams/acme/applications', { body: { provider: 'app-center' } });
  });

  it('never shows a secret in a log line, a response body or a response header', () => {
    const { sandbox } = gateway;
    const iamTokens = (['app-center', 'app-warehouse', 'iam'] as const).flatMap((target) =>
      sandbox.calls(target).map((call) => call.headers['x-auth-token']),
    );
    const secrets = [
      ...stringsIn(sandbox.secrets),
      DEMO_KEY,
      ACME_ONLY_KEY,
      ...iamTokens.filter(Boolean),
    ];
    expect(secrets.length).toBeGreaterThan(15);
    expect(iamTokens.filter(Boolean).length).toBeGreaterThan(0);

    const logs = gateway.logs().map((line) => JSON.stringify(line));
    expect(logs.length).toBeGreaterThan(50);
    const seen = [
      ...logs,
      ...responses.map((response) =>
        JSON.stringify({ body: response.body, headers: [...response.headers.entries()] }),
      ),
    ];
    const leaks = secrets.flatMap((secret) =>
      seen
        .filter((text) => text.includes(secret))
        .map((text) => ({ secret: secret.slice(0, 4), text })),
    );
    expect(leaks).toEqual([]);
  });
});
