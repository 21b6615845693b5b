import { connect, type Socket } from 'node:net';

export interface RawResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  text: string;
  /** The parsed body when it is JSON. */
  body: any;
  /** Milliseconds from connecting to the end of the answer (or of the connection). */
  elapsedMs: number;
}

/** host:port of a gateway URL such as http://127.0.0.1:41234. */
export function addressOf(url: string): { host: string; port: number } {
  const { hostname, port } = new URL(url.replace('[::1]', '127.0.0.1'));
  return { host: hostname, port: Number(port) };
}

/**
 * Sends exactly these bytes (no client normalising them) and reads one answer: until its
 * Content-Length is complete or the server closes. `afterConnect` may keep writing (trickling).
 */
export function rawRequest(
  url: string,
  bytes: string | Buffer,
  options: { timeoutMs?: number; afterConnect?: (socket: Socket) => void } = {},
): Promise<RawResponse> {
  const { host, port } = addressOf(url);
  const started = Date.now();
  return new Promise<{ received: Buffer; elapsedMs: number }>((resolve, reject) => {
    const socket = connect(port, host);
    let received = Buffer.alloc(0);
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) return reject(error);
      resolve({ received, elapsedMs: Date.now() - started });
    };
    const timer = setTimeout(
      () => finish(new Error(`no complete answer within ${options.timeoutMs ?? 5_000} ms`)),
      options.timeoutMs ?? 5_000,
    );
    socket.on('connect', () => {
      socket.write(bytes);
      options.afterConnect?.(socket);
    });
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (isComplete(received)) finish();
    });
    // A server that answers and closes while the client still writes may reset the connection.
    socket.on('error', () => (received.length > 0 ? finish() : undefined));
    socket.on('close', () => finish());
  }).then(({ received, elapsedMs }) => parseResponse(received, elapsedMs));
}

function splitHead(received: Buffer): { head: string; body: Buffer } | undefined {
  const end = received.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  return { head: received.subarray(0, end).toString('latin1'), body: received.subarray(end + 4) };
}

function headersOf(head: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

function isComplete(received: Buffer): boolean {
  const parts = splitHead(received);
  if (!parts) return false;
  const length = headersOf(parts.head)['content-length'];
  return length !== undefined && parts.body.length >= Number(length);
}

function parseResponse(received: Buffer, elapsedMs: number): RawResponse {
  const parts = splitHead(received);
  if (!parts) throw new Error(`no HTTP answer, got ${JSON.stringify(received.toString('latin1'))}`);
  const text = parts.body.toString('utf8');
  const headers = headersOf(parts.head);
  const isJson = /json/.test(headers['content-type'] ?? '');
  return {
    status: Number(parts.head.split(' ')[1]),
    headers,
    text,
    body: isJson && text ? JSON.parse(text) : undefined,
    elapsedMs,
  };
}

/** Expects a problem+json answer of this status with its X-Request-Id, and returns its body. */
export function expectRawProblem(response: RawResponse, status: number): any {
  expect({ status: response.status, body: response.body }).toMatchObject({
    status,
    body: { status },
  });
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body.requestId).toBe(response.headers['x-request-id']);
  expect(response.text).not.toMatch(/FST_|ERR_|HPE_/);
  return response.body;
}
