import type { Caller } from '../auth/caller';
import { SECRET_PATHS, type GatewayConfig, type TeamConfig } from '../config/gateway-config.schema';
import { TeamRegistry } from './team-registry.service';

const endpoints = {
  appCenter: 'https://workspace.example',
  appWarehouse: 'https://appstream.example',
  iam: 'https://iam.example',
};
const workspace = { region: 'cn-north-4', projectId: 'p0123', endpoints };

/** One team per kind of credential the config can hold, every secret a distinct value. */
const TEAMS: Record<string, TeamConfig> = {
  rainbond: {
    displayName: 'Rainbond only',
    rainbond: {
      baseUrl: 'http://rainbond.example',
      teamName: 'tenant',
      regions: ['region-1'],
      token: 'secret-rainbond-token',
      timeZone: 'Asia/Shanghai',
    },
  },
  password: {
    displayName: 'Password',
    workspace: {
      ...workspace,
      auth: { type: 'password', domainName: 'd', userName: 'u', password: 'secret-iam-password' },
    },
  },
  agency: {
    displayName: 'Agency',
    workspace: {
      ...workspace,
      auth: {
        type: 'agency',
        domainName: 'owner',
        agencyName: 'gateway',
        via: { domainName: 'ops', userName: 'svc', password: 'secret-agency-password' },
      },
    },
  },
  aksk: {
    displayName: 'AK/SK',
    workspace: {
      ...workspace,
      auth: {
        type: 'aksk',
        accessKey: 'secret-access-key',
        secretKey: 'secret-secret-key',
        securityToken: 'secret-security-token',
      },
    },
  },
};

/** Every value at a `SECRET_PATHS` path (`*`: any key). */
function secretsIn(config: unknown): string[] {
  const at = (value: unknown, path: string[]): unknown[] => {
    if (path.length === 0) return [value];
    if (value === null || typeof value !== 'object') return [];
    const [head, ...rest] = path;
    const record = value as Record<string, unknown>;
    const next = head === '*' ? Object.values(record) : [record[head]];
    return next.flatMap((child) => at(child, rest));
  };
  return SECRET_PATHS.flatMap((path) => at(config, path.split('.'))).filter(
    (value): value is string => typeof value === 'string',
  );
}

/** Every string reachable from `root`, through objects, arrays, maps and sets. */
function reachableStrings(root: unknown): Set<string> {
  const found = new Set<string>();
  const seen = new Set<object>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') found.add(value);
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    const children =
      value instanceof Map ? [...value.keys(), ...value.values()] : Object.values(value);
    if (value instanceof Set) children.push(...value.values());
    children.forEach(visit);
  };
  visit(root);
  return found;
}

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
      workspace: { region: 'cn-north-4', projectId: 'p0123', endpoints },
    });
  });
});
