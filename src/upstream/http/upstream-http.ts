import type { HttpService } from '@nestjs/axios';
import type { AxiosError, AxiosInstance, AxiosResponse } from 'axios';
import type { z } from 'zod';
import { UpstreamError, type UpstreamName, type UpstreamProblem } from '../upstream.error';

/** Reads an upstream's error body into a code and a message that are safe to show a caller. */
export type UpstreamErrorParser = (
  body: unknown,
  status: number,
) => { code?: string; message?: string; problem?: UpstreamProblem };

/** The request exactly as it will be sent, for a signer to sign. */
export interface OutgoingRequest {
  method: string;
  /** Absolute URL with the query string. */
  url: string;
  headers: Record<string, string>;
  /** The body text ('' for none). */
  body: string;
}

/** Returns headers to add to a request (e.g. an AK/SK signature); must not change what it signs. */
export type RequestSigner = (request: OutgoingRequest) => Record<string, string>;

/** What the caller expects back. */
export interface ExpectedAnswer<T> {
  /** Shape of a successful body; anything else becomes a `bad-body` failure (502). */
  schema: z.ZodType<T>;
  /** Status codes that count as success (default: 200). */
  okStatuses?: readonly number[];
}

/** How one upstream reads its answers (from its profile). */
export interface AnswerReading {
  name: UpstreamName;
  timeoutMs: number;
  parseError: UpstreamErrorParser;
  /** A 200 whose body the error parser reads as an error code is a failure. */
  errorBodyOn200: boolean;
}

export interface UpstreamResponse<T> {
  status: number;
  data: T;
  headers: Record<string, string>;
  requestId?: string;
}

/** Failures to open a connection: not one byte of the request reached the upstream. */
const NOT_SENT_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
/** Failures on an open connection: the upstream may have received and processed the request. */
const MAYBE_SENT_ERROR_CODES = new Set(['ECONNRESET', 'EPIPE']);

/** Percent-encodes all but RFC 3986's unreserved `A-Z a-z 0-9 - _ . ~` (UTF-8, upper-case hex). */
export function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * One path segment, percent-encoded. `.` and `..` are refused: URL parsers resolve them (encoded
 * or not), so they would move the request to another path.
 */
export function encodePathSegment(value: string): string {
  if (value === '.' || value === '..') throw new RangeError(`"${value}" is not a path segment`);
  return percentEncode(value);
}

/**
 * Builds a URL path from a template, percent-encoding every interpolated value as one segment,
 * so a caller-influenced value can never add a segment, a query or a fragment.
 */
export function encodePath(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  return strings.reduce(
    (path, part, i) =>
      path + part + (i < values.length ? encodePathSegment(String(values[i])) : ''),
    '',
  );
}

/** Joins a configured base URL (which may carry a path prefix) and an encoded path. */
export function upstreamUrl(baseUrl: string, encodedPath: string): string {
  return baseUrl.replace(/\/+$/, '') + encodedPath;
}

const OK_DEFAULT: readonly number[] = [200];
const PASS_THROUGH = <T>(value: T) => value;

/**
 * What is the same for every upstream call, set once on the room's own axios instance rather than
 * merged into each call's config. Default headers are cleared: each call names its own (axios'
 * default Accept is replaced by ours anyway), and every default header costs a normalization per call.
 */
const CALL_DEFAULTS = {
  responseType: 'text',
  // The body is already JSON text: axios' default would JSON.parse it again to check.
  transformRequest: PASS_THROUGH,
  transformResponse: PASS_THROUGH,
  validateStatus: () => true,
  transitional: { clarifyTimeoutError: true },
  maxRedirects: 0,
} as const;
const prepared = new WeakSet<AxiosInstance>();

function upstreamAxios(http: HttpService): AxiosInstance {
  const instance = http.axiosRef;
  if (!prepared.has(instance) && instance.defaults) {
    Object.assign(instance.defaults, CALL_DEFAULTS);
    instance.defaults.headers = { common: {} } as AxiosInstance['defaults']['headers'];
    prepared.add(instance);
  }
  return instance;
}

