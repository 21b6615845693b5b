import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { loadConfigFile, parseConfig, type ConfigSources } from './config.loader';
import { configProblemsOf } from './config.test-helpers';

const HASH = 'a'.repeat(64);

function yamlWith(team: string, callerTeams = '[acme]'): string {
  return `
callers:
  - name: svc
    keys: ['${HASH}']
    teams: ${callerTeams}
teams:
  acme:
${team}
`;
}

const RAINBOND_TEAM = `
    displayName: Acme
    rainbond:
      baseUrl: https://rainbond.example.com
      teamName: o19p6wen
      regions: [region-1]
      token: \${RAINBOND_TOKEN}`;

const WORKSPACE_TEAM = `
    displayName: Acme
    workspace:
      region: cn-north-4
      projectId: abc123
      endpoints: { appCenter: 'https://a.example.com', appWarehouse: 'https://b.example.com', iam: 'https://c.example.com' }
      auth: { type: password, domainName: d, userName: u, password: 'file:/run/secrets/iam' }`;

function sources(
  env: Record<string, string> = {},
  files: Record<string, string> = {},
): ConfigSources {
  return {
    env,
    readFile: (path) => {
      if (!(path in files)) throw new Error('ENOENT');
      return files[path];
    },
  };
}

const problemsOf = configProblemsOf;

describe('parseConfig', () => {
  it('resolves ${ENV} references and applies defaults', () => {
    const config = parseConfig(yamlWith(RAINBOND_TEAM), sources({ RAINBOND_TOKEN: 'tok-1' }));
    expect(config.teams.acme.rainbond?.token).toBe('tok-1');
    expect(config.server).toEqual({
      host: '0.0.0.0',
      port: 3000,
      shutdownDrainMs: 5_000,
      requestTimeoutMs: 120_000,
      bodyLimitBytes: 1024 * 1024,
    });
    expect(config.rateLimit).toEqual({ requestsPerWindow: 600, windowSeconds: 60 });
    expect(config.resilience.circuitBreaker).toEqual({
      consecutiveFailures: 5,
      halfOpenAfterMs: 15_000,
    });
    expect(config.upstreams.rainbond.timeoutMs).toBe(60_000);
    expect(config.iam.tokenExpiryMarginSeconds).toBe(900);
  });

  it('resolves file: references, trimming the trailing newline', () => {
    const config = parseConfig(
      yamlWith(WORKSPACE_TEAM),
      sources({}, { '/run/secrets/iam': 's3cret\n' }),
    );
    expect(config.teams.acme.workspace?.auth).toMatchObject({ password: 's3cret' });
  });

  it('refuses to start when a referenced environment variable is missing, naming the field', () => {
    expect(problemsOf(() => parseConfig(yamlWith(RAINBOND_TEAM), sources()))).toEqual([
      'teams.acme.rainbond.token: environment variable RAINBOND_TOKEN is not set',
    ]);
  });

  it('refuses a secret file that cannot be read', () => {
    expect(problemsOf(() => parseConfig(yamlWith(WORKSPACE_TEAM), sources()))).toEqual([
      'teams.acme.workspace.auth.password: cannot read file /run/secrets/iam',
    ]);
  });

  it('refuses a secret written as a literal in the file', () => {
    const literal = WORKSPACE_TEAM.replace("'file:/run/secrets/iam'", 'hunter2');
    expect(problemsOf(() => parseConfig(yamlWith(literal), sources()))).toEqual([
      'teams.acme.workspace.auth.password: a secret must be a ${ENV_VAR} or file: reference, not a literal',
    ]);
  });

  it('names the exact field of a schema violation', () => {
    const badUrl = RAINBOND_TEAM.replace('https://rainbond.example.com', 'ftp://x');
    const problems = problemsOf(() =>
      parseConfig(yamlWith(badUrl), sources({ RAINBOND_TOKEN: 't' })),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^teams\.acme\.rainbond\.baseUrl: /);
  });

  it('rejects a caller that names a team that is not configured', () => {
    const problems = problemsOf(() =>
      parseConfig(yamlWith(RAINBOND_TEAM, '[acme, ghost]'), sources({ RAINBOND_TOKEN: 't' })),
    );
    expect(problems).toEqual(['callers.0.teams.1: names team "ghost", which is not configured']);
  });

  it('rejects API keys that are not SHA-256 hex hashes', () => {
    const problems = problemsOf(() =>
      parseConfig(
        yamlWith(RAINBOND_TEAM).replace(HASH, 'plain-key'),
        sources({ RAINBOND_TOKEN: 't' }),
      ),
    );
    expect(problems[0]).toMatch(/^callers\.0\.keys\.0: must be the lowercase hex SHA-256/);
  });

  it('rejects unknown fields instead of ignoring a typo', () => {
    const typo = RAINBOND_TEAM.replace('regions:', 'region: x\n      regions:');
    const problems = problemsOf(() =>
      parseConfig(yamlWith(typo), sources({ RAINBOND_TOKEN: 't' })),
    );
    expect(problems.join()).toMatch(/teams\.acme\.rainbond.*region/);
  });

  it('rejects text that is not YAML', () => {
    expect(problemsOf(() => parseConfig('callers: [', sources()))[0]).toMatch(/^not valid YAML/);
  });
});

