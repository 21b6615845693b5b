/** A fault that involves two places of the configuration, found at the place to change. */
export interface CrossReferenceIssue {
  path: (string | number)[];
  message: string;
}

type Entries = Record<string, unknown>;

/**
 * The checks between sections: team names used by callers and OIDC groups, names that must differ,
 * the in-flight lease against the upstream timeouts. They read the configuration defensively,
 * because they run even when other settings are invalid, so that one round reports every fault.
 */
export function crossReferenceIssues(config: unknown): CrossReferenceIssue[] {
  const root = entries(config);
  const issues: CrossReferenceIssue[] = [];
  const teams = entries(root.teams);
  const checkTeams = (named: unknown, path: (string | number)[]) =>
    list(named).forEach((team, j) => {
      if (typeof team === 'string' && !Object.hasOwn(teams, team)) {
        issues.push({
          path: [...path, j],
          message: `names team "${team}", which is not configured`,
        });
      }
    });

  const callers = list(root.callers).map(entries);
  callers.forEach((caller, i) => checkTeams(caller.teams, ['callers', i, 'teams']));

  const oidc = entries(root.oidc);
  for (const [group, named] of Object.entries(entries(oidc.groupTeams))) {
    checkTeams(named, ['oidc', 'groupTeams', group]);
  }
  const { callerName } = oidc;
  if (typeof callerName === 'string' && callers.some((c) => c.name === callerName)) {
    issues.push({
      path: ['oidc', 'callerName'],
      message: `"${callerName}" is also the name of a configured caller`,
    });
  }

  const leaseSeconds = entries(root.idempotency).leaseSeconds;
  const timeouts = Object.values(entries(root.upstreams))
    .map((upstream) => entries(upstream).timeoutMs)
    .filter((ms): ms is number => typeof ms === 'number');
  const longestTimeoutMs = Math.max(...timeouts);
  if (typeof leaseSeconds === 'number' && leaseSeconds * 1000 <= longestTimeoutMs) {
    issues.push({
      path: ['idempotency', 'leaseSeconds'],
      message: `must be longer than the longest upstream timeout (${longestTimeoutMs} ms)`,
    });
  }
  return issues;
}

function entries(value: unknown): Entries {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Entries)
    : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
