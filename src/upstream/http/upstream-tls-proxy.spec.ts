import { once } from 'node:events';
import { createServer, type Server } from 'node:https';
import { connect, type AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { startHttpServer, axiosOverUndici, type Loopback } from './loopback-server.test-helpers';
import { createTestPki, type TestPki } from './test-ca.test-helpers';
import { readFileSync } from 'node:fs';
import { parseConfig } from '../../config/config.loader';
import type { PoolSettings } from './undici-axios-adapter';
import { buildUpstreamProfiles } from '../upstream-profiles';
import { poolSettingsFor } from './upstream-pool-settings';

/** An HTTPS upstream on loopback, certified by the test's private CA; it asks for a client certificate. */
async function startHttpsUpstream(pki: TestPki): Promise<{ server: Server; origin: string }> {
  const server = createServer(
    { ...pki.server, ca: pki.ca, requestCert: true, rejectUnauthorized: false },
    (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ clientCertificateVerified: (req.socket as TLSSocket).authorized }));
    },
  );
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, origin: `https://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** A forward proxy on loopback that records each CONNECT tunnel it opens. */
async function startConnectProxy(tunnels: string[]): Promise<Loopback> {
  const proxy = await startHttpServer((_req, res) => res.writeHead(405).end());
  proxy.server.on('connect', (req, client: import('node:net').Socket, head: Buffer) => {
    tunnels.push(req.url!);
    const [host, port] = req.url!.split(':');
    const target = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      target.write(head);
      target.pipe(client).pipe(target);
    });
    target.on('error', () => client.destroy());
    client.on('error', () => target.destroy());
  });
  return proxy;
}

describe('upstream TLS and proxy settings', () => {
  let pki: TestPki;
  let upstream: { server: Server; origin: string };
  let proxy: Loopback;
  let tunnels: string[];

  beforeAll(async () => {
    pki = createTestPki();
    upstream = await startHttpsUpstream(pki);
    tunnels = [];
    proxy = await startConnectProxy(tunnels);
  });
  afterAll(async () => {
    upstream.server.closeAllConnections();
    upstream.server.close();
    await proxy.close();
    pki.cleanup();
  });
  beforeEach(() => tunnels.splice(0));

  async function get(settings: Partial<PoolSettings>) {
    const { http, transport } = axiosOverUndici(settings);
    try {
      return (await http.get<{ clientCertificateVerified: boolean }>(`${upstream.origin}/`)).data;
    } finally {
      await transport.close();
    }
  }

  it('refuses a certificate of a private CA by default', async () => {
    await expect(get({})).rejects.toMatchObject({
      cause: expect.objectContaining({
        code: expect.stringMatching(/UNABLE_TO_VERIFY|SELF_SIGNED/),
      }),
    });
  });

  it('trusts the CA bundle given in tls.ca', async () => {
    expect(await get({ tls: { ca: pki.ca, rejectUnauthorized: true } })).toEqual({
      clientCertificateVerified: false,
    });
  });

  it('presents the client certificate of tls.cert and tls.key (mutual TLS)', async () => {
    const tls = { ca: pki.ca, ...pki.client, rejectUnauthorized: true };
    expect(await get({ tls })).toEqual({ clientCertificateVerified: true });
  });

  it('accepts any certificate with rejectUnauthorized: false', async () => {
    expect(await get({ tls: { rejectUnauthorized: false } })).toEqual({
      clientCertificateVerified: false,
    });
  });

  it('tunnels through proxy.url, still verifying the upstream against tls.ca', async () => {
    const settings = {
      tls: { ca: pki.ca, rejectUnauthorized: true },
      proxy: { fromEnvironment: false, url: proxy.origin, noProxy: [] },
    };
    expect(await get(settings)).toEqual({ clientCertificateVerified: false });
    expect(tunnels).toEqual([new URL(upstream.origin).host]);
    await expect(get({ ...settings, tls: undefined })).rejects.toThrow();
  });

  it('goes direct to a host that proxy.noProxy names', async () => {
    const proxySettings = { fromEnvironment: false, url: proxy.origin, noProxy: ['127.0.0.1'] };
    await get({ tls: { ca: pki.ca, rejectUnauthorized: true }, proxy: proxySettings });
    expect(tunnels).toEqual([]);
  });

  it('with proxy.fromEnvironment, follows HTTPS_PROXY and NO_PROXY', async () => {
    const saved = { HTTPS_PROXY: process.env.HTTPS_PROXY, NO_PROXY: process.env.NO_PROXY };
    const fromEnvironment = { fromEnvironment: true, noProxy: [] };
    const tls = { ca: pki.ca, rejectUnauthorized: true };
    try {
      process.env.HTTPS_PROXY = proxy.origin;
      process.env.NO_PROXY = 'other.example';
      await get({ tls, proxy: fromEnvironment });
      expect(tunnels).toHaveLength(1);
      process.env.NO_PROXY = '127.0.0.1';
      await get({ tls, proxy: fromEnvironment });
      expect(tunnels).toHaveLength(1);
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it('takes the CA and client certificate from file: references of the configuration', async () => {
    const config = parseConfig(
      `
upstreams:
  rainbond:
    tls: { ca: 'file:${pki.dir}/ca.pem', cert: 'file:${pki.dir}/client.pem', key: 'file:${pki.dir}/client.key' }
callers: [{ name: svc, keys: ['${'b'.repeat(64)}'], teams: [acme] }]
teams:
  acme:
    displayName: Acme
    rainbond: { baseUrl: '${upstream.origin}', teamName: t, regions: [r], token: '\${TOKEN}' }
`,
      { env: { TOKEN: 't' }, readFile: (path) => readFileSync(path, 'utf8') },
    );
    expect(
      await get(poolSettingsFor(buildUpstreamProfiles(config), config, upstream.origin)),
    ).toEqual({
      clientCertificateVerified: true,
    });
  });
});
