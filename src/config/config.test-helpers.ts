import { ConfigError } from './config.loader';

/** The problems of the ConfigError that `run` throws; fails when it throws none. */
export function configProblemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}
