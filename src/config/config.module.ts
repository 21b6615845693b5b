import { type DynamicModule, Global, Module } from '@nestjs/common';
import { GATEWAY_CONFIG } from './config.tokens';
import type { GatewayConfig } from './gateway-config.schema';

/** Makes the already loaded and validated configuration injectable everywhere. */
@Global()
@Module({})
export class GatewayConfigModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayConfigModule,
      providers: [{ provide: GATEWAY_CONFIG, useValue: config }],
      exports: [GATEWAY_CONFIG],
    };
  }
}
