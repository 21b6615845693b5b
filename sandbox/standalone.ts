import { standaloneBanner, startStandaloneSandbox } from './standalone-sandbox';
import { readStandaloneSettings, StandaloneSettingsError } from './standalone-settings';

/**
 * The simulators as their own process (`npm run sandbox`, the compose `simulators` service):
 * settings from the environment (see readStandaloneSettings), stopped cleanly on SIGTERM/SIGINT.
 */
async function main(): Promise<void> {
  const standalone = await startStandaloneSandbox(readStandaloneSettings(process.env));
  for (const line of standaloneBanner(standalone, process.env)) console.log(line);

  const shutdown = async (signal: string) => {
    console.log(`${signal} received, stopping the simulators`);
    await standalone.stop();
    process.exit(0);
  };
  process.once('SIGINT', (signal) => void shutdown(signal));
  process.once('SIGTERM', (signal) => void shutdown(signal));
}

main().catch((error: unknown) => {
  console.error(error instanceof StandaloneSettingsError ? error.message : error);
  process.exit(1);
});
