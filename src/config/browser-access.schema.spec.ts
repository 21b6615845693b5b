import { gatewayConfigSchema } from './gateway-config.schema';

const OIDC = {
  issuer: 'https://login.example.com/realms/internal',
  audience: 'application-gateway',
  groupTeams: { 'acme-developers': ['acme'] },
};

const BASE = {
  callers: [{ name: 'svc', keys: ['a'.repeat(64)], teams: ['acme'] }],
  teams: {
    acme: {
      displayName: 'Acme',
      rainbond: {
        baseUrl: 'https://rainbond.example.com',
        teamName: 'o19p6wen',
        regions: ['region-1'],
        token: 'resolved-token',
      },
    },
  },
};

function problemsWith(sections: Record<string, unknown>): string[] {
  const result = gatewayConfigSchema.safeParse({ ...BASE, ...sections });
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('oidc configuration', () => {
  it('accepts an issuer with defaults for the rest', () => {
    const parsed = gatewayConfigSchema.parse({ ...BASE, oidc: OIDC });
    expect(parsed.oidc).toMatchObject({
      algorithms: ['RS256'],
      clockToleranceSeconds: 30,
      teamsClaim: 'groups',
      callerName: 'user',
    });
    expect(parsed.oidc?.jwksUri).toBeUndefined();
  });

  it.each(['HS256', 'none', 'HS512'])('refuses the %s algorithm', (algorithm) => {
    expect(problemsWith({ oidc: { ...OIDC, algorithms: ['RS256', algorithm] } })).toEqual([
      expect.stringMatching(/^oidc\.algorithms\.1: /),
    ]);
  });

  it('refuses plain http for the issuer and key set, except on this machine', () => {
    expect(
      problemsWith({
        oidc: { ...OIDC, issuer: 'http://login.example.com', jwksUri: 'http://10.0.0.5/jwks' },
      }),
    ).toEqual([
      'oidc.issuer: must be https (plain http only for localhost)',
      'oidc.jwksUri: must be https (plain http only for localhost)',
    ]);
    expect(problemsWith({ oidc: { ...OIDC, issuer: 'http://127.0.0.1:8080' } })).toEqual([]);
  });

  it('names a mapped team that is not configured', () => {
    expect(problemsWith({ oidc: { ...OIDC, groupTeams: { ops: ['acme', 'initech'] } } })).toEqual([
      'oidc.groupTeams.ops.1: names team "initech", which is not configured',
    ]);
  });

  it('refuses a caller name that a configured caller already has', () => {
    expect(problemsWith({ oidc: { ...OIDC, callerName: 'svc' } })).toEqual([
      'oidc.callerName: "svc" is also the name of a configured caller',
    ]);
  });
});

describe('cors configuration', () => {
  it('accepts listed origins with defaults for the rest', () => {
    const config = gatewayConfigSchema.parse({
      ...BASE,
      cors: { origins: ['https://portal.example.com', 'http://localhost:5173'] },
    });
    expect(config.cors).toEqual({
      origins: ['https://portal.example.com', 'http://localhost:5173'],
      maxAgeSeconds: 600,
      credentials: false,
    });
  });

  it.each([
    ['*', 'a wildcard is not allowed: list each origin'],
    [
      'https://portal.example.com/',
      'must be an origin: scheme://host[:port], no path or trailing slash',
    ],
    [
      'https://portal.example.com/app',
      'must be an origin: scheme://host[:port], no path or trailing slash',
    ],
    ['portal.example.com', 'must be an origin: scheme://host[:port], no path or trailing slash'],
    ['null', 'must be an origin: scheme://host[:port], no path or trailing slash'],
  ])('refuses the origin %s', (origin, message) => {
    expect(problemsWith({ cors: { origins: ['https://ok.example.com', origin] } })).toEqual([
      `cors.origins.1: ${message}`,
    ]);
  });
});
