import { Controller, Get, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  type HealthCheckResult,
} from '@nestjs/terminus';
import { Public } from '../auth/public.decorator';
import { RedisIndicator } from './redis.indicator';
import { ShutdownState } from './shutdown-state';

/**
 * Probes for the orchestrator, without an API key. Upstream outages do not make the gateway
 * unready: it still answers (with problems), and restarting it would not help.
 */
@ApiExcludeController()
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly shutdown: ShutdownState,
    private readonly redis: RedisIndicator,
  ) {}

  /** The process is up. */
  @Get('live')
  @Public()
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /** The gateway takes traffic: configuration loaded, not shutting down; Redis reported, never blocking. */
  @Get('ready')
  @Public()
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.health.check([
      () => {
        const indicator = this.indicators.check('lifecycle');
        return this.shutdown.isShuttingDown
          ? indicator.down({ message: 'shutting down' })
          : indicator.up();
      },
      ...(this.redis.applies ? [() => this.redis.check()] : []),
    ]);
  }
}
