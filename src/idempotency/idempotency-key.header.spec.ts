import { ProblemError } from '../common/problem';
import { parseIdempotencyKey } from './idempotency-key.header';

function refusal(header: string | string[]): ProblemError {
  try {
    parseIdempotencyKey(header);
  } catch (error) {
    if (error instanceof ProblemError) return error;
    throw error;
  }
  throw new Error('expected the key to be refused');
}

describe('parseIdempotencyKey', () => {
  it('has no key when the header is absent', () => {
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
  });

  it.each([
    [
      'an sf-string',
      '"8e03978e-40d5-43e8-bc93-6894a57f9324"',
      '8e03978e-40d5-43e8-bc93-6894a57f9324',
    ],
    [
      'a bare value, leniently',
      '8e03978e-40d5-43e8-bc93-6894a57f9324',
      '8e03978e-40d5-43e8-bc93-6894a57f9324',
    ],
    ['surrounding spaces', '  "abc"  ', 'abc'],
    ['base64 and prefixed keys', '"order:42/aGVsbG8+d29ybGQ="', 'order:42/aGVsbG8+d29ybGQ='],
    ['a key of the maximum length', `"${'k'.repeat(255)}"`, 'k'.repeat(255)],
  ])('reads %s', (_, header, key) => {
    expect(parseIdempotencyKey(header)).toBe(key);
  });

  it.each([
    ['an empty sf-string', '""', 'must not be empty'],
    ['an empty value', '   ', 'must not be empty'],
    ['a key over 255 characters', `"${'k'.repeat(256)}"`, 'must be at most 255 characters'],
    ['a space inside', '"a b"', 'may hold only'],
    ['an escaped quote', '"a\\"b"', 'may hold only'],
    ['an unterminated sf-string', '"abc', 'may hold only'],
    ['sf-string parameters', '"abc";v=1', 'may hold only'],
    ['non-ASCII characters', '"clé"', 'may hold only'],
  ])('refuses %s with a 400 naming the header', (_, header, message) => {
    const problem = refusal(header);
    expect(problem.status).toBe(400);
    expect(problem.extras.errors).toEqual([
      { field: 'Idempotency-Key', message: expect.stringContaining(message) },
    ]);
  });

  it('refuses the header given twice', () => {
    expect(refusal(['"a"', '"b"']).extras.errors?.[0].message).toBe('must be given once');
  });
});
