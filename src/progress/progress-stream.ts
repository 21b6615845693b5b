import type { ServerResponse } from 'node:http';
import type { Snapshot } from './progress-bus';

export interface StreamTiming {
  heartbeatMs: number;
  maxDurationMs: number;
  /** What EventSource waits before it reconnects (`retry:`). */
  retryMs: number;
}

/**
 * One Server-Sent Events answer. It holds at most one unsent frame: a state that arrives while the
 * socket is still full replaces the one waiting, so a slow reader gets the latest state and the
 * gateway never queues a backlog. A `status` event per state; a settled state also gets a
 * `settled` event, then the stream ends. A state equal to `Last-Event-ID` is not sent again.
 */
export class ProgressStream {
  private response?: ServerResponse;
  private pending?: { frame: string; final: boolean };
  private blocked = false;
  private ended = false;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly closeListeners: (() => void)[] = [];

  constructor(
    private readonly timing: StreamTiming,
    private lastEventId: string | undefined,
  ) {}

  /** Called on every new state, also before start: the latest one waits for the socket. */
  offer(snapshot: Snapshot): void {
    if (this.ended || this.pending?.final) return;
    const settled = snapshot.progress.settled;
    if (snapshot.id === this.lastEventId && !settled) return;
    this.lastEventId = snapshot.id;
    const data = JSON.stringify(snapshot.progress);
    const frame =
      `id: ${snapshot.id}\nevent: status\ndata: ${data}\n\n` +
      (settled ? `id: ${snapshot.id}\nevent: settled\ndata: ${data}\n\n` : '');
    this.pending = { frame, final: settled };
    this.flush();
  }

  start(response: ServerResponse, headers: Record<string, string>): void {
    this.response = response;
    response.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-store',
      'x-accel-buffering': 'no',
    });
    response.write(`retry: ${this.timing.retryMs}\n\n`);
    response.on('drain', () => {
      this.blocked = false;
      this.flush();
    });
    response.on('close', () => this.finish());
    this.timers.push(
      setInterval(() => this.comment('heartbeat'), this.timing.heartbeatMs),
      setTimeout(
        () => this.end('maximum stream duration reached; reconnect with Last-Event-ID'),
        this.timing.maxDurationMs,
      ),
    );
    this.flush();
  }

  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  /** Ends the stream now (shutdown, maximum duration), with a comment saying why. */
  end(reason: string): void {
    if (this.ended || !this.response) return this.finish();
    this.response.end(`: ${reason}\n\n`);
    this.finish();
  }

  private comment(text: string): void {
    // a heartbeat is only for idle streams: a full socket needs none
    if (!this.blocked && this.response && !this.ended) this.response.write(`: ${text}\n\n`);
  }

  private flush(): void {
    if (!this.response || this.blocked || this.ended || !this.pending) return;
    const { frame, final } = this.pending;
    this.pending = undefined;
    if (final) {
      this.response.end(frame);
      this.finish();
      return;
    }
    this.blocked = !this.response.write(frame);
  }

  private finish(): void {
    if (this.ended) return;
    this.ended = true;
    this.pending = undefined;
    for (const timer of this.timers) clearTimeout(timer);
    for (const listener of this.closeListeners) listener();
  }
}
