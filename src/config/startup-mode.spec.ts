import { configProblemsOf } from './config.test-helpers';
import { startupMode } from './startup-mode';

const refusal = (env: Record<string, string>) => configProblemsOf(() => startupMode(env));

describe('startupMode', () => {
  it('starts from CONFIG_FILE, refusing known-weak keys', () => {
    expect(startupMode({ CONFIG_FILE: '/etc/gw.yaml', NODE_ENV: 'production' })).toEqual({
      kind: 'file',
      path: '/etc/gw.yaml',
      sandbox: false,
    });
  });

  it('starts the in-process sandbox without CONFIG_FILE outside production', () => {
    expect(startupMode({})).toEqual({ kind: 'in-process-sandbox' });
  });

  it('refuses a production build without CONFIG_FILE, saying what to set', () => {
    expect(refusal({ NODE_ENV: 'production' })).toEqual([
      expect.stringMatching(/^CONFIG_FILE is not set\. A production build .* set CONFIG_FILE/),
    ]);
  });

  it('marks a file-configured gateway in front of the simulators with SANDBOX_MODE=1', () => {
    expect(startupMode({ CONFIG_FILE: 'config/default.yaml', SANDBOX_MODE: '1' })).toEqual({
      kind: 'file',
      path: 'config/default.yaml',
      sandbox: true,
    });
  });

  it('refuses SANDBOX_MODE in a production build', () => {
    expect(
      refusal({ CONFIG_FILE: '/etc/gw.yaml', SANDBOX_MODE: '1', NODE_ENV: 'production' }),
    ).toEqual([expect.stringContaining('production build')]);
  });
});
