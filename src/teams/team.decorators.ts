import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { CopyTarget } from '../applications/application-provider.port';
import type { TeamContext } from './team-context';

/** The `{team}` of the path, resolved by TeamCredentialsGuard. */
export const CurrentTeam = createParamDecorator(
  (_: unknown, context: ExecutionContext): TeamContext =>
    context.switchToHttp().getRequest<FastifyRequest>().team!,
);

/** The copy target team and app, resolved by TeamCredentialsGuard (undefined until the body is valid). */
export const ResolvedCopyTarget = createParamDecorator(
  (_: unknown, context: ExecutionContext): CopyTarget | undefined =>
    context.switchToHttp().getRequest<FastifyRequest>().copyTarget,
);
