import { parseConfig } from '../../src/config/config.loader';
import { BENCH_SECRETS, benchConfigYaml } from './gateway-setup';

const parse = (yaml: string) =>
  parseConfig(yaml, {
    env: BENCH_SECRETS,
    readFile: () => {
      throw new Error('no file references expected');
    },
  });

describe('the bench gateway configuration', () => {
  const config = parse(benchConfigYaml('http://127.0.0.1:9'));

  it('passes the gateway schema, with the three measured auth paths', () => {
    expect(config.teams.acme.rainbond?.baseUrl).toBe('http://127.0.0.1:9');
    expect(config.teams.acme.workspace?.auth.type).toBe('password');
    expect(config.teams.globex.workspace?.auth.type).toBe('aksk');
  });

  it.each([1, 60])(
    'keeps the rate limit in the measured path without ever refusing the load (window %i s)',
    (windowSeconds) => {
      const { rateLimit } = parse(benchConfigYaml('http://127.0.0.1:9', windowSeconds));
      expect(rateLimit.windowSeconds).toBe(windowSeconds);
      expect(rateLimit.requestsPerWindow / rateLimit.windowSeconds).toBeGreaterThan(10_000);
    },
  );

  it('gives a 1 h window the largest budget there is, more than a run sends to one gateway', () => {
    const { rateLimit } = parse(benchConfigYaml('http://127.0.0.1:9', 3600));
    expect(rateLimit.windowSeconds).toBe(3600);
    expect(rateLimit.requestsPerWindow).toBe(1_000_000);
  });
});
