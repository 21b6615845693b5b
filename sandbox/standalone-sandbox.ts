import { createControlServer } from './control-server';
import { listenOn, startSandbox, type Sandbox } from './sandbox';
import { SANDBOX_SECRET_ENV_NAMES } from './sandbox-secrets';
import type { StandaloneSettings } from './standalone-settings';

export interface StandaloneSandbox {
  sandbox: Sandbox;
  controlUrl: string;
  stop(): Promise<void>;
}

/** The four simulators with the run's fault mix, and the control API, on the settings' ports. */
export async function startStandaloneSandbox(
  settings: StandaloneSettings,
): Promise<StandaloneSandbox> {
  const { host, allowRemote, ports, secrets } = settings;
  const sandbox = await startSandbox({ host, allowRemote, ports, secrets });
  for (const { target, fault, ...options } of settings.faults) {
    sandbox.faults.inject(target, fault, options);
  }
  const control = createControlServer(sandbox);
  let controlUrl: string;
  try {
    controlUrl = await listenOn(control, host, ports.control);
  } catch (error) {
    await Promise.all([control.close(), sandbox.stop()]);
    throw error;
  }
  return {
    sandbox,
    controlUrl,
    stop: () => Promise.all([control.close(), sandbox.stop()]).then(() => undefined),
  };
}

/**
 * What the standalone prints when it is up: the URLs as env assignments, the fault mix, and the
 * names (never the values) of the secrets it generated. A generated secret is not printed because
 * logs end up in CI output and `docker logs`, and in compose the simulators are reachable from
 * other containers; a gateway that needs the secrets gets them the same way the simulators did.
 */
export function standaloneBanner(
  standalone: StandaloneSandbox,
  env: Record<string, string | undefined>,
): string[] {
  const { sandbox } = standalone;
  const urls = Object.entries(sandbox.env).filter(([name]) => name.endsWith('_URL'));
  const generated = SANDBOX_SECRET_ENV_NAMES.filter((name) => !env[name]);
  return [
    'SANDBOX: simulated Rainbond, Workspace, WorkspaceApp and IAM (not real upstreams)',
    ...urls.map(([name, url]) => `  ${name}=${url}`),
    `control API: ${standalone.controlUrl} (POST|DELETE /faults, GET /writes, /calls, /iam/tokens-issued)`,
    `fault mix (SANDBOX_FAULTS): ${env.SANDBOX_FAULTS?.trim() || 'none'}`,
    generated.length === 0
      ? 'secrets: all taken from the environment'
      : `secrets generated, values not printed (a gateway that uses one needs it set for both processes): ${generated.join(', ')}`,
  ];
}
