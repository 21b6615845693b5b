import { HttpModule, HttpService } from '@nestjs/axios';
import { Module, type OnModuleInit } from '@nestjs/common';
import { ClsServiceManager } from 'nestjs-cls';
import { UpstreamPolicies } from '../resilience/upstream-policies';
import {
  TRACE_CONTEXT_KEY,
  outgoingTraceHeaders,
  type TraceContext,
} from '../tracing/trace-context';
import { UpstreamCaller } from './upstream-caller';

/**
 * The one HttpService (own axios instance, not axios' global default) that every upstream client
 * uses, through UpstreamCaller. Each outgoing request carries the id of the inbound request it
 * serves as `X-Request-Id` and the caller's trace as `traceparent`, so an upstream's logs and
 * traces can be matched with ours.
 */
@Module({
  imports: [HttpModule.register({})],
  providers: [UpstreamPolicies, UpstreamCaller],
  exports: [UpstreamCaller],
})
export class UpstreamHttpModule implements OnModuleInit {
  constructor(private readonly http: HttpService) {}

  onModuleInit(): void {
    const cls = ClsServiceManager.getClsService();
    this.http.axiosRef.interceptors.request.use((request) => {
      if (!cls.isActive()) return request;
      const requestId = cls.getId();
      if (requestId) request.headers.set('x-request-id', requestId);
      const trace = cls.get<TraceContext | undefined>(TRACE_CONTEXT_KEY);
      if (trace) {
        for (const [name, value] of Object.entries(outgoingTraceHeaders(trace))) {
          request.headers.set(name, value);
        }
      }
      return request;
    });
  }
}
