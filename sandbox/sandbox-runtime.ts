import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadConfigFile } from '../src/config/config.loader';
import type { GatewayConfig } from '../src/config/gateway-config.schema';
import { startSandbox, type Sandbox, type SandboxOptions } from './sandbox';

export { sandboxBanner } from './sandbox-banner';
export { sandboxPacing } from './sandbox-pacing';

/** The documented development key of the sandbox; set SANDBOX_API_KEY to use another. */
export const DEVELOPMENT_API_KEY = 'sandbox-demo-key';
export const SANDBOX_CONFIG_PATH = join(packageRoot(__dirname), 'config', 'default.yaml');

/**
 * The nearest folder above `from` with a package.json: this file runs from sandbox/ (ts-node, Jest)
 * and from one level deeper in a build (dist-sandbox/sandbox/, the sandbox image's dist/sandbox/).
 */
function packageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export interface SandboxRuntime {
  sandbox: Sandbox;
  config: GatewayConfig;
  apiKey: string;
}

/**
 * Starts the simulators on loopback and loads config/default.yaml against them. The gateway itself
 * is forced onto loopback too: sandbox mode is for one machine only.
 */
export async function startSandboxRuntime(
  env: NodeJS.ProcessEnv = process.env,
  sandboxOptions: SandboxOptions = {},
): Promise<SandboxRuntime> {
  const sandbox = await startSandbox(sandboxOptions);
  try {
    const apiKey = env.SANDBOX_API_KEY || DEVELOPMENT_API_KEY;
    const config = loadConfigFile(
      SANDBOX_CONFIG_PATH,
      {
        env: {
          ...env,
          ...sandbox.env,
          SANDBOX_API_KEY_SHA256: createHash('sha256').update(apiKey).digest('hex'),
        },
        readFile: (path) => readFileSync(path, 'utf8'),
      },
      { allowKnownWeakKeys: true },
    );
    return {
      sandbox,
      config: { ...config, server: { ...config.server, host: '127.0.0.1' } },
      apiKey,
    };
  } catch (error) {
    await sandbox.stop();
    throw error;
  }
}
