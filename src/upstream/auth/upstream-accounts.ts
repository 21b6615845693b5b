import { Inject, Injectable } from '@nestjs/common';
import { ProblemError } from '../../common/problem';
import { UPSTREAM_CONFIG } from '../../config/config.tokens';
import type { GatewayConfig } from '../../config/gateway-config.schema';
import type { AkSkAuthConfig } from '../../workspace/workspace-account.schema';
import { UPSTREAM_PROFILES, type UpstreamProfiles } from '../upstream-profiles';
import type { UpstreamName } from '../upstream.error';
import {
  akskAuth,
  headerAuth,
  iamTokenAuth,
  type AuthStrategy,
  type UpstreamTarget,
} from './auth-strategies';
import { IamTokenService, type TokenAccount } from './iam-token.service';

/** The upstreams a team's calls go to (IAM is reached through the token service only). */
export type TeamUpstream = Exclude<UpstreamName, 'iam'>;

/** The room's auth strategies, which a provider's upstream definition picks from for a team. */
export interface AuthStrategies {
  /** A fixed header, e.g. a personal access token as the raw `Authorization` value. */
  header(name: string, value: string): AuthStrategy;
  /** The account's IAM token in `X-Auth-Token`, cached, fetched again once when rejected. */
  iamToken(account: TokenAccount): AuthStrategy;
  /** Every request signed with the account's AK/SK (SDK-HMAC-SHA256). */
  aksk(projectId: string, auth: AkSkAuthConfig): AuthStrategy;
}

/**
 * Every team's upstream accounts with their credentials, built once from the config (whose secret
 * references were resolved when it was loaded) and looked up by team key: the only holder of team
 * secrets, so nothing above the upstream room ever carries one.
 */
@Injectable()
export class UpstreamAccounts {
  private readonly targets = new Map<string, UpstreamTarget>();

  constructor(
    @Inject(UPSTREAM_CONFIG) config: GatewayConfig,
    @Inject(UPSTREAM_PROFILES) private readonly profiles: UpstreamProfiles,
    tokens: IamTokenService,
  ) {
    const strategies: AuthStrategies = {
      header: headerAuth,
      iamToken: (account) => iamTokenAuth(tokens.tokensFor(account)),
      aksk: akskAuth,
    };
    for (const [key, team] of Object.entries(config.teams)) {
      const sections: Readonly<Record<string, unknown>> = team;
      for (const { name, teamAccount } of Object.values(profiles)) {
        const section = teamAccount && sections[teamAccount.section];
        if (teamAccount && section !== undefined) {
          this.targets.set(targetKey(name, key), teamAccount.target(section, strategies));
        }
      }
    }
  }

  /** The team's account at `upstream`, or a 404 problem when the team has none there. */
  targetOf(upstream: TeamUpstream, team: string): UpstreamTarget {
    const target = this.targets.get(targetKey(upstream, team));
    if (!target) {
      const platform = this.profiles[upstream].teamAccount?.platform ?? upstream;
      throw ProblemError.of('provider-not-configured', `team ${team} has no ${platform} account`);
    }
    return target;
  }
}

function targetKey(upstream: UpstreamName, team: string): string {
  return `${upstream}\u0000${team}`;
}
