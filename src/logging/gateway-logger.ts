import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { GatewayConfig } from '../config/gateway-config.schema';
import { formatPrettyLine } from './pretty-line';

/** Header paths that may hold a credential, censored by pino's own redaction. */
const REDACTED_HEADER_PATHS = [
  'req.headers.authorization',
  'req.headers["x-auth-token"]',
  'req.headers["x-security-token"]',
  'headers.authorization',
  'headers["x-auth-token"]',
  'headers["x-security-token"]',
];
const CENSOR = '[redacted]';

/**
 * Keys that may hold a credential in any object a line carries, one level down (what the redact
 * paths `*.password`, `*.token`… would name). Nothing logs them on purpose; this is the net under
 * that rule. It is checked here rather than with pino's wildcard paths, which clone and re-parse
 * their paths for every field of every line (15% of what an install request allocated).
 */
const CREDENTIAL_KEYS = ['password', 'token', 'accessKey', 'secretKey', 'securityToken'];

/** The line with every credential key of its object fields censored; the caller's objects are left alone. */
export function censorCredentials(line: Record<string, unknown>): Record<string, unknown> {
  let censored: Record<string, unknown> | undefined;
  for (const key in line) {
    const value: unknown = line[key];
    if (typeof value !== 'object' || value === null) continue;
    // the common line has none: nothing is allocated for it
    if (!CREDENTIAL_KEYS.some((name) => Object.hasOwn(value, name))) continue;
    const found = CREDENTIAL_KEYS.filter((name) => Object.hasOwn(value, name));
    // Copied with its prototype and descriptors, so an Error stays one for pino's err serializer.
    const descriptors = Object.getOwnPropertyDescriptors(value);
    for (const [name, descriptor] of Object.entries(descriptors)) {
      // an own accessor (V8's Error#stack) reads the original's internal state: keep what it reads
      if (descriptor.get) {
        descriptors[name] = {
          value: Reflect.get(value, name) as unknown,
          enumerable: descriptor.enumerable,
          writable: true,
          configurable: true,
        };
      }
    }
    for (const name of found) {
      descriptors[name] = { value: CENSOR, enumerable: true, writable: true, configurable: true };
    }
    const copy: unknown = Object.create(Object.getPrototypeOf(value) as object | null, descriptors);
    censored ??= { ...line };
    censored[key] = copy;
  }
  return censored ?? line;
}

/**
 * The process's one pino logger: JSON lines to stdout (or `destination`), pretty lines when the
 * config asks for them (sandbox mode), one line per entry.
 */
export function createGatewayLogger(
  settings: GatewayConfig['logging'],
  destination?: DestinationStream,
): Logger {
  const stream =
    destination ??
    (settings.pretty
      ? pretty({
          translateTime: 'SYS:HH:MM:ss.l',
          ignore: 'pid,hostname',
          hideObject: true,
          messageFormat: formatPrettyLine,
          // In order with what the process writes to stdout itself (the sandbox banner).
          sync: true,
        })
      : pino.destination({ sync: false }));
  return pino(
    {
      level: settings.level,
      base: { service: 'application-gateway' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_HEADER_PATHS, censor: CENSOR },
      formatters: { level: (label) => ({ level: label }), log: censorCredentials },
    },
    stream,
  );
}
