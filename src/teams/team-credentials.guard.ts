import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { TeamContext } from './team-context';
import { TeamRegistry } from './team-registry.service';

declare module 'fastify' {
  interface FastifyRequest {
    team?: TeamContext;
    copyTargetTeam?: TeamContext;
  }
}

const COPY_TARGET = Symbol('copy-target');

/** Marks a route whose body names a second team at `target.team` that the caller must also be allowed. */
export const ChecksCopyTarget = () => SetMetadata(COPY_TARGET, true);

/**
 * Resolves `{team}` (and a copy target) for the authenticated caller and attaches the team with its
 * upstream credentials. Runs before validation, so it reads the raw body defensively: a target that
 * is not a string is left for the ValidationPipe to reject.
 */
@Injectable()
export class TeamCredentialsGuard implements CanActivate {
  constructor(
    private readonly teams: TeamRegistry,
    private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context
      .switchToHttp()
      .getRequest<FastifyRequest<{ Params: { team: string } }>>();
    const caller = request.caller!;
    request.team = this.teams.resolveFor(caller, request.params.team);
    if (this.reflector.get<boolean>(COPY_TARGET, context.getHandler())) {
      const targetTeam = readTargetTeam(request.body);
      if (typeof targetTeam === 'string') {
        request.copyTargetTeam = this.teams.resolveFor(caller, targetTeam);
      }
    }
    return true;
  }
}

function readTargetTeam(body: unknown): unknown {
  if (body === null || typeof body !== 'object') return undefined;
  const target = (body as { target?: unknown }).target;
  return target !== null && typeof target === 'object'
    ? (target as { team?: unknown }).team
    : undefined;
}
