import type { z } from 'zod';

type RawIssue = z.core.$ZodRawIssue;

/**
 * Plain English for a schema violation in the configuration file, used as zod's error map while
 * the file is checked (a message set on a schema itself still wins). The value at fault is never
 * quoted: it may be a resolved secret.
 */
export function configIssueMessage(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required but missing';
      return `must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${kindOf(issue.input)}`;
    case 'too_small':
      return sizeMessage(issue.origin, 'at least', issue.minimum, issue.inclusive);
    case 'too_big':
      return sizeMessage(issue.origin, 'at most', issue.maximum, issue.inclusive);
    case 'invalid_value':
      return `must be ${oneOf(issue.values)}`;
    case 'invalid_union':
      return 'options' in issue && Array.isArray(issue.options)
        ? `must be ${oneOf(issue.options as unknown[])}`
        : 'matches none of the forms this setting can take';
    case 'invalid_format':
      return issue.format === 'url'
        ? 'must be an absolute URL'
        : `has a form that is not allowed here${'pattern' in issue ? ` (it must match ${String(issue.pattern)})` : ''}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'invalid_key':
      return 'is not an allowed name here';
    default:
      return undefined;
  }
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of settings',
  record: 'a mapping of names to settings',
};

function kindOf(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number') return Number.isInteger(value) ? 'a whole number' : 'a fraction';
  if (typeof value === 'object') return 'a mapping';
  return { string: 'text', boolean: 'true or false' }[typeof value as string] ?? typeof value;
}

function oneOf(values: readonly unknown[]): string {
  const listed = values.map((value) => JSON.stringify(value));
  return listed.length === 1 ? listed[0] : `one of ${listed.join(', ')}`;
}

function sizeMessage(
  origin: string,
  bound: 'at least' | 'at most',
  limit: number | bigint,
  inclusive: boolean | undefined,
): string {
  const n = Number(limit);
  if (origin === 'string') {
    if (bound === 'at least' && n === 1) return 'must not be empty';
    return `must be ${bound} ${n} characters long`;
  }
  if (origin === 'array' || origin === 'set') {
    if (bound === 'at least' && n === 1) return 'needs at least one entry';
    return `must have ${bound} ${n} entries`;
  }
  if (inclusive === false) return `must be ${bound === 'at least' ? 'more' : 'less'} than ${n}`;
  return `must be ${bound} ${n}`;
}
