import {
  Body,
  Controller,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  ApiProblemResponses,
  BODY_PROBLEMS,
  TEAM_ROUTE_PROBLEMS,
  UPSTREAM_PROBLEMS,
} from '../common/api-problem-responses.decorator';
import { ProblemError } from '../common/problem';
import { ApiIdempotencyKey } from '../idempotency/api-idempotency-key.decorator';
import { MonitorLinksInterceptor } from '../progress/monitor-links.interceptor';
import type { TeamContext } from '../teams/team-context';
import { ChecksCopyTarget, TeamCredentialsGuard } from '../teams/team-credentials.guard';
import { CopyTargetTeam, CurrentTeam } from '../teams/team.decorators';
import { APPLICATION_ID_DESCRIPTION } from './application-id';
import type { PublishApplicationRequest } from './application-provider.port';
import {
  APP_CENTER_APPLICATION_EXAMPLE,
  APP_WAREHOUSE_APPLICATION_EXAMPLE,
  COPY_EXAMPLE,
  RAINBOND_APPLICATION_EXAMPLE,
  INSTALL_EXAMPLE,
  PUBLISH_EXAMPLES,
  RAINBOND_ID_EXAMPLE,
  UPGRADE_EXAMPLE,
} from './applications.examples';
import { ApplicationsService } from './applications.service';
import { ApplicationParams, TeamParams, ViewQuery } from './dto/application-params.dto';
import { CopyApplicationRequest } from './dto/copy-application.dto';
import { InstallApplicationRequest } from './dto/install-application.dto';
import { PublishAppCenterRequest } from './dto/publish-app-center.dto';
import { PublishAppWarehouseRequest } from './dto/publish-app-warehouse.dto';
import { UpgradeApplicationRequest } from './dto/upgrade-application.dto';
import { Application } from './models/application.model';
import { PublishApplicationPipe } from './publish-application.pipe';
import { TEAM_PARAM } from './application-route-params';

/** Install, copy and upgrade answer the application as GET shows it. */
const APPLICATION_ANSWER = ApiOkResponse({
  type: Application,
  example: RAINBOND_APPLICATION_EXAMPLE,
});
/** Install and upgrade name an app model and its version in some market. */
const APP_MODEL_WRITE_PROBLEMS = ApiProblemResponses(
  TEAM_ROUTE_PROBLEMS,
  BODY_PROBLEMS,
  UPSTREAM_PROBLEMS,
  'application-not-found',
  'app-model-not-found',
  'app-model-version-not-found',
);
const RAINBOND_ID_PARAM = ApiParam({
  name: 'id',
  description: APPLICATION_ID_DESCRIPTION,
  example: RAINBOND_ID_EXAMPLE,
});