describe('a file with many mistakes', () => {
  const FAULTY = `
server:
  port: three thousand
upstreams:
  rainbond: { timeoutMs: 60000, retries: 3 }
callers:
  - name: svc
    keys: ['${HASH}']
    teams: [acme, ghost]
teams:
  acme:
    displayName: Acme
    rainbond:
      baseUrl: https://rainbond.example.com
      regions: [region-1]
      token: hunter2
  beta:
    displayName: Beta
    rainbond:
      baseUrl: https://rainbond.example.com
      teamName: beta
      regions: [region-1]
      token: \${BETA_TOKEN}
`;

  it('names all of them in one round, each at its path in a plain sentence', () => {
    expect(problemsOf(() => parseConfig(FAULTY, sources()))).toEqual([
      'teams.beta.rainbond.token: environment variable BETA_TOKEN is not set',
      'teams.acme.rainbond.token: a secret must be a ${ENV_VAR} or file: reference, not a literal',
      'server.port: must be a number, not text',
      'upstreams.rainbond.retries: is not a known setting (misspelt, or in the wrong section?)',
      'teams.acme.rainbond.teamName: is required but missing',
      'callers.0.teams.1: names team "ghost", which is not configured',
    ]);
  });

  it("words schema faults for people, not in zod's terms", () => {
    const problems = problemsOf(() =>
      parseConfig(
        yamlWith(RAINBOND_TEAM) +
          'logging: { level: loud }\nreads: { cacheTtlSeconds: 1.5 }\nidempotency: { ttlSeconds: 10 }\n',
        sources({ RAINBOND_TOKEN: 't' }),
      ),
    );
    expect(problems).toEqual([
      'reads.cacheTtlSeconds: must be a whole number, not a fraction',
      'logging.level: must be one of "fatal", "error", "warn", "info", "debug", "trace", "silent"',
      'idempotency.ttlSeconds: must be at least 60',
    ]);
  });

  it('lists every YAML syntax error at once', () => {
    const problems = problemsOf(() => parseConfig('a: [1\nb: {2\n', sources()));
    expect(problems.length).toBeGreaterThan(1);
    for (const problem of problems) expect(problem).toMatch(/^not valid YAML: /);
  });
});

describe('known-weak API keys', () => {
  const sha256 = (key: string) => createHash('sha256').update(key).digest('hex');
  const withKey = (key: string) => yamlWith(RAINBOND_TEAM).replace(HASH, sha256(key));

  it.each(['test', 'password', 'changeme', 'sandbox-demo-key'])(
    'refuses to start with the key %j, naming the caller and not the key',
    (key) => {
      const problems = problemsOf(() =>
        parseConfig(withKey(key), sources({ RAINBOND_TOKEN: 't' })),
      );
      expect(problems).toEqual([
        expect.stringMatching(/^callers\.0\.keys\.0: caller "svc" uses a well-known key/),
      ]);
      expect(problems.join()).not.toContain(sha256(key));
    },
  );

  it('accepts them in sandbox mode, where the demo key is the point', () => {
    const config = parseConfig(withKey('sandbox-demo-key'), sources({ RAINBOND_TOKEN: 't' }), {
      allowKnownWeakKeys: true,
    });
    expect(config.callers[0].keys).toEqual([sha256('sandbox-demo-key')]);
  });

  it('accepts a random key', () => {
    expect(() =>
      parseConfig(withKey('k7Qe1m9ZpX2vL0sRt8Yw'), sources({ RAINBOND_TOKEN: 't' })),
    ).not.toThrow();
  });
});

