import {
  applyDecorators,
  Body,
  Controller,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { UPSTREAM_PROBLEMS } from '../common/api-problem-responses.decorator';
import type { ProblemSlug } from '../common/problem';
import { ProblemError } from '../common/problem';
import { MonitorLinksInterceptor } from '../progress/monitor-links.interceptor';
import type { TeamContext } from '../teams/team-context';
import { ChecksCopyTarget } from '../teams/team-credentials.guard';
import { CurrentTeam, ResolvedCopyTarget } from '../teams/team.decorators';
import type { CopyTarget } from './application-provider.port';
import {
  APP_CENTER_APPLICATION_EXAMPLE,
  APP_WAREHOUSE_APPLICATION_EXAMPLE,
  COPY_EXAMPLE,
  RAINBOND_APPLICATION_EXAMPLE,
  INSTALL_EXAMPLE,
  PUBLISH_EXAMPLES,
  UPGRADE_EXAMPLE,
} from './applications.examples';
import {
  ApplicationsService,
  PublishApplicationPipe,
  type PublishCommand,
} from './applications.service';
import { ApplicationParams, TeamParams, ViewQuery } from './dto/application-params.dto';
import { CopyApplicationRequest } from './dto/copy-application.dto';
import { InstallApplicationRequest } from './dto/install-application.dto';
import { UpgradeApplicationRequest } from './dto/upgrade-application.dto';
import { Application } from './models/application.model';
import { REGISTERED_PROVIDERS } from './registered-providers';
import { ApplicationWriteRoute, GatewayApi, TeamWriteRoute } from './route-kinds.decorators';

/** The publish bodies of the registered providers, in the order the document lists them. */
const PUBLISH_REQUESTS = REGISTERED_PROVIDERS.flatMap((entry) => entry.publishRequests ?? []);

/** Install, copy and upgrade: a write on one app that answers the application as GET shows it. */
function AppOperationRoute(...problems: ProblemSlug[]): MethodDecorator {
  return applyDecorators(
    ApiOkResponse({ type: Application, example: RAINBOND_APPLICATION_EXAMPLE }),
    ApplicationWriteRoute(UPSTREAM_PROBLEMS, 'application-not-found', ...problems),
    HttpCode(200),
  );
}

@GatewayApi('applications')
@ApiExtraModels(...PUBLISH_REQUESTS)
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
  @TeamWriteRoute(UPSTREAM_PROBLEMS, 'conflict')
  @ApiBody({
    schema: {
      oneOf: PUBLISH_REQUESTS.map((request) => ({ $ref: getSchemaPath(request) })),
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
  async publish(
    @Param() _params: TeamParams,
    @CurrentTeam() team: TeamContext,
    @Body(PublishApplicationPipe) request: PublishCommand,
    @Query() query: ViewQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Application> {
    const published = await this.applications.publish(team, request, query.view ?? 'summary');
    void reply.header('location', applicationUrl(team.key, published.id));
    return published;
  }

  @Post(':id/install')
  @ApiOperation({
    operationId: 'installApplication',
    summary: 'Install a market app model into a Rainbond app',
    description:
      'Rainbond installs the app model version from the given market into the existing app (`deploy: true` also builds and starts it). The answer is the application as `GET …/applications/{id}` shows it, with every component now in the app.',
  })
  @AppOperationRoute('app-model-not-found', 'app-model-version-not-found')
  @ApiBody({ type: InstallApplicationRequest, examples: { nginxDemo: INSTALL_EXAMPLE } })
  install(
    @Param() params: ApplicationParams,
    @CurrentTeam() team: TeamContext,
    @Body() request: InstallApplicationRequest,
    @Query() query: ViewQuery,
  ): Promise<Application> {
    return this.applications.install(team, params.id, request, query.view ?? 'summary');
  }

  @Post(':id/copy')
  @ChecksCopyTarget()
  @ApiOperation({
    operationId: 'copyApplication',
    summary: "Copy a Rainbond app's components into another team's app",
    description:
      'The target team must be one this caller may use; an empty or omitted `components` copies them all. The answer is the target application as `GET …/applications/{id}` shows it, with the components the copy created.',
  })
  @AppOperationRoute()
  @ApiBody({ type: CopyApplicationRequest, examples: { toGlobex: COPY_EXAMPLE } })
  copy(
    @Param() params: ApplicationParams,
    @CurrentTeam() team: TeamContext,
    @ResolvedCopyTarget() target: CopyTarget | undefined,
    @Body() request: CopyApplicationRequest,
    @Query() query: ViewQuery,
  ): Promise<Application> {
    // the guard resolves every target that passes validation; this is only the type's other case
    if (!target) throw ProblemError.invalidField('target.team', 'must be a team key');
    return this.applications.copy(team, params.id, target, request, query.view ?? 'summary');
  }

  @Post(':id/upgrade')
  @ApiOperation({
    operationId: 'upgradeApplication',
    summary: 'Upgrade a Rainbond app to given app model versions',
    description:
      'Each entry moves one installed app model to a version; `GET …/upgrades` lists the versions accepted. The answer is the application as `GET …/applications/{id}` shows it, with `rainbond.appModels` as Rainbond reads them after the upgrade.',
  })
  @AppOperationRoute('app-model-not-found', 'app-model-version-not-found')
  @ApiBody({ type: UpgradeApplicationRequest, examples: { nginxDemo: UPGRADE_EXAMPLE } })
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
