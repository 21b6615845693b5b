import { SECRET_PATHS, teamSchema } from './gateway-config.schema';

describe("a team's accounts, from the registered providers", () => {
  it('refuses a team with no account section, naming every section it could have', () => {
    const result = teamSchema.safeParse({ displayName: 'Acme' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      'a team needs a rainbond or a workspace section (or both)',
    ]);
  });

  it("accepts a team with only one provider's section", () => {
    const rainbond = { baseUrl: 'http://127.0.0.1:1', teamName: 't', regions: ['r'], token: 'x' };
    expect(teamSchema.safeParse({ displayName: 'Acme', rainbond }).success).toBe(true);
  });

  it("marks each provider's secret fields as secrets, under its section", () => {
    expect(SECRET_PATHS.filter((path) => path.startsWith('teams.'))).toEqual([
      'teams.*.rainbond.token',
      'teams.*.workspace.auth.password',
      'teams.*.workspace.auth.via.password',
      'teams.*.workspace.auth.accessKey',
      'teams.*.workspace.auth.secretKey',
      'teams.*.workspace.auth.securityToken',
    ]);
  });
});
