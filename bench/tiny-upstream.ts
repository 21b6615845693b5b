import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { SEED_MARKET_INSTALL } from '../src/rainbond/rainbond.test-helpers';
import {
  SEED_CREATE_WAREHOUSE_APP_RESPONSE,
  SEED_UPLOAD_APP_RESPONSE,
} from '../src/workspace/workspace.test-helpers';

/**
 * The one upstream every bench target talks to: it answers each route with the seed's example
 * response, as fast as node:http can, and counts IAM token calls. It checks nothing (the sandbox's
 * simulators are the contracts); it only has to be cheaper than what is measured through it.
 *
 * Env: PORT, IAM_DELAY_MS (time an IAM token takes, default 0).
 */
interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const json = (status: number, value: unknown, headers: Record<string, string> = {}): Answer => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(value),
});

const IAM_TOKEN = json(
  201,
  {
    token: {
      expires_at: new Date(Date.now() + 24 * 3_600_000).toISOString(),
      methods: ['password'],
    },
  },
  { 'x-subject-token': `MIIBench${'x'.repeat(1_200)}` },
);

const ROUTES: [RegExp, Answer][] = [
  [
    /^\/openapi\/v1\/teams\/[^/]+\/regions\/[^/]+\/apps\/\d+\/install$/,
    json(200, SEED_MARKET_INSTALL),
  ],
  [/^\/v1\/[^/]+\/app-center\/apps$/, json(200, SEED_UPLOAD_APP_RESPONSE)],
  [/^\/v1\/[^/]+\/app-warehouse\/apps$/, json(200, SEED_CREATE_WAREHOUSE_APP_RESPONSE)],
];
const NOT_FOUND = json(404, { error_code: 'BENCH.404', error_msg: 'no such route' });

const stats = { requests: 0, iamTokenCalls: 0 };
const iamDelayMs = Number(process.env.IAM_DELAY_MS ?? 0);

function send(response: ServerResponse, answer: Answer): void {
  response.writeHead(answer.status, {
    ...answer.headers,
    'content-length': Buffer.byteLength(answer.body),
  });
  response.end(answer.body);
}

function handle(request: IncomingMessage, response: ServerResponse): void {
  const path = request.url!.split('?', 1)[0];
  if (path === '/__bench/stats') return send(response, json(200, stats));
  stats.requests += 1;
  if (path === '/v3/auth/tokens') {
    stats.iamTokenCalls += 1;
    setTimeout(() => send(response, IAM_TOKEN), iamDelayMs);
    return;
  }
  const route = ROUTES.find(([pattern]) => pattern.test(path));
  send(response, route ? route[1] : NOT_FOUND);
}

const server = createServer((request, response) => {
  // Read the whole body before answering, as a real upstream does.
  request.resume();
  request.once('end', () => handle(request, response));
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
process.once('SIGTERM', () => process.exit(0));
