import { isUtf8JsonMediaType } from './json-body-parser';
import { jsonBoundBroken } from './json-bounds';

const jsonDepthExceeds = (text: string, limit: number) =>
  jsonBoundBroken(text, limit, Infinity) === 'depth';

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('the depth bound of jsonBoundBroken', () => {
  it('counts arrays and objects alike, `{}` being depth 1', () => {
    expect(jsonDepthExceeds('{}', 1)).toBe(false);
    expect(jsonDepthExceeds('{"a":[{}]}', 3)).toBe(false);
    expect(jsonDepthExceeds('{"a":[{}]}', 2)).toBe(true);
    expect(jsonDepthExceeds('"text"', 0)).toBe(false);
  });

  it('accepts exactly the limit and refuses one more', () => {
    expect(jsonDepthExceeds(nested(32), 32)).toBe(false);
    expect(jsonDepthExceeds(nested(33), 32)).toBe(true);
  });

  it('measures the deepest point, not the number of containers', () => {
    const wide = `[${Array.from({ length: 1_000 }, () => '{"a":[1]}').join(',')}]`;
    expect(jsonDepthExceeds(wide, 3)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonDepthExceeds(JSON.stringify({ a: '[[[[{{{{' }), 1)).toBe(false);
    expect(jsonDepthExceeds(JSON.stringify({ a: 'say \\"[[[[\\"', b: '\\' }), 1)).toBe(false);
    expect(jsonDepthExceeds(JSON.stringify({ a: '\\', b: [[[]]] }), 3)).toBe(true);
  });

  it('stops at the first level too deep of a hostile body, without recursion', () => {
    expect(jsonDepthExceeds(nested(500_000), 32)).toBe(true);
    expect(jsonDepthExceeds('['.repeat(1_000_000), 32)).toBe(true);
  });
});

describe('isUtf8JsonMediaType', () => {
  it.each([
    'application/json',
    'Application/JSON',
    'application/json; charset=utf-8',
    'application/json;charset="UTF-8"',
    'application/json; charset=utf8',
  ])('accepts %s', (type) => expect(isUtf8JsonMediaType(type)).toBe(true));

  it.each([
    'application/json; charset=iso-8859-1',
    'application/json; charset=utf-16',
    'application/json; boundary=x',
    'application/jsonx',
    'text/json',
    '',
  ])('refuses %s', (type) => expect(isUtf8JsonMediaType(type)).toBe(false));
});
