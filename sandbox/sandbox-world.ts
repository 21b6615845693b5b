/**
 * The fixed world the simulators start with. `config/default.yaml` and the Swagger examples refer to
 * these names, so the documented examples succeed as-is against a fresh sandbox.
 * Secrets are not here: the sandbox generates them at each start (see sandbox-secrets.ts).
 */
export const SANDBOX_WORLD = {
  rainbond: {
    enterpriseId: 'e0f1a2b3c4d5e6f708192a3b4c5d6e7f',
    regions: ['region-1', 'region-2'],
    /** Rainbond teams (tenants), keyed by the gateway team key that uses them. */
    teams: {
      acme: {
        tenantId: 'a1c2e3f4a5b6c7d8e9f0a1b2c3d4e5f6',
        tenantName: 'o19p6wen',
        regions: ['region-1', 'region-2'],
      },
      globex: {
        tenantId: 'b2d3f4a5b6c7d8e9f0a1b2c3d4e5f6a7',
        tenantName: 'p27q8xfm',
        regions: ['region-1'],
      },
    },
    /** Access-token owners: acme's token user is a member of both teams (copy acme → globex works). */
    users: {
      acme: { userId: 1, nickName: 'acme-ops', memberOf: ['acme', 'globex'] },
      globex: { userId: 2, nickName: 'globex-ops', memberOf: ['globex'] },
    },
    apps: [
      { id: 1, team: 'acme', region: 'region-1', name: 'demo-shop' },
      { id: 2, team: 'globex', region: 'region-1', name: 'staging' },
      { id: 3, team: 'acme', region: 'region-2', name: 'empty' },
      { id: 4, team: 'acme', region: 'region-1', name: 'nginx-web' },
    ],
    /**
     * App 1 starts with one component installed from the nginx-demo model at 1.0.0; app 4 with
     * nginx-demo at 1.1.0 (an upgrade to 1.2.0 on offer) and redis.
     */
    installed: [
      { appId: 1, appModelId: 'a1b2c3d4e5f6', version: '1.0.0' },
      { appId: 4, appModelId: 'a1b2c3d4e5f6', version: '1.1.0' },
      { appId: 4, appModelId: 'b7c8d9e0f1a2', version: '7.0.0' },
    ],
    market: {
      url: 'https://hub.grapps.cn',
      domain: 'rainbond',
      name: 'rainstore',
      models: [
        {
          id: 'a1b2c3d4e5f6',
          name: 'nginx-demo',
          versions: ['1.0.0', '1.1.0', '1.2.0'],
          components: [{ cname: 'nginx', image: 'nginx', category: 'application', memoryMb: 128 }],
        },
        {
          id: 'b7c8d9e0f1a2',
          name: 'redis',
          versions: ['7.0.0'],
          components: [{ cname: 'redis', image: 'redis', category: 'cache', memoryMb: 256 }],
        },
      ],
    },
  },
  workspace: {
    region: 'cn-north-4',
    domainName: 'sandbox-account',
    domainId: 'd0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5',
    /** IAM users and their projects, keyed by gateway team key. */
    users: {
      acme: {
        userName: 'acme-publisher',
        projectId: '0123456789abcdef0123456789abcdef',
        tenantId: 'c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8',
      },
      globex: {
        userName: 'globex-publisher',
        projectId: 'fedcba9876543210fedcba9876543210',
        tenantId: 'd4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9',
      },
    },
    /**
     * sandbox-account delegated the agency `workspace-gateway` to the account gateway-ops, whose
     * IAM user gateway-svc assumes it (password generated per start, like the others).
     */
    agency: {
      name: 'workspace-gateway',
      delegatedDomainName: 'gateway-ops',
      delegatedDomainId: 'e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6',
      userName: 'gateway-svc',
    },
    catalogs: [
      { id: '1', en: 'Other', zh: '其他' },
      { id: '2', en: 'Office', zh: '办公' },
      { id: '3', en: 'Development', zh: '开发' },
    ],
  },
} as const;

export type SandboxTeamKey = keyof typeof SANDBOX_WORLD.rainbond.teams;
