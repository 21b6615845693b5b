import { toUtcTime } from './progress-time';

describe('toUtcTime', () => {
  it.each([
    ['2022-06-01T13:52:13.407637', 'Asia/Shanghai', '2022-06-01T05:52:13.407Z'],
    ['2022-06-01 13:52:13', 'Asia/Shanghai', '2022-06-01T05:52:13.000Z'],
    ['2019-06-13T17:24:35+08:00', 'Asia/Shanghai', '2019-06-13T09:24:35.000Z'],
    ['2024-05-07T07:16:27.791729999Z', 'Asia/Shanghai', '2024-05-07T07:16:27.791Z'],
    ['2026-07-01T12:00:00', 'Europe/Berlin', '2026-07-01T10:00:00.000Z'],
    ['2026-01-01T12:00:00', 'Europe/Berlin', '2026-01-01T11:00:00.000Z'],
  ])('reads %s in %s as %s', (value, zone, expected) => {
    expect(toUtcTime(value, zone)).toBe(expected);
  });

  it.each(['', 'yesterday', '2022-13-45T99:00:00'])('gives nothing for %j', (value) => {
    expect(toUtcTime(value, 'Asia/Shanghai')).toBeUndefined();
  });
});
