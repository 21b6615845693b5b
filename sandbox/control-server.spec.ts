import type { FastifyInstance } from 'fastify';
import { createControlServer } from './control-server';
import { startSandbox, type Sandbox } from './sandbox';
import { SANDBOX_WORLD } from './sandbox-world';
import { iamToken, rainbond } from './sandbox.test-helpers';

const RAINBOND_APPS = `/teams/${SANDBOX_WORLD.rainbond.teams.acme.tenantName}/regions/region-1/apps`;

describe('sandbox control server', () => {
  let sandbox: Sandbox;
  let control: FastifyInstance;
  const postFault = (payload: object) =>
    control.inject({ method: 'POST', url: '/faults', payload });
  const get = async (url: string) => (await control.inject({ method: 'GET', url })).json();

  beforeAll(async () => {
    sandbox = await startSandbox();
    control = createControlServer(sandbox);
  });
  beforeEach(() => sandbox.resetCalls());
  afterAll(async () => {
    await control.close();
    await sandbox.stop();
  });

  it('POST /faults injects a fault into the simulator: 204', async () => {
    const response = await postFault({
      target: 'rainbond',
      fault: { kind: 'status', status: 503 },
      times: 1,
      probability: 1,
    });
    expect(response.statusCode).toBe(204);
    expect((await rainbond(sandbox, RAINBOND_APPS)).status).toBe(503);
    expect((await rainbond(sandbox, RAINBOND_APPS)).status).toBe(200);
  });

  it.each([
    [{ target: 'rainbond', fault: { kind: 'explode' } }, /fault\.kind/],
    [{ target: 'iam', fault: { kind: 'job-failure' } }, /app-center and app-warehouse/],
    [{ target: 'iam', fault: { kind: 'reset' }, probability: 7 }, /probability/],
  ])('POST /faults answers 400 with a message to %j', async (payload, message) => {
    const response = await postFault(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ message: expect.stringMatching(message) });
    expect((await rainbond(sandbox, RAINBOND_APPS)).status).toBe(200);
  });

  it('POST /faults answers 400 to a body that is not JSON', async () => {
    const response = await control.inject({
      method: 'POST',
      url: '/faults',
      headers: { 'content-type': 'application/json' },
      payload: '{"target":',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ message: expect.any(String) });
  });

  it('DELETE /faults?target= clears that simulator only; DELETE /faults clears all', async () => {
    await postFault({ target: 'rainbond', fault: { kind: 'status', status: 502 } });
    await postFault({ target: 'iam', fault: { kind: 'status', status: 502 } });
    const cleared = await control.inject({ method: 'DELETE', url: '/faults?target=rainbond' });
    expect(cleared.statusCode).toBe(204);
    expect((await rainbond(sandbox, RAINBOND_APPS)).status).toBe(200);
    await expect(iamToken(sandbox)).rejects.toThrow(/502/);
    expect((await control.inject({ method: 'DELETE', url: '/faults' })).statusCode).toBe(204);
    await expect(iamToken(sandbox)).resolves.toEqual(expect.any(String));
  });

  it.each(['/faults?target=mars', '/faults?target=iam&target=rainbond'])(
    'DELETE %s answers 400',
    async (url) => {
      const response = await control.inject({ method: 'DELETE', url });
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toMatch(/target must be one of rainbond, app-center/);
    },
  );

  it('GET /writes lists performed writes per target, with their bodies', async () => {
    await rainbond(sandbox, RAINBOND_APPS, { json: { app_name: 'controlled' } });
    const all = await get('/writes');
    expect(Object.keys(all)).toEqual(['rainbond', 'app-center', 'app-warehouse', 'iam']);
    expect(all.rainbond).toEqual([
      expect.objectContaining({ body: { app_name: 'controlled' }, status: 201, answerLost: false }),
    ]);
    expect(await get('/writes?target=rainbond')).toEqual({ rainbond: all.rainbond });
  });

  it('GET /calls counts recorded calls, without the calls and their credentials', async () => {
    await iamToken(sandbox);
    await rainbond(sandbox, RAINBOND_APPS);
    expect(await get('/calls')).toEqual({
      rainbond: 1,
      'app-center': 0,
      'app-warehouse': 0,
      iam: 1,
    });
    expect(await get('/calls?target=iam')).toEqual({ iam: 1 });
  });

  it('GET /iam/tokens-issued counts the tokens IAM issued', async () => {
    const before = (await get('/iam/tokens-issued')).count as number;
    await iamToken(sandbox);
    expect(await get('/iam/tokens-issued')).toEqual({ count: before + 1 });
  });

  it('GET /health answers ok', async () => {
    expect(await get('/health')).toEqual({ status: 'ok' });
  });
});