@ApiTags('applications')
@ApiBearerAuth('api-key')
@ApiBearerAuth('oidc')
@ApiExtraModels(PublishAppCenterRequest, PublishAppWarehouseRequest)
@UseGuards(TeamCredentialsGuard)
@UseInterceptors(MonitorLinksInterceptor)
@Controller({ path: 'teams/:team/applications', version: '1' })
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Post()
  @ApiOperation({
    operationId: 'publishApplication',
    summary: 'Publish an application to a Workspace catalog',
    description:
      '`provider` picks the catalog: `app-center` (Workspace UploadApp) or `app-warehouse` (WorkspaceApp CreateWarehouseApp).',
  })
  @TEAM_PARAM
  @ApiBody({
    schema: {
      oneOf: [
        { $ref: getSchemaPath(PublishAppCenterRequest) },
        { $ref: getSchemaPath(PublishAppWarehouseRequest) },
      ],
      discriminator: { propertyName: 'provider' },
    },
    examples: PUBLISH_EXAMPLES,
  })
  @ApiCreatedResponse({
    type: Application,
    examples: {
      appCenter: { summary: 'Published to the App Center', value: APP_CENTER_APPLICATION_EXAMPLE },
      appWarehouse: {
        summary: 'Added to the App Warehouse',
        value: APP_WAREHOUSE_APPLICATION_EXAMPLE,
      },
    },
    description: 'Published; `Location` is the URL of the new application',
    headers: {
      Location: {
        description: 'URL of the new application (`GET` answers the same shape)',
        schema: { type: 'string', example: '/v1/teams/acme/applications/app-center:x-xx-xxx' },
      },
    },
  })
  @ApiProblemResponses(TEAM_ROUTE_PROBLEMS, BODY_PROBLEMS, UPSTREAM_PROBLEMS, 'conflict')
  @ApiIdempotencyKey()
  async publish(
    @Param() _params: TeamParams,
    @CurrentTeam() team: TeamContext,
    @Body(PublishApplicationPipe) request: PublishApplicationRequest,
    @Query() query: ViewQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Application> {
    const published = await this.applications.publish(team, request, query.view ?? 'summary');
    void reply.header('location', applicationUrl(team.key, published.id));
    return published;
  }

  @Post(':id/install')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'installApplication',
    summary: 'Install a market app model into a Rainbond app',
    description:
      'Rainbond installs the app model version from the given market into the existing app (`deploy: true` also builds and starts it). The answer is the application as `GET …/applications/{id}` shows it, with every component now in the app.',
  })
  @TEAM_PARAM
  @RAINBOND_ID_PARAM
  @ApiBody({ type: InstallApplicationRequest, examples: { nginxDemo: INSTALL_EXAMPLE } })
  @APPLICATION_ANSWER
  @APP_MODEL_WRITE_PROBLEMS
  @ApiIdempotencyKey()
  install(
    @Param() params: ApplicationParams,
    @CurrentTeam() team: TeamContext,
    @Body() request: InstallApplicationRequest,
    @Query() query: ViewQuery,
  ): Promise<Application> {
    return this.applications.install(team, params.id, request, query.view ?? 'summary');
  }

  @Post(':id/copy')
  @HttpCode(200)
  @ChecksCopyTarget()
  @ApiOperation({
    operationId: 'copyApplication',
    summary: "Copy a Rainbond app's components into another team's app",
    description:
      'The target team must be one this caller may use; an empty or omitted `components` copies them all. The answer is the target application as `GET …/applications/{id}` shows it, with the components the copy created.',
  })
  @TEAM_PARAM
  @RAINBOND_ID_PARAM
  @ApiBody({ type: CopyApplicationRequest, examples: { toGlobex: COPY_EXAMPLE } })
  @APPLICATION_ANSWER
  @ApiProblemResponses(
    TEAM_ROUTE_PROBLEMS,
    BODY_PROBLEMS,
    UPSTREAM_PROBLEMS,
    'application-not-found',
  )
  @ApiIdempotencyKey()
  copy(
    @Param() params: ApplicationParams,
    @CurrentTeam() team: TeamContext,
    @CopyTargetTeam() targetTeam: TeamContext | undefined,
    @Body() request: CopyApplicationRequest,
    @Query() query: ViewQuery,
  ): Promise<Application> {
    if (!targetTeam) throw ProblemError.invalidField('target.team', 'must be a team key');
    return this.applications.copy(team, params.id, targetTeam, request, query.view ?? 'summary');
  }

  @Post(':id/upgrade')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'upgradeApplication',
    summary: 'Upgrade a Rainbond app to given app model versions',
    description:
      'Each entry moves one installed app model to a version; `GET …/upgrades` lists the versions accepted. The answer is the application as `GET …/applications/{id}` shows it, with `rainbond.appModels` as Rainbond reads them after the upgrade.',
  })
  @TEAM_PARAM
  @RAINBOND_ID_PARAM
  @ApiBody({ type: UpgradeApplicationRequest, examples: { nginxDemo: UPGRADE_EXAMPLE } })
  @APPLICATION_ANSWER
  @APP_MODEL_WRITE_PROBLEMS
  @ApiIdempotencyKey()
  upgrade(
    @Param() params: ApplicationParams,
    @CurrentTeam() team: TeamContext,
    @Body() request: UpgradeApplicationRequest,
    @Query() query: ViewQuery,
  ): Promise<Application> {
    return this.applications.upgrade(team, params.id, request, query.view ?? 'summary');
  }
}

/** The public URL of an application: what `GET …/applications/{id}` answers. */
function applicationUrl(team: string, id: string): string {
  return `/v1/teams/${encodeURIComponent(team)}/applications/${encodeURIComponent(id).replace(/%3A/g, ':')}`;
}
