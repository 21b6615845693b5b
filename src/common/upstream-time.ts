import { UpstreamError, type UpstreamName } from '../upstream/upstream.error';

/*
 * Every time in the public model is RFC 3339 in UTC with milliseconds and `Z`. Upstreams write three
 * forms: an offset or `Z` with 0–9 fractional digits (Workspace), or a naive wall-clock time in the
 * installation's zone (Rainbond, Django `USE_TZ = False`). Anything else is a bad upstream body.
 */

const TIME_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})?$/i;

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/**
 * An upstream time → `YYYY-MM-DDTHH:mm:ss.sssZ`. A value without an offset is read in `timeZone`
 * (IANA name; daylight saving time included). Digits past the millisecond are dropped, not rounded.
 * Throws a bad-body UpstreamError (502 `upstream-bad-body`) for anything that is not such a time.
 */
export function toUtcTimestamp(
  value: string,
  source: { provider: UpstreamName; field: string; timeZone?: string },
): string {
  const match = TIME_PATTERN.exec(value.trim());
  const clock = match && wallClock(match);
  if (!match || !clock) throw badTime(value, source);
  const offset = match[8];
  const asUtc = utcMillis(clock);
  let instant: number;
  if (offset === undefined) {
    if (!source.timeZone) throw badTime(value, source);
    instant = zonedToUtc(asUtc, source.timeZone);
  } else {
    instant = asUtc - offsetMinutes(offset) * 60_000;
  }
  return new Date(instant).toISOString();
}

/** The same, for an optional field: absent, `null` and `""` (the upstreams' "none") give undefined. */
export function toOptionalUtcTimestamp(
  value: string | null | undefined,
  source: { provider: UpstreamName; field: string; timeZone?: string },
): string | undefined {
  return value == null || value.trim() === '' ? undefined : toUtcTimestamp(value, source);
}

function wallClock(match: RegExpExecArray): WallClock | undefined {
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const millisecond = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3));
  const clock = { year, month, day, hour, minute, second, millisecond };
  // Date.UTC would silently roll 2026-02-30 over into March: check the fields survive.
  const date = new Date(utcMillis(clock));
  const valid =
    hour < 24 &&
    minute < 60 &&
    second < 60 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day;
  return valid ? clock : undefined;
}

function utcMillis(c: WallClock): number {
  const date = new Date(0);
  date.setUTCFullYear(c.year, c.month - 1, c.day);
  date.setUTCHours(c.hour, c.minute, c.second, c.millisecond);
  return date.getTime();
}

function offsetMinutes(offset: string): number {
  if (offset.toUpperCase() === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
}

/**
 * The instant whose wall clock in `timeZone` reads as `wallAsUtc` does in UTC. The zone's offsets a
 * day before and after are the only candidates (zones change offset at most once within a day); a
 * wall time repeated at fall-back is its first occurrence, one skipped at spring-forward is read with
 * the offset before the gap, which lands after it.
 */
function zonedToUtc(wallAsUtc: number, timeZone: string): number {
  const before = zoneOffsetMillis(wallAsUtc - DAY, timeZone);
  const after = zoneOffsetMillis(wallAsUtc + DAY, timeZone);
  const matching = [before, after]
    .map((offset) => wallAsUtc - offset)
    .filter((instant) => zoneOffsetMillis(instant, timeZone) === wallAsUtc - instant);
  return matching.length > 0 ? Math.min(...matching) : wallAsUtc - before;
}

const DAY = 86_400_000;

const HOUR = 3_600_000;
/** Bounds the offset cache; cleared when full (a gateway reads times from a few zones and hours). */
const MAX_CACHED_HOURS = 10_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
/** `zone|hour` → the zone's offset throughout that UTC hour (only hours without a transition). */
const hourOffsets = new Map<string, number>();

/**
 * The zone's UTC offset at an instant. `Intl` is slow (a formatToParts per lookup), so an hour whose
 * offset is the same at its first and last second is remembered: no zone changes its offset twice
 * within an hour. An hour with a transition in it is always computed exactly.
 */
function zoneOffsetMillis(instant: number, timeZone: string): number {
  const hourStart = Math.floor(instant / HOUR) * HOUR;
  const key = `${timeZone}|${hourStart}`;
  const cached = hourOffsets.get(key);
  if (cached !== undefined) return cached;
  const atStart = exactZoneOffsetMillis(hourStart, timeZone);
  if (atStart !== exactZoneOffsetMillis(hourStart + HOUR - 1000, timeZone)) {
    return exactZoneOffsetMillis(instant, timeZone);
  }
  if (hourOffsets.size >= MAX_CACHED_HOURS) hourOffsets.clear();
  hourOffsets.set(key, atStart);
  return atStart;
}

/** The zone's UTC offset at an instant, from the platform's time-zone data. */
function exactZoneOffsetMillis(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  const wall = utcMillis({
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: 0,
  });
  return wall - (instant - (((instant % 1000) + 1000) % 1000));
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** True for an IANA zone name the platform knows (`Asia/Shanghai`, `Europe/Berlin`, `UTC`). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function badTime(
  value: string,
  source: { provider: UpstreamName; field: string; timeZone?: string },
): UpstreamError {
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return new UpstreamError(
    source.provider,
    'bad-body',
    `${source.provider} sent ${source.field} "${shown}", which is not a time the gateway can read`,
  );
}
