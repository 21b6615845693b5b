import { InvalidFaultRequest, parseFaultMix, type FaultRequest } from './fault-request';
import { isLoopbackHost, type SimulatorName } from './sandbox';
import { secretsFromEnv, type SecretOverrides } from './sandbox-secrets';

/** What `npm run sandbox` (dist-sandbox/sandbox/standalone.js) takes from its environment. */
export interface StandaloneSettings {
  host: string;
  allowRemote: boolean;
  ports: Record<SimulatorName | 'control', number>;
  secrets: SecretOverrides;
  faults: FaultRequest[];
}

/** One problem a line; the standalone prints the message and exits. */
export class StandaloneSettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid sandbox settings:\n  - ${problems.join('\n  - ')}`);
    this.name = 'StandaloneSettingsError';
  }
}

export const PORT_ENV: Record<SimulatorName | 'control', string> = {
  rainbond: 'SANDBOX_RAINBOND_PORT',
  appCenter: 'SANDBOX_APP_CENTER_PORT',
  appWarehouse: 'SANDBOX_APP_WAREHOUSE_PORT',
  iam: 'SANDBOX_IAM_PORT',
  control: 'SANDBOX_CONTROL_PORT',
};

const DEFAULT_PORTS: StandaloneSettings['ports'] = {
  rainbond: 4101,
  appCenter: 4102,
  appWarehouse: 4103,
  iam: 4104,
  control: 4105,
};

/**
 * SANDBOX_HOST (default 127.0.0.1; another interface only with SANDBOX_ALLOW_REMOTE=1), the
 * SANDBOX_*_PORT of each simulator and of the control API (0: any free port), the secrets under the
 * names the in-process sandbox exports (SANDBOX_ACME_RAINBOND_TOKEN, …; generated when unset) and
 * SANDBOX_FAULTS (see parseFaultMix). Every problem is reported at once.
 */
export function readStandaloneSettings(
  env: Record<string, string | undefined>,
): StandaloneSettings {
  const problems: string[] = [];

  const host = env.SANDBOX_HOST || '127.0.0.1';
  const allowRemote = readFlag(env, 'SANDBOX_ALLOW_REMOTE', problems);
  if (!isLoopbackHost(host) && !allowRemote) {
    problems.push(
      `SANDBOX_HOST=${host} is not loopback: set SANDBOX_ALLOW_REMOTE=1 to listen on it`,
    );
  }

  const ports = Object.fromEntries(
    Object.entries(PORT_ENV).map(([name, envName]) => {
      const raw = env[envName];
      if (!raw) return [name, DEFAULT_PORTS[name as keyof typeof DEFAULT_PORTS]];
      if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65_535) {
        problems.push(`${envName} must be a port from 0 to 65535, got "${raw}"`);
      }
      return [name, Number(raw)];
    }),
  ) as StandaloneSettings['ports'];
  const fixed = Object.values(ports).filter((port) => port !== 0);
  if (new Set(fixed).size !== fixed.length) {
    problems.push(`the SANDBOX_*_PORT values must differ: ${JSON.stringify(ports)}`);
  }

  const { secrets, problems: secretProblems } = secretsFromEnv(env);
  problems.push(...secretProblems);

  let faults: FaultRequest[] = [];
  try {
    faults = parseFaultMix(env.SANDBOX_FAULTS ?? '');
  } catch (error) {
    if (!(error instanceof InvalidFaultRequest)) throw error;
    problems.push(`SANDBOX_FAULTS ${error.message}`);
  }

  if (problems.length > 0) throw new StandaloneSettingsError(problems);
  return { host, allowRemote, ports, secrets, faults };
}

function readFlag(
  env: Record<string, string | undefined>,
  name: string,
  problems: string[],
): boolean {
  const value = env[name] ?? '';
  if (['1', 'true'].includes(value)) return true;
  if (['', '0', 'false'].includes(value)) return false;
  problems.push(`${name} must be 1, true, 0 or false, got "${value}"`);
  return false;
}
