import { PROBLEM_TYPE_BASE } from '../common/problem';
import { keepsOutcome } from './stored-outcome';

const problem = (status: number, slug: string) => ({
  status,
  headers: { 'content-type': 'application/problem+json' },
  body: { type: PROBLEM_TYPE_BASE + slug, title: slug, status },
});

describe('keepsOutcome', () => {
  it.each([
    ['a 200', { status: 200, headers: {}, body: { id: 'x' } }],
    ['a 201', { status: 201, headers: {}, body: { id: 'x' } }],
    ['an upstream 400 (the upstream answered)', problem(400, 'upstream-rejected')],
    ['an upstream 404', problem(404, 'upstream-rejected')],
    ['an upstream 409', problem(409, 'upstream-rejected')],
    ['a 502 (the upstream may have written)', problem(502, 'upstream-failed')],
    ['a 504 (the upstream may have written)', problem(504, 'upstream-timeout')],
    ['a 500 of the gateway', problem(500, 'internal-error')],
  ])('keeps %s', (_, outcome) => {
    expect(keepsOutcome(outcome)).toBe(true);
  });

  it.each([
    ['a 503 (upstream throttling, open circuit)', problem(503, 'upstream-throttled')],
    ['a 429 (rate limited)', problem(429, 'too-many-requests')],
    ['a request validation failure', problem(400, 'validation-failed')],
  ])('releases the key after %s', (_, outcome) => {
    expect(keepsOutcome(outcome)).toBe(false);
  });
});
