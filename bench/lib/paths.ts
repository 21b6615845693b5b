import { join } from 'node:path';

/** The repository, whether this runs from bench/lib (ts-node) or dist-bench/bench/lib (compiled). */
export const REPO_ROOT = join(
  __dirname,
  ...(__filename.endsWith('.ts') ? ['..', '..'] : ['..', '..', '..']),
);

/** Where the bench writes what it measured (committed: the numbers the README quotes). */
export const RESULTS_DIR = join(REPO_ROOT, 'bench', 'results');
