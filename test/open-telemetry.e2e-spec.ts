import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { INSTALL_EXAMPLE } from '../src/applications/applications.examples';
import { startSandbox, type Sandbox } from '../sandbox/sandbox';
import { SANDBOX_CONFIG_PATH } from '../sandbox/sandbox-runtime';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN_ID = '00f067aa0ba902b7';
const API_KEY = 'otel-test-key';
const SPAN_KIND_SERVER = 2;
const SPAN_KIND_CLIENT = 3;

interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  kind: number;
  name: string;
}

/**
 * The real entry point (src/main.ts) in a child process with `tracing.enabled`, exporting to an
 * OTLP/HTTP collector on loopback: OpenTelemetry must patch Node's HTTP before Fastify loads,
 * which only a fresh process shows.
 */
describe('OpenTelemetry tracing (tracing.enabled)', () => {
  let sandbox: Sandbox;
  let collector: Server;
  let gateway: ChildProcess;
  let dir: string;
  let gatewayUrl: string;
  const spans: ExportedSpan[] = [];

  beforeAll(async () => {
    sandbox = await startSandbox();
    collector = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        spans.push(...spansOf(JSON.parse(body)));
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    const collectorPort = await listen(collector);
    const port = await freePort();
    dir = mkdtempSync(join(tmpdir(), 'gateway-otel-'));
    const config = parse(readFileSync(SANDBOX_CONFIG_PATH, 'utf8'));
    config.logging = { level: 'warn' };
    config.tracing = {
      enabled: true,
      serviceName: 'gateway-under-test',
      otlpEndpoint: `http://127.0.0.1:${collectorPort}/v1/traces`,
    };
    writeFileSync(join(dir, 'gateway.yaml'), stringify(config));
    gateway = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', join(__dirname, '..', 'src', 'main.ts')],
      {
        env: {
          PATH: process.env.PATH,
          CONFIG_FILE: join(dir, 'gateway.yaml'),
          PORT: String(port),
          ...sandbox.env,
          SANDBOX_API_KEY_SHA256: createHash('sha256').update(API_KEY).digest('hex'),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    gatewayUrl = `http://127.0.0.1:${port}`;
    await waitUntilReady(gatewayUrl);
  }, 60_000);

  afterAll(async () => {
    if (gateway.exitCode === null) gateway.kill('SIGKILL');
    await new Promise((resolve) => collector.close(resolve));
    await sandbox.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("records the inbound request and the upstream call in the caller's trace and propagates it", async () => {
    const response = await fetch(
      `${gatewayUrl}/v1/teams/acme/applications/rainbond:region-1:1/install`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${API_KEY}`,
          'content-type': 'application/json',
          traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-01`,
        },
        body: JSON.stringify(INSTALL_EXAMPLE.value),
      },
    );
    expect(response.status).toBe(200);

    const exited = new Promise((resolve) => gateway.once('exit', resolve));
    gateway.kill('SIGTERM'); // flushes the batch span processor
    await exited;

    const inTrace = spans.filter((span) => span.traceId === TRACE_ID);
    const server = inTrace.find((span) => span.kind === SPAN_KIND_SERVER);
    const client = inTrace.find((span) => span.kind === SPAN_KIND_CLIENT);
    expect(server).toMatchObject({ parentSpanId: CALLER_SPAN_ID });
    expect(client).toBeDefined();
    expect(inTrace.map((span) => span.spanId)).toContain(client!.parentSpanId);

    const [upstreamCall] = sandbox.calls('rainbond');
    expect(upstreamCall.headers.traceparent).toBe(`00-${TRACE_ID}-${client!.spanId}-01`);
  }, 30_000);
});

function spansOf(payload: {
  resourceSpans?: { scopeSpans?: { spans?: ExportedSpan[] }[] }[];
}): ExportedSpan[] {
  return (payload.resourceSpans ?? []).flatMap((resource) =>
    (resource.scopeSpans ?? []).flatMap((scope) => scope.spans ?? []),
  );
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  const port = await listen(probe);
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function waitUntilReady(url: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    try {
      if ((await fetch(`${url}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the traced gateway did not become ready');
}
