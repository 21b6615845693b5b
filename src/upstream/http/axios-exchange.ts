import type { IncomingHttpHeaders } from 'node:http';
import { Readable } from 'node:stream';
import { AxiosError, CanceledError, type InternalAxiosRequestConfig } from 'axios';
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
 * One axios request as an undici dispatch handler. The response body is collected once into a
 * Buffer (then text unless `responseType` is `arraybuffer`), or handed over as a stream with
 * backpressure when `responseType` is `stream`. `timeout` is the total time (queue, connect,
 * headers, body; for a stream until the headers), `signal` and `cancelToken` cancel, and
 * `maxContentLength` caps the body. Errors come out as AxiosErrors with the codes axios' own
 * adapter would use (ETIMEDOUT/ECONNABORTED, ECONNREFUSED, ECONNRESET, ERR_CANCELED).
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
  private stream?: Readable;
  /** The response ended or failed: nothing left to abort. */
  private done = false;

  constructor(
    private readonly config: InternalAxiosRequestConfig,
    private readonly succeed: Succeed,
    private readonly fail: Fail,
  ) {
    const { timeout, signal, cancelToken } = config;
    if (timeout) this.timer = setTimeout(() => this.abort(timeoutError(config)), timeout);
    if (signal?.aborted) this.onSignal();
    else signal?.addEventListener?.('abort', this.onSignal);
    cancelToken?.subscribe(this.onCancel);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.abortReason) controller.abort(this.abortReason);
  }

  onResponseStart(
    controller: Dispatcher.DispatchController,
    status: number,
    headers: IncomingHttpHeaders,
  ): void {
    if (status < 200) return; // 1xx informational
    this.status = status;
    this.headers = headers;
    if (this.config.responseType === 'stream') {
      this.stream = new Readable({
        read: () => controller.resume(),
        destroy: (error, callback) => {
          if (!this.done) controller.abort(error ?? new CanceledError(undefined, this.config));
          callback(error);
        },
      });
      this.settle();
      this.succeed(status, headers, this.stream);
    }
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.stream) {
      if (!this.stream.push(chunk)) controller.pause();
      return;
    }
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
    this.done = true;
    if (this.stream) {
      this.stream.push(null);
      return;
    }
    if (!this.settle()) return;
    const bytes = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.size);
    const { responseType, responseEncoding } = this.config;
    this.succeed(
      this.status,
      this.headers,
      responseType === 'arraybuffer'
        ? bytes
        : bytes.toString((responseEncoding as BufferEncoding | undefined) ?? 'utf8'),
    );
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.done = true;
    const failure = this.abortReason ?? toAxiosError(error, this.config);
    if (this.stream) this.stream.destroy(failure);
    else if (this.settle()) this.fail(failure);
  }

  /** Gives up now, whether the request is still queued for a socket or under way. */
  private abort(reason: Error): void {
    if (this.settled) return;
    this.abortReason = reason;
    this.controller?.abort(reason);
    if (this.settle()) this.fail(reason);
  }

  private readonly onSignal = () => this.abort(new CanceledError(undefined, this.config));
  private readonly onCancel = (reason?: unknown) =>
    this.abort(reason instanceof Error ? reason : new CanceledError(undefined, this.config));

  /** Marks the exchange done once and stops its timer and listeners; false if it already was. */
  private settle(): boolean {
    if (this.settled) return false;
    this.settled = true;
    clearTimeout(this.timer);
    this.config.signal?.removeEventListener?.('abort', this.onSignal);
    this.config.cancelToken?.unsubscribe(this.onCancel);
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
