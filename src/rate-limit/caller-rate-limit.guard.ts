import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { principalOf, type Caller } from '../auth/caller';
import { ProblemError } from '../common/problem';
import { GatewayMetrics } from '../metrics/gateway-metrics';
import type { WindowCount } from './rate-limit-window';
import { SharedRateLimitWindow } from './shared-rate-limit-window';

/** Requests per window for each caller name (0: not limited), and for every other caller. */
export class RateLimitBudgets {
  constructor(
    readonly windowSeconds: number,
    private readonly perCaller: ReadonlyMap<string, number>,
    private readonly fallback: number,
  ) {}

  limitOf(caller: Caller): number {
    return this.perCaller.get(caller.name) ?? this.fallback;
  }
}

/**
 * One budget per principal (a caller over all its keys, or one signed-in user) across every route,
 * each request costing 1, after the auth guard has named it. Public routes (health, metrics) and
 * unauthenticated requests are not counted. Answers carry the IETF draft's `RateLimit-Limit`,
 * `-Remaining` and `-Reset` (seconds); a refusal is a 429 problem with Retry-After.
 */
@Injectable()
export class CallerRateLimitGuard implements CanActivate {
  constructor(
    private readonly budgets: RateLimitBudgets,
    private readonly window: SharedRateLimitWindow,
    private readonly metrics: GatewayMetrics,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const http = context.switchToHttp();
    const caller = http.getRequest<FastifyRequest>().caller;
    if (!caller) return true;
    const limit = this.budgets.limitOf(caller);
    if (limit === 0) return true;
    const reply = http.getResponse<FastifyReply>();
    const counted = this.window.hit(principalOf(caller));
    return counted instanceof Promise
      ? counted.then((window) => this.admit(caller, limit, window, reply))
      : this.admit(caller, limit, counted, reply);
  }

  private admit(caller: Caller, limit: number, window: WindowCount, reply: FastifyReply): boolean {
    const resetSeconds = Math.max(1, Math.ceil(window.resetMs / 1000));
    void reply.headers({
      'ratelimit-limit': limit,
      'ratelimit-remaining': Math.max(0, limit - window.count),
      'ratelimit-reset': resetSeconds,
    });
    if (window.count <= limit) return true;
    this.metrics.countRateLimited(caller.name);
    throw ProblemError.of(
      'rate-limited',
      `Caller ${caller.name} made more than ${limit} requests in ${this.budgets.windowSeconds} s; retry in ${resetSeconds} s.`,
      { headers: { 'retry-after': String(resetSeconds) } },
    );
  }
}
