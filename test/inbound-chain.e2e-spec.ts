import { ValidationPipe } from '@nestjs/common';
import { CallerAuthGuard } from '../src/auth/caller-auth.guard';
import { currentRequest } from '../src/common/request-context';
import { IdempotencyInterceptor } from '../src/idempotency/idempotency.interceptor';
import { CallerRateLimitGuard } from '../src/rate-limit/caller-rate-limit.guard';
import { TeamCredentialsGuard } from '../src/teams/team-credentials.guard';
import { freshIdempotencyKey, install } from './support/idempotent-install';
import { startTestGateway, type TestGateway } from './support/test-gateway';

/** Records each step's name (once in a row) when the real step runs, then runs it. */
function recordCalls<T extends object>(
  steps: string[],
  prototype: T,
  method: keyof T & string,
  name: string,
): void {
  const original = prototype[method] as (...args: unknown[]) => unknown;
  jest.spyOn(prototype, method as never).mockImplementation(function (
    this: unknown,
    ...args: unknown[]
  ) {
    // the request context is entered by Fastify's first hook: every step runs inside it
    if (steps.length === 0 && currentRequest()) steps.push('request context');
    if (steps.at(-1) !== name) steps.push(name);
    return original.apply(this, args);
  } as never);
}

describe('the inbound chain', () => {
  const steps: string[] = [];
  let gateway: TestGateway;

  beforeAll(async () => {
    recordCalls(steps, CallerAuthGuard.prototype, 'canActivate', 'auth');
    recordCalls(steps, CallerRateLimitGuard.prototype, 'canActivate', 'rate limit');
    recordCalls(steps, TeamCredentialsGuard.prototype, 'canActivate', 'team');
    recordCalls(steps, IdempotencyInterceptor.prototype, 'intercept', 'idempotency');
    recordCalls(steps, ValidationPipe.prototype, 'transform', 'validation');
    gateway = await startTestGateway();
  });
  afterAll(async () => {
    await gateway.close();
    jest.restoreAllMocks();
  });

  it('runs request context, auth, rate limit, team, idempotency, then validation on a real install', async () => {
    steps.length = 0;
    const response = await install(gateway, freshIdempotencyKey());

    expect(response.status).toBe(200);
    expect(steps).toEqual([
      'request context',
      'auth',
      'rate limit',
      'team',
      'idempotency',
      'validation',
    ]);
  });
});
