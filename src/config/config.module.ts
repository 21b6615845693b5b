import { type DynamicModule, Global, Module } from '@nestjs/common';
import { GATEWAY_CONFIG, UPSTREAM_CONFIG } from './config.tokens';
import type { GatewayConfig } from './gateway-config.schema';
import { withoutUpstreamSecrets } from './upstream-secrets';

/**
 * Makes the already loaded and validated configuration injectable everywhere: without the upstream
 * credentials under GATEWAY_CONFIG, whole under UPSTREAM_CONFIG for the outbound room.
 */
@Global()
@Module({})
export class GatewayConfigModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayConfigModule,
      providers: [
        { provide: GATEWAY_CONFIG, useValue: withoutUpstreamSecrets(config) },
        { provide: UPSTREAM_CONFIG, useValue: config },
      ],
      exports: [GATEWAY_CONFIG, UPSTREAM_CONFIG],
    };
  }
}
