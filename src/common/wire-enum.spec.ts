import { fromWireEnum } from './wire-enum';

describe('fromWireEnum', () => {
  const table = { NORMAL: 'available', FORBIDDEN: 'disabled' } as const;

  it('translates a known value, calls an unknown one unknown and leaves none absent', () => {
    expect(fromWireEnum(table, 'NORMAL', 'unknown')).toBe('available');
    expect(fromWireEnum(table, 'ARCHIVED', 'unknown')).toBe('unknown');
    expect(fromWireEnum(table, '', 'unknown')).toBeUndefined();
    expect(fromWireEnum(table, null, 'unknown')).toBeUndefined();
  });

  it('does not read names of Object.prototype members as table entries', () => {
    expect(fromWireEnum(table, 'constructor', 'unknown')).toBe('unknown');
  });
});
