import {
  Body,
  Controller,
  HttpCode,
  Param,
  Post,
  Query,
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
import { ApiProblemResponses } from '../common/api-problem-responses.decorator';
import { ProblemError } from '../common/problem';
import { ApiIdempotencyKey } from '../idempotency/api-idempotency-key.decorator';
import { MonitorLinksInterceptor } from '../progress/monitor-links.interceptor';
import type { TeamContext } from '../teams/team-context';
import { ChecksCopyTarget, TeamCredentialsGuard } from '../teams/team-credentials.guard';
import { CopyTargetTeam, CurrentTeam } from '../teams/team.decorators';
import { APPLICATION_ID_DESCRIPTION } from './application-id';
import type { PublishApplicationRequest } from './application-provider.port';
import {
  COPY_EXAMPLE,
  INSTALL_EXAMPLE,
  PUBLISH_EXAMPLES,
  RAINBOND_ID_EXAMPLE,
  TEAM_PARAM_EXAMPLE,
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
import { CopyResult } from './models/copy-result.model';
import { UpgradeResult } from './models/upgrade-option.model';
import { PublishApplicationPipe } from './publish-application.pipe';

const TEAM_PARAM = ApiParam({
  name: 'team',
  description: 'Gateway team key',
  example: TEAM_PARAM_EXAMPLE,
});
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
  @ApiCreatedResponse({ type: Application })
  @ApiProblemResponses(400, 401, 404, 502, 503, 504)
  @ApiIdempotencyKey()
  publish(
    @Param() _params: TeamParams,
    @CurrentTeam() team: TeamContext,
    @Body(PublishApplicationPipe) request: PublishApplicationRequest,
    @Query() query: ViewQuery,
  ): Promise<Application> {
    return this.applications.publish(team, request, query.view ?? 'summary');
  }

  @Post(':id/install')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'installApplication',
    summary: 'Install a market app model into a Rainbond app',
    description:
      'Rainbond installs the app model version from the given market into the existing app (`deploy: true` also builds and starts it). The answer lists every component now in the app.',
  })
  @TEAM_PARAM
  @RAINBOND_ID_PARAM
  @ApiBody({ type: InstallApplicationRequest, examples: { nginxDemo: INSTALL_EXAMPLE } })
  @ApiOkResponse({ type: Application })
  @ApiProblemResponses(400, 401, 404, 409, 502, 503, 504)
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
      'The target team must be one this caller may use; an empty or omitted `components` copies them all.',
  })
  @TEAM_PARAM
  @RAINBOND_ID_PARAM
  @ApiBody({ type: CopyApplicationRequest, examples: { toGlobex: COPY_EXAMPLE } })
  @ApiOkResponse({ type: CopyResult })
  @ApiProblemResponses(400, 401, 404, 409, 502, 503, 504)
  @ApiIdempotencyKey()
  copy(
    @Param() params: ApplicationParams,
    @CurrentTeam() team: TeamContext,
    @CopyTargetTeam() targetTeam: TeamContext | undefined,
    @Body() request: CopyApplicationRequest,
    @Query() query: ViewQuery,
  ): Promise<CopyResult> {
    if (!targetTeam) throw ProblemError.invalidField('target.team', 'must be a team key');
    return this.applications.copy(team, params.id, targetTeam, request, query.view ?? 'summary');
  }

  @Post(':id/upgrade')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'upgradeApplication',
    summary: 'Upgrade a Rainbond app to given app model versions',
    description:
      'Each entry moves one installed app model to a version; `GET …/upgrades` lists the versions accepted. The answer is the app models as Rainbond reads them after the upgrade.',
  })
  @TEAM_PARAM
  @RAINBOND_ID_PARAM
  @ApiBody({ type: UpgradeApplicationRequest, examples: { nginxDemo: UPGRADE_EXAMPLE } })
  @ApiOkResponse({ type: UpgradeResult })
  @ApiProblemResponses(400, 401, 404, 409, 502, 503, 504)
  @ApiIdempotencyKey()
  upgrade(
    @Param() params: ApplicationParams,
    @CurrentTeam() team: TeamContext,
    @Body() request: UpgradeApplicationRequest,
    @Query() query: ViewQuery,
  ): Promise<UpgradeResult> {
    return this.applications.upgrade(team, params.id, request, query.view ?? 'summary');
  }
}
