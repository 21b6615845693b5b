import { jsonBoundBroken } from './json-bounds';

const scan = (text: string, depth = 3, entries = 4) => jsonBoundBroken(text, depth, entries);

describe('jsonBoundBroken', () => {
  it.each([
    ['a body within both bounds', '{"a":[1,2],"b":{"c":1}}', undefined],
    ['nesting one level too deep', '[[[[]]]]', 'depth'],
    ['entries beyond the bound in all, across containers', '{"a":[1,2,3],"b":[3,4]}', 'entries'],
    ['brackets and commas inside strings', '{"a":"[[[[,,,,]]]]"}', undefined],
    ['an escaped quote that does not end the string', '{"a":"\\"[[[[,,,,"}', undefined],
    ['an escaped backslash that does end it', '{"a":"\\\\","b":[[[[1]]]]}', 'depth'],
    ['multi-byte characters around structure', '{"ä":"中[[[[","b":["€"]}', undefined],
    ['an unterminated string (left to the parser)', '{"a":"[[[[', undefined],
  ])('%s', (_case, text, broken) => {
    expect(scan(text)).toBe(broken);
  });
});
