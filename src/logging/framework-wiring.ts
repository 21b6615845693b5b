import type { LoggerService } from '@nestjs/common';

/** Nest's start-up chatter: one line per module and per route, useful only when debugging wiring. */
const WIRING_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
]);

/**
 * The application logger with Nest's wiring lines moved from info to debug, so that at the default
 * level start-up shows what the gateway says, not how the framework assembled it. Every other
 * method is the logger's own (inherited, so `this` inside them still reaches its state).
 */
export function withWiringAtDebug(logger: LoggerService): LoggerService {
  const wrapped = Object.create(logger) as LoggerService;
  wrapped.log = (message: unknown, ...params: unknown[]) => {
    const context = params.at(-1);
    if (typeof context === 'string' && WIRING_CONTEXTS.has(context) && logger.debug) {
      logger.debug(message, ...params);
    } else {
      logger.log(message, ...params);
    }
  };
  return wrapped;
}