describe('the shipped configurations', () => {
  const anyReference: ConfigSources = {
    env: new Proxy(
      {},
      {
        get: (_, name) => {
          if (name === 'REDIS_URL') return 'redis://redis:6379';
          if (String(name).endsWith('_SHA256'))
            return createHash('sha256').update(String(name)).digest('hex');
          return `value-of-${String(name)}`;
        },
      },
    ),
    readFile: (path) => (path.endsWith('.yaml') ? readFileSync(path, 'utf8') : 'secret-from-file'),
  };

  it('config/example.production.yaml is valid and shows every Workspace auth type, oidc and cors', () => {
    const config = loadConfigFile(
      join(__dirname, '../../config/example.production.yaml'),
      anyReference,
    );
    const authTypes = Object.values(config.teams).flatMap((team) =>
      team.workspace ? [team.workspace.auth.type] : [],
    );
    expect(new Set(authTypes)).toEqual(new Set(['password', 'agency', 'aksk']));
    expect(config.oidc?.groupTeams).toBeDefined();
    expect(config.cors?.origins).not.toContain('*');
    expect(config.redis.url).toBe('redis://redis:6379');
  });
});

describe('upstream TLS settings', () => {
  const withTls = (tls: string) =>
    yamlWith(RAINBOND_TEAM) + `upstreams:\n  rainbond:\n    tls: ${tls}\n`;
  const files = { '/etc/ca.pem': 'not a certificate', '/etc/c.pem': 'x', '/run/k': 'y' };

  it('wants the CA bundle and client certificate as file: references, the key as a secret', () => {
    const problems = problemsOf(() =>
      parseConfig(
        withTls("{ ca: '${CA}', cert: PEMTEXT, key: KEYTEXT }"),
        sources({ RAINBOND_TOKEN: 't', CA: 'x' }),
      ),
    );
    expect(problems).toEqual([
      'upstreams.rainbond.tls.key: a secret must be a ${ENV_VAR} or file: reference, not a literal',
      'upstreams.rainbond.tls.ca: must be a file: reference to a PEM file',
      'upstreams.rainbond.tls.cert: must be a file: reference to a PEM file',
    ]);
  });

  it('names a file that is no PEM, and a certificate without its key', () => {
    expect(
      problemsOf(() =>
        parseConfig(
          withTls("{ ca: 'file:/etc/ca.pem', cert: 'file:/etc/c.pem' }"),
          sources({ RAINBOND_TOKEN: 't' }, files),
        ),
      ),
    ).toEqual(['upstreams.rainbond.tls.key: cert and key go together: set both or neither']);
    const badPem = problemsOf(() =>
      parseConfig(withTls("{ ca: 'file:/etc/ca.pem' }"), sources({ RAINBOND_TOKEN: 't' }, files)),
    );
    expect(badPem).toEqual([
      expect.stringMatching(/^upstreams\.rainbond\.tls\.ca: is not a usable PEM CA bundle/),
    ]);
  });
});

describe('proxy settings', () => {
  const withProxy = (proxy: string) => yamlWith(RAINBOND_TEAM) + `proxy: ${proxy}\n`;

  it('takes a proxy URL and the hosts reached directly', () => {
    const config = parseConfig(
      withProxy('{ url: "http://proxy.internal:3128", noProxy: [rainbond.example.com] }'),
      sources({ RAINBOND_TOKEN: 't' }),
    );
    expect(config.proxy).toEqual({
      fromEnvironment: false,
      url: 'http://proxy.internal:3128',
      noProxy: ['rainbond.example.com'],
    });
  });

  it('refuses a literal proxy URL with a password, and url together with fromEnvironment', () => {
    expect(
      problemsOf(() =>
        parseConfig(
          withProxy('{ url: "http://u:pw@proxy:3128", fromEnvironment: true }'),
          sources({ RAINBOND_TOKEN: 't' }),
        ),
      ),
    ).toEqual([
      'proxy.url: holds credentials, so it must be a ${ENV_VAR} or file: reference',
      'proxy: set url or fromEnvironment, not both',
    ]);
  });
});

