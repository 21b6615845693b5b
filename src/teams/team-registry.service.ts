import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { ProblemError } from '../common/problem';
import { GATEWAY_CONFIG } from '../config/config.tokens';
import { TEAM_KEY_PATTERN, type GatewayConfig } from '../config/gateway-config.schema';
import { teamContextOf, type TeamContext } from './team-context';

/** The configured teams, and which of them a caller may use. */
@Injectable()
export class TeamRegistry {
  private readonly teams: ReadonlyMap<string, TeamContext>;

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    this.teams = new Map(
      Object.entries(config.teams).map(([key, team]) => [key, teamContextOf(key, team)]),
    );
  }

  /**
   * The team, if it exists and the caller may use it. Unknown and forbidden teams get the same
   * 404, so a caller cannot learn which teams exist.
   */
  resolveFor(caller: Caller, key: string): TeamContext {
    const team =
      TEAM_KEY_PATTERN.test(key) && caller.teams.has(key) ? this.teams.get(key) : undefined;
    if (!team) throw ProblemError.of('team-not-found', `Team "${key}" was not found.`);
    return team;
  }

  listFor(caller: Caller): TeamContext[] {
    return [...this.teams.values()].filter((team) => caller.teams.has(team.key));
  }
}
