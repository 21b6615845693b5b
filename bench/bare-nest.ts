import 'reflect-metadata';
import { Body, Controller, Module, Param, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Pool } from 'undici';

/**
 * A second baseline: the framework floor. NestJS on Fastify with one route that forwards the body
 * to the upstream's install endpoint over an undici Pool and returns the parsed answer. No guards,
 * pipes, interceptors, logging, metrics or resilience: the gap between this and the raw proxy is
 * NestJS itself; the gap between this and the gateway is what the gateway does per request.
 *
 * Env: PORT, UPSTREAM_ORIGIN.
 */
const upstream = new Pool(process.env.UPSTREAM_ORIGIN!, { connections: 64, pipelining: 1 });

@Controller()
class ForwardController {
  @Post('openapi/v1/teams/:team/regions/:region/apps/:app/install')
  async install(
    @Param('team') team: string,
    @Param('region') region: string,
    @Param('app') app: string,
    @Body() body: unknown,
  ): Promise<unknown> {
    const answer = await upstream.request({
      method: 'POST',
      path: `/openapi/v1/teams/${encodeURIComponent(team)}/regions/${encodeURIComponent(region)}/apps/${encodeURIComponent(app)}/install`,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return answer.body.json();
  }
}

@Module({ controllers: [ForwardController] })
class BareModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(BareModule, new FastifyAdapter(), {
    logger: false,
  });
  await app.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
}

process.once('SIGTERM', () => process.exit(0));
void main();
