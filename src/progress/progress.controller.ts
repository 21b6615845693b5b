import { ProviderRegistry } from '../applications/application-provider.port';
import { Controller, Get, Headers, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parseApplicationId } from '../applications/application-id';
import { ApplicationParams } from '../applications/dto/application-params.dto';
import type { Caller } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { UPSTREAM_PROBLEMS } from '../common/api-problem-responses.decorator';
import type { TeamContext } from '../teams/team-context';
import { CurrentTeam } from '../teams/team.decorators';
import { EventsQuery } from './events-query.dto';
import { ApplicationProgress, StreamTicket } from './progress.model';
import { monitorLinks } from './progress-links';
import { ProgressStreams } from './progress-streams';
import { STREAM_TICKETS } from './progress.di-tokens';
import type { StreamTickets } from './stream-tickets';
import {
  ApplicationRoute,
  ApplicationWriteRoute,
  GatewayApi,
} from '../applications/route-kinds.decorators';

const EVENTS_DESCRIPTION = [
  'A `text/event-stream` of the application’s progress (the model of `…/status`):',
  '- `event: status` at once and on every change, `id:` the state’s id;',
  '- `event: settled` with the final state when nothing moves any more, then the stream ends;',
  '- `: heartbeat` comments while idle; the stream ends after `progress.maxStreamSeconds` (reconnect);',
  '- `Last-Event-ID` (or `lastEventId`) skips a state the client already has;',
  '- while the upstream cannot be read, `status` events carry `degraded`: the stream stays open.',
  '',
  'Authenticate with `Authorization` (fetch-based clients) or, for a browser `EventSource`, with a',
  '`ticket` from `POST …/events/tickets`. Never put an access token in the URL.',
].join('\n');

/** Progress of an application's asynchronous upstream work: one read, or a stream of changes. */
@GatewayApi('progress')
@ApiExtraModels(ApplicationProgress)
@Controller({ path: 'teams/:team/applications', version: '1' })
export class ProgressController {
  constructor(
    private readonly providers: ProviderRegistry,
    private readonly streams: ProgressStreams,
    @Inject(STREAM_TICKETS) private readonly tickets: StreamTickets,
  ) {}

  @Get(':id/status')
  @ApiOperation({
    operationId: 'getApplicationStatus',
    summary: 'Where the asynchronous work on an application stands',
    description:
      'Rainbond: app state, component counts, each component’s state and latest events. App Warehouse: verification. App Center: NORMAL / FORBIDDEN. `settled` says whether anything still moves.',
  })
  @ApplicationRoute(UPSTREAM_PROBLEMS, 'application-not-found')
  @ApiOkResponse({ type: ApplicationProgress })
  status(
    @Param() params: ApplicationParams,
    @CurrentTeam() team: TeamContext,
  ): Promise<ApplicationProgress> {
    const app = parseApplicationId(params.id);
    return this.providers.progressReader(app).progress(team, app);
  }

  @Get(':id/events')
  @ApiOperation({
    operationId: 'streamApplicationEvents',
    summary: 'Server-Sent Events of an application’s progress',
    description: EVENTS_DESCRIPTION,
  })
  @ApplicationRoute(UPSTREAM_PROBLEMS, 'application-not-found')
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'The `id:` of the last event received',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: 'The event stream; each event’s `data` is an ApplicationProgress',
    content: {
      'text/event-stream': {
        schema: { type: 'string' },
        example:
          'retry: 2000\n\nid: 3kq1…\nevent: status\ndata: {"applicationId":"rainbond:region-1:1","settled":false,…}\n\n',
      },
    },
  })
  async events(
    @Param() params: ApplicationParams,
    @CurrentTeam() team: TeamContext,
    @Query() query: EventsQuery,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const app = parseApplicationId(params.id);
    await this.streams.open(team, app, lastEventId ?? query.lastEventId, request, reply);
  }

  @Post(':id/events/tickets')
  @ApiOperation({
    operationId: 'createStreamTicket',
    summary: 'A short-lived ticket for a browser EventSource on this application’s events',
    description:
      'EventSource cannot send an Authorization header. The ticket goes in the events URL instead of a token: it opens this application’s events only, for `progress.ticketTtlSeconds`.',
  })
  @ApplicationWriteRoute('application-not-found')
  @ApiCreatedResponse({ type: StreamTicket })
  ticket(
    @Param() params: ApplicationParams,
    @CurrentCaller() caller: Caller,
    @CurrentTeam() team: TeamContext,
  ): StreamTicket {
    parseApplicationId(params.id);
    const issued = this.tickets.issue(caller, team.key, params.id);
    const { events } = monitorLinks(team.key, params.id);
    return { ...issued, url: `${events}?ticket=${issued.ticket}` };
  }
}
