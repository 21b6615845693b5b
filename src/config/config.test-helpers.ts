import { ConfigError } from './config.loader';
import { SECRET_PATHS, type TeamConfig } from './gateway-config.schema';

/** The problems of the ConfigError that `run` throws; fails when it throws none. */
export function configProblemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const endpoints = {
  appCenter: 'https://workspace.example',
  appWarehouse: 'https://appstream.example',
  iam: 'https://iam.example',
};
const workspace = { region: 'cn-north-4', projectId: 'p0123', endpoints };

/** One team per kind of credential the config can hold, every secret a distinct value. */
export const TEAMS_WITH_EVERY_SECRET: Record<string, TeamConfig> = {
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
export function secretsIn(config: unknown): string[] {
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
export function reachableStrings(root: unknown): Set<string> {
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
