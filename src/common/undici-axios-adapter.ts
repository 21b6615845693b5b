import { STATUS_CODES, type IncomingHttpHeaders } from 'node:http';
import axios, {
  AxiosError,
  type AxiosAdapter,
  type AxiosResponse,
  type InternalAxiosRequestConfig,
} from 'axios';
import { Pool, type Dispatcher } from 'undici';
import { AxiosExchange } from './axios-exchange';

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

/**
 * An axios adapter that sends through one undici Pool per origin: keep-alive sockets, no
 * pipelining, bounded connections. It drives undici's dispatcher directly (no per-request
 * AbortController or body stream): see AxiosExchange for timeouts, cancellation and bodies.
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

  private send(config: InternalAxiosRequestConfig): Promise<AxiosResponse> {
    if (this.closed) {
      return Promise.reject(
        new AxiosError('the upstream transport is closed', AxiosError.ERR_NETWORK, config),
      );
    }
    let url: URL;
    try {
      url = new URL(config.params || config.baseURL ? axios.getUri(config) : (config.url ?? ''));
    } catch (error) {
      return Promise.reject(AxiosError.from(error, AxiosError.ERR_INVALID_URL, config));
    }
    return new Promise((resolve, reject) => {
      const exchange = new AxiosExchange(
        config,
        (status, headers, data) => {
          const response = toResponse(config, status, headers, data);
          if (!config.validateStatus || config.validateStatus(status)) resolve(response);
          else reject(statusError(config, response));
        },
        reject,
      );
      this.pool(url.origin).dispatch(
        {
          path: url.pathname + url.search,
          method: (config.method ?? 'get').toUpperCase(),
          headers: config.headers.toJSON() as Record<string, string>,
          body: (config.data ?? null) as Dispatcher.DispatchOptions['body'],
        },
        exchange,
      );
    });
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

function toResponse(
  config: InternalAxiosRequestConfig,
  status: number,
  headers: IncomingHttpHeaders,
  data: unknown,
): AxiosResponse {
  return { data, status, statusText: STATUS_CODES[status] ?? '', headers, config };
}

/** What axios' own settle does when validateStatus refuses a status. */
function statusError(config: InternalAxiosRequestConfig, response: AxiosResponse): AxiosError {
  return new AxiosError(
    `Request failed with status code ${response.status}`,
    response.status >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST,
    config,
    undefined,
    response,
  );
}
