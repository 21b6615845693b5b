import type { HttpService } from '@nestjs/axios';
import type { AxiosError, AxiosResponse } from 'axios';
import type { z } from 'zod';
import { UpstreamError, type UpstreamName } from './upstream.error';

/** Reads an upstream's error body into a code and a message that are safe to show a caller. */
export type UpstreamErrorParser = (
  body: unknown,
  status: number,
) => { code?: string; message?: string };

export interface UpstreamRequest<T> {
  provider: UpstreamName;
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  timeoutMs: number;
  /** Shape of a successful body; anything else becomes a `bad-body` failure (502). */
  schema: z.ZodType<T>;
  parseError: UpstreamErrorParser;
  /** Status codes that count as success (default: 200). */
  okStatuses?: readonly number[];
}

export interface UpstreamResponse<T> {
  status: number;
  data: T;
  headers: Record<string, string>;
  requestId?: string;
}

const NETWORK_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/**
 * Builds a URL path from a template, percent-encoding every interpolated value as one segment,
 * so a caller-influenced value can never add a segment, a query or a fragment.
 */
export function encodePath(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  return strings.reduce(
    (path, part, i) =>
      path + part + (i < values.length ? encodeURIComponent(String(values[i])) : ''),
    '',
  );
}

/** Joins a configured base URL (which may carry a path prefix) and an encoded path. */
export function upstreamUrl(baseUrl: string, encodedPath: string): string {
  return baseUrl.replace(/\/+$/, '') + encodedPath;
}

/**
 * Sends one request through Nest's HttpService and returns the parsed, shape-checked body.
 * Every failure comes out as an UpstreamError; nothing here retries.
 */
export async function sendUpstream<T>(
  http: HttpService,
  request: UpstreamRequest<T>,
): Promise<UpstreamResponse<T>> {
  let response: AxiosResponse<string>;
  try {
    response = await http.axiosRef.request<string>({
      method: request.method,
      url: request.url,
      headers: { accept: 'application/json', ...request.headers },
      params: request.query,
      data: request.body === undefined ? undefined : JSON.stringify(request.body),
      timeout: request.timeoutMs,
      responseType: 'text',
      transformResponse: [(raw: string) => raw],
      validateStatus: () => true,
      transitional: { clarifyTimeoutError: true },
      maxRedirects: 0,
    });
  } catch (error) {
    throw transportFailure(request.provider, error as AxiosError);
  }

  const headers = flattenHeaders(response.headers);
  const requestId = headers['x-request-id'];
  const parsed = parseJson(response.data);
  const okStatuses = request.okStatuses ?? [200];

  if (!okStatuses.includes(response.status)) {
    const { code, message } = parsed.ok ? request.parseError(parsed.value, response.status) : {};
    throw new UpstreamError(
      request.provider,
      'response',
      message ?? `${request.provider} answered HTTP ${response.status}`,
      {
        status: response.status,
        code,
        requestId,
        retryAfterSeconds: parseRetryAfter(headers['retry-after']),
      },
    );
  }
  if (!parsed.ok) {
    throw new UpstreamError(
      request.provider,
      'bad-body',
      `${request.provider} sent a body that is not JSON`,
      {
        status: response.status,
        requestId,
      },
    );
  }
  const checked = request.schema.safeParse(parsed.value);
  if (!checked.success) {
    const where = checked.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new UpstreamError(
      request.provider,
      'bad-body',
      `${request.provider} sent a body that does not match its contract (${where})`,
      { status: response.status, requestId },
    );
  }
  return { status: response.status, data: checked.data, headers, requestId };
}

function transportFailure(provider: UpstreamName, error: AxiosError): UpstreamError {
  if (error.code === 'ETIMEDOUT' || error.code === 'ECONNABORTED') {
    return new UpstreamError(provider, 'timeout', `${provider} did not answer in time`);
  }
  const code = error.code ?? '';
  const reason = NETWORK_ERROR_CODES.has(code) ? code : 'connection failure';
  return new UpstreamError(provider, 'network', `${provider} could not be reached (${reason})`);
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text === '') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
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
