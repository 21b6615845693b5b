import { STATUS_CODES } from 'node:http';
import axios, {
  AxiosError,
  CanceledError,
  type AxiosAdapter,
  type AxiosResponse,
  type InternalAxiosRequestConfig,
} from 'axios';
import { Pool, type Dispatcher } from 'undici';

/** How the transport talks to one origin. */
export interface PoolSettings {
  /** Most sockets open to the origin at once; further requests wait in the pool's queue. */
  connections: number;
  /** TCP connect plus TLS handshake. */
  connectTimeoutMs: number;
  /** How long an idle socket stays open for reuse (shortened by the server's Keep-Alive hint). */
  keepAliveTimeoutMs: number;
  /** Longest wait for the response headers, and for each body chunk after the previous one. */
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
}

type ResponseBody = Dispatcher.ResponseData['body'];

/**
 * Undici error codes that mean "took too long" or "the other side closed", translated to the
 * codes axios' own http adapter produces for the same events, so callers map errors identically.
 */
const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);
const SOCKET_CLOSED = 'UND_ERR_SOCKET';

/**
 * An axios adapter that sends through one undici Pool per origin: keep-alive sockets, no
 * pipelining, bounded connections. Honours `timeout` (total, including time queued for a socket),
 * `signal`, `cancelToken`, `validateStatus`, `maxContentLength` and `responseType`
 * (`stream` hands over undici's body stream, `arraybuffer` a Buffer, anything else text).
 * Redirects are never followed: a 3xx is returned like any other status.
 */
export class UndiciAxiosTransport {
  private readonly pools = new Map<string, Pool>();
  private closed = false;

  constructor(private readonly settingsFor: (origin: string) => PoolSettings) {}

  readonly adapter: AxiosAdapter = (config) => this.send(config);

  /** Waits for requests in flight, then closes every socket; later requests fail. */
  async close(): Promise<void> {
    this.closed = true;
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((pool) => pool.close()));
  }

  private async send(config: InternalAxiosRequestConfig): Promise<AxiosResponse> {
    if (this.closed) {
      throw new AxiosError('the upstream transport is closed', AxiosError.ERR_NETWORK, config);
    }
    const abort = new RequestAbort(config);
    try {
      const url = new URL(config.params || config.baseURL ? axios.getUri(config) : config.url!);
      const response = await this.pool(url.origin).request({
        path: url.pathname + url.search,
        method: (config.method ?? 'get').toUpperCase(),
        headers: config.headers.toJSON() as Record<string, string>,
        body: (config.data ?? null) as Dispatcher.DispatchOptions['body'],
        signal: abort.signal,
      });
      const data =
        config.responseType === 'stream' ? response.body : await readBody(response.body, config);
      return settle(config, {
        data,
        status: response.statusCode,
        statusText: STATUS_CODES[response.statusCode] ?? '',
        headers: response.headers,
        config,
      });
    } catch (error) {
      throw abort.signal.aborted ? abort.signal.reason : toAxiosError(error, config);
    } finally {
      abort.dispose();
    }
  }

  private pool(origin: string): Pool {
    let pool = this.pools.get(origin);
    if (!pool) {
      const settings = this.settingsFor(origin);
      pool = new Pool(origin, {
        connections: settings.connections,
        pipelining: 1,
        connect: { timeout: settings.connectTimeoutMs },
        keepAliveTimeout: settings.keepAliveTimeoutMs,
        headersTimeout: settings.headersTimeoutMs,
        bodyTimeout: settings.bodyTimeoutMs,
      });
      this.pools.set(origin, pool);
    }
    return pool;
  }
}

/** One request's abort: the caller's signal or cancel token, or its total timeout. */
class RequestAbort {
  private readonly controller = new AbortController();
  private readonly timer?: NodeJS.Timeout;
  private readonly onSignal = () =>
    this.controller.abort(new CanceledError(undefined, this.config));
  private readonly onCancel = (reason: unknown) =>
    this.controller.abort(reason ?? new CanceledError(undefined, this.config));

  constructor(private readonly config: InternalAxiosRequestConfig) {
    const { timeout, signal, cancelToken } = config;
    if (timeout)
      this.timer = setTimeout(() => this.controller.abort(timeoutError(config)), timeout);
    if (signal?.aborted) this.onSignal();
    else signal?.addEventListener?.('abort', this.onSignal);
    cancelToken?.subscribe(this.onCancel);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.config.signal?.removeEventListener?.('abort', this.onSignal);
    this.config.cancelToken?.unsubscribe(this.onCancel);
  }
}

async function readBody(body: ResponseBody, config: InternalAxiosRequestConfig) {
  const limit = config.maxContentLength ?? -1;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (limit > -1 && size > limit) {
      body.destroy();
      throw new AxiosError(
        `maxContentLength size of ${limit} exceeded`,
        AxiosError.ERR_BAD_RESPONSE,
        config,
      );
    }
    chunks.push(chunk as Buffer);
  }
  const bytes = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
  if (config.responseType === 'arraybuffer') return bytes;
  return bytes.toString((config.responseEncoding as BufferEncoding | undefined) ?? 'utf8');
}

/** What axios' own settle does: resolve, or reject when validateStatus refuses the status. */
function settle(config: InternalAxiosRequestConfig, response: AxiosResponse): AxiosResponse {
  const { status } = response;
  if (!config.validateStatus || config.validateStatus(status)) return response;
  throw new AxiosError(
    `Request failed with status code ${status}`,
    status >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST,
    config,
    undefined,
    response,
  );
}

function timeoutCode(config: InternalAxiosRequestConfig): string {
  return config.transitional?.clarifyTimeoutError ? AxiosError.ETIMEDOUT : AxiosError.ECONNABORTED;
}

function timeoutError(config: InternalAxiosRequestConfig): AxiosError {
  const message =
    config.timeoutErrorMessage ??
    (config.timeout ? `timeout of ${config.timeout}ms exceeded` : 'timeout exceeded');
  return new AxiosError(message, timeoutCode(config), config);
}

function toAxiosError(error: unknown, config: InternalAxiosRequestConfig): AxiosError {
  if (error instanceof AxiosError) return error;
  const code = (error as { code?: string }).code;
  if (code && TIMEOUT_CODES.has(code)) return AxiosError.from(error, timeoutCode(config), config);
  return AxiosError.from(error, code === SOCKET_CLOSED ? 'ECONNRESET' : code, config);
}
