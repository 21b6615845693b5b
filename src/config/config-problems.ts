import type { z } from 'zod';

/**
 * The faults of one configuration file, each at its dotted path, in the order they were found.
 * A schema issue at a path already reported (an unset variable leaves its field missing) or below
 * it is the same fault seen again, so it is dropped.
 */
export class ConfigProblems {
  private readonly found: { path: string; message: string }[] = [];

  get empty(): boolean {
    return this.found.length === 0;
  }

  add(path: string, message: string): void {
    this.found.push({ path, message });
  }

  addIssue(issue: z.core.$ZodIssue): void {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        this.addUnlessReported(
          [...path, key],
          'is not a known setting (misspelt, or in the wrong section?)',
        );
      }
      return;
    }
    this.addUnlessReported(path, issue.message);
  }

  lines(): string[] {
    return this.found.map(({ path, message }) => `${path || '(root)'}: ${message}`);
  }

  private addUnlessReported(path: string[], message: string): void {
    const at = path.join('.');
    const reported = this.found.some(
      (problem) => problem.path === at || at.startsWith(`${problem.path}.`),
    );
    if (!reported) this.add(at, message);
  }
}
