import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { GatewayMetrics } from '../metrics/gateway-metrics';
import { UpstreamPolicies } from './resilience/upstream-policies';
import { ProblemError } from '../common/problem';
import { sendUpstream, type UpstreamRequest, type UpstreamResponse } from './http/upstream-http';
import { UpstreamError } from './upstream.error';

/**
 * The one way to call an upstream: under its resilience policies, each attempt timed into the
 * metrics, and one log line per call with what an on-call engineer asks first (which upstream,
 * what it answered, how long it took, how often we retried, and the upstream's own request id).
 */
@Injectable()
export class UpstreamPipeline {
  constructor(
    private readonly http: HttpService,
    private readonly policies: UpstreamPolicies,
    private readonly metrics: GatewayMetrics,
    @InjectPinoLogger('Upstream') private readonly logger: PinoLogger,
  ) {}

  async send<T>(request: UpstreamRequest<T>): Promise<UpstreamResponse<T>> {
    const { provider, operation } = request;
    const started = performance.now();
    let retries = 0;
    try {
      const response = await this.policies.execute(request, (attempt) => {
        retries = attempt;
        if (attempt > 0) this.metrics.countUpstreamRetry(provider, operation);
        return this.attempt(request);
      });
      this.log(request, started, retries, { status: response.status }, response.requestId);
      return response;
    } catch (error) {
      const upstream = error instanceof UpstreamError ? error : undefined;
      const result =
        upstream?.kind === 'response'
          ? { status: upstream.status }
          : { status: upstream?.status, failure: outcomeOf(error) };
      this.log(request, started, retries, result, upstream?.details.requestId);
      throw error;
    }
  }

  private async attempt<T>(request: UpstreamRequest<T>): Promise<UpstreamResponse<T>> {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      const response = await sendUpstream(this.http, request);
      this.metrics.observeUpstream(
        request.provider,
        request.operation,
        String(response.status),
        seconds(),
      );
      return response;
    } catch (error) {
      this.metrics.observeUpstream(
        request.provider,
        request.operation,
        outcomeOf(error),
        seconds(),
      );
      throw error;
    }
  }

  private log(
    request: UpstreamRequest<unknown>,
    started: number,
    retries: number,
    result: { status?: number; failure?: string },
    upstreamRequestId: string | undefined,
  ): void {
    this.logger.info(
      {
        provider: request.provider,
        operation: request.operation,
        method: request.method,
        ...result,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
        retries,
        upstreamRequestId,
      },
      'upstream call',
    );
  }
}

/**
 * The status an upstream answered, else how the call failed: `timeout`, `network`, `bad-body`, or
 * the problem the gateway raised without calling (`upstream-circuit-open`, `upstream-busy`).
 */
function outcomeOf(error: unknown): string {
  if (error instanceof UpstreamError) {
    return error.kind === 'response' && error.status !== undefined
      ? String(error.status)
      : error.kind;
  }
  return error instanceof ProblemError ? error.slug : 'error';
}
