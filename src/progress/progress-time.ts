/**
 * Upstream times as RFC 3339 UTC with milliseconds and `Z`. A time with an offset is converted; a
 * naive one (Rainbond's DRF datetimes) is read in `timeZone` with the runtime's time-zone data.
 * Local to progress until the gateway has one shared time helper: swap this function for it.
 */
export function toUtcTime(value: string, timeZone: string): string | undefined {
  const match = NAIVE.exec(value.trim());
  if (!match) return undefined;
  const [, date, time, fraction = '', offset] = match;
  const millis = fraction.slice(0, 3).padEnd(3, '0');
  const asUtc = Date.parse(`${date}T${time}.${millis}Z`);
  if (Number.isNaN(asUtc)) return undefined;
  if (offset) {
    const zoned = Date.parse(`${date}T${time}.${millis}${offset === 'z' ? 'Z' : offset}`);
    return Number.isNaN(zoned) ? undefined : new Date(zoned).toISOString();
  }
  // The wall time read as UTC, corrected by the zone's offset at that instant (twice, for DST edges).
  let instant = asUtc - offsetMs(asUtc, timeZone);
  instant = asUtc - offsetMs(instant, timeZone);
  return new Date(instant).toISOString();
}

const NAIVE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|z|[+-]\d{2}:?\d{2})?$/;

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`. */
function offsetMs(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}
