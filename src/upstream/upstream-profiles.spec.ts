import { gatewayConfigSchema } from '../config/gateway-config.schema';
import { buildUpstreamProfiles } from './upstream-profiles';

describe('buildUpstreamProfiles', () => {
  const config = gatewayConfigSchema.parse({
    callers: [{ name: 'svc', keys: ['0'.repeat(64)], teams: [] }],
    teams: {},
  });
  const profiles = buildUpstreamProfiles(config);

  it("has one profile per registered provider's upstream, then IAM", () => {
    expect(Object.keys(profiles)).toEqual(['rainbond', 'app-center', 'app-warehouse', 'iam']);
    expect(Object.keys(config.upstreams)).toEqual(['rainbond', 'appCenter', 'appWarehouse', 'iam']);
  });

  it("takes each upstream's settings key and default timeout from its definition", () => {
    expect(
      Object.values(profiles).map(({ name, settingsKey, timeoutMs }) => [
        name,
        settingsKey,
        timeoutMs,
      ]),
    ).toEqual([
      ['rainbond', 'rainbond', 60_000],
      ['app-center', 'appCenter', 30_000],
      ['app-warehouse', 'appWarehouse', 30_000],
      ['iam', 'iam', 10_000],
    ]);
  });

  it('reads a 200 as a possible error only where the upstream reports errors that way', () => {
    expect(
      Object.values(profiles)
        .filter((profile) => profile.errorBodyOn200)
        .map((p) => p.name),
    ).toEqual(['app-center', 'app-warehouse']);
  });

  it('links each provider upstream to its team account section, and IAM to none', () => {
    expect(
      Object.values(profiles).map((profile) => [profile.name, profile.teamAccount?.section]),
    ).toEqual([
      ['rainbond', 'rainbond'],
      ['app-center', 'workspace'],
      ['app-warehouse', 'workspace'],
      ['iam', undefined],
    ]);
  });
});
