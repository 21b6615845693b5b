import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ProblemError } from '../common/problem';
import { CallerRegistry } from './caller-registry';

const BEARER = /^Bearer ([\x21-\x7e]{1,512})$/i;

/** Global guard: every route needs `Authorization: Bearer <api key>` of a configured caller. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(private readonly callers: CallerRegistry) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const key = BEARER.exec(request.headers.authorization ?? '')?.[1];
    const caller = key === undefined ? undefined : this.callers.authenticate(key);
    if (!caller) throw ProblemError.unauthorized();
    request.caller = caller;
    return true;
  }
}
