import { HttpModule, HttpService } from '@nestjs/axios';
import {
  Inject,
  Logger,
  Module,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { trace as otelTrace } from '@opentelemetry/api';
import { UPSTREAM_CONFIG } from '../config/config.tokens';
import type { GatewayConfig } from '../config/gateway-config.schema';
import { UpstreamPolicies } from './resilience/upstream-policies';
import { outgoingTraceHeaders, traceContextOf } from '../tracing/trace-context';
import { currentRequest } from '../common/request-context';
import { UndiciAxiosTransport } from './http/undici-axios-adapter';
import { UpstreamPipeline, UpstreamSender } from './upstream-pipeline';
import { insecureTlsWarnings, poolSettingsFor } from './http/upstream-pool-settings';
import { UpstreamAccounts } from './auth/upstream-accounts';
import { IamTokenService } from './auth/iam-token.service';
import { IamClient } from './auth/iam.client';
import { SharedIamTokens } from './auth/shared-iam-tokens';
import {
  buildUpstreamProfiles,
  UPSTREAM_PROFILES,
  type UpstreamProfiles,
} from './upstream-profiles';

/**
 * The outbound room: the upstream profiles (built once from config), the team accounts with their
 * credentials, IAM tokens, the policies and the pipeline, whose account lookup is bound here to
 * UpstreamAccounts; adapters get UpstreamPipeline only.
 *
 * The one HttpService (own axios instance, not axios' global default) sends every upstream call,
 * through the pipeline's UpstreamSender. It sends through keep-alive undici pools, one per upstream origin,
 * closed when the app shuts down (after the HTTP server has drained). Each outgoing request carries
 * the id of the inbound request it serves as `X-Request-Id` and the caller's trace as
 * `traceparent`, so an upstream's logs and traces can be matched with ours.
 */
@Module({
  imports: [HttpModule.register({})],
  providers: [
    {
      provide: UPSTREAM_PROFILES,
      useFactory: (config: GatewayConfig) => buildUpstreamProfiles(config),
      inject: [UPSTREAM_CONFIG],
    },
    {
      provide: UndiciAxiosTransport,
      useFactory: (profiles: UpstreamProfiles, config: GatewayConfig) =>
        new UndiciAxiosTransport((origin) => poolSettingsFor(profiles, config, origin)),
      inject: [UPSTREAM_PROFILES, UPSTREAM_CONFIG],
    },
    UpstreamPolicies,
    UpstreamSender,
    IamClient,
    SharedIamTokens,
    IamTokenService,
    UpstreamAccounts,
    {
      provide: UpstreamPipeline,
      useFactory: (accounts: UpstreamAccounts, sender: UpstreamSender) =>
        new UpstreamPipeline(accounts, sender),
      inject: [UpstreamAccounts, UpstreamSender],
    },
  ],
  exports: [UpstreamPipeline],
})
export class UpstreamModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly http: HttpService,
    private readonly transport: UndiciAxiosTransport,
    @Inject(UPSTREAM_PROFILES) private readonly profiles: UpstreamProfiles,
  ) {}

  onModuleInit(): void {
    const logger = new Logger(UpstreamModule.name);
    for (const warning of insecureTlsWarnings(this.profiles)) logger.warn(warning);
    this.http.axiosRef.defaults.adapter = this.transport.adapter;
    this.http.axiosRef.interceptors.request.use(
      (request) => {
        const inbound = currentRequest();
        if (!inbound) return request;
        request.headers.set('x-request-id', inbound.id);
        // With OpenTelemetry on, its instrumentation sends the client span's traceparent instead.
        if (!otelTrace.getActiveSpan()) {
          const trace = traceContextOf(inbound.raw);
          for (const [name, value] of Object.entries(outgoingTraceHeaders(trace))) {
            request.headers.set(name, value);
          }
        }
        return request;
      },
      undefined,
      // Run at once, not as a step of a promise chain.
      { synchronous: true },
    );
  }

  onApplicationShutdown(): Promise<void> {
    return this.transport.close();
  }
}
