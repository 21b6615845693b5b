import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { ProviderDefinition } from '../applications/provider-definition';
import { PROVIDER_DEFINITIONS } from '../applications/registered-providers';
import { GatewayApi } from '../applications/route-kinds.decorators';
import type { Caller } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { ApiProblemResponses, ROUTE_PROBLEMS } from '../common/api-problem-responses.decorator';
import { NoQueryPipe } from '../common/no-query.pipe';
import type { TeamContext } from './team-context';
import { TeamRegistry } from './team-registry.service';
import { TeamList, type TeamSummary } from './team-summary.model';

@GatewayApi('teams')
@Controller({ path: 'teams', version: '1' })
export class TeamsController {
  constructor(private readonly teams: TeamRegistry) {}

  @Get()
  @ApiOperation({
    operationId: 'listTeams',
    summary: 'Teams this caller may use',
    description:
      'The gateway teams this caller may name in `{team}`, with the platforms each has an account on. No upstream call.',
  })
  @ApiOkResponse({ type: TeamList })
  @ApiProblemResponses(ROUTE_PROBLEMS)
  list(@Query(NoQueryPipe) _query: undefined, @CurrentCaller() caller: Caller): TeamList {
    return { items: this.teams.listFor(caller).map(toSummary) };
  }
}

/** The team's providers, and what each account adds, in the order of the registration list. */
function toSummary(team: TeamContext): TeamSummary {
  const accounts: Readonly<Record<string, unknown>> = team;
  const summary: TeamSummary = { key: team.key, displayName: team.displayName, providers: [] };
  for (const definition of PROVIDER_DEFINITIONS) {
    const account = accounts[definition.account.key];
    if (account === undefined) continue;
    summary.providers.push(...definition.ids.map((grammar) => grammar.provider));
    const provider: ProviderDefinition = definition;
    Object.assign(summary, provider.account.summary?.(account));
  }
  return summary;
}
