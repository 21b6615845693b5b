import { HttpModule, HttpService } from '@nestjs/axios';
import { Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { trace as otelTrace } from '@opentelemetry/api';
import { ClsServiceManager } from 'nestjs-cls';
import { GATEWAY_CONFIG } from '../config/config.tokens';
import type { GatewayConfig } from '../config/gateway-config.schema';
import { UpstreamPolicies } from '../resilience/upstream-policies';
import {
  TRACE_CONTEXT_KEY,
  outgoingTraceHeaders,
  type TraceContext,
} from '../tracing/trace-context';
import { UndiciAxiosTransport } from './undici-axios-adapter';
import { UpstreamCaller } from './upstream-caller';
import { poolSettingsFor } from './upstream-pool-settings';

/**
 * The one HttpService (own axios instance, not axios' global default) that every upstream client
 * uses, through UpstreamCaller. It sends through keep-alive undici pools, one per upstream origin,
 * closed when the app shuts down (after the HTTP server has drained). Each outgoing request carries
 * the id of the inbound request it serves as `X-Request-Id` and the caller's trace as
 * `traceparent`, so an upstream's logs and traces can be matched with ours.
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
    UpstreamPolicies,
    UpstreamCaller,
  ],
  exports: [UpstreamCaller],
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
      if (!cls.isActive()) return request;
      const requestId = cls.getId();
      if (requestId) request.headers.set('x-request-id', requestId);
      const trace = cls.get<TraceContext | undefined>(TRACE_CONTEXT_KEY);
      // With OpenTelemetry on, its instrumentation sends the client span's traceparent instead.
      if (trace && !otelTrace.getActiveSpan()) {
        for (const [name, value] of Object.entries(outgoingTraceHeaders(trace))) {
          request.headers.set(name, value);
        }
      }
      return request;
    });
  }

  onApplicationShutdown(): Promise<void> {
    return this.transport.close();
  }
}
