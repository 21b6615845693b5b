import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApplicationRef } from '../applications/application-id';
import { GATEWAY_CONFIG } from '../config/config.tokens';
import type { GatewayConfig } from '../config/gateway-config.schema';
import { GatewayMetrics } from '../metrics/gateway-metrics';
import type { TeamContext } from '../teams/team-context';
import { ProgressHub } from './progress-hub';
import { ProgressStream, type StreamTiming } from './progress-stream';

const RETRY_MS = 2_000;

/** Opens event streams on the hub and ends them all before the server closes. */
@Injectable()
export class ProgressStreams implements BeforeApplicationShutdown {
  private readonly live = new Set<ProgressStream>();
  private readonly timing: StreamTiming;

  constructor(
    private readonly hub: ProgressHub,
    private readonly metrics: GatewayMetrics,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
  ) {
    this.timing = {
      heartbeatMs: config.progress.heartbeatSeconds * 1000,
      maxDurationMs: config.progress.maxStreamSeconds * 1000,
      retryMs: RETRY_MS,
    };
  }

  /**
   * Subscribes, waits for the first state (a missing application is a 404 problem, answered as
   * usual), then takes the reply over and streams.
   */
  async open(
    team: TeamContext,
    app: ApplicationRef,
    lastEventId: string | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<void> {
    const stream = new ProgressStream(this.timing, lastEventId);
    const subscription = this.hub.subscribe(team, app, (snapshot) => stream.offer(snapshot));
    try {
      await subscription.first;
    } catch (error) {
      subscription.close();
      throw error;
    }
    this.live.add(stream);
    this.metrics.changeProgressStreams(1);
    stream.onClose(() => {
      subscription.close();
      this.live.delete(stream);
      this.metrics.changeProgressStreams(-1);
    });
    reply.hijack();
    const headers: Record<string, string> = { 'x-request-id': String(request.id) };
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined) headers[name] = String(value);
    }
    stream.start(reply.raw, headers);
  }

  beforeApplicationShutdown(): void {
    for (const stream of [...this.live]) stream.end('the gateway is shutting down; reconnect');
  }
}
