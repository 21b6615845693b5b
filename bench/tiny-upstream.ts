import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AppInfo } from '../src/rainbond/rainbond.wire';
import { SEED_MARKET_INSTALL, SEED_SERVICE_BASE_INFO } from '../src/rainbond/rainbond.test-helpers';
import {
  SEED_CREATE_WAREHOUSE_APP_RESPONSE,
  SEED_UPLOAD_APP_RESPONSE,
} from '../src/workspace/workspace.test-helpers';

/**
 * The one upstream every bench target talks to: it answers each call the gateway makes with the
 * seed's example response, as fast as node:http can, and counts IAM token calls and the calls it
 * had no answer for (a bench run with any is invalid: the gateway would be measured on an error
 * path). It checks nothing else (the sandbox's simulators are the contracts); it only has to be
 * cheaper than what is measured through it.
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

/**
 * The app a write reads back (GET …/apps/{id}): the seeds give no example of this answer, so it is
 * the installed app of seed 000 in `AppInfoSerializer`'s shape, with a time Rainbond would write.
 */
const INSTALLED_APP: AppInfo = {
  app_id: SEED_MARKET_INSTALL.ID,
  team_name: SEED_MARKET_INSTALL.team_id,
  tenant_id: SEED_MARKET_INSTALL.team_id,
  group_name: 'string',
  region_name: SEED_MARKET_INSTALL.region_name,
  note: SEED_MARKET_INSTALL.note,
  enterprise_id: SEED_MARKET_INSTALL.enterprise_id,
  service_count: SEED_MARKET_INSTALL.service_list.length,
  running_service_count: 0,
  status: 'starting',
  create_time: '2026-12-01T17:00:06.815000',
  update_time: '2026-12-01T17:00:06.815000',
};

const RAINBOND_APP = '^/openapi/v1/teams/[^/]+/regions/[^/]+/apps/\\d+';
const ROUTES: [RegExp, Answer][] = [
  [new RegExp(`${RAINBOND_APP}/install$`), json(200, SEED_MARKET_INSTALL)],
  [new RegExp(`${RAINBOND_APP}$`), json(200, INSTALLED_APP)],
  [new RegExp(`${RAINBOND_APP}/services$`), json(200, [SEED_SERVICE_BASE_INFO])],
  [/^\/v1\/[^/]+\/app-center\/apps$/, json(200, SEED_UPLOAD_APP_RESPONSE)],
  [/^\/v1\/[^/]+\/app-warehouse\/apps$/, json(200, SEED_CREATE_WAREHOUSE_APP_RESPONSE)],
];
const NOT_FOUND = json(404, { error_code: 'BENCH.404', error_msg: 'no such route' });

const stats = { requests: 0, iamTokenCalls: 0, unanswered: {} as Record<string, number> };
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
  // the bench's own calls (stats, and readiness probes forwarded by the raw proxy) are not counted
  if (path.startsWith('/__bench/')) return send(response, json(200, stats));
  stats.requests += 1;
  if (path === '/v3/auth/tokens') {
    stats.iamTokenCalls += 1;
    setTimeout(() => send(response, IAM_TOKEN), iamDelayMs);
    return;
  }
  const route = ROUTES.find(([pattern]) => pattern.test(path));
  if (!route) {
    const call = `${request.method} ${path}`;
    stats.unanswered[call] = (stats.unanswered[call] ?? 0) + 1;
  }
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
