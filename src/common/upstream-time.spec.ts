import { isKnownTimeZone, toOptionalUtcTimestamp, toUtcTimestamp } from './upstream-time';
import { UpstreamError } from '../upstream/upstream.error';

const rainbond = (timeZone: string) => ({
  provider: 'rainbond' as const,
  field: 'update_time',
  timeZone,
});
const workspace = { provider: 'app-warehouse' as const, field: 'modify_time' };

describe('toUtcTimestamp', () => {
  it.each([
    ['2026-12-01T17:00:06.815000', 'Asia/Shanghai', '2026-12-01T09:00:06.815Z'],
    ['2026-12-01T17:00:06', 'Asia/Shanghai', '2026-12-01T09:00:06.000Z'],
    ['2026-12-01 01:30:00.5', 'Asia/Shanghai', '2026-11-30T17:30:00.500Z'],
    ['2026-12-01T17:00:06.815000', 'UTC', '2026-12-01T17:00:06.815Z'],
  ])('reads the naive Rainbond time %s in %s', (value, zone, expected) => {
    expect(toUtcTimestamp(value, rainbond(zone))).toBe(expected);
  });

  it.each([
    ['2026-01-15T12:00:00', '2026-01-15T17:00:00.000Z'], // EST, UTC-5
    ['2026-07-15T12:00:00', '2026-07-15T16:00:00.000Z'], // EDT, UTC-4
    ['2026-03-08T01:59:59', '2026-03-08T06:59:59.000Z'], // just before spring-forward
    ['2026-03-08T03:00:00', '2026-03-08T07:00:00.000Z'], // just after it
    ['2026-11-01T00:30:00', '2026-11-01T04:30:00.000Z'], // the day clocks fall back, before
    ['2026-11-01T03:00:00', '2026-11-01T08:00:00.000Z'], // after
  ])('follows daylight saving time in America/New_York: %s', (value, expected) => {
    expect(toUtcTimestamp(value, rainbond('America/New_York'))).toBe(expected);
  });

  it('reads a wall time repeated at fall-back as its first occurrence, one skipped at spring-forward after the gap', () => {
    expect(toUtcTimestamp('2026-10-25T02:30:00', rainbond('Europe/Berlin'))).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    expect(toUtcTimestamp('2026-03-29T02:30:00', rainbond('Europe/Berlin'))).toBe(
      '2026-03-29T01:30:00.000Z',
    );
  });

  it.each([
    ['2024-05-07T07:16:27.791729999Z', '2024-05-07T07:16:27.791Z'],
    ['2024-05-07T07:16:27Z', '2024-05-07T07:16:27.000Z'],
    ['2024-12-25T06:56:58.622Z', '2024-12-25T06:56:58.622Z'],
    ['2024-12-25T14:56:58.622+08:00', '2024-12-25T06:56:58.622Z'],
    ['2024-12-25t06:56:58z', '2024-12-25T06:56:58.000Z'],
  ])(
    'normalizes the Workspace time %s (0 to 9 fractional digits, any offset)',
    (value, expected) => {
      expect(toUtcTimestamp(value, workspace)).toBe(expected);
    },
  );

  it.each(['Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns', 'Europe/Berlin'])(
    'gives every quarter hour of 2026 in %s the UTC instant whose wall clock it is',
    (zone) => {
      // Zones with 30-minute DST and :45/:30 offsets: transitions fall inside UTC hours, so the
      // per-hour offset memory must never answer for an hour that has one.
      // Swedish dates read as ISO: 2026-01-01 11:00:00.
      const wall = new Intl.DateTimeFormat('sv-SE', {
        timeZone: zone,
        dateStyle: 'short',
        timeStyle: 'medium',
      });
      const wrong: string[] = [];
      for (let instant = Date.UTC(2026, 0, 1); instant < Date.UTC(2027, 0, 1); instant += 900_000) {
        const naive = wall.format(new Date(instant)).replace(' ', 'T');
        const read = Date.parse(toUtcTimestamp(naive, rainbond(zone)));
        if (wall.format(new Date(read)).replace(' ', 'T') !== naive) wrong.push(naive);
      }
      expect(wrong).toEqual([]);
    },
  );

  it('a value with an offset ignores the configured zone', () => {
    expect(toUtcTimestamp('2026-12-01T09:00:00Z', rainbond('Asia/Shanghai'))).toBe(
      '2026-12-01T09:00:00.000Z',
    );
  });

  it.each([
    'yesterday',
    '2026-13-01T00:00:00Z',
    '2026-02-30T00:00:00Z',
    '2026-12-01T24:00:00Z',
    '2026-12-01T10:00:00.1234567890Z',
    '1733040006815',
    '',
  ])('rejects %j as a bad upstream body', (value) => {
    const attempt = () => toUtcTimestamp(value, workspace);
    expect(attempt).toThrow(UpstreamError);
    expect(attempt).toThrow(
      expect.objectContaining({ kind: 'bad-body', provider: 'app-warehouse' }),
    );
  });

  it('rejects a naive time when no zone is known for it', () => {
    expect(() => toUtcTimestamp('2026-12-01T17:00:06', workspace)).toThrow(
      expect.objectContaining({ kind: 'bad-body' }),
    );
  });
});

describe('toOptionalUtcTimestamp', () => {
  it.each([undefined, null, '', '  '])('%j is absent', (value) => {
    expect(toOptionalUtcTimestamp(value, workspace)).toBeUndefined();
  });
});

describe('isKnownTimeZone', () => {
  it('knows IANA zones and nothing else', () => {
    expect(isKnownTimeZone('Asia/Shanghai')).toBe(true);
    expect(isKnownTimeZone('Europe/Berlin')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
  });
});
