import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ProblemError } from '../common/problem';
import { CallerRegistry } from './caller-registry';
import { IS_PUBLIC } from './public.decorator';

const BEARER = /^Bearer ([\x21-\x7e]{1,512})$/i;

/** Global guard: every route but @Public() ones needs `Authorization: Bearer <api key>` of a caller. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly callers: CallerRegistry,
    private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (this.reflector.get<boolean>(IS_PUBLIC, context.getHandler())) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const key = BEARER.exec(request.headers.authorization ?? '')?.[1];
    const caller = key === undefined ? undefined : this.callers.authenticate(key);
    if (!caller) throw ProblemError.unauthorized();
    request.caller = caller;
    return true;
  }
}
