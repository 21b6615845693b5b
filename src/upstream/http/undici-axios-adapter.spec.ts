import type { IncomingHttpHeaders } from 'node:http';
import { Readable } from 'node:stream';
import { AxiosError, type AxiosInstance } from 'axios';
import { axiosOverUndici, startHttpServer, type Loopback } from './loopback-server.test-helpers';
import type { UndiciAxiosTransport } from './undici-axios-adapter';

interface Received {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  remotePort?: number;
}

describe('UndiciAxiosTransport', () => {
  let upstream: Loopback;
  let received: Received[];
  let inFlight = 0;
  let mostInFlight = 0;
  let http: AxiosInstance;
  let transport: UndiciAxiosTransport;

  beforeAll(async () => {
    upstream = await startHttpServer((req, res) => {
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({
          method: req.method,
          url: req.url,
          headers: req.headers,
          body: Buffer.concat(chunks),
          remotePort: req.socket.remotePort,
        });
        const status = Number(new URL(req.url!, 'http://x').searchParams.get('status') ?? 200);
        const delayMs = req.url!.startsWith('/slow') ? 20 : 0;
        setTimeout(() => {
          inFlight -= 1;
          res.writeHead(status, {
            'content-type': 'application/json',
            'x-reply': 'from upstream',
            'set-cookie': ['a=1', 'b=2'],
          });
          res.end(JSON.stringify({ path: req.url, size: chunks.length }));
        }, delayMs);
      });
    });
  });
  afterAll(() => upstream.close());

  beforeEach(() => {
    received = [];
    mostInFlight = 0;
    ({ http, transport } = axiosOverUndici());
  });
  afterEach(() => transport.close());

  it('sends the method, path and query, and returns status, text and headers', async () => {
    const response = await http.get(`${upstream.origin}/things/1?q=a%20b`, {
      responseType: 'text',
      transformResponse: [(raw: string) => raw],
    });

    expect(response.status).toBe(200);
    expect(response.statusText).toBe('OK');
    expect(response.data).toBe('{"path":"/things/1?q=a%20b","size":0}');
    expect(response.headers['x-reply']).toBe('from upstream');
    expect(response.headers['set-cookie']).toEqual(['a=1', 'b=2']);
    expect(received[0]).toMatchObject({ method: 'GET', url: '/things/1?q=a%20b' });
  });

  it('lets axios parse JSON as usual', async () => {
    const response = await http.get(`${upstream.origin}/json`);
    expect(response.data).toEqual({ path: '/json', size: 0 });
  });

  it('sends every request header, including those an interceptor adds', async () => {
    http.interceptors.request.use((config) => {
      config.headers.set('x-request-id', 'req-1');
      return config;
    });
    await http.get(`${upstream.origin}/h`, { headers: { authorization: 'tok', 'x-a': 'b' } });
    expect(received[0].headers).toMatchObject({
      authorization: 'tok',
      'x-a': 'b',
      'x-request-id': 'req-1',
    });
  });

  it('sends a string body byte for byte with its length', async () => {
    const body = ' {"name":"notepad++ ✓", "n": 1}\n';
    await http.post(`${upstream.origin}/b`, body, {
      headers: { 'content-type': 'text/plain' },
    });
    expect(received[0].body.toString('utf8')).toBe(body);
    expect(received[0].headers['content-length']).toBe(String(Buffer.byteLength(body)));
  });

  it('streams a stream body instead of buffering it', async () => {
    const parts = ['part-1;', 'part-2;', 'part-3'];
    await http.post(`${upstream.origin}/s`, Readable.from(parts), {
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(received[0].body.toString()).toBe(parts.join(''));
    expect(received[0].headers['transfer-encoding']).toBe('chunked');
  });

  it('passes any status through when validateStatus accepts it', async () => {
    const response = await http.get(`${upstream.origin}/x?status=503`, {
      validateStatus: () => true,
    });
    expect(response.status).toBe(503);
    expect(response.data).toEqual({ path: '/x?status=503', size: 0 });
  });

  it.each([
    [404, AxiosError.ERR_BAD_REQUEST],
    [502, AxiosError.ERR_BAD_RESPONSE],
  ])('rejects a %i as axios does when validateStatus refuses it', async (status, code) => {
    const failure = await http.get(`${upstream.origin}/x?status=${status}`).catch((e) => e);
    expect(failure).toBeInstanceOf(AxiosError);
    expect(failure).toMatchObject({ code, response: { status } });
  });

  it('resolves a baseURL and params the way axios does', async () => {
    await http.get('things', { baseURL: `${upstream.origin}/api/`, params: { a: 'x y' } });
    expect(received[0].url).toBe('/api/things?a=x+y');
  });

  it('refuses a body larger than maxContentLength', async () => {
    const failure = await http
      .get(`${upstream.origin}/big`, { maxContentLength: 5 })
      .catch((e) => e);
    expect(failure).toMatchObject({ code: AxiosError.ERR_BAD_RESPONSE });
    expect(failure.message).toMatch(/maxContentLength size of 5 exceeded/);
  });

  it('reuses a keep-alive socket for sequential requests', async () => {
    // With one connection allowed, a second socket would only appear if the first was closed.
    ({ http, transport } = axiosOverUndici({ connections: 1 }));
    await http.get(`${upstream.origin}/1`);
    await http.get(`${upstream.origin}/2`);
    expect(received).toHaveLength(2);
    expect(received[1].remotePort).toBe(received[0].remotePort);
  });

  it('opens at most `connections` sockets; other requests wait their turn', async () => {
    ({ http, transport } = axiosOverUndici({ connections: 2 }));
    await Promise.all([1, 2, 3, 4, 5, 6].map((i) => http.get(`${upstream.origin}/slow/${i}`)));
    expect(received).toHaveLength(6);
    expect(new Set(received.map((r) => r.remotePort)).size).toBe(2);
    expect(mostInFlight).toBe(2);
  });

  it('refuses requests once closed', async () => {
    await http.get(`${upstream.origin}/before`);
    await transport.close();
    const failure = await http.get(`${upstream.origin}/after`).catch((e) => e);
    expect(failure).toMatchObject({ code: AxiosError.ERR_NETWORK });
    expect(received.map((r) => r.url)).toEqual(['/before']);
  });
});
