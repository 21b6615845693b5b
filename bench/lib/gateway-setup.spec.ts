import { parseConfig } from '../../src/config/config.loader';
import { BENCH_SECRETS, benchConfigYaml } from './gateway-setup';

describe('the bench gateway configuration', () => {
  const config = parseConfig(benchConfigYaml('http://127.0.0.1:9'), {
    env: BENCH_SECRETS,
    readFile: () => {
      throw new Error('no file references expected');
    },
  });

  it('passes the gateway schema, with the three measured auth paths', () => {
    expect(config.teams.acme.rainbond?.baseUrl).toBe('http://127.0.0.1:9');
    expect(config.teams.acme.workspace?.auth.type).toBe('password');
    expect(config.teams.globex.workspace?.auth.type).toBe('aksk');
  });

  it('keeps the rate limit in the measured path without ever refusing the load', () => {
    expect(config.rateLimit.requestsPerWindow).toBeGreaterThan(0);
    expect(config.rateLimit.requestsPerWindow / config.rateLimit.windowSeconds).toBeGreaterThan(
      10_000,
    );
  });
});
