import { HttpService } from '@nestjs/axios';
import { AxiosError, type AxiosInstance } from 'axios';
import { z } from 'zod';
import {
  axiosOverUndici,
  startHttpServer,
  startSilentTcpServer,
  type Loopback,
} from './loopback-server.test-helpers';
import type { UndiciAxiosTransport } from './undici-axios-adapter';
import { sendUpstream } from './upstream-http';
import { UpstreamError } from '../upstream.error';

/**
 * Paths of the misbehaving upstream: `/hang` never answers, `/stall` sends headers and half a
 * body, `/trickle` sends a chunk every 20 ms for a second, `/reset` destroys the socket.
 */
async function startMisbehavingUpstream(): Promise<Loopback> {
  return startHttpServer((req, res) => {
    if (req.url === '/reset') return req.socket.destroy();
    if (req.url === '/hang') return;
    res.writeHead(200, { 'content-type': 'application/json' });
    if (req.url === '/stall') return void res.write('{"half":');
    if (req.url === '/trickle') {
      res.write('[0');
      let sent = 0;
      const timer = setInterval(() => {
        if (++sent === 50) {
          clearInterval(timer);
          return void res.end(']');
        }
        res.write(`,${sent}`);
      }, 20);
      return void res.on('close', () => clearInterval(timer));
    }
    res.end('{"ok":true}');
  });
}

describe('UndiciAxiosTransport failures', () => {
  let upstream: Loopback;
  let http: AxiosInstance;
  let transport: UndiciAxiosTransport;

  beforeAll(async () => (upstream = await startMisbehavingUpstream()));
  afterAll(() => upstream.close());
  beforeEach(() => ({ http, transport } = axiosOverUndici()));
  afterEach(() => transport.close());

  const failureOf = (promise: Promise<unknown>): Promise<AxiosError> =>
    promise.then(
      () => Promise.reject(new Error('expected the request to fail')),
      (error: AxiosError) => error,
    );

  it('maps a connect timeout (no TLS handshake) to ETIMEDOUT', async () => {
    ({ http, transport } = axiosOverUndici({ connectTimeoutMs: 100 }));
    const silent = await startSilentTcpServer();
    const failure = await failureOf(
      http.get(`https://127.0.0.1:${silent.port}/`, {
        transitional: { clarifyTimeoutError: true },
      }),
    );
    await silent.close();
    expect(failure).toBeInstanceOf(AxiosError);
    expect(failure.code).toBe('ETIMEDOUT');
    expect((failure.cause as { code?: string }).code).toBe('UND_ERR_CONNECT_TIMEOUT');
  });

  it('maps a headers timeout to ETIMEDOUT, or ECONNABORTED as axios does unclarified', async () => {
    ({ http, transport } = axiosOverUndici({ headersTimeoutMs: 100 }));
    const [clarified, unclarified] = await Promise.all([
      failureOf(
        http.get(`${upstream.origin}/hang`, { transitional: { clarifyTimeoutError: true } }),
      ),
      failureOf(http.get(`${upstream.origin}/hang`)),
    ]);
    expect(clarified.code).toBe('ETIMEDOUT');
    expect((clarified.cause as { code?: string }).code).toBe('UND_ERR_HEADERS_TIMEOUT');
    expect(unclarified.code).toBe('ECONNABORTED');
  });

  it('maps a body timeout to ETIMEDOUT', async () => {
    ({ http, transport } = axiosOverUndici({ bodyTimeoutMs: 100 }));
    const failure = await failureOf(
      http.get(`${upstream.origin}/stall`, { transitional: { clarifyTimeoutError: true } }),
    );
    expect(failure.code).toBe('ETIMEDOUT');
    expect((failure.cause as { code?: string }).code).toBe('UND_ERR_BODY_TIMEOUT');
  });

  it('ends a response that keeps trickling at config.timeout, the total', async () => {
    const failure = await failureOf(
      http.get(`${upstream.origin}/trickle`, {
        timeout: 150,
        transitional: { clarifyTimeoutError: true },
      }),
    );
    expect(failure.code).toBe('ETIMEDOUT');
    expect(failure.message).toBe('timeout of 150ms exceeded');
  });

  it('times out a request while it still waits for a socket', async () => {
    ({ http, transport } = axiosOverUndici({ connections: 1 }));
    const first = failureOf(http.get(`${upstream.origin}/hang`, { timeout: 400 }));
    // Only one socket, held by `first` until it times out after this request has failed.
    const queued = await failureOf(
      http.get(`${upstream.origin}/`, {
        timeout: 100,
        transitional: { clarifyTimeoutError: true },
      }),
    );
    expect(queued.code).toBe('ETIMEDOUT');
    expect((await first).code).toBe('ECONNABORTED');
  });

  it('maps a refused connection to ECONNREFUSED', async () => {
    const closed = await startSilentTcpServer();
    await closed.close();
    const failure = await failureOf(http.get(`${closed.origin}/`));
    expect(failure.code).toBe('ECONNREFUSED');
  });

  it('maps a socket closed without an answer to ECONNRESET', async () => {
    const failure = await failureOf(http.post(`${upstream.origin}/reset`, '{}'));
    expect(failure.code).toBe('ECONNRESET');
  });

  describe('through sendUpstream, failures keep their meaning', () => {
    const send = (path: string, timeoutMs = 5_000) =>
      sendUpstream(
        new HttpService(http),
        { name: 'rainbond', timeoutMs, parseError: () => ({}), errorBodyOn200: false },
        {
          method: 'POST',
          url: `${upstream.origin}${path}`,
          headers: { 'content-type': 'application/json' },
          body: '{"a":1}',
        },
        undefined,
        { schema: z.object({ ok: z.boolean() }) },
      ).catch((error: UpstreamError) => error);

    it('answers, times out, resets and refuses as before', async () => {
      expect(await send('/')).toMatchObject({ data: { ok: true } });
      expect(await send('/hang', 100)).toMatchObject({ kind: 'timeout' });
      expect(await send('/reset')).toMatchObject({
        kind: 'network',
        message: 'rainbond could not be reached (ECONNRESET)',
      });
      expect(await send('/stall', 100)).toMatchObject({ kind: 'timeout' });
    });
  });
});
