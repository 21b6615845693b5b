import { createHash } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createGatewayApp } from '../../src/app.factory';
import type { GatewayConfig } from '../../src/config/gateway-config.schema';
import type { Sandbox, SandboxOptions } from '../../sandbox/sandbox';
import { startSandboxRuntime } from '../../sandbox/sandbox-runtime';

export const DEMO_KEY = 'e2e-demo-key';
/** A second caller that may use team acme only. */
export const ACME_ONLY_KEY = 'e2e-acme-only-key';

export interface TestResponse {
  status: number;
  headers: Headers;
  body: any;
}

export interface RequestOptions {
  body?: unknown;
  key?: string | null;
  headers?: Record<string, string>;
}

export interface TestGateway {
  url: string;
  app: NestFastifyApplication;
  sandbox: Sandbox;
  config: GatewayConfig;
  request(method: string, path: string, options?: RequestOptions): Promise<TestResponse>;
  /** Every log line the gateway wrote, parsed. */
  logs(): Record<string, unknown>[];
  close(): Promise<void>;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The whole gateway over real HTTP on loopback, against freshly started simulators, configured from
 * config/default.yaml plus an acme-only caller. `configure` may adjust the config (timeouts, a wrong
 * credential) before the app is built.
 */
export async function startTestGateway(
  configure: (config: GatewayConfig, sandbox: Sandbox) => GatewayConfig = (config) => config,
  sandboxOptions: SandboxOptions = {},
): Promise<TestGateway> {
  const runtime = await startSandboxRuntime({ SANDBOX_API_KEY: DEMO_KEY }, sandboxOptions);
  const config = configure(
    {
      ...runtime.config,
      callers: [
        ...runtime.config.callers,
        { name: 'acme-only', keys: [sha256(ACME_ONLY_KEY)], teams: ['acme'] },
      ],
    },
    runtime.sandbox,
  );
  const logLines: string[] = [];
  const app: NestFastifyApplication = await createGatewayApp(config, {
    logDestination: { write: (line: string) => void logLines.push(line) },
  });
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();

  return {
    url,
    app,
    sandbox: runtime.sandbox,
    config,
    async request(method, path, options = {}) {
      const key = options.key === undefined ? DEMO_KEY : options.key;
      const response = await fetch(url.replace('[::1]', '127.0.0.1') + path, {
        method,
        headers: {
          ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(key !== null ? { authorization: `Bearer ${key}` } : {}),
          ...options.headers,
        },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
      const text = await response.text();
      return {
        status: response.status,
        headers: response.headers,
        body: text ? JSON.parse(text) : undefined,
      };
    },
    logs: () => logLines.map((line) => JSON.parse(line) as Record<string, unknown>),
    async close() {
      await app.close();
      await runtime.sandbox.stop();
    },
  };
}

/** Expects an RFC 9457 problem with this status and returns its body for further checks. */
export function expectProblem(response: TestResponse, status: number): any {
  expect({ status: response.status, body: response.body }).toMatchObject({
    status,
    body: { status },
  });
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(response.body.requestId).toEqual(response.headers.get('x-request-id'));
  expect(typeof response.body.type).toBe('string');
  expect(typeof response.body.title).toBe('string');
  return response.body;
}

/** The field names of a 400 problem's `errors[]`. */
export function fieldsOf(problem: { errors?: { field: string }[] }): string[] {
  return (problem.errors ?? []).map((error) => error.field);
}
