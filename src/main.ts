import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfigFile } from './config/config.loader';
import type { GatewayConfig } from './config/gateway-config.schema';
import { startupMode } from './config/startup-mode';

interface Runtime {
  config: GatewayConfig;
  /** Says the gateway is ready at `base` (its origin, e.g. http://127.0.0.1:3000). */
  announce: (base: string) => void;
  stop: () => Promise<void>;
}

const logger = new Logger('Gateway');

/**
 * The sandbox/ folder beside src/ (and beside the compiled src/ in a sandbox build), absent from a
 * production build. Named through a variable and typed here, not imported: tsc follows (even
 * type-only) imports, and the production build (tsconfig.production.json) leaves the sandbox out.
 */
const SANDBOX_RUNTIME_MODULE = '../sandbox/sandbox-runtime';
interface SandboxRuntimeModule {
  /** The sandbox's pacing (how fast simulated work moves) read from SANDBOX_* variables. */
  sandboxPacing(env: NodeJS.ProcessEnv): object;
  startSandboxRuntime(
    env: NodeJS.ProcessEnv,
    pacing: object,
  ): Promise<{
    sandbox: { stop(): Promise<void> };
    config: GatewayConfig;
    apiKey: string;
  }>;
  sandboxBanner(base: string, apiKey: string): string;
}

async function loadSandboxRuntime(): Promise<SandboxRuntimeModule> {
  try {
    return (await import(SANDBOX_RUNTIME_MODULE)) as SandboxRuntimeModule;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    throw new ConfigError([
      'CONFIG_FILE is not set, and this build has no sandbox: set CONFIG_FILE',
    ]);
  }
}

async function prepareRuntime(): Promise<Runtime> {
  const mode = startupMode(process.env);
  if (mode.kind === 'file') {
    const configFile = mode.path;
    const config = loadConfigFile(configFile, undefined, { allowKnownWeakKeys: mode.sandbox });
    // Before Fastify and the HTTP clients load (imported below), so instrumentation can patch them.
    // Loaded only when on: the SDK and its instrumentations are ~15 MB of RSS a gateway without
    // tracing would carry for nothing.
    const tracing = config.tracing.enabled
      ? (await import('./tracing/open-telemetry')).startTracing(config.tracing)
      : undefined;
    // HOST lets a container listen on its network (0.0.0.0) whatever interface the file names.
    const host = process.env.HOST || config.server.host;
    return {
      config: { ...config, server: { ...config.server, host } },
      announce: (base) => {
        for (const line of [
          `configuration: ${configFile}`,
          `tracing: ${tracing ? 'on' : 'off'}`,
          ...(mode.sandbox
            ? ['SANDBOX_MODE: known-weak API keys (the demo key) are accepted']
            : []),
          `gateway: ${base}/v1`,
          ...(config.docs.enabled ? [`Swagger UI: ${base}/docs`] : []),
        ]) {
          logger.log(line);
        }
      },
      stop: async () => tracing?.shutdown(),
    };
  }
  const { startSandboxRuntime, sandboxBanner, sandboxPacing } = await loadSandboxRuntime();
  const { sandbox, config, apiKey } = await startSandboxRuntime(
    process.env,
    sandboxPacing(process.env),
  );
  return {
    config,
    announce: (base) => process.stdout.write(sandboxBanner(base, apiKey)),
    stop: () => sandbox.stop(),
  };
}

async function bootstrap(): Promise<void> {
  const runtime = await prepareRuntime();
  const { createGatewayApp } = await import('./app.factory');
  const { shutDownGracefully } = await import('./health/graceful-shutdown');
  const { host } = runtime.config.server;
  const port = process.env.PORT ? Number(process.env.PORT) : runtime.config.server.port;
  const app = await createGatewayApp(runtime.config);
  await app.listen(port, host);

  const shutdown = async (signal: string) => {
    const { shutdownDrainMs } = runtime.config.server;
    logger.log(`${signal} received: not ready, draining for ${shutdownDrainMs} ms, then closing`);
    await shutDownGracefully(app, shutdownDrainMs);
    await runtime.stop();
    process.exit(0);
  };
  // Before the announcement: a signal sent as soon as it is read still shuts down gracefully.
  process.once('SIGINT', (signal) => void shutdown(signal));
  process.once('SIGTERM', (signal) => void shutdown(signal));

  // The port listened on, not the one asked for: PORT=0 picks a free one.
  const { port: listening } = app.getHttpServer().address() as AddressInfo;
  runtime.announce(`http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${listening}`);
}

bootstrap().catch((error: unknown) => {
  // A bad configuration is the common failure: print its list, not a stack trace.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
