import { HttpService } from '@nestjs/axios';
import { QUIET_POLICIES, testUpstreamPipeline } from '../upstream/upstream-pipeline.test-helpers';
import axios from 'axios';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { InstallApplicationRequest } from '../applications/dto/install-application.dto';
import type { RainbondAppRef } from './rainbond.provider';
import { UpstreamError } from '../upstream/upstream.error';
import type { RainbondTeamConfig } from './rainbond-account.schema';
import { teamContextOf, type TeamContext } from '../teams/team-context';
import { parseRainbondError } from './rainbond-error.mapper';
import { RainbondAdapter } from './rainbond.adapter';
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

interface Reply {
  status: number;
  body: unknown;
  delayMs?: number;
}

const TOKEN = '0123456789abcdef0123456789abcdef01234567';
const TRACEBACK = 'Traceback (most recent call last):\n  File "/app/console/views.py", line 1';
const APP: RainbondAppRef = { provider: 'rainbond', region: 'region-1', appId: 7 };
/** The wire body INSTALL_REQUEST maps to. */
const INSTALL: Install = {
  market_url: 'https://hub.grapps.cn',
  market_domain: 'rainbond',
  market_type: 'rainstore',
  market_access_key: null,
  app_model_id: 'a1b2c3d4e5f6',
  app_model_version: '1.0.0',
};
const INSTALL_REQUEST: InstallApplicationRequest = {
  market: { url: 'https://hub.grapps.cn', domain: 'rainbond' },
  appModelId: 'a1b2c3d4e5f6',
  appModelVersion: '1.0.0',
};
const APP_INFO = {
  app_id: 7,
  team_name: 'o19p6wen',
  group_name: 'demo-shop',
  create_time: '2026-12-01T17:00:06.815000',
};

