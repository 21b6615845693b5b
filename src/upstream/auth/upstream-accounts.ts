import { Inject, Injectable } from '@nestjs/common';
import { ProblemError } from '../../common/problem';
import { GATEWAY_CONFIG } from '../../config/config.tokens';
import type { GatewayConfig, TeamConfig } from '../../config/gateway-config.schema';
import { UPSTREAM_PROFILES, type AuthKind, type UpstreamProfiles } from '../upstream-profiles';
import type { UpstreamName } from '../upstream.error';
import { akskAuth, headerAuth, iamTokenAuth, type UpstreamTarget } from './auth-strategies';
import { IamTokenService } from './iam-token.service';

/** The upstreams a team's calls go to (IAM is reached through the token service only). */
export type TeamUpstream = Exclude<UpstreamName, 'iam'>;

const PROVIDER_LABEL: Record<TeamUpstream, string> = {
  rainbond: 'Rainbond',
  'app-center': 'Workspace',
  'app-warehouse': 'Workspace',
};

/**
 * Every team's upstream accounts with their credentials, built once from the config (whose secret
 * references were resolved when it was loaded) and looked up by team key: the only holder of team
 * secrets, so nothing above the upstream room ever carries one.
 */
@Injectable()
export class UpstreamAccounts {
  private readonly targets = new Map<string, UpstreamTarget>();

  constructor(
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
    @Inject(UPSTREAM_PROFILES) profiles: UpstreamProfiles,
    tokens: IamTokenService,
  ) {
    for (const [key, team] of Object.entries(config.teams)) {
      for (const upstream of Object.keys(PROVIDER_LABEL) as TeamUpstream[]) {
        const target = targetOf(upstream, profiles[upstream].auth, team, tokens);
        if (target) this.targets.set(targetKey(upstream, key), target);
      }
    }
  }

  /** The team's account at `upstream`, or a 404 problem when the team has none there. */
  targetOf(upstream: TeamUpstream, team: string): UpstreamTarget {
    const target = this.targets.get(targetKey(upstream, team));
    if (!target) {
      throw ProblemError.of(
        'provider-not-configured',
        `team ${team} has no ${PROVIDER_LABEL[upstream]} account`,
      );
    }
    return target;
  }
}

function targetKey(upstream: TeamUpstream, team: string): string {
  return `${upstream}\u0000${team}`;
}

function targetOf(
  upstream: TeamUpstream,
  auth: AuthKind,
  team: TeamConfig,
  tokens: IamTokenService,
): UpstreamTarget | undefined {
  if (auth === 'rainbond-token') {
    const { rainbond } = team;
    return (
      rainbond && {
        baseUrl: rainbond.baseUrl,
        account: rainbond.teamName,
        auth: headerAuth('authorization', rainbond.token),
      }
    );
  }
  const { workspace } = team;
  if (!workspace) return undefined;
  const { auth: credentials, projectId, endpoints } = workspace;
  return {
    baseUrl: upstream === 'app-center' ? endpoints.appCenter : endpoints.appWarehouse,
    account: projectId,
    auth:
      credentials.type === 'aksk'
        ? akskAuth(projectId, credentials)
        : iamTokenAuth(tokens.tokensFor({ ...workspace, auth: credentials })),
  };
}
