import type { components } from './schema.js';

export type ApplicationProgress = components['schemas']['ApplicationProgress'];

/** One event of `GET …/applications/{id}/events`; the last one a watch yields is `settled`. */
export interface ProgressEvent {
  type: 'status' | 'settled';
  /** The state's id: what `Last-Event-ID` resumes from. */
  id: string;
  progress: ApplicationProgress;
}

export interface WatchProgressOptions {
  /** Where the gateway listens, e.g. `https://gateway.internal` (no trailing `/v1`). */
  baseUrl: string;
  /** The caller's API key, or a function that returns a bearer token (an OIDC access token). */
  credentials: string | (() => string | Promise<string>);
  team: string;
  applicationId: string;
  /** `eventsource` (browsers: a stream ticket, never a token in the URL) or `fetch` (Node, browsers). */
  transport?: 'eventsource' | 'fetch';
  /** Resume after this state instead of getting the current one first. */
  lastEventId?: string;
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

const RECONNECT_MS = 1_000;

/**
 * Yields an application's progress until it settled (or `signal` aborts): a `status` event at once
 * and on every change, then `settled`. A stream the gateway ends early (its maximum duration, a
 * restart) is resumed from the last id. In a browser the default is EventSource with a stream
 * ticket; elsewhere fetch streaming with the Authorization header.
 */
export async function* watchProgress(options: WatchProgressOptions): AsyncGenerator<ProgressEvent> {
  const transport =
    options.transport ?? (typeof EventSource === 'function' ? 'eventsource' : 'fetch');
  let lastEventId = options.lastEventId;
  while (!options.signal?.aborted) {
    const events =
      transport === 'fetch' ? viaFetch(options, lastEventId) : viaEventSource(options, lastEventId);
    for await (const event of events) {
      lastEventId = event.id;
      yield event;
      if (event.type === 'settled') return;
    }
    await delay(RECONNECT_MS, options.signal);
  }
}

function eventsPath(options: WatchProgressOptions): string {
  const base = options.baseUrl.replace(/\/+$/, '');
  return `${base}/v1/teams/${encodeURIComponent(options.team)}/applications/${encodeURIComponent(options.applicationId)}/events`;
}

async function bearer(options: WatchProgressOptions): Promise<string> {
  const { credentials } = options;
  return `Bearer ${typeof credentials === 'string' ? credentials : await credentials()}`;
}

/** One fetch of the stream, parsed; ends when the gateway ends it. */
async function* viaFetch(
  options: WatchProgressOptions,
  lastEventId: string | undefined,
): AsyncGenerator<ProgressEvent> {
  const response = await (options.fetch ?? fetch)(eventsPath(options), {
    headers: {
      accept: 'text/event-stream',
      authorization: await bearer(options),
      ...(lastEventId ? { 'last-event-id': lastEventId } : {}),
    },
    signal: options.signal,
  });
  if (!response.ok || !response.body) throw await problemOf(response);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = parseEvent(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (event) yield event;
      }
    }
  } finally {
    reader.releaseLock();
  }
}

/** An EventSource on a fresh stream ticket; ends when it closes (settled, expiry, error). */
async function* viaEventSource(
  options: WatchProgressOptions,
  lastEventId: string | undefined,
): AsyncGenerator<ProgressEvent> {
  const ticket = await (options.fetch ?? fetch)(`${eventsPath(options)}/tickets`, {
    method: 'POST',
    headers: { authorization: await bearer(options) },
    signal: options.signal,
  });
  if (!ticket.ok) throw await problemOf(ticket);
  const { url } = (await ticket.json()) as { url: string };
  const origin = new URL(options.baseUrl).origin;
  const resume = lastEventId ? `&lastEventId=${encodeURIComponent(lastEventId)}` : '';
  const source = new EventSource(`${origin}${url}${resume}`);
  const queue: (ProgressEvent | undefined)[] = [];
  let wake: () => void = () => undefined;
  const push = (event: ProgressEvent | undefined) => {
    queue.push(event);
    wake();
  };
  const onEvent = (type: ProgressEvent['type']) => (message: Event) => {
    const { data, lastEventId: id } = message as Event & { data: string; lastEventId: string };
    push({ type, id, progress: JSON.parse(data) as ApplicationProgress });
  };
  source.addEventListener('status', onEvent('status'));
  source.addEventListener('settled', onEvent('settled'));
  // the ticket expires: EventSource's own reconnect would fail, so a new ticket is taken instead
  source.addEventListener('error', () => push(undefined));
  options.signal?.addEventListener('abort', () => push(undefined));
  try {
    for (;;) {
      while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const event = queue.shift();
      if (!event) return;
      yield event;
      if (event.type === 'settled') return;
    }
  } finally {
    source.close();
  }
}

function parseEvent(block: string): ProgressEvent | undefined {
  const fields: Record<string, string> = {};
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    fields[name] = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
  }
  if ((fields.event !== 'status' && fields.event !== 'settled') || fields.data === undefined) {
    return undefined;
  }
  return {
    type: fields.event,
    id: fields.id ?? '',
    progress: JSON.parse(fields.data) as ApplicationProgress,
  };
}

async function problemOf(response: Response): Promise<Error> {
  const text = await response.text().catch(() => '');
  return Object.assign(new Error(`events answered ${response.status}: ${text.slice(0, 300)}`), {
    status: response.status,
  });
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
