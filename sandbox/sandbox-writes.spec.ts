import { startSandbox, type Sandbox } from './sandbox';
import { SANDBOX_WORLD } from './sandbox-world';
import { http, iamToken, rainbond, WORKSPACE } from './sandbox.test-helpers';

const RAINBOND_APPS = `/teams/${SANDBOX_WORLD.rainbond.teams.acme.tenantName}/regions/region-1/apps`;
const WAREHOUSE_APP = { app_name: 'chaos', app_category: 'GAME', os_type: 'Linux', version_id: '1', version_name: 'one', appfile_store_path: 'a/b' }; // prettier-ignore

describe('performed writes and faults after the handler', () => {
  let sandbox: Sandbox;
  let token: string;
  const warehouseApps = () =>
    `${sandbox.urls.appWarehouse}/v1/${WORKSPACE.users.acme.projectId}/app-warehouse/apps`;
  const createWarehouseApp = (body: unknown, requestId?: string) =>
    http(warehouseApps(), {
      json: body,
      headers: { 'x-auth-token': token, ...(requestId ? { 'x-request-id': requestId } : {}) },
    });
  const createRainbondApp = (name: string) => rainbond(sandbox, RAINBOND_APPS, { json: { app_name: name } }); // prettier-ignore
  const rainbondAppNames = async () =>
    ((await rainbond(sandbox, RAINBOND_APPS)).body as { group_name: string }[]).map(
      (app) => app.group_name,
    );

  beforeAll(async () => {
    sandbox = await startSandbox();
    token = await iamToken(sandbox);
  });
  beforeEach(() => sandbox.resetCalls());
  afterAll(() => sandbox.stop());

  it('records a POST answered 2xx as a write, with its path, parsed body and request id', async () => {
    await createWarehouseApp(WAREHOUSE_APP, 'gateway-request-1');
    expect(sandbox.writes('app-warehouse')).toEqual([
      {
        path: `/v1/${WORKSPACE.users.acme.projectId}/app-warehouse/apps`,
        status: 200,
        body: WAREHOUSE_APP,
        callerRequestId: 'gateway-request-1',
        answerLost: false,
      },
    ]);
  });

  it('records no write for a rejected POST, a GET or an IAM token request', async () => {
    await createWarehouseApp({ ...WAREHOUSE_APP, app_name: 'not valid!' });
    await http(warehouseApps(), { headers: { 'x-auth-token': token } });
    await iamToken(sandbox);
    expect(sandbox.calls('app-warehouse')).toHaveLength(2);
    expect(sandbox.calls('iam')).toHaveLength(1);
    expect(sandbox.writes('app-warehouse')).toEqual([]);
    expect(sandbox.writes('iam')).toEqual([]);
  });

  it('records no write when a fault answered before the handler', async () => {
    sandbox.faults.inject('app-warehouse', { kind: 'job-failure' }, { times: 1 });
    sandbox.faults.inject('app-warehouse', { kind: 'malformed' }, { times: 1 });
    expect((await createWarehouseApp(WAREHOUSE_APP)).status).toBe(200);
    expect((await createWarehouseApp(WAREHOUSE_APP)).status).toBe(200);
    expect(sandbox.writes('app-warehouse')).toEqual([]);
  });

  it('shows a repeated write as the same body twice', async () => {
    await createWarehouseApp(WAREHOUSE_APP);
    await createWarehouseApp(WAREHOUSE_APP);
    const bodies = sandbox.writes('app-warehouse').map((write) => write.body);
    expect(bodies).toEqual([WAREHOUSE_APP, WAREHOUSE_APP]);
  });

  it('lose-response: performs the write, then destroys the socket instead of answering', async () => {
    sandbox.faults.inject('rainbond', { kind: 'lose-response' }, { times: 1 });
    const failure = await createRainbondApp('answer-lost').catch((error: Error) => error);
    expect(failure).toMatchObject({
      message: 'fetch failed',
      cause: expect.objectContaining({ code: 'UND_ERR_SOCKET' }),
    });
    expect(await rainbondAppNames()).toContain('answer-lost');
    expect(sandbox.writes('rainbond')).toEqual([
      expect.objectContaining({ body: { app_name: 'answer-lost' }, answerLost: true }),
    ]);
  });

  it('slow-response: performs the write before the caller gives up waiting', async () => {
    sandbox.faults.inject('rainbond', { kind: 'slow-response', ms: 60_000 }, { times: 1 });
    const call = rainbond(sandbox, RAINBOND_APPS, {
      json: { app_name: 'answer-late' },
      signal: AbortSignal.timeout(200),
    });
    await expect(call).rejects.toThrow(/aborted|timeout/i);
    expect(await rainbondAppNames()).toContain('answer-late');
    expect(sandbox.writes('rainbond')).toEqual([
      expect.objectContaining({ body: { app_name: 'answer-late' }, answerLost: false }),
    ]);
  });

  it('resetCalls clears the writes', async () => {
    await createRainbondApp('forgotten');
    sandbox.resetCalls();
    expect(sandbox.writes('rainbond')).toEqual([]);
  });
});

describe('a fault mix over HTTP', () => {
  it('applies, request by request, the first fault whose roll fires', async () => {
    const rolls = [0.5, 0.01, 0.05, 0.9, 0.9];
    const sandbox = await startSandbox({ random: () => rolls.shift() ?? 1 });
    try {
      sandbox.faults.inject('rainbond', { kind: 'status', status: 503 }, { probability: 0.1 });
      sandbox.faults.inject('rainbond', { kind: 'lose-response' }, { probability: 0.1 });
      const outcome = (name: string) =>
        rainbond(sandbox, RAINBOND_APPS, { json: { app_name: name } }).then(
          (response) => response.status,
          () => 'lost',
        );
      // rolls per request: (0.5 no 503, 0.01 lose) | (0.05 503) | (0.9 no 503, 0.9 no lose)
      const outcomes = [await outcome('one'), await outcome('two'), await outcome('three')];
      expect(outcomes).toEqual(['lost', 503, 201]);
      expect(sandbox.writes('rainbond').map((write) => write.answerLost)).toEqual([true, false]);
    } finally {
      await sandbox.stop();
    }
  });
});
