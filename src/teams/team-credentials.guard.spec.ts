import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { Caller } from '../auth/caller';
import { ProblemError } from '../common/problem';
import type { GatewayConfig } from '../config/gateway-config.schema';
import { ChecksCopyTarget, TeamCredentialsGuard } from './team-credentials.guard';
import { TeamRegistry } from './team-registry.service';

const CALLER: Caller = { name: 'svc', teams: new Set(['acme', 'globex']) };
const registry = new TeamRegistry({
  teams: {
    acme: { displayName: 'Acme' },
    globex: { displayName: 'Globex' },
    initech: { displayName: 'Initech' },
  },
} as unknown as GatewayConfig);
const guard = new TeamCredentialsGuard(registry, new Reflector());

class Routes {
  @ChecksCopyTarget()
  copy(): void {}
  install(): void {}
}

function run(handler: keyof Routes, params: Record<string, string>, body?: unknown) {
  const request = { caller: CALLER, params, body } as unknown as FastifyRequest;
  const context = {
    switchToHttp: () => ({ getRequest: () => request }),
    getHandler: () => Routes.prototype[handler],
  } as unknown as ExecutionContext;
  expect(guard.canActivate(context)).toBe(true);
  return request;
}

describe('TeamCredentialsGuard', () => {
  it('resolves the copy target once, as the team and its Rainbond app', () => {
    const request = run(
      'copy',
      { team: 'acme' },
      { target: { team: 'globex', applicationId: 'rainbond:region-1:2' } },
    );
    expect(request.team?.key).toBe('acme');
    expect(request.copyTarget).toEqual({
      team: expect.objectContaining({ key: 'globex' }),
      app: { provider: 'rainbond', region: 'region-1', appId: 2 },
    });
  });

  it.each([
    [{ target: { team: 'globex', applicationId: 'app-center:x' } }],
    [{ target: { team: 'globex' } }],
    [{ target: { team: 7, applicationId: 'rainbond:region-1:2' } }],
    [{ target: 'globex' }],
    [null],
  ])('leaves target %j for validation to reject', (body) => {
    expect(run('copy', { team: 'acme' }, body).copyTarget).toBeUndefined();
  });

  it('answers team-not-found for a target team the caller may not use', () => {
    expect(() =>
      run(
        'copy',
        { team: 'acme' },
        { target: { team: 'initech', applicationId: 'rainbond:region-1:2' } },
      ),
    ).toThrow(ProblemError);
  });

  it('reads no target on a route that does not copy', () => {
    const body = { target: { team: 'globex', applicationId: 'rainbond:region-1:2' } };
    expect(run('install', { team: 'acme' }, body).copyTarget).toBeUndefined();
  });

  it('passes a route without {team}', () => {
    expect(run('install', {}).team).toBeUndefined();
  });
});
