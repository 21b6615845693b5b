import type { Caller } from '../auth/caller';
import {
  reachableStrings,
  secretsIn,
  TEAMS_WITH_EVERY_SECRET as TEAMS,
} from '../config/config.test-helpers';
import type { GatewayConfig } from '../config/gateway-config.schema';
import { TeamRegistry } from './team-registry.service';

describe('TeamRegistry', () => {
  const config = { teams: TEAMS } as unknown as GatewayConfig;
  const registry = new TeamRegistry(config);
  const caller: Caller = { name: 'portal', teams: new Set(Object.keys(TEAMS)) };

  it('holds no secret of any team, nor hands one out in a TeamContext', () => {
    const secrets = secretsIn(config);
    expect(secrets).toHaveLength(6);
    const reachable = reachableStrings([
      registry,
      registry.listFor(caller),
      ...Object.keys(TEAMS).map((key) => registry.resolveFor(caller, key)),
    ]);
    expect(secrets.filter((secret) => reachable.has(secret))).toEqual([]);
  });

  it('keeps what the adapters and the teams list read', () => {
    expect(registry.resolveFor(caller, 'rainbond')).toEqual({
      key: 'rainbond',
      displayName: 'Rainbond only',
      rainbond: {
        baseUrl: 'http://rainbond.example',
        teamName: 'tenant',
        regions: ['region-1'],
        timeZone: 'Asia/Shanghai',
      },
    });
    expect(registry.resolveFor(caller, 'aksk')).toEqual({
      key: 'aksk',
      displayName: 'AK/SK',
      workspace: {
        region: 'cn-north-4',
        projectId: 'p0123',
        endpoints: TEAMS.aksk.workspace?.endpoints,
      },
    });
  });
});
