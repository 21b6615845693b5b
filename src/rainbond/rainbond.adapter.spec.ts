import type { RainbondAppRef } from './rainbond.provider';
import type { CopyTarget } from '../applications/application-provider.port';
import type { CopyApplicationRequest } from '../applications/dto/copy-application.dto';
import type { InstallApplicationRequest } from '../applications/dto/install-application.dto';
import { ProblemError } from '../common/problem';
import type { TeamContext } from '../teams/team-context';
import { RainbondAdapter } from './rainbond.adapter';
import { UpstreamError } from '../upstream/upstream.error';
import type { UpstreamCall, UpstreamPipeline } from '../upstream/upstream-pipeline';
import {
  rainbondTeam,
  SEED_LIST_UPGRADE,
  SEED_MARKET_INSTALL,
  SEED_SERVICE_BASE_INFO,
} from './rainbond.test-helpers';

const APP: RainbondAppRef = { provider: 'rainbond', region: 'region-1', appId: 1 };
const TARGET_APP: RainbondAppRef = { provider: 'rainbond', region: 'region-1', appId: 2 };
const INSTALL: InstallApplicationRequest = {
  market: { url: 'https://hub.grapps.cn', domain: 'rainbond' },
  appModelId: 'a1b2c3d4e5f6',
  appModelVersion: '1.0.0',
  deploy: true,
};
const COPY: CopyApplicationRequest = {
  target: { team: 'globex', applicationId: 'rainbond:region-1:2' },
  components: [{ id: 'sid-1' }],
};
const APP_INFO = {
  app_id: 1,
  team_name: 'acme-tenant',
  group_name: 'demo-shop',
  create_time: '2026-12-01T17:00:06.815000',
};
const UPGRADE = { versions: [{ appModelId: 'a1b2c3d4e5f6', appModelVersion: '1.1.0' }] };

/** The app's path as the adapter names it for a `rainbondTeam`. */
const pathOf = (team: string, app: RainbondAppRef, below = '') =>
  `/openapi/v1/teams/${team}-tenant/regions/${app.region}/apps/${app.appId}${below}`;

/**
 * A stand-in upstream pipeline: each call is answered by operation (`answer`), and every call is
 * recorded with the team key it was made as (`sent`).
 */
function fakeUpstream() {
  const answers = new Map<string, () => Promise<unknown>>();
  const call = jest.fn((_upstream: string, _team: string, request: UpstreamCall<unknown>) => {
    const answer = answers.get(request.operation);
    if (!answer) return Promise.reject(new Error(`no answer for ${request.operation}`));
    return answer().then((data) => ({ status: 200, headers: {}, data }));
  });
  return {
    pipeline: { call } as unknown as UpstreamPipeline,
    call,
    answer: (operation: string, data: unknown) =>
      answers.set(operation, () => Promise.resolve(data)),
    fail: (operation: string, error: Error) => answers.set(operation, () => Promise.reject(error)),
    /** The calls of `operation`, each with the team key it went as. */
    sent: (operation: string) =>
      call.mock.calls
        .filter(([, , request]) => request.operation === operation)
        .map(([upstream, team, request]) => ({ upstream, team, ...request })),
  };
}

