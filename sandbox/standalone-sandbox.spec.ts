import { SANDBOX_SECRET_ENV_NAMES } from './sandbox-secrets';
import { ANY_FREE_PORTS, http, rainbond } from './sandbox.test-helpers';
import {
  standaloneBanner,
  startStandaloneSandbox,
  type StandaloneSandbox,
} from './standalone-sandbox';
import { readStandaloneSettings } from './standalone-settings';

const RAINBOND_APPS = '/teams/o19p6wen/regions/region-1/apps';

describe('the standalone sandbox', () => {
  const env = {
    ...ANY_FREE_PORTS,
    SANDBOX_ACME_RAINBOND_TOKEN: 'standalone-acme-token',
    SANDBOX_FAULTS: 'rainbond:status:status=503:times=1',
  };
  let standalone: StandaloneSandbox;

  beforeAll(async () => {
    standalone = await startStandaloneSandbox(readStandaloneSettings(env));
  });
  afterAll(() => standalone.stop());

  it('starts with the secrets of its environment and the run-level fault mix', async () => {
    const { sandbox } = standalone;
    expect(sandbox.secrets.rainbondTokens.acme).toBe('standalone-acme-token');
    expect((await rainbond(sandbox, RAINBOND_APPS)).status).toBe(503);
    expect((await rainbond(sandbox, RAINBOND_APPS)).status).toBe(200);
  });

  it('serves the control API on its own port', async () => {
    const response = await http(`${standalone.controlUrl}/calls?target=rainbond`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ rainbond: expect.any(Number) });
  });

  it('prints the URLs and the names of generated secrets, never a secret value', () => {
    const banner = standaloneBanner(standalone, env).join('\n');
    for (const [name, url] of Object.entries(standalone.sandbox.env)) {
      if (name.endsWith('_URL')) expect(banner).toContain(`${name}=${url}`);
    }
    expect(banner).toContain(standalone.controlUrl);
    expect(banner).toContain('rainbond:status:status=503:times=1');
    expect(banner).toContain('SANDBOX_GLOBEX_RAINBOND_TOKEN');
    expect(banner).not.toMatch(/SANDBOX_ACME_RAINBOND_TOKEN/);
    for (const name of SANDBOX_SECRET_ENV_NAMES) {
      expect(banner).not.toContain(standalone.sandbox.env[name]);
    }
  });

  it('stops the simulators and the control API', async () => {
    const other = await startStandaloneSandbox(readStandaloneSettings(ANY_FREE_PORTS));
    await other.stop();
    await expect(http(`${other.controlUrl}/health`)).rejects.toThrow('fetch failed');
    await expect(http(`${other.sandbox.urls.iam}/v3/auth/tokens`)).rejects.toThrow('fetch failed');
  });
});
