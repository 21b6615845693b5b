import { Controller, Get, Headers, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Caller } from '../../auth/caller';
import { CurrentCaller } from '../../auth/current-caller.decorator';
import { UPSTREAM_PROBLEMS } from '../../common/api-problem-responses.decorator';
import { NoQueryPipe } from '../../common/no-query.pipe';
import { GATEWAY_CONFIG } from '../../config/config.tokens';
import type { GatewayConfig } from '../../config/gateway-config.schema';
import type { TeamContext } from '../../teams/team-context';
import { CurrentTeam } from '../../teams/team.decorators';
import { APPLICATION_PAGE_EXAMPLE, RAINBOND_APPLICATION_EXAMPLE } from '../applications.examples';
import { withView } from '../applications.service';
import { ApplicationParams, TeamParams, ViewQuery } from '../dto/application-params.dto';
import { ListApplicationsQuery } from '../dto/list-applications.dto';
import { ApplicationPage, CatalogList } from '../models/application-page.model';
import { Application } from '../models/application.model';
import { UpgradeResult } from '../models/upgrade-option.model';
import { ApplicationReadsService, type Reader } from './application-reads.service';
import { answerCacheable } from './conditional-get';
import { ApplicationReadRoute, GatewayApi, TeamReadRoute } from '../route-kinds.decorators';

/** Reads for front-ends: each answers with an ETag and honours If-None-Match. */
@GatewayApi('applications')
@Controller({ path: 'teams/:team', version: '1' })
export class ApplicationReadsController {
  private readonly maxAge: number;

  constructor(
    private readonly reads: ApplicationReadsService,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
  ) {
    this.maxAge = config.reads.cacheTtlSeconds;
  }

  @Get('applications')
  @ApiOperation({
    operationId: 'listApplications',
    summary: "The team's applications across Rainbond, App Center and App Warehouse",
    description:
      "Merged in a stable order: Rainbond regions (in the team's configured order, by app id), then the App Center, then the App Warehouse. " +
      'Every `createdAt`/`updatedAt` is UTC with milliseconds, so items of all providers sort by time as plain strings. ' +
      'Page with `nextCursor`. When a provider fails the others still answer: `partial: true` with one `errors[]` entry per failed source.',
  })
  @TeamReadRoute()
  @ApiOkResponse({ type: ApplicationPage, example: APPLICATION_PAGE_EXAMPLE })
  async list(
    @Param() _params: TeamParams,
    @CurrentCaller() caller: Caller,
    @CurrentTeam() team: TeamContext,
    @Query() query: ListApplicationsQuery,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ApplicationPage | undefined> {
    const page = await this.reads.list(reader(caller, team), query);
    const view = query.view ?? 'summary';
    const body = { ...page, items: page.items.map((item) => withView(item, view)) };
    return answerCacheable(reply, ifNoneMatch, body, page.partial ? 0 : this.maxAge);
  }

  @Get('applications/:id')
  @ApiOperation({
    operationId: 'getApplication',
    summary: 'One application (with its components for Rainbond)',
    description:
      'Rainbond: the app and its components. App Center (no get-one upstream): found by paging its list. App Warehouse: its list filtered by `app_id`. 404 when the team cannot see it.',
  })
  @ApplicationReadRoute(UPSTREAM_PROBLEMS, 'application-not-found')
  @ApiOkResponse({ type: Application, example: RAINBOND_APPLICATION_EXAMPLE })
  async get(
    @Param() params: ApplicationParams,
    @CurrentCaller() caller: Caller,
    @CurrentTeam() team: TeamContext,
    @Query() query: ViewQuery,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Application | undefined> {
    const app = await this.reads.get(reader(caller, team), params.id);
    return answerCacheable(reply, ifNoneMatch, withView(app, query.view ?? 'summary'), this.maxAge);
  }

  @Get('applications/:id/upgrades')
  @ApiOperation({
    operationId: 'listUpgradeOptions',
    summary: 'The versions a Rainbond application can be upgraded to',
    description:
      'One entry per app model installed in the app; `upgradeVersions` are what `upgrade` accepts.',
  })
  @ApplicationReadRoute(UPSTREAM_PROBLEMS, 'application-not-found')
  @ApiOkResponse({ type: UpgradeResult })
  async upgrades(
    @Param() params: ApplicationParams,
    @CurrentCaller() caller: Caller,
    @CurrentTeam() team: TeamContext,
    @Query() query: ViewQuery,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UpgradeResult | undefined> {
    const options = await this.reads.upgradeOptions(reader(caller, team), params.id);
    return answerCacheable(
      reply,
      ifNoneMatch,
      withView(options, query.view ?? 'summary'),
      this.maxAge,
    );
  }

  @Get('catalogs')
  @ApiOperation({
    operationId: 'listCatalogs',
    summary: 'App Center catalogs and App Warehouse categories, for publish forms',
    description:
      '`id` is what a publish request sends as App Center `catalogId` or warehouse `category`. The warehouse categories are a fixed enum; when the App Center fails the answer is partial.',
  })
  @TeamReadRoute()
  @ApiOkResponse({ type: CatalogList })
  async catalogs(
    @Param() _params: TeamParams,
    @Query(NoQueryPipe) _query: undefined,
    @CurrentCaller() caller: Caller,
    @CurrentTeam() team: TeamContext,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CatalogList | undefined> {
    const list = await this.reads.catalogs(reader(caller, team));
    return answerCacheable(reply, ifNoneMatch, list, list.partial ? 0 : this.maxAge);
  }
}

function reader(caller: Caller, team: TeamContext): Reader {
  return { caller: caller.name, team };
}
