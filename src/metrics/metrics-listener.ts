import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPE_BASE } from '../common/problem';
import { GATEWAY_CONFIG } from '../config/config.tokens';
import type { GatewayConfig } from '../config/gateway-config.schema';
import { GatewayMetrics } from './gateway-metrics';

const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/**
 * /metrics on a port of its own (`metrics.port`), so the API port can be published without the
 * scrape endpoint, which needs no API key. It serves nothing else; every other answer is a problem.
 */
@Injectable()
export class MetricsListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsListener.name);
  private readonly server: Server = createServer((request, response) => {
    void this.answer(request, response);
  });

  constructor(
    private readonly metrics: GatewayMetrics,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** The port it listens on (the configured one, or the one the system chose for port 0). */
  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { host, port } = this.config.metrics;
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject).listen(port, host, () => resolve());
    });
    this.logger.log(`metrics: http://${host}:${this.port}/metrics`);
  }

  onApplicationShutdown(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '/').split('?')[0];
    if (path !== '/metrics') {
      return problem(
        response,
        404,
        'not-found',
        'Not found',
        'This port serves GET /metrics only.',
      );
    }
    if (request.method !== 'GET') {
      response.setHeader('allow', 'GET');
      return problem(response, 405, 'method-not-allowed', 'Method not allowed', 'Use GET.');
    }
    const text = await this.metrics.registry.metrics();
    response.writeHead(200, { 'content-type': METRICS_CONTENT_TYPE }).end(text);
  }
}

function problem(
  response: ServerResponse,
  status: number,
  slug: string,
  title: string,
  detail: string,
): void {
  const body = { type: `${PROBLEM_TYPE_BASE}${slug}`, title, status, detail };
  response.writeHead(status, { 'content-type': PROBLEM_CONTENT_TYPE }).end(JSON.stringify(body));
}
