import type { IncomingHttpHeaders } from 'node:http';
import { AxiosError, type InternalAxiosRequestConfig } from 'axios';
import type { Dispatcher } from 'undici';

type Succeed = (status: number, headers: IncomingHttpHeaders, data: unknown) => void;
type Fail = (error: unknown) => void;

/** Undici codes for "took too long"; axios' own adapter reports such events as a timeout. */
const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);
/** Undici's "other side closed"; axios' own adapter reports it as ECONNRESET. */
const SOCKET_CLOSED = 'UND_ERR_SOCKET';

/**
 * One axios request as an undici dispatch handler, for what the upstream pipeline asks: the
 * response body is collected once into text. `timeout` is the total time (queue, connect, headers,
 * body) and `maxContentLength` caps the body. Errors come out as AxiosErrors with the codes axios'
 * own adapter would use (ETIMEDOUT/ECONNABORTED, ECONNREFUSED, ECONNRESET). Streams, array buffers
 * and cancellation are not supported: the pipeline never asks for them.
 */
export class AxiosExchange implements Dispatcher.DispatchHandler {
  private controller?: Dispatcher.DispatchController;
  private abortReason?: Error;
  private settled = false;
  private readonly timer?: NodeJS.Timeout;
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private status = 0;
  private headers: IncomingHttpHeaders = {};

  constructor(
    private readonly config: InternalAxiosRequestConfig,
    private readonly succeed: Succeed,
    private readonly fail: Fail,
  ) {
    const { timeout } = config;
    if (timeout) this.timer = setTimeout(() => this.abort(timeoutError(config)), timeout);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.abortReason) controller.abort(this.abortReason);
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    status: number,
    headers: IncomingHttpHeaders,
  ): void {
    if (status < 200) return; // 1xx informational
    this.status = status;
    this.headers = headers;
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.size += chunk.length;
    const limit = this.config.maxContentLength ?? -1;
    if (limit > -1 && this.size > limit) {
      const message = `maxContentLength size of ${limit} exceeded`;
      controller.abort(new AxiosError(message, AxiosError.ERR_BAD_RESPONSE, this.config));
      return;
    }
    this.chunks.push(chunk);
  }

  onResponseEnd(): void {
    if (!this.settle()) return;
    const bytes = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.size);
    const encoding = (this.config.responseEncoding as BufferEncoding | undefined) ?? 'utf8';
    this.succeed(this.status, this.headers, bytes.toString(encoding));
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    const failure = this.abortReason ?? toAxiosError(error, this.config);
    if (this.settle()) this.fail(failure);
  }

  /** Gives up now, whether the request is still queued for a socket or under way. */
  private abort(reason: Error): void {
    if (this.settled) return;
    this.abortReason = reason;
    this.controller?.abort(reason);
    if (this.settle()) this.fail(reason);
  }

  /** Marks the exchange done once and stops its timer; false if it already was. */
  private settle(): boolean {
    if (this.settled) return false;
    this.settled = true;
    clearTimeout(this.timer);
    return true;
  }
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

function toAxiosError(error: Error, config: InternalAxiosRequestConfig): AxiosError {
  if (error instanceof AxiosError) return error;
  const code = (error as { code?: string }).code;
  if (code && TIMEOUT_CODES.has(code)) return AxiosError.from(error, timeoutCode(config), config);
  return AxiosError.from(error, code === SOCKET_CLOSED ? 'ECONNRESET' : code, config);
}
