import { createServer } from 'node:net';
import { startSandbox, type Sandbox } from './sandbox';
import { SANDBOX_WORLD } from './sandbox-world';
import { http, iamToken, rainbond, WORKSPACE } from './sandbox.test-helpers';

describe('startSandbox', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.stop());

  it('listens on four loopback ports, URLs without a trailing slash', () => {
    const urls = Object.values(sandbox.urls);
    for (const url of urls) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(new Set(urls).size).toBe(4);
  });

  it('generates random secrets: 40-hex Rainbond tokens and IAM passwords', async () => {
    const other = await startSandbox();
    try {
      for (const token of Object.values(sandbox.secrets.rainbondTokens))
        expect(token).toMatch(/^[0-9a-f]{40}$/);
      expect(other.secrets.rainbondTokens.acme).not.toBe(sandbox.secrets.rainbondTokens.acme);
      expect(other.secrets.iamPasswords.acme).not.toBe(sandbox.secrets.iamPasswords.acme);
    } finally {
      await other.stop();
    }
  });

  it('uses the secrets it is given', async () => {
    const rainbondTokens = { acme: 'a'.repeat(40), globex: 'b'.repeat(40) };
    const given = await startSandbox({ secrets: { rainbondTokens } });
    try {
      expect(given.secrets.rainbondTokens).toEqual(rainbondTokens);
      expect((await rainbond(given, '/teams/o19p6wen/regions/region-1/apps')).status).toBe(200);
    } finally {
      await given.stop();
    }
  });

  it('exports the env vars config/default.yaml references', () => {
    expect(sandbox.env).toEqual({
      SANDBOX_RAINBOND_URL: sandbox.urls.rainbond,
      SANDBOX_APP_CENTER_URL: sandbox.urls.appCenter,
      SANDBOX_APP_WAREHOUSE_URL: sandbox.urls.appWarehouse,
      SANDBOX_IAM_URL: sandbox.urls.iam,
      SANDBOX_ACME_RAINBOND_TOKEN: sandbox.secrets.rainbondTokens.acme,
      SANDBOX_GLOBEX_RAINBOND_TOKEN: sandbox.secrets.rainbondTokens.globex,
      SANDBOX_ACME_IAM_PASSWORD: sandbox.secrets.iamPasswords.acme,
      SANDBOX_GLOBEX_IAM_PASSWORD: sandbox.secrets.iamPasswords.globex,
      SANDBOX_AGENCY_PASSWORD: sandbox.secrets.agencyPassword,
      SANDBOX_ACME_AK: sandbox.secrets.aksk.acme.accessKey,
      SANDBOX_ACME_SK: sandbox.secrets.aksk.acme.secretKey,
      SANDBOX_ACME_TEMP_AK: sandbox.secrets.temporaryAksk.acme.accessKey,
      SANDBOX_ACME_TEMP_SK: sandbox.secrets.temporaryAksk.acme.secretKey,
      SANDBOX_ACME_SECURITY_TOKEN: sandbox.secrets.temporaryAksk.acme.securityToken,
      SANDBOX_GLOBEX_AK: sandbox.secrets.aksk.globex.accessKey,
      SANDBOX_GLOBEX_SK: sandbox.secrets.aksk.globex.secretKey,
      SANDBOX_GLOBEX_TEMP_AK: sandbox.secrets.temporaryAksk.globex.accessKey,
      SANDBOX_GLOBEX_TEMP_SK: sandbox.secrets.temporaryAksk.globex.secretKey,
      SANDBOX_GLOBEX_SECURITY_TOKEN: sandbox.secrets.temporaryAksk.globex.securityToken,
    });
    expect(sandbox.secrets.aksk.acme.accessKey).toMatch(/^[A-Z0-9]{20}$/);
    expect(sandbox.secrets.aksk.acme.secretKey).toHaveLength(40);
  });

  it('completes secrets given for one team only with generated ones', async () => {
    const given = await startSandbox({ secrets: { iamPasswords: { globex: 'globex-given' } } });
    try {
      expect(given.secrets.iamPasswords.globex).toBe('globex-given');
      expect(given.secrets.iamPasswords.acme).toMatch(/^[\w-]{24}$/);
    } finally {
      await given.stop();
    }
  });

  it('refuses to listen beyond loopback', async () => {
    await expect(startSandbox({ host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });

  it('tries another interface when allowRemote says so', async () => {
    // 192.0.2.1 (TEST-NET-1) is not on this machine: listening fails, but not on the loopback rule.
    await expect(startSandbox({ host: '192.0.2.1', allowRemote: true })).rejects.toThrow(
      /EADDRNOTAVAIL/,
    );
  });

  it('listens on the ports it is given', async () => {
    const port = await freePort();
    const fixed = await startSandbox({ ports: { iam: port } });
    try {
      expect(fixed.urls.iam).toBe(`http://127.0.0.1:${port}`);
    } finally {
      await fixed.stop();
    }
  });

  it('records method, path with query, lower-cased headers and the parsed body', async () => {
    sandbox.resetCalls();
    const path = `/teams/${SANDBOX_WORLD.rainbond.teams.acme.tenantName}/regions/region-1/apps`;
    await rainbond(sandbox, `${path}?query=demo`, { headers: { 'X-Trace': 'abc' } });
    await rainbond(sandbox, path, { json: { app_name: 'recorded' } });
    await rainbond(sandbox, path, { raw: 'plain text', headers: { 'content-type': 'text/plain' } });
    const calls = sandbox.calls('rainbond');
    expect(calls).toHaveLength(3);
    expect(calls[0]).toMatchObject({
      method: 'GET',
      path: `/openapi/v1${path}?query=demo`,
      body: undefined,
    });
    expect(calls[0].headers).toMatchObject({
      'x-trace': 'abc',
      authorization: sandbox.secrets.rainbondTokens.acme,
    });
    expect(calls[1]).toMatchObject({ method: 'POST', body: { app_name: 'recorded' } });
    expect(calls[2].body).toBe('plain text');
    expect(sandbox.calls('iam')).toEqual([]);
  });

  it('resetCalls clears calls and faults but keeps state', async () => {
    const token = await iamToken(sandbox);
    const url = `${sandbox.urls.appWarehouse}/v1/${WORKSPACE.users.acme.projectId}/app-warehouse/apps`;
    const body = { app_name: 'kept', app_category: 'GAME', os_type: 'Linux', version_id: '1', version_name: 'one', appfile_store_path: 'a/b' }; // prettier-ignore
    await http(url, { json: body, headers: { 'x-auth-token': token } });
    sandbox.faults.inject('app-warehouse', { kind: 'status', status: 503 });
    sandbox.resetCalls();
    expect(sandbox.calls('app-warehouse')).toEqual([]);
    const listed = await http(`${url}?app_name=kept`, { headers: { 'x-auth-token': token } });
    expect(listed.status).toBe(200);
    expect(listed.body.count).toBe(1);
  });

  it('counts issued IAM tokens', async () => {
    const before = sandbox.iamTokensIssued();
    await iamToken(sandbox, 'globex');
    expect(sandbox.iamTokensIssued()).toBe(before + 1);
  });

  it('stops promptly even while a request hangs', async () => {
    const hanging = await startSandbox();
    hanging.faults.inject('iam', { kind: 'hang' });
    const pending = http(`${hanging.urls.iam}/v3/auth/tokens`, { json: {} }).catch(
      (error: Error) => error,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await hanging.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await pending).toMatchObject({ message: 'fetch failed' });
  });
});

/** A port that was free a moment ago. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
