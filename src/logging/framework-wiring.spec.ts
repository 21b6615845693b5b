import type { LoggerService } from '@nestjs/common';
import { withWiringAtDebug } from './framework-wiring';

function recordingLogger() {
  const calls: [string, unknown[]][] = [];
  const logger: LoggerService = {
    log: (...args: unknown[]) => calls.push(['log', args]),
    error: (...args: unknown[]) => calls.push(['error', args]),
    warn: (...args: unknown[]) => calls.push(['warn', args]),
    debug: (...args: unknown[]) => calls.push(['debug', args]),
  };
  return { logger, calls };
}

describe('withWiringAtDebug', () => {
  it("logs Nest's module and route wiring lines at debug", () => {
    const { logger, calls } = recordingLogger();
    const wrapped = withWiringAtDebug(logger);
    wrapped.log('AppModule dependencies initialized', 'InstanceLoader');
    wrapped.log('Mapped {/v1/teams, GET} route', 'RouterExplorer');
    wrapped.log('HealthController {/health}:', 'RoutesResolver');
    expect(calls.map(([level]) => level)).toEqual(['debug', 'debug', 'debug']);
  });

  it("keeps the gateway's own lines and every other level as they were", () => {
    const { logger, calls } = recordingLogger();
    const wrapped = withWiringAtDebug(logger);
    wrapped.log('Redis connected', 'RedisConnection');
    wrapped.warn('Redis unavailable', 'RedisConnection');
    wrapped.error('boom', 'InstanceLoader');
    expect(calls).toEqual([
      ['log', ['Redis connected', 'RedisConnection']],
      ['warn', ['Redis unavailable', 'RedisConnection']],
      ['error', ['boom', 'InstanceLoader']],
    ]);
  });
});
