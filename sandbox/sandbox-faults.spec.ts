import { startSandbox, type Sandbox } from './sandbox';
import { SandboxFaults } from './sandbox-faults';
import { SANDBOX_WORLD } from './sandbox-world';
import { http, iamToken, rainbond, WORKSPACE } from './sandbox.test-helpers';

const RAINBOND_APPS = `/teams/${SANDBOX_WORLD.rainbond.teams.acme.tenantName}/regions/region-1/apps`;

describe('SandboxFaults', () => {
  it('applies faults in injection order, each for its number of uses', () => {
    const faults = new SandboxFaults();
    faults.inject('rainbond', { kind: 'status', status: 503 }, { times: 1 });
    faults.inject('rainbond', { kind: 'malformed' }, { times: 2 });
    const kinds = [1, 2, 3, 4].map(() => faults.take('rainbond')?.kind);
    expect(kinds).toEqual(['status', 'malformed', 'malformed', undefined]);
  });

  it('keeps a fault without times until cleared', () => {
    const faults = new SandboxFaults();
    faults.inject('iam', { kind: 'reset' });
    expect([faults.take('iam'), faults.take('iam')].map((fault) => fault?.kind)).toEqual([
      'reset',
      'reset',
    ]);
    faults.clear('iam');
    expect(faults.take('iam')).toBeUndefined();
  });

  it('clears one target or all of them', () => {
    const faults = new SandboxFaults();
    faults.inject('iam', { kind: 'reset' });
    faults.inject('rainbond', { kind: 'reset' });
    faults.clear('iam');
    expect(faults.take('rainbond')).toBeDefined();
    faults.clear();
    expect(faults.take('rainbond')).toBeUndefined();
  });

  it('refuses a job-failure for Rainbond and IAM', () => {
    const faults = new SandboxFaults();
    expect(() => faults.inject('rainbond', { kind: 'job-failure' })).toThrow(TypeError);
    expect(() => faults.inject('iam', { kind: 'job-failure' })).toThrow(TypeError);
  });

  it('refuses a status outside 4xx/5xx and a bad times', () => {
    const faults = new SandboxFaults();
    expect(() => faults.inject('iam', { kind: 'status', status: 200 })).toThrow(RangeError);
    expect(() => faults.inject('iam', { kind: 'reset' }, { times: 0 })).toThrow(RangeError);
  });

  it('refuses a probability outside (0, 1] and a slow-response without a duration', () => {
    const faults = new SandboxFaults();
    for (const probability of [0, -0.1, 1.5, Number.NaN]) {
      expect(() => faults.inject('iam', { kind: 'reset' }, { probability })).toThrow(RangeError);
    }
    expect(() => faults.inject('iam', { kind: 'slow-response', ms: -1 })).toThrow(RangeError);
  });
});

describe('SandboxFaults with probabilities', () => {
  /** Dice that return the given rolls in order. */
  const scripted = (...rolls: number[]) => {
    const dice = jest.fn(() => {
      const roll = rolls.shift();
      if (roll === undefined) throw new Error('rolled more often than scripted');
      return roll;
    });
    return dice;
  };

  it('takes the first fault, in injection order, whose roll is under its probability', () => {
    const faults = new SandboxFaults(scripted(0.5, 0.01, 0.2, 0.7, 0.05));
    faults.inject('rainbond', { kind: 'status', status: 503 }, { probability: 0.1 });
    faults.inject('rainbond', { kind: 'reset' }, { probability: 0.3 });
    // rolls: 0.5 misses 503, 0.01 hits reset | 0.2 misses 503, 0.7 misses reset | 0.05 hits 503
    const kinds = [1, 2, 3].map(() => faults.take('rainbond')?.kind);
    expect(kinds).toEqual(['reset', undefined, 'status']);
  });

  it('falls through to a fault without probability when the dice miss, rolling nothing for it', () => {
    const dice = scripted(0.9, 0.01);
    const faults = new SandboxFaults(dice);
    faults.inject('iam', { kind: 'hang' }, { probability: 0.5 });
    faults.inject('iam', { kind: 'malformed' });
    expect([faults.take('iam')?.kind, faults.take('iam')?.kind]).toEqual(['malformed', 'hang']);
    expect(dice).toHaveBeenCalledTimes(2);
  });

  it('spends the uses of a fault only when it fires', () => {
    const faults = new SandboxFaults(scripted(0.9, 0.9, 0.1));
    faults.inject('iam', { kind: 'reset' }, { probability: 0.5, times: 1 });
    const kinds = [1, 2, 3, 4].map(() => faults.take('iam')?.kind);
    expect(kinds).toEqual([undefined, undefined, 'reset', undefined]);
  });

  it('never rolls for faults injected without a probability', () => {
    const dice = jest.fn(() => 0);
    const faults = new SandboxFaults(dice);
    faults.inject('iam', { kind: 'reset' }, { times: 1 });
    faults.take('iam');
    faults.take('iam');
    expect(dice).not.toHaveBeenCalled();
  });
});

