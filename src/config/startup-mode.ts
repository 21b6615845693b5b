import { ConfigError } from './config.loader';

/**
 * How the process starts: from the configuration file CONFIG_FILE names, or (development only)
 * in sandbox mode, with the simulators in-process. `SANDBOX_MODE=1` marks a file-configured
 * gateway in front of the simulators (the compose sandbox profile), where the demo key is expected.
 */
export type StartupMode =
  { kind: 'file'; path: string; sandbox: boolean } | { kind: 'in-process-sandbox' };

export function startupMode(env: Record<string, string | undefined>): StartupMode {
  const production = env.NODE_ENV === 'production';
  const sandbox = env.SANDBOX_MODE === '1';
  if (production && (sandbox || !env.CONFIG_FILE)) {
    throw new ConfigError([
      sandbox
        ? 'SANDBOX_MODE is set, but this is a production build (NODE_ENV=production), which has no sandbox'
        : 'CONFIG_FILE is not set. A production build (NODE_ENV=production) has no sandbox: mount a configuration file and set CONFIG_FILE to its path (see docs/operations.md)',
    ]);
  }
  return env.CONFIG_FILE
    ? { kind: 'file', path: env.CONFIG_FILE, sandbox }
    : { kind: 'in-process-sandbox' };
}
