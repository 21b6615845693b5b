import type { MessageFormatFunc } from 'pino-pretty';

/**
 * Keys that every line carries, or that pino-pretty already shows (time, level, `<caller>`), or that
 * only matter to a log pipeline (ids to join lines on); a sandbox reader does not need them.
 */
const NOT_SHOWN = new Set([
  'time',
  'level',
  'msg',
  'pid',
  'hostname',
  'service',
  'context',
  'caller',
  'requestId',
  'traceId',
]);
const ACCESS_FIELDS = ['method', 'route', 'status', 'durationMs'];

/**
 * One line per log entry in sandbox (pretty) mode: the access log as `GET /v1/teams 200 3.1 ms`,
 * every other entry as its message followed by its fields as `key=value`.
 */
export const formatPrettyLine: MessageFormatFunc = (log) => {
  const message = log.msg === 'request completed' ? accessLine(log) : text(log.msg ?? '');
  const shown = log.msg === 'request completed' ? ACCESS_FIELDS : [];
  const context = typeof log.context === 'string' ? `[${log.context}] ` : '';
  const fields = Object.entries(log)
    .filter(([key, value]) => value !== undefined && !NOT_SHOWN.has(key) && !shown.includes(key))
    .map(([key, value]) => `${key}=${text(value)}`);
  return [context + message, ...fields].join(' ');
};

function accessLine(log: Record<string, unknown>): string {
  return `${text(log.method)} ${text(log.route)} ${text(log.status)} ${text(log.durationMs)} ms`;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