describe('fault injection over HTTP', () => {
  let sandbox: Sandbox;
  let token: string;
  const appCenterApps = () =>
    `${sandbox.urls.appCenter}/v1/${WORKSPACE.users.acme.projectId}/app-center/apps`;
  const listAppCenter = () => http(appCenterApps(), { headers: { 'x-auth-token': token } });

  beforeAll(async () => {
    sandbox = await startSandbox();
    token = await iamToken(sandbox);
  });
  afterEach(() => sandbox.resetCalls());
  afterAll(() => sandbox.stop());

  it('latency: answers normally after the delay', async () => {
    sandbox.faults.inject('rainbond', { kind: 'latency', ms: 150 }, { times: 1 });
    const started = Date.now();
    const response = await rainbond(sandbox, RAINBOND_APPS);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(response.status).toBe(200);
  });

  it("status: answers Rainbond's ServiceHandleException shape", async () => {
    sandbox.faults.inject('rainbond', { kind: 'status', status: 503 });
    const response = await rainbond(sandbox, RAINBOND_APPS);
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({
      code: 503,
      msg: expect.any(String),
      data: { bean: {}, list: [] },
    });
  });

  it("status: answers a 500 with Rainbond's unhandled-exception shape", async () => {
    sandbox.faults.inject('rainbond', { kind: 'status', status: 500 });
    const response = await rainbond(sandbox, RAINBOND_APPS);
    expect(response.body).toMatchObject({ code: 10401, error_details: expect.any(Object) });
  });

  it('status: answers the Workspace error shape with an X-Request-Id', async () => {
    sandbox.faults.inject('app-center', { kind: 'status', status: 500 });
    const response = await listAppCenter();
    expect(response.status).toBe(500);
    expect(response.body).toEqual({
      error_code: expect.stringMatching(/^WKS\./),
      error_msg: expect.any(String),
    });
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });

  it("status: answers IAM's Keystone shape", async () => {
    sandbox.faults.inject('iam', { kind: 'status', status: 503 });
    await expect(iamToken(sandbox)).rejects.toThrow(/503.*"title":"Service Unavailable"/);
  });

  it('reset: destroys the socket without an answer', async () => {
    sandbox.faults.inject('app-warehouse', { kind: 'reset' });
    const url = `${sandbox.urls.appWarehouse}/v1/${WORKSPACE.users.acme.projectId}/app-warehouse/apps`;
    const failure = await http(url, { headers: { 'x-auth-token': token } }).catch(
      (error: Error) => error,
    );
    expect(failure).toMatchObject({
      message: 'fetch failed',
      cause: expect.objectContaining({ code: 'UND_ERR_SOCKET' }),
    });
  });

  it('hang: never answers, so the client gives up', async () => {
    sandbox.faults.inject('rainbond', { kind: 'hang' });
    const call = rainbond(sandbox, RAINBOND_APPS, { signal: AbortSignal.timeout(150) });
    await expect(call).rejects.toThrow(/aborted|timeout/i);
  });

  it('malformed: answers 200 with a body that is not JSON', async () => {
    sandbox.faults.inject('app-center', { kind: 'malformed' });
    const response = await listAppCenter();
    expect(response.status).toBe(200);
    expect(() => JSON.parse(response.text) as unknown).toThrow(SyntaxError);
  });

  it('expired-token: Workspace answers 401 APIGW.0301 to a valid token', async () => {
    sandbox.faults.inject('app-center', { kind: 'expired-token' }, { times: 1 });
    const response = await listAppCenter();
    expect(response.status).toBe(401);
    expect(response.body.error_code).toBe('APIGW.0301');
    expect((await listAppCenter()).status).toBe(200);
  });

  it('expired-token: Rainbond answers 401 as for an unknown token', async () => {
    sandbox.faults.inject('rainbond', { kind: 'expired-token' });
    const response = await rainbond(sandbox, RAINBOND_APPS);
    expect(response.status).toBe(401);
    expect(response.body.detail).toBe('No such user');
  });

  it('job-failure: Workspace answers 200 with WKS.00211102', async () => {
    sandbox.faults.inject('app-warehouse', { kind: 'job-failure' });
    const url = `${sandbox.urls.appWarehouse}/v1/${WORKSPACE.users.acme.projectId}/app-warehouse/apps`;
    const response = await http(url, { headers: { 'x-auth-token': token } });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ error_code: 'WKS.00211102', error_msg: expect.any(String) });
  });

  it('records the call even when a fault fires', async () => {
    sandbox.faults.inject('app-center', { kind: 'reset' });
    await http(appCenterApps(), { json: { name: 'x' }, headers: { 'x-auth-token': token } }).catch(
      () => undefined,
    );
    expect(sandbox.calls('app-center')).toEqual([
      expect.objectContaining({ method: 'POST', body: { name: 'x' } }),
    ]);
  });

  it('stops applying a fault after its times', async () => {
    sandbox.faults.inject('rainbond', { kind: 'status', status: 502 }, { times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await rainbond(sandbox, RAINBOND_APPS)).status);
    expect(statuses).toEqual([502, 502, 200]);
  });
});
