import { present, presentGroup } from './empty-is-absent';

describe('present', () => {
  it.each([null, undefined, '', '   '])('%j is absent', (value) => {
    expect(present(value)).toBeUndefined();
  });

  it.each([['x'], [0], [false], [[]]])('%j is kept', (value) => {
    expect(present(value)).toBe(value);
  });
});

describe('presentGroup', () => {
  it('is absent when every field is absent, the group itself otherwise', () => {
    expect(presentGroup({ a: undefined, b: undefined })).toBeUndefined();
    const group = { a: undefined, b: 0 };
    expect(presentGroup(group)).toBe(group);
  });
});
