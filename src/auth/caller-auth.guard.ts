import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { errors } from 'jose';
import { ProblemError } from '../common/problem';
import { GATEWAY_CONFIG } from '../config/config.tokens';
import type { GatewayConfig } from '../config/gateway-config.schema';
import type { Caller } from './caller';
import { CallerRegistry } from './caller-registry';
import { IS_PUBLIC } from './public.decorator';
import { isKeySourceFailure, UserTokenVerifier } from './user-token.verifier';

const BEARER = /^Bearer ([\x21-\x7e]{1,8192})$/i;

/** Node keeps the first of repeated Authorization headers; only the raw list shows them all. */
export function authorizationHeaderCount(rawHeaders: readonly string[]): number {
  let count = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (rawHeaders[i].length === 13 && rawHeaders[i].toLowerCase() === 'authorization') count++;
  }
  return count;
}

const ambiguousCredentials = () =>
  ProblemError.of(
    'ambiguous-credentials',
    'The request carries more than one Authorization header; send exactly one.',
  );

/**
 * Global guard: every route but @Public() ones needs `Authorization: Bearer <credential>`, either a
 * configured caller's API key or, when `oidc` is configured, a user's access token.
 */
@Injectable()
export class CallerAuthGuard implements CanActivate {
  private readonly retryAfterSeconds: number;

  constructor(
    private readonly callers: CallerRegistry,
    private readonly users: UserTokenVerifier,
    private readonly reflector: Reflector,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
  ) {
    this.retryAfterSeconds = Math.max(1, config.oidc?.jwksCooldownSeconds ?? 0);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.get<boolean>(IS_PUBLIC, context.getHandler())) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (authorizationHeaderCount(request.raw.rawHeaders) > 1) throw ambiguousCredentials();
    const credential = BEARER.exec(request.headers.authorization ?? '')?.[1];
    // Without a header, only a stream ticket (progress/stream-ticket.hook.ts) names a caller.
    const caller =
      credential === undefined
        ? request.ticketCaller
        : (this.callers.authenticate(credential) ?? (await this.signedInUser(credential, request)));
    if (!caller) throw ProblemError.unauthorized();
    request.caller = caller;
    return true;
  }

  private async signedInUser(token: string, request: FastifyRequest): Promise<Caller | undefined> {
    if (!this.users.accepts(token)) return undefined;
    try {
      return await this.users.verify(token);
    } catch (error) {
      if (isKeySourceFailure(error)) {
        request.log.warn(
          { reason: (error as Error).message },
          'cannot fetch the OIDC signing keys',
        );
        throw ProblemError.of(
          'token-verification-unavailable',
          "The sign-in provider's signing keys cannot be fetched; retry later.",
          { headers: { 'retry-after': String(this.retryAfterSeconds) } },
        );
      }
      const { code, claim } = error as errors.JOSEError & { claim?: string };
      request.log.info({ reason: code, claim }, 'access token refused');
      return undefined;
    }
  }
}
