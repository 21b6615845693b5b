import { HttpModule, HttpService } from '@nestjs/axios';
import { Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ClsServiceManager } from 'nestjs-cls';
import { GATEWAY_CONFIG } from '../config/config.tokens';
import type { GatewayConfig } from '../config/gateway-config.schema';
import { UndiciAxiosTransport } from './undici-axios-adapter';
import { poolSettingsFor } from './upstream-pool-settings';

/**
 * The one HttpService (own axios instance, not axios' global default) that every upstream client
 * uses. It sends through keep-alive undici pools, one per upstream origin, closed when the app
 * shuts down (after the HTTP server has drained). Each outgoing request carries the id of the
 * inbound request it serves as `X-Request-Id`, so an upstream's logs can be matched with ours.
 */
@Module({
  imports: [HttpModule.register({})],
  providers: [
    {
      provide: UndiciAxiosTransport,
      useFactory: (config: GatewayConfig) =>
        new UndiciAxiosTransport((origin) => poolSettingsFor(config, origin)),
      inject: [GATEWAY_CONFIG],
    },
  ],
  exports: [HttpModule],
})
export class UpstreamHttpModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly http: HttpService,
    private readonly transport: UndiciAxiosTransport,
  ) {}

  onModuleInit(): void {
    this.http.axiosRef.defaults.adapter = this.transport.adapter;
    const cls = ClsServiceManager.getClsService();
    this.http.axiosRef.interceptors.request.use((request) => {
      const requestId = cls.isActive() ? cls.getId() : undefined;
      if (requestId) request.headers.set('x-request-id', requestId);
      return request;
    });
  }

  onApplicationShutdown(): Promise<void> {
    return this.transport.close();
  }
}
