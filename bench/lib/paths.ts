import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The repository, whether this runs from bench/lib (ts-node) or dist-bench/bench/lib (compiled). */
export const REPO_ROOT = join(
  __dirname,
  ...(__filename.endsWith('.ts') ? ['..', '..'] : ['..', '..', '..']),
);

/** Where the bench writes what it measured (committed: the numbers the README quotes). */
const RESULTS_DIR = join(REPO_ROOT, 'bench', 'results');

/** Writes `bench/results/<name>.json`. */
export function writeResult(name: string, result: unknown): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nwritten to bench/results/${name}.json`);
}
