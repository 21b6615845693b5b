import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { GatewayConfig } from '../config/gateway-config.schema';
import { formatPrettyLine } from './pretty-line';

/**
 * Fields that may hold a credential wherever they appear in a log object. Nothing logs them on
 * purpose; this is the net under that rule.
 */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-auth-token"]',
  'req.headers["x-security-token"]',
  'headers.authorization',
  'headers["x-auth-token"]',
  'headers["x-security-token"]',
  '*.password',
  '*.token',
  '*.accessKey',
  '*.secretKey',
  '*.securityToken',
];

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
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    stream,
  );
}