describe('RainbondAdapter against a loopback upstream', () => {
  let server: Server;
  let account: TeamContext;
  let globex: TeamContext;
  let adapter: RainbondAdapter;
  let impatientAdapter: RainbondAdapter;
  let seen: Seen[];
  /** The answer to every write (POST). */
  let reply: Reply;
  /** The answer to every read (GET): the app the read-after-write and the copy checks ask for. */
  let readReply: Reply;

  const posted = () => seen.filter((request) => request.method === 'POST');
  const rawOf = (result: { raw?: unknown }, key: string) =>
    (result.raw as Record<string, unknown>)[key];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, headers: req.headers, body });
        const answer = req.method === 'POST' ? reply : readReply;
        setTimeout(() => {
          res.writeHead(answer.status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(answer.body));
        }, answer.delayMs ?? 0);
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
    const teams = {
      acme: { displayName: 'Acme', rainbond },
      globex: { displayName: 'Globex', rainbond: { ...rainbond, teamName: 'p27q8xfm' } },
    };
    account = teamContextOf('acme', teams.acme);
    globex = teamContextOf('globex', teams.globex);
    const withTimeout = (timeoutMs: number) => {
      const upstreams = {
        ...QUIET_POLICIES.upstreams,
        rainbond: { ...QUIET_POLICIES.upstreams.rainbond, timeoutMs },
      };
      return new RainbondAdapter(
        testUpstreamPipeline(new HttpService(axios.create()), teams, { settings: { upstreams } })
          .pipeline,
      );
    };
    // generous for the answers a loaded test machine may be slow to read; short for the timeout
    adapter = withTimeout(5_000);
    impatientAdapter = withTimeout(300);
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  beforeEach(() => {
    seen = [];
    reply = { status: 200, body: SEED_MARKET_INSTALL };
    readReply = { status: 200, body: APP_INFO };
  });

  it('posts install under the base path with the raw token and a JSON body', async () => {
    const result = await adapter.install(account, APP, INSTALL_REQUEST);
    expect(rawOf(result, 'install')).toStrictEqual(SEED_MARKET_INSTALL);
    const [sent] = posted();
    expect(sent.method).toBe('POST');
    expect(sent.url).toBe('/console/openapi/v1/teams/o19p6wen/regions/region-1/apps/7/install');
    expect(sent.headers.authorization).toBe(TOKEN);
    expect(sent.headers['content-type']).toBe('application/json');
    expect(JSON.parse(sent.body)).toStrictEqual(INSTALL);
  });

  it('reads the installed app with the same token and no body', async () => {
    await adapter.install(account, APP, INSTALL_REQUEST);
    expect(seen.map(({ method, url }) => `${method} ${url}`)).toEqual([
      'POST /console/openapi/v1/teams/o19p6wen/regions/region-1/apps/7/install',
      'GET /console/openapi/v1/teams/o19p6wen/regions/region-1/apps/3',
    ]);
    expect(seen[1].headers.authorization).toBe(TOKEN);
    expect(seen[1].headers['content-type']).toBeUndefined();
    expect(seen[1].body).toBe('');
  });

  it('sends the deploy query only when given', async () => {
    await adapter.install(account, APP, { ...INSTALL_REQUEST, deploy: true });
    expect(posted()[0].url).toMatch(/\/install\?is_deploy=true&is_upload=true$/);
  });

  it('percent-encodes every path segment taken from config', async () => {
    const odd = {
      ...account,
      rainbond: { ...account.rainbond!, teamName: 'a/b?c', regions: ['r#1'] },
    };
    await adapter.install(odd, { ...APP, region: 'r#1' }, INSTALL_REQUEST);
    expect(posted()[0].url).toBe(
      '/console/openapi/v1/teams/a%2Fb%3Fc/regions/r%231/apps/7/install',
    );
  });

  it('posts copy and upgrade to their own paths and checks their answers', async () => {
    reply = { status: 200, body: { services: [SEED_SERVICE_BASE_INFO] } };
    const copyBody = {
      services: [],
      target_team_name: 'p27q8xfm',
      target_region_name: 'region-1',
      target_app_id: 2,
    };
    const target = { team: globex, app: { ...APP, appId: 2 } };
    const copied = await adapter.copy(account, APP, target, {
      target: { team: 'globex', applicationId: 'rainbond:region-1:2' },
    });
    expect(rawOf(copied, 'copy')).toStrictEqual(reply.body);
    expect(posted()[0].url).toMatch(/\/apps\/7\/copy$/);
    expect(JSON.parse(posted()[0].body)).toStrictEqual(copyBody);

    seen = [];
    reply = { status: 200, body: [SEED_LIST_UPGRADE] };
    const upgradeBody = {
      update_versions: [{ market_name: null, app_model_id: 'm', app_model_version: '2' }],
    };
    const upgraded = await adapter.upgrade(account, APP, {
      versions: [{ appModelId: 'm', appModelVersion: '2' }],
    });
    expect(rawOf(upgraded, 'upgrade')).toStrictEqual(reply.body);
    expect(posted()[0].url).toMatch(/\/apps\/7\/upgrade$/);
    expect(JSON.parse(posted()[0].body)).toStrictEqual(upgradeBody);
  });

  it('turns an answer that breaks the contract into a bad-body error', async () => {
    reply = { status: 200, body: { ...SEED_MARKET_INSTALL, ID: 'three' } };
    await expect(adapter.install(account, APP, INSTALL_REQUEST)).rejects.toMatchObject({
      kind: 'bad-body',
    });
  });

  it('carries status, code and msg of an upstream error', async () => {
    reply = {
      status: 404,
      body: { code: 404, msg: 'no found app', msg_show: '应用不存在', data: {} },
    };
    const error = await adapter.install(account, APP, INSTALL_REQUEST).catch((e: unknown) => e);
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
    const error = (await adapter
      .upgrade(account, APP, { versions: [] })
      .catch((e: unknown) => e)) as UpstreamError;
    expect(error.message).toBe('boom');
    expect(JSON.stringify({ ...error, message: error.message })).not.toMatch(
      /Traceback|0123456789abcdef/,
    );
  });

  it('times out after the configured rainbond timeout', async () => {
    reply = { status: 200, body: SEED_MARKET_INSTALL, delayMs: 1_000 };
    await expect(impatientAdapter.install(account, APP, INSTALL_REQUEST)).rejects.toMatchObject({
      kind: 'timeout',
    });
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
