import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { toApplicationRef } from '../applications/application-id';
import type { CopyTarget } from '../applications/application-provider.port';
import type { Caller } from '../auth/caller';
import type { TeamContext } from './team-context';
import { TeamRegistry } from './team-registry.service';

declare module 'fastify' {
  interface FastifyRequest {
    team?: TeamContext;
    copyTarget?: CopyTarget;
  }
}

const COPY_TARGET = Symbol('copy-target');

/**
 * Marks a route whose body names a second team and its app at `target` (`team`,
 * `applicationId`); the caller must also be allowed that team.
 */
export const ChecksCopyTarget = () => SetMetadata(COPY_TARGET, true);

/**
 * Resolves `{team}` (and a copy target) for the authenticated caller and attaches the team with its
 * upstream accounts; routes without `{team}` pass. Runs before validation, so it reads the raw body
 * defensively: a target that is not a team key and a Rainbond id is left for the ValidationPipe to
 * reject, and a valid one is resolved here once and handed down as a value.
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
      .getRequest<FastifyRequest<{ Params: { team?: string } }>>();
    const key = request.params.team;
    if (key === undefined) return true;
    const caller = request.caller!;
    request.team = this.teams.resolveFor(caller, key);
    if (this.reflector.get<boolean>(COPY_TARGET, context.getHandler())) {
      request.copyTarget = this.copyTarget(caller, request.body);
    }
    return true;
  }

  private copyTarget(caller: Caller, body: unknown): CopyTarget | undefined {
    const target = field(body, 'target');
    const team = field(target, 'team');
    if (typeof team !== 'string') return undefined;
    const resolved = this.teams.resolveFor(caller, team);
    const id = field(target, 'applicationId');
    const app = typeof id === 'string' ? toApplicationRef(id) : undefined;
    return app?.provider === 'rainbond' ? { team: resolved, app } : undefined;
  }
}

function field(value: unknown, name: string): unknown {
  return value !== null && typeof value === 'object'
    ? (value as Record<string, unknown>)[name]
    : undefined;
}
