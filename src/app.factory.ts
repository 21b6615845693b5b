import { randomUUID } from 'node:crypto';
import { VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { LogController } from 'fastify';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module';
import { answerClientError } from './common/client-error';
import { corsOptionsFor } from './common/cors-options';
import { answerFrameworkError } from './common/framework-problems';
import { registerJsonBodyParser } from './common/json-body-parser';
import { registerMethodNotAllowed } from './common/method-not-allowed';
import { registerHostRequirement } from './common/required-host';
import { registerRequestContext } from './common/request-context';
import { ProblemFilter } from './common/problem.filter';
import { ShutdownState } from './health/shutdown-state';
import type { GatewayConfig } from './config/gateway-config.schema';
import { registerAccessLog } from './logging/access-log';
import { withWiringAtDebug } from './logging/framework-wiring';
import { createGatewayLogger } from './logging/gateway-logger';
import { GatewayMetrics } from './metrics/gateway-metrics';
import { registerRequestMetrics } from './metrics/request-metrics';
import { createOpenApiDocument } from './openapi/openapi-document';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const TIMEOUT_CHECK_INTERVAL_MS = 500;

export interface GatewayAppOptions {
  /** Where log lines go instead of stdout (tests capture them). */
  logDestination?: DestinationStream;
}

/** Builds the gateway (not yet listening): used by main.ts and by the e2e tests alike. */
export async function createGatewayApp(
  config: GatewayConfig,
  options: GatewayAppOptions = {},
): Promise<NestFastifyApplication> {
  const logger = createGatewayLogger(config.logging, options.logDestination);
  const { server } = config;
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    logController: new LogController({
      disableRequestLogging: true,
      requestIdLogLabel: 'requestId',
    }),
    bodyLimit: server.bodyLimitBytes,
    requestTimeout: server.requestTimeoutMs,
    keepAliveTimeout: server.keepAliveTimeoutMs,
    http: {
      // Node checks headersTimeout <= requestTimeout when it builds the server, before Fastify
      // applies its own requestTimeout: both are given here.
      requestTimeout: server.requestTimeoutMs,
      headersTimeout: Math.min(server.headersTimeoutMs, server.requestTimeoutMs),
      // Node checks both timeouts only this often (default 30 s, which let a 10 s timeout run ~16 s).
      connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
      // A missing Host is refused as a problem (required-host.ts), not with Node's empty 400.
      requireHostHeader: false,
    },
    clientErrorHandler: answerClientError,
    frameworkErrors: answerFrameworkError,
    // Fastify's default ('idle') closes every connection on close, in-flight requests included;
    // without it Node's server.close() closes idle sockets and waits for the busy ones.
    forceCloseConnections: false,
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forConfig(config, logger),
    adapter,
    // The body parsers are the gateway's own (json-body-parser.ts).
    { bufferLogs: true, bodyParser: false },
  );
  app.useLogger(withWiringAtDebug(app.get(Logger)));
  if (config.cors) app.enableCors(corsOptionsFor(config.cors));
  app.enableVersioning({ type: VersioningType.URI });
  app.useGlobalFilters(new ProblemFilter());
  const fastify = app.getHttpAdapter().getInstance();
  registerRequestContext(fastify);
  registerHostRequirement(fastify);
  registerJsonBodyParser(fastify, server.jsonDepthLimit);
  registerMethodNotAllowed(fastify);
  const shutdown = app.get(ShutdownState);
  fastify.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-request-id', request.id);
    // While draining, every answer closes its connection, so clients reconnect to another instance
    // and close() is not held up by keep-alive sockets.
    if (shutdown.isShuttingDown) void reply.header('connection', 'close');
    done(null, payload);
  });
  registerAccessLog(fastify);
  registerRequestMetrics(fastify, app.get(GatewayMetrics));
  if (config.docs.enabled) setupSwagger(app, config);
  return app;
}

function setupSwagger(app: NestFastifyApplication, config: GatewayConfig): void {
  SwaggerModule.setup('docs', app, createOpenApiDocument(app, config), {
    jsonDocumentUrl: 'docs-json',
    swaggerOptions: { persistAuthorization: true },
  });
}
