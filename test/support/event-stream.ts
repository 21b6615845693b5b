import { Agent, fetch } from 'undici';
import type { GatewayConfig } from '../../src/config/gateway-config.schema';
import { SANDBOX_WORLD } from '../../sandbox/sandbox-world';
import type { TestGateway } from './test-gateway';
import { DEMO_KEY } from './test-gateway';

export interface StreamEvent {
  id?: string;
  event: string;
  data: any;
}

/** Polling, heartbeats and stream limits fast enough for tests. */
export function fastProgress(config: GatewayConfig): GatewayConfig {
  return {
    ...config,
    progress: {
      ...config.progress,
      pollIntervalMs: 50,
      maxPollIntervalMs: 200,
      heartbeatSeconds: 1,
      maxStreamSeconds: 30,
    },
  };
}

/** An open Server-Sent Events response, read as it arrives. */
export interface OpenStream {
  status: number;
  headers: Headers;
  /** Events so far (comments are counted, not kept). */
  events: StreamEvent[];
  comments: string[];
  /** Resolves when the server ended the stream. */
  ended: Promise<void>;
  /** Waits for the first event matching, failing after `timeoutMs`. */
  waitFor(match: (event: StreamEvent) => boolean, timeoutMs?: number): Promise<StreamEvent>;
  close(): void;
}

/** Opens `path` on the gateway as an event stream (with the demo key unless `key` says otherwise). */
export async function openStream(
  gateway: TestGateway,
  path: string,
  options: { key?: string | null; headers?: Record<string, string> } = {},
): Promise<OpenStream> {
  const key = options.key === undefined ? DEMO_KEY : options.key;
  const abort = new AbortController();
  // A pool of its own: the shared one opens spare sockets that would hold up the gateway's close.
  const dispatcher = new Agent({ connections: 1 });
  const response = await fetch(gateway.url.replace('[::1]', '127.0.0.1') + path, {
    dispatcher,
    headers: {
      accept: 'text/event-stream',
      ...(key !== null ? { authorization: `Bearer ${key}` } : {}),
      ...options.headers,
    },
    signal: abort.signal,
  });
  const events: StreamEvent[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  const ended = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const parsed = parseBlock(block);
          if (parsed.comment !== undefined) comments.push(parsed.comment);
          if (parsed.event) events.push(parsed.event);
          for (const wake of [...waiters]) wake();
        }
      }
    } catch {
      // aborted by close()
    }
    for (const wake of [...waiters]) wake();
    await dispatcher.close().catch(() => undefined);
  })();
  let done = false;
  void ended.then(() => (done = true));
  return {
    status: response.status,
    headers: response.headers,
    events,
    comments,
    ended,
    waitFor(match, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(match);
          if (found) return finish(() => resolve(found));
          if (done) finish(() => reject(new Error(`stream ended; events: ${summary(events)}`)));
        };
        const timer = setTimeout(
          () => finish(() => reject(new Error(`timed out; events: ${summary(events)}`))),
          timeoutMs,
        );
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          waiters.delete(check);
          settle();
        };
        waiters.add(check);
        check();
      });
    },
    close: () => {
      abort.abort();
      void dispatcher.destroy();
    },
  };
}

function parseBlock(block: string): { event?: StreamEvent; comment?: string } {
  const lines = block.split('\n');
  if (lines.every((line) => line.startsWith(':'))) return { comment: lines[0].slice(1).trim() };
  const fields: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    fields[line.slice(0, colon)] = line.slice(colon + 1).trimStart();
  }
  if (fields.data === undefined) return {};
  return {
    event: { id: fields.id, event: fields.event ?? 'message', data: JSON.parse(fields.data) },
  };
}

function summary(events: StreamEvent[]): string {
  return JSON.stringify(
    events.map((e) => [e.event, e.data?.rainbond?.components?.map((c: any) => c.state)]),
  );
}

/** A new, empty Rainbond app of team acme in region-1 (created on the simulator directly). */
export async function newRainbondApp(gateway: TestGateway, name: string): Promise<string> {
  const team = SANDBOX_WORLD.rainbond.teams.acme.tenantName;
  const response = await fetch(
    `${gateway.sandbox.urls.rainbond}/openapi/v1/teams/${team}/regions/region-1/apps`,
    {
      method: 'POST',
      headers: {
        authorization: gateway.sandbox.secrets.rainbondTokens.acme,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ app_name: name }),
    },
  );
  const created = (await response.json()) as { ID: number };
  return `rainbond:region-1:${created.ID}`;
}

/** Installs an app model into `id` with a deploy, through the gateway. */
export async function installAndDeploy(
  gateway: TestGateway,
  id: string,
  appModelId = 'a1b2c3d4e5f6',
  appModelVersion = appModelId === 'a1b2c3d4e5f6' ? '1.0.0' : '7.0.0',
) {
  const response = await gateway.request('POST', `/v1/teams/acme/applications/${id}/install`, {
    body: {
      market: { url: 'https://hub.grapps.cn', domain: 'rainbond', type: 'rainstore' },
      appModelId,
      appModelVersion,
      deploy: true,
    },
  });
  if (response.status !== 200) throw new Error(`install answered ${response.status}`);
  return response;
}

/** Rainbond calls on one app (any path under it), as the simulator recorded them. */
export function callsOnApp(gateway: TestGateway, id: string) {
  const appId = id.split(':')[2];
  return gateway.sandbox
    .calls('rainbond')
    .filter((call) => new RegExp(`/apps/${appId}(?:/|$|\\?)`).test(call.path));
}
