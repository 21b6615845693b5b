import { HttpService } from '@nestjs/axios';
import { QUIET_POLICIES, testTeamUpstreams } from '../upstream/upstream-pipeline.test-helpers';
import axios from 'axios';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RainbondAppRef } from './rainbond.provider';
import { UpstreamError } from '../upstream/upstream.error';
import type { RainbondTeamConfig } from './rainbond-account.schema';
import { teamContextOf, type TeamContext } from '../teams/team-context';
import { parseRainbondError } from './rainbond-error.mapper';
import { RainbondClient } from './rainbond.client';
import {
  SEED_LIST_UPGRADE,
  SEED_MARKET_INSTALL,
  SEED_SERVICE_BASE_INFO,
} from './rainbond.test-helpers';
import type { Install } from './rainbond.wire';

interface Seen {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const TOKEN = '0123456789abcdef0123456789abcdef01234567';
const TRACEBACK = 'Traceback (most recent call last):\n  File "/app/console/views.py", line 1';
const APP: RainbondAppRef = { provider: 'rainbond', region: 'region-1', appId: 7 };
const INSTALL: Install = {
  market_url: 'https://hub.grapps.cn',
  market_domain: 'rainbond',
  market_type: 'rainstore',
  market_access_key: null,
  app_model_id: 'a1b2c3d4e5f6',
  app_model_version: '1.0.0',
};

describe('RainbondClient against a loopback upstream', () => {
  let server: Server;
  let account: TeamContext;
  let client: RainbondClient;
  let seen: Seen;
  let reply: { status: number; body: unknown; delayMs?: number };

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        seen = { method: req.method, url: req.url, headers: req.headers, body };
        setTimeout(() => {
          res.writeHead(reply.status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(reply.body));
        }, reply.delayMs ?? 0);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const rainbond: RainbondTeamConfig = {
      baseUrl: `http://127.0.0.1:${port}/console/`,
      teamName: 'o19p6wen',
      regions: ['region-1'],
      token: TOKEN,
      timeZone: 'Asia/Shanghai',
    };
    const teams = { acme: { displayName: 'Acme', rainbond } };
    account = teamContextOf('acme', teams.acme);
    const upstreams = {
      ...QUIET_POLICIES.upstreams,
      rainbond: { ...QUIET_POLICIES.upstreams.rainbond, timeoutMs: 300 },
    };
    client = new RainbondClient(
      testTeamUpstreams(new HttpService(axios.create()), teams, { settings: { upstreams } }).teams,
    );
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  beforeEach(() => {
    reply = { status: 200, body: SEED_MARKET_INSTALL };
  });

  it('posts install under the base path with the raw token and a JSON body', async () => {
    await expect(client.install(account, APP, INSTALL)).resolves.toStrictEqual(SEED_MARKET_INSTALL);
    expect(seen.method).toBe('POST');
    expect(seen.url).toBe('/console/openapi/v1/teams/o19p6wen/regions/region-1/apps/7/install');
    expect(seen.headers.authorization).toBe(TOKEN);
    expect(seen.headers['content-type']).toBe('application/json');
    expect(JSON.parse(seen.body)).toStrictEqual(INSTALL);
  });

  it('sends the deploy query only when given', async () => {
    await client.install(account, APP, INSTALL, { is_deploy: 'true', is_upload: 'true' });
    expect(seen.url).toMatch(/\/install\?is_deploy=true&is_upload=true$/);
  });

  it('percent-encodes every path segment taken from config', async () => {
    const odd = { ...account, rainbond: { ...account.rainbond!, teamName: 'a/b?c' } };
    await client.install(odd, { ...APP, region: 'r#1' }, INSTALL);
    expect(seen.url).toBe('/console/openapi/v1/teams/a%2Fb%3Fc/regions/r%231/apps/7/install');
  });

  it('posts copy and upgrade to their own paths and checks their answers', async () => {
    reply = { status: 200, body: { services: [SEED_SERVICE_BASE_INFO] } };
    const copyBody = {
      services: [],
      target_team_name: 'p27q8xfm',
      target_region_name: 'region-1',
      target_app_id: 2,
    };
    await expect(client.copy(account, APP, copyBody)).resolves.toStrictEqual(reply.body);
    expect(seen.url).toMatch(/\/apps\/7\/copy$/);
    expect(JSON.parse(seen.body)).toStrictEqual(copyBody);

    reply = { status: 200, body: [SEED_LIST_UPGRADE] };
    const upgradeBody = {
      update_versions: [{ market_name: null, app_model_id: 'm', app_model_version: '2' }],
    };
    await expect(client.upgrade(account, APP, upgradeBody)).resolves.toStrictEqual(reply.body);
    expect(seen.url).toMatch(/\/apps\/7\/upgrade$/);
  });

  it('turns an answer that breaks the contract into a bad-body error', async () => {
    reply = { status: 200, body: { ...SEED_MARKET_INSTALL, ID: 'three' } };
    await expect(client.install(account, APP, INSTALL)).rejects.toMatchObject({ kind: 'bad-body' });
  });

  it('carries status, code and msg of an upstream error', async () => {
    reply = {
      status: 404,
      body: { code: 404, msg: 'no found app', msg_show: '应用不存在', data: {} },
    };
    const error = await client.install(account, APP, INSTALL).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({
      kind: 'response',
      message: 'no found app',
      details: { status: 404, code: '404' },
    });
  });

  it('never lets a traceback or the token out of a 500', async () => {
    reply = {
      status: 500,
      body: {
        code: 10401,
        msg: 'boom',
        msg_show: TRACEBACK,
        error_type: 'TypeError',
        error_trace: TRACEBACK,
      },
    };
    const error = (await client
      .upgrade(account, APP, { update_versions: [] })
      .catch((e: unknown) => e)) as UpstreamError;
    expect(error.message).toBe('boom');
    expect(JSON.stringify({ ...error, message: error.message })).not.toMatch(
      /Traceback|0123456789abcdef/,
    );
  });

  it('times out after the configured rainbond timeout', async () => {
    reply = { status: 200, body: SEED_MARKET_INSTALL, delayMs: 1_000 };
    await expect(client.install(account, APP, INSTALL)).rejects.toMatchObject({ kind: 'timeout' });
  });
});

describe('parseRainbondError', () => {
  it.each([
    [
      'a service error',
      {
        code: 2001,
        msg: 'the team is not initialized in the region',
        msg_show: '团队未开通',
        data: { bean: {}, list: [] },
      },
      { code: '2001', message: 'the team is not initialized in the region' },
    ],
    [
      'a DRF validation error, with its field messages',
      {
        detail: '参数错误',
        err: {
          app_model_id: ['This field is required.'],
          update_versions: [{ app_model_version: ['Too long.'] }],
        },
        code: 20400,
        error_type: 'ValidationError',
      },
      {
        code: '20400',
        message:
          '参数错误: app_model_id: This field is required.; update_versions.0.app_model_version: Too long.',
      },
    ],
    [
      'a 401',
      {
        detail: 'No token',
        code: 401,
        msg: 'No token',
        msg_show: 'No token',
        error_type: 'AuthenticationFailed',
        error_trace: TRACEBACK,
      },
      { code: '401', message: 'No token' },
    ],
    [
      'a 500 with a traceback',
      {
        code: 10401,
        msg: "'NoneType' object",
        msg_show: TRACEBACK,
        error_trace: TRACEBACK,
        error_details: { args: TRACEBACK },
      },
      { code: '10401', message: "'NoneType' object" },
    ],
    ['a body that is not an object', 'Bad Gateway', {}],
    [
      'a traceback alone',
      { msg_show: TRACEBACK, error_trace: TRACEBACK },
      { code: undefined, message: undefined },
    ],
  ])('reads %s', (_, body, expected) => {
    expect(parseRainbondError(body, 400)).toStrictEqual(expected);
  });

  it('keeps a long message short and on one line', () => {
    const { message } = parseRainbondError(
      { code: 400, msg: `line one\n${'x'.repeat(1_000)}` },
      400,
    );
    expect(message).not.toContain('\n');
    expect(message?.length).toBeLessThanOrEqual(300);
  });
});
