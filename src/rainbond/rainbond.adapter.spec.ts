import type { RainbondAppRef } from './rainbond.provider';
import type { CopyTarget } from '../applications/application-provider.port';
import type { CopyApplicationRequest } from '../applications/dto/copy-application.dto';
import type { InstallApplicationRequest } from '../applications/dto/install-application.dto';
import { ProblemError } from '../common/problem';
import type { TeamContext } from '../teams/team-context';
import { RainbondAdapter } from './rainbond.adapter';
import { UpstreamError } from '../upstream/upstream.error';
import type { RainbondClient } from './rainbond.client';
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

describe('RainbondAdapter', () => {
  let client: jest.Mocked<
    Pick<RainbondClient, 'install' | 'getApp' | 'copy' | 'upgrade' | 'listComponents'>
  >;
  let adapter: RainbondAdapter;
  const acme = rainbondTeam('acme', { regions: ['region-1', 'region-2'] });
  const globex = rainbondTeam('globex');
  const workspaceOnly: TeamContext = { key: 'initech', displayName: 'Initech' };

  beforeEach(() => {
    client = {
      install: jest.fn(),
      getApp: jest.fn(),
      copy: jest.fn(),
      upgrade: jest.fn(),
      listComponents: jest.fn(),
    };
    adapter = new RainbondAdapter(client as unknown as RainbondClient);
  });

  const expectNoCall = () => {
    expect(client.install).not.toHaveBeenCalled();
    expect(client.copy).not.toHaveBeenCalled();
    expect(client.upgrade).not.toHaveBeenCalled();
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
      client.copy.mockResolvedValue({ services: [] });
      const target = {
        team: rainbondTeam('globex', { baseUrl: 'http://RAINBOND.test/' }),
        app: TARGET_APP,
      };
      await expect(adapter.copy(acme, APP, target, COPY)).resolves.toBeDefined();
    });
  });

  it('installs with the team account and mapped body and query, then reads the app for the answer', async () => {
    client.install.mockResolvedValue(SEED_MARKET_INSTALL);
    client.getApp.mockResolvedValue(APP_INFO);
    const result = await adapter.install(acme, APP, INSTALL);
    expect(client.install).toHaveBeenCalledWith(
      acme,
      APP,
      expect.objectContaining({
        market_type: 'rainstore',
        market_access_key: null,
        app_model_id: 'a1b2c3d4e5f6',
      }),
      { is_deploy: 'true', is_upload: 'true' },
    );
    expect(client.getApp).toHaveBeenCalledWith(acme, { ...APP, appId: 3 });
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
    client.install.mockResolvedValue(SEED_MARKET_INSTALL);
    client.getApp.mockRejectedValue(new UpstreamError('rainbond', 'timeout', 'slow'));
    const result = await adapter.install(acme, APP, INSTALL);
    expect(result).toMatchObject({ id: 'rainbond:region-1:3', components: [expect.any(Object)] });
    expect(result.raw).toStrictEqual({ install: SEED_MARKET_INSTALL });
  });

  it('copies with the source account and the target tenant name; answers the target application', async () => {
    const body = { services: [SEED_SERVICE_BASE_INFO] };
    client.copy.mockResolvedValue(body);
    client.getApp.mockResolvedValue(APP_INFO);
    const result = await adapter.copy(acme, APP, { team: globex, app: TARGET_APP }, COPY);
    expect(client.copy).toHaveBeenCalledWith(acme, APP, {
      services: [{ service_id: 'sid-1' }],
      target_team_name: 'globex-tenant',
      target_region_name: 'region-1',
      target_app_id: 2,
    });
    expect(result).toMatchObject({
      id: 'rainbond:region-1:2',
      owner: { team: 'globex' },
      components: [{ id: 'string' }],
    });
    expect(client.getApp).toHaveBeenCalledWith(acme, APP);
    expect(client.getApp).toHaveBeenLastCalledWith(globex, TARGET_APP);
  });

  it('does not copy when the source app is not found in the team', async () => {
    client.getApp.mockRejectedValue(
      new UpstreamError('rainbond', 'response', 'no found app', { status: 404, code: '4000' }),
    );
    await expect(
      adapter.copy(acme, APP, { team: globex, app: TARGET_APP }, COPY),
    ).rejects.toMatchObject({
      status: 404,
    });
    expect(client.copy).not.toHaveBeenCalled();
  });

  it('upgrades with the mapped body and answers the application with its app models', async () => {
    const body = [SEED_LIST_UPGRADE];
    client.upgrade.mockResolvedValue(body);
    client.getApp.mockResolvedValue(APP_INFO);
    client.listComponents.mockResolvedValue([SEED_SERVICE_BASE_INFO]);
    const result = await adapter.upgrade(acme, APP, UPGRADE);
    expect(client.upgrade).toHaveBeenCalledWith(acme, APP, {
      update_versions: [
        { market_name: null, app_model_id: 'a1b2c3d4e5f6', app_model_version: '1.1.0' },
      ],
    });
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
    client.upgrade.mockRejectedValue(failure);
    await expect(adapter.upgrade(acme, APP, UPGRADE)).rejects.toBe(failure);
  });
});