describe('the example configurations', () => {
  it.each(['example.production.yaml', 'default.yaml'])(
    '%s holds no API key hash, only references to one',
    (file) => {
      const text = readFileSync(join(__dirname, '../../config', file), 'utf8');
      expect(text).not.toMatch(/[0-9a-f]{64}/);
      expect(text).toMatch(/keys:\s*(- |\[')\$\{\w+_SHA256\}/);
    },
  );
});

describe('Workspace auth types', () => {
  const team = (auth: string) => `
    displayName: Acme
    workspace:
      region: cn-north-4
      projectId: abc123
      endpoints: { appCenter: 'https://a.example.com', appWarehouse: 'https://b.example.com', iam: 'https://c.example.com' }
      auth: ${auth}`;

  it('accepts an agency and names a literal password of its delegated user', () => {
    expect(
      problemsOf(() =>
        parseConfig(
          yamlWith(
            team(
              '{ type: agency, domainName: owner, agencyName: gw, via: { domainName: ops, userName: svc, password: hunter2 } }',
            ),
          ),
          sources(),
        ),
      ),
    ).toEqual([
      'teams.acme.workspace.auth.via.password: a secret must be a ${ENV_VAR} or file: reference, not a literal',
    ]);
  });

  it('requires every AK/SK part to be a reference and names a missing one', () => {
    expect(
      problemsOf(() =>
        parseConfig(
          yamlWith(
            team(
              "{ type: aksk, accessKey: AKLITERAL, secretKey: '${SK}', securityToken: '${ST}' }",
            ),
          ),
          sources({ SK: 'sk' }),
        ),
      ),
    ).toEqual([
      'teams.acme.workspace.auth.securityToken: environment variable ST is not set',
      'teams.acme.workspace.auth.accessKey: a secret must be a ${ENV_VAR} or file: reference, not a literal',
    ]);
  });

  it('refuses an agency token lifetime IAM would refuse', () => {
    const problems = problemsOf(() =>
      parseConfig(
        yamlWith(
          team(
            "{ type: agency, domainName: owner, agencyName: gw, durationSeconds: 60, via: { domainName: ops, userName: svc, password: '${P}' } }",
          ),
        ),
        sources({ P: 'p' }),
      ),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^teams\.acme\.workspace\.auth\.durationSeconds: /),
    ]);
  });
});

describe('redis and idempotency settings', () => {
  const config = (extra: string, env: Record<string, string> = {}) =>
    parseConfig(yamlWith(RAINBOND_TEAM) + extra, sources({ RAINBOND_TOKEN: 't', ...env }));

  it('has no Redis and the documented idempotency defaults when nothing is set', () => {
    const parsed = config('');
    expect(parsed.redis).toEqual({ keyPrefix: 'gw:' });
    expect(parsed.idempotency).toEqual({ ttlSeconds: 86_400, memoryMaxKeys: 10_000 });
  });

  it('takes the Redis URL from REDIS_URL when the file names none', () => {
    expect(config('', { REDIS_URL: 'redis://:pw@127.0.0.1:6379/1' }).redis.url).toBe(
      'redis://:pw@127.0.0.1:6379/1',
    );
  });

  it('reads the Redis password from the file REDIS_PASSWORD_FILE names (a Docker secret)', () => {
    const parsed = parseConfig(
      yamlWith(RAINBOND_TEAM),
      sources(
        {
          RAINBOND_TOKEN: 't',
          REDIS_URL: 'redis://redis:6379',
          REDIS_PASSWORD_FILE: '/run/secrets/rp',
        },
        { '/run/secrets/rp': 'f00d\n' },
      ),
    );
    expect(parsed.redis).toEqual({ url: 'redis://redis:6379', password: 'f00d', keyPrefix: 'gw:' });
    expect(
      problemsOf(() =>
        parseConfig(
          yamlWith(RAINBOND_TEAM),
          sources({ RAINBOND_TOKEN: 't', REDIS_PASSWORD_FILE: '/nope' }),
        ),
      ),
    ).toEqual(['redis.password: cannot read file /nope']);
  });

  it('prefers the reference written in the file to REDIS_URL', () => {
    const parsed = config('redis: { url: "${SHARED_REDIS}", keyPrefix: "pay:" }', {
      REDIS_URL: 'redis://ignored:6379',
      SHARED_REDIS: 'rediss://cache.internal:6380',
    });
    expect(parsed.redis).toEqual({ url: 'rediss://cache.internal:6380', keyPrefix: 'pay:' });
  });

  it('refuses a Redis URL written as a literal, since it can hold a password', () => {
    expect(problemsOf(() => config('redis: { url: "redis://:pw@h:6379" }'))).toEqual([
      'redis.url: a secret must be a ${ENV_VAR} or file: reference, not a literal',
    ]);
  });

  it('refuses a Redis URL of another scheme without echoing it', () => {
    const problems = problemsOf(() => config('', { REDIS_URL: 'http://user:hunter2@h' }));
    expect(problems).toEqual([expect.stringMatching(/^redis\.url: /)]);
    expect(problems.join()).not.toContain('hunter2');
  });

  it('refuses an in-flight lease that an upstream call could outlive', () => {
    expect(problemsOf(() => config('idempotency: { leaseSeconds: 60 }'))).toEqual([
      'idempotency.leaseSeconds: must be longer than the longest upstream timeout (60000 ms)',
    ]);
    expect(config('idempotency: { leaseSeconds: 61 }').idempotency.leaseSeconds).toBe(61);
  });
});