/**
 * Sends the final request (exactly these bytes; `extraHeaders`, e.g. a signature, are sent but were
 * not part of what was signed) through Nest's HttpService and returns the parsed, shape-checked
 * body. Every failure comes out as an UpstreamError; nothing here retries.
 */
export async function sendUpstream<T>(
  http: HttpService,
  reading: AnswerReading,
  outgoing: OutgoingRequest,
  extraHeaders: Record<string, string> | undefined,
  expected: ExpectedAnswer<T>,
): Promise<UpstreamResponse<T>> {
  const provider = reading.name;
  let response: AxiosResponse<string>;
  try {
    response = await upstreamAxios(http).request<string>({
      method: outgoing.method,
      url: outgoing.url,
      headers: { accept: 'application/json', ...outgoing.headers, ...extraHeaders },
      data: outgoing.body === '' ? undefined : outgoing.body,
      timeout: reading.timeoutMs,
    });
  } catch (error) {
    throw transportFailure(provider, error as AxiosError);
  }

  const headers = flattenHeaders(response.headers);
  const parsed = parseJson(response.data);
  const requestId =
    headers['x-request-id'] ?? (parsed.ok ? bodyRequestId(parsed.value) : undefined);
  const okStatuses = expected.okStatuses ?? OK_DEFAULT;

  if (!okStatuses.includes(response.status)) {
    const { code, message, problem } = parsed.ok
      ? reading.parseError(parsed.value, response.status)
      : {};
    throw new UpstreamError(
      provider,
      'response',
      message ?? `${provider} answered HTTP ${response.status}`,
      {
        status: response.status,
        code,
        problem,
        requestId,
        retryAfterSeconds: parseRetryAfter(headers['retry-after']),
      },
    );
  }
  if (!parsed.ok) {
    throw new UpstreamError(provider, 'bad-body', `${provider} sent a body that is not JSON`, {
      status: response.status,
      requestId,
    });
  }
  if (reading.errorBodyOn200) {
    const { code, message, problem } = reading.parseError(parsed.value, response.status);
    if (code !== undefined) {
      throw new UpstreamError(provider, 'response', message ?? `${provider} reported ${code}`, {
        status: response.status,
        code,
        problem,
        requestId,
      });
    }
  }
  const checked = expected.schema.safeParse(parsed.value);
  if (!checked.success) {
    const where = checked.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new UpstreamError(
      provider,
      'bad-body',
      `${provider} sent a body that does not match its contract (${where})`,
      { status: response.status, requestId },
    );
  }
  return { status: response.status, data: checked.data, headers, requestId };
}

/** Appends a query with every key and value percent-encoded (spaces as %20, never +). */
export function withQuery(url: string, query: Record<string, string> | undefined): string {
  const pairs = Object.entries(query ?? {}).map(
    ([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`,
  );
  return pairs.length === 0 ? url : `${url}?${pairs.join('&')}`;
}

function transportFailure(provider: UpstreamName, error: AxiosError): UpstreamError {
  if (error.code === 'ETIMEDOUT' || error.code === 'ECONNABORTED') {
    return new UpstreamError(provider, 'timeout', `${provider} did not answer in time`);
  }
  const code = error.code ?? '';
  const notSent = NOT_SENT_ERROR_CODES.has(code);
  const reason = notSent || MAYBE_SENT_ERROR_CODES.has(code) ? code : 'connection failure';
  return new UpstreamError(provider, 'network', `${provider} could not be reached (${reason})`, {
    notSent,
  });
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text === '') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Huawei's error bodies carry `request_id` (also when no `X-Request-Id` header came). */
function bodyRequestId(body: unknown): string | undefined {
  const id = (body as { request_id?: unknown } | null)?.request_id;
  return typeof id === 'string' && id.length <= 128 ? id : undefined;
}

function flattenHeaders(headers: AxiosResponse['headers']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && value !== null) {
      flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    }
  }
  return flat;
}

function parseRetryAfter(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  return Number.isInteger(seconds) && seconds >= 0 ? seconds : undefined;
}
