import type { SandboxOptions } from './sandbox';

const DEFAULT_STEP_MS = 3_000;
const DEFAULT_VERIFY_AFTER_MS = 10_000;

/**
 * How fast simulated work moves in `npm start`: SANDBOX_STEP_MS per Rainbond phase (creating,
 * building, starting; default 3000), SANDBOX_FAILING_BUILDS (comma-separated component names whose
 * build fails), SANDBOX_VERIFY_AFTER_MS (App Warehouse review, default 10000) and
 * SANDBOX_VERIFY_VERDICT (VERIFY_PASS or Verify_FAIL).
 */
export function sandboxPacing(env: Record<string, string | undefined>): SandboxOptions {
  const verdict = env.SANDBOX_VERIFY_VERDICT === 'Verify_FAIL' ? 'Verify_FAIL' : 'VERIFY_PASS';
  return {
    lifecycle: {
      stepMs: milliseconds(env.SANDBOX_STEP_MS, DEFAULT_STEP_MS),
      failingBuilds: (env.SANDBOX_FAILING_BUILDS ?? '')
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean),
    },
    verification: {
      afterMs: milliseconds(env.SANDBOX_VERIFY_AFTER_MS, DEFAULT_VERIFY_AFTER_MS),
      verdict,
    },
  };
}

function milliseconds(raw: string | undefined, fallback: number): number {
  const value = Number(raw);
  return raw && Number.isSafeInteger(value) && value >= 0 ? value : fallback;
}
