import 'reflect-metadata';
import { HttpModule, HttpService } from '@nestjs/axios';
import { Body, Controller, Module, Param, Post, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { firstValueFrom } from 'rxjs';
import { InstallApplicationRequest } from '../src/applications/dto/install-application.dto';
import type { MarketInstall } from '../src/rainbond/rainbond.wire';
import { toInstallBody, toInstallQuery } from '../src/rainbond/rainbond.mapper';
import { BENCH_RAINBOND, BENCH_SECRETS } from './lib/gateway-setup';

/**
 * The peer: the install route as a team first writes it by hand in NestJS. NestJS on its default
 * Express platform, HttpService with axios's default (node:http) adapter, a global ValidationPipe
 * over the gateway's class-validator DTO of the same body, and the gateway's mapping to the wire
 * body (toInstallBody / toInstallQuery). It then does the upstream work the gateway does for this
 * route: POST …/apps/{id}/install, then GET …/apps/{ID} to read the installed app back, and answers
 * both bodies as they came. Nothing else: no auth, rate limit, idempotency, resilience, upstream
 * body check, logging or metrics, and the team is fixed (the bench's `acme`).
 *
 * Env: PORT, UPSTREAM_ORIGIN.
 */
@Controller('v1/teams/:team/applications')
class InstallController {
  constructor(private readonly http: HttpService) {}

  @Post(':id/install')
  async install(
    @Param('id') id: string,
    @Body() request: InstallApplicationRequest,
  ): Promise<unknown> {
    const [, region, appId] = id.split(':');
    const apps = `/openapi/v1/teams/${BENCH_RAINBOND.teamName}/regions/${encodeURIComponent(region)}/apps`;
    const headers = { authorization: BENCH_SECRETS.BENCH_RAINBOND_TOKEN };
    const installed = await firstValueFrom(
      this.http.post<MarketInstall>(
        `${apps}/${encodeURIComponent(appId)}/install`,
        toInstallBody(request),
        {
          headers,
          params: toInstallQuery(request),
        },
      ),
    );
    const app = await firstValueFrom(
      this.http.get<unknown>(`${apps}/${installed.data.ID}`, { headers }),
    );
    return { ...installed.data, app: app.data };
  }
}

@Module({
  imports: [HttpModule.register({ baseURL: process.env.UPSTREAM_ORIGIN })],
  controllers: [InstallController],
})
class PeerModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(PeerModule, { logger: false });
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }),
  );
  await app.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
}

process.once('SIGTERM', () => process.exit(0));
void main();
