import { STATUS_CODES, type IncomingHttpHeaders } from 'node:http';
import axios, {
  AxiosError,
  type AxiosAdapter,
  type AxiosResponse,
  type InternalAxiosRequestConfig,
} from 'axios';
import { EnvHttpProxyAgent, Pool, type Dispatcher } from 'undici';
import type { ProxyConfig } from '../../config/outbound-network.schema';
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
  /** TLS towards the origin: its CAs, a client certificate, whether to verify at all. */
  tls?: { ca?: string; cert?: string; key?: string; rejectUnauthorized: boolean };
  /** The proxy calls go through, unless its noProxy list names the origin. */
  proxy?: ProxyConfig;
}

/**
 * An axios adapter that sends through one undici Pool per origin (an EnvHttpProxyAgent when a
 * proxy is configured, which tunnels or goes direct by its noProxy rules): keep-alive sockets, no
 * pipelining, bounded connections. It drives undici's dispatcher directly (no per-request
 * AbortController or body stream): see AxiosExchange for timeouts, cancellation and bodies.
 * Redirects are never followed: a 3xx is returned like any other status.
 */
export class UndiciAxiosTransport {
  private readonly pools = new Map<string, Dispatcher>();
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
          origin: url.origin,
          path: url.pathname + url.search,
          method: (config.method ?? 'get').toUpperCase(),
          headers: config.headers.toJSON() as Record<string, string>,
          body: (config.data ?? null) as Dispatcher.DispatchOptions['body'],
        },
        exchange,
      );
    });
  }

  private pool(origin: string): Dispatcher {
    let pool = this.pools.get(origin);
    if (!pool) {
      pool = dispatcherFor(origin, this.settingsFor(origin));
      this.pools.set(origin, pool);
    }
    return pool;
  }
}

function dispatcherFor(origin: string, settings: PoolSettings): Dispatcher {
  const connect = { timeout: settings.connectTimeoutMs, ...settings.tls };
  const options = {
    connections: settings.connections,
    pipelining: 1,
    keepAliveTimeout: settings.keepAliveTimeoutMs,
    headersTimeout: settings.headersTimeoutMs,
    bodyTimeout: settings.bodyTimeoutMs,
  };
  const { proxy } = settings;
  if (!proxy) return new Pool(origin, { ...options, connect });
  return new EnvHttpProxyAgent({
    ...options,
    // Without them EnvHttpProxyAgent reads HTTP_PROXY, HTTPS_PROXY and NO_PROXY.
    ...(!proxy.fromEnvironment && {
      httpProxy: proxy.url,
      httpsProxy: proxy.url,
      noProxy: proxy.noProxy.join(','),
    }),
    // `connect` for direct connections, `requestTls` for TLS inside a CONNECT tunnel.
    connect,
    requestTls: connect,
  });
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