describe('RainbondAdapter', () => {
  let upstream: ReturnType<typeof fakeUpstream>;
  let adapter: RainbondAdapter;
  const acme = rainbondTeam('acme', { regions: ['region-1', 'region-2'] });
  const globex = rainbondTeam('globex');
  const workspaceOnly: TeamContext = { key: 'initech', displayName: 'Initech' };

  beforeEach(() => {
    upstream = fakeUpstream();
    adapter = new RainbondAdapter(upstream.pipeline);
  });

  const expectNoCall = () => {
    expect(upstream.call).not.toHaveBeenCalled();
  };

  async function problemOf(call: Promise<unknown>): Promise<ProblemError> {
    const error = await call.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    return error as ProblemError;
  }

  it('is the rainbond provider', () => {
    expect(adapter.provider).toBe('rainbond');
  });

  describe.each([
    ['install', () => adapter.install(workspaceOnly, APP, INSTALL)],
    ['copy', () => adapter.copy(workspaceOnly, APP, { team: globex, app: TARGET_APP }, COPY)],
    ['upgrade', () => adapter.upgrade(workspaceOnly, APP, UPGRADE)],
  ])('%s for a team without a Rainbond account', (_, call) => {
    it('is a 404 provider-not-configured problem and calls nothing', async () => {
      const problem = await problemOf(call());
      expect(problem).toMatchObject({
        status: 404,
        slug: 'provider-not-configured',
        detail: 'team initech has no Rainbond account',
      });
      expectNoCall();
    });
  });

  describe.each([
    ['install', (app: RainbondAppRef) => adapter.install(globex, app, INSTALL)],
    [
      'copy',
      (app: RainbondAppRef) => adapter.copy(globex, app, { team: acme, app: TARGET_APP }, COPY),
    ],
    ['upgrade', (app: RainbondAppRef) => adapter.upgrade(globex, app, UPGRADE)],
  ])('%s of an app in a region the team may not use', (_, call) => {
    it('is a 404 naming the application id and calls nothing', async () => {
      const problem = await problemOf(call({ ...APP, region: 'region-2' }));
      expect(problem).toMatchObject({ status: 404, slug: 'application-not-found' });
      expect(problem.detail).toContain('rainbond:region-2:1');
      expectNoCall();
    });
  });

  describe('copy target checks', () => {
    it.each<[string, CopyTarget, string]>([
      ['has no Rainbond account', { team: workspaceOnly, app: TARGET_APP }, 'target.team'],
      [
        'is on another Rainbond instance',
        { team: rainbondTeam('globex', { baseUrl: 'http://other.test' }), app: TARGET_APP },
        'target.team',
      ],
      [
        'lives in a region the target team may not use',
        { team: globex, app: { ...TARGET_APP, region: 'region-2' } },
        'target.applicationId',
      ],
    ])('rejects a target that %s with a 400 on %s and calls nothing', async (_, target, field) => {
      const problem = await problemOf(adapter.copy(acme, APP, target, COPY));
      expect(problem.status).toBe(400);
      expect(problem.extras.errors).toEqual([{ field, message: expect.any(String) }]);
      expectNoCall();
    });

    it('treats base URLs that differ only by a trailing slash or host case as the same instance', async () => {
      upstream.answer('get-app', APP_INFO);
      upstream.answer('copy', { services: [] });
      const target = {
        team: rainbondTeam('globex', { baseUrl: 'http://RAINBOND.test/' }),
        app: TARGET_APP,
      };
      await expect(adapter.copy(acme, APP, target, COPY)).resolves.toBeDefined();
    });
  });

  it('installs with the team account and mapped body and query, then reads the app for the answer', async () => {
    upstream.answer('install', SEED_MARKET_INSTALL);
    upstream.answer('get-app', APP_INFO);
    const result = await adapter.install(acme, APP, INSTALL);
    expect(upstream.sent('install')).toEqual([
      expect.objectContaining({
        upstream: 'rainbond',
        team: 'acme',
        method: 'POST',
        path: pathOf('acme', APP, '/install'),
        body: expect.objectContaining({
          market_type: 'rainstore',
          market_access_key: null,
          app_model_id: 'a1b2c3d4e5f6',
        }),
        query: { is_deploy: 'true', is_upload: 'true' },
      }),
    ]);
    expect(upstream.sent('get-app')).toEqual([
      expect.objectContaining({
        team: 'acme',
        method: 'GET',
        path: pathOf('acme', { ...APP, appId: 3 }),
      }),
    ]);
    expect(result).toMatchObject({
      id: 'rainbond:region-1:3',
      provider: 'rainbond',
      name: 'demo-shop',
      createdAt: '2026-12-01T09:00:06.815Z',
      owner: { team: 'acme' },
    });
    expect(result.raw).toStrictEqual({ install: SEED_MARKET_INSTALL, app: APP_INFO });
  });

  it('answers an install whose follow-up read fails with what the install body holds', async () => {
    upstream.answer('install', SEED_MARKET_INSTALL);
    upstream.fail('get-app', new UpstreamError('rainbond', 'timeout', 'slow'));
    const result = await adapter.install(acme, APP, INSTALL);
    expect(result).toMatchObject({ id: 'rainbond:region-1:3', components: [expect.any(Object)] });
    expect(result.raw).toStrictEqual({ install: SEED_MARKET_INSTALL });
  });

  it('copies with the source account and the target tenant name; answers the target application', async () => {
    const body = { services: [SEED_SERVICE_BASE_INFO] };
    upstream.answer('copy', body);
    upstream.answer('get-app', APP_INFO);
    const result = await adapter.copy(acme, APP, { team: globex, app: TARGET_APP }, COPY);
    expect(upstream.sent('copy')).toEqual([
      expect.objectContaining({
        team: 'acme',
        path: pathOf('acme', APP, '/copy'),
        body: {
          services: [{ service_id: 'sid-1' }],
          target_team_name: 'globex-tenant',
          target_region_name: 'region-1',
          target_app_id: 2,
        },
      }),
    ]);
    expect(result).toMatchObject({
      id: 'rainbond:region-1:2',
      owner: { team: 'globex' },
      components: [{ id: 'string' }],
    });
    const reads = upstream.sent('get-app').map(({ team, path }) => ({ team, path }));
    expect(reads).toContainEqual({ team: 'acme', path: pathOf('acme', APP) });
    expect(reads.at(-1)).toEqual({ team: 'globex', path: pathOf('globex', TARGET_APP) });
  });

  it('does not copy when the source app is not found in the team', async () => {
    upstream.fail(
      'get-app',
      new UpstreamError('rainbond', 'response', 'no found app', { status: 404, code: '4000' }),
    );
    await expect(
      adapter.copy(acme, APP, { team: globex, app: TARGET_APP }, COPY),
    ).rejects.toMatchObject({
      status: 404,
    });
    expect(upstream.sent('copy')).toEqual([]);
  });

  it('upgrades with the mapped body and answers the application with its app models', async () => {
    const body = [SEED_LIST_UPGRADE];
    upstream.answer('upgrade', body);
    upstream.answer('get-app', APP_INFO);
    upstream.answer('list-components', [SEED_SERVICE_BASE_INFO]);
    const result = await adapter.upgrade(acme, APP, UPGRADE);
    expect(upstream.sent('upgrade')).toEqual([
      expect.objectContaining({
        team: 'acme',
        path: pathOf('acme', APP, '/upgrade'),
        body: {
          update_versions: [
            { market_name: null, app_model_id: 'a1b2c3d4e5f6', app_model_version: '1.1.0' },
          ],
        },
      }),
    ]);
    expect(result).toMatchObject({
      id: 'rainbond:region-1:1',
      name: 'demo-shop',
      rainbond: { appModels: [{ canUpgrade: true }] },
      components: [{ id: 'string' }],
    });
    expect(result.raw).toStrictEqual({
      upgrade: body,
      app: APP_INFO,
      services: [SEED_SERVICE_BASE_INFO],
    });
  });

  it('lets an upstream failure through unchanged', async () => {
    const failure = new Error('upstream down');
    upstream.fail('upgrade', failure);
    await expect(adapter.upgrade(acme, APP, UPGRADE)).rejects.toBe(failure);
  });

  it("reads the first page of one component's events below the app, the id one encoded segment", async () => {
    const page = { page: 1, page_size: 5, total: 0, events: [] };
    upstream.answer('list-component-events', page);
    await expect(adapter.listComponentEvents(acme, APP, 'sid/1', 5)).resolves.toStrictEqual(page);
    expect(upstream.sent('list-component-events')).toEqual([
      {
        upstream: 'rainbond',
        team: 'acme',
        operation: 'list-component-events',
        method: 'GET',
        path: pathOf('acme', APP, '/services/sid%2F1/events'),
        query: { page: '1', page_size: '5' },
        headers: undefined,
        schema: expect.anything(),
      },
    ]);
  });
});
