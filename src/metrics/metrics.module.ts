import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { GatewayConfig } from '../config/gateway-config.schema';
import { GatewayMetrics } from './gateway-metrics';
import { MetricsController } from './metrics.controller';
import { MetricsListener } from './metrics-listener';

/**
 * The metrics registry; `forConfig` adds the scrape endpoint: /metrics on the main port, or (with
 * `metrics.port`) on a listener of its own and only there.
 */
@Global()
@Module({ providers: [GatewayMetrics], exports: [GatewayMetrics] })
export class MetricsModule {
  static forConfig(config: GatewayConfig): DynamicModule {
    return config.metrics.port === undefined
      ? { module: MetricsModule, controllers: [MetricsController] }
      : { module: MetricsModule, providers: [MetricsListener] };
  }
}
