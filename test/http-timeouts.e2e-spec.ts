import { connect, type Socket } from 'node:net';
import { addressOf, expectRawProblem, rawRequest } from './support/raw-http';
import { startTestGateway, type TestGateway } from './support/test-gateway';

const HEADERS_TIMEOUT_MS = 1_000;
const REQUEST_TIMEOUT_MS = 2_000;
/** Node checks the timeouts every 500 ms; the rest is room for a loaded machine. */
const SLACK_MS = 1_500;

/** Writes one byte of `text` every `everyMs` until the socket closes. */
const trickle = (text: string, everyMs: number) => (socket: Socket) => {
  let at = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || at >= text.length) return clearInterval(timer);
    socket.write(text[at++]);
  }, everyMs);
  socket.on('close', () => clearInterval(timer));
};

describe('inbound timeouts (slow-loris safe)', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway((config) => ({
      ...config,
      server: {
        ...config.server,
        headersTimeoutMs: HEADERS_TIMEOUT_MS,
        requestTimeoutMs: REQUEST_TIMEOUT_MS,
        keepAliveTimeoutMs: 1_000,
      },
    }));
  });
  afterAll(() => gateway.close());

  it('answers headers trickled past server.headersTimeoutMs with a 408 problem and closes', async () => {
    const response = await rawRequest(gateway.url, 'GET /v1/teams HTTP/1.1\r\nhost: gw\r\n', {
      afterConnect: trickle('x-slow: ' + 'a'.repeat(1_000), 100),
      timeoutMs: 10_000,
    });
    expect(expectRawProblem(response, 408).type).toMatch(/\/request-timeout$/);
    expect(response.elapsedMs).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 100);
    expect(response.elapsedMs).toBeLessThan(HEADERS_TIMEOUT_MS + SLACK_MS);
  });

  it('answers a body trickled past server.requestTimeoutMs with a 408 problem and closes', async () => {
    const head =
      'POST /v1/teams/acme/applications HTTP/1.1\r\nhost: gw\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n';
    const response = await rawRequest(gateway.url, head, {
      afterConnect: trickle(' '.repeat(1_000), 100),
      timeoutMs: 10_000,
    });
    expect(expectRawProblem(response, 408).type).toMatch(/\/request-timeout$/);
    expect(response.elapsedMs).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 100);
    expect(response.elapsedMs).toBeLessThan(REQUEST_TIMEOUT_MS + SLACK_MS);
  });

  it('closes a connection that sends nothing after server.headersTimeoutMs', async () => {
    const response = await rawRequest(gateway.url, '', { timeoutMs: 10_000 });
    expectRawProblem(response, 408);
    expect(response.elapsedMs).toBeLessThan(HEADERS_TIMEOUT_MS + SLACK_MS);
  });

  it('closes an idle keep-alive connection after server.keepAliveTimeoutMs', async () => {
    const { host, port } = addressOf(gateway.url);
    const socket = connect(port, host);
    let answeredAt = 0;
    const closedAfterMs = await new Promise<number>((resolve) => {
      socket.on('connect', () => socket.write('GET /health/live HTTP/1.1\r\nhost: gw\r\n\r\n'));
      socket.once('data', () => (answeredAt = Date.now()));
      socket.on('close', () => resolve(Date.now() - answeredAt));
    });
    expect(answeredAt).toBeGreaterThan(0);
    expect(closedAfterMs).toBeGreaterThanOrEqual(900);
    // Node's socket timeout for keep-alive is the setting plus its own 1 s buffer.
    expect(closedAfterMs).toBeLessThan(1_000 + 1_000 + SLACK_MS);
  });
});

it("starts with a headers timeout above Node's default request timeout (5 min)", async () => {
  const gateway = await startTestGateway((config) => ({
    ...config,
    server: { ...config.server, headersTimeoutMs: 400_000, requestTimeoutMs: 900_000 },
  }));
  await gateway.close();
});
