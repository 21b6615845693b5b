import { type ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { principalOf } from '../auth/caller';
import { ProblemError } from '../common/problem';
import { GatewayMetrics } from '../metrics/gateway-metrics';

/**
 * Rate limit per caller (all of its keys together) or per signed-in user, after the auth guard has
 * named it. Public routes (health, metrics) and unauthenticated requests are not counted. Answers
 * carry the IETF draft's `RateLimit-Limit`, `-Remaining` and `-Reset`; a refusal is a 429 problem
 * with Retry-After.
 */
@Injectable()
export class CallerThrottlerGuard extends ThrottlerGuard {
  protected override headerPrefix = 'RateLimit';

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly metrics: GatewayMetrics,
  ) {
    super(options, storage, reflector);
  }

  protected override shouldSkip(context: ExecutionContext): Promise<boolean> {
    return Promise.resolve(!requestOf(context).caller);
  }

  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    return Promise.resolve(principalOf((request as unknown as FastifyRequest).caller!));
  }

  protected override throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const caller = requestOf(context).caller!.name;
    this.metrics.countRateLimited(caller);
    const retryAfter = Math.max(1, detail.timeToBlockExpire);
    throw new ProblemError(
      HttpStatus.TOO_MANY_REQUESTS,
      'rate-limited',
      'Too many requests',
      `Caller ${caller} made more than ${detail.limit} requests in ${detail.ttl / 1000} s; retry in ${retryAfter} s.`,
      { headers: { 'retry-after': String(retryAfter) } },
    );
  }
}

function requestOf(context: ExecutionContext): FastifyRequest {
  return context.switchToHttp().getRequest<FastifyRequest>();
}
