import { INSTALL_EXAMPLE } from '../src/applications/applications.examples';
import { SANDBOX_TARGETS } from '../sandbox/sandbox-faults';
import { expectRawProblem, rawRequest } from './support/raw-http';
import {
  DEMO_KEY,
  expectProblem,
  startTestGateway,
  type TestGateway,
} from './support/test-gateway';

const LONG_TEAM = 'a'.repeat(101);
const AUTH = `authorization: Bearer ${DEMO_KEY}\r\n`;
const INSTALL_PATH = '/v1/teams/acme/applications/rainbond:region-1:1/install';

const post = (path: string, headers: string, body: string) =>
  `POST ${path} HTTP/1.1\r\nhost: gw\r\n${AUTH}${headers}content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

describe('the HTTP edge', () => {
  let gateway: TestGateway;
  const upstreamCalls = () =>
    SANDBOX_TARGETS.reduce((sum, target) => sum + gateway.sandbox.calls(target).length, 0);

  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.sandbox.resetCalls());

  describe('answers what the HTTP layer refuses with a problem, never the URL or a framework code', () => {
    it.each([
      ['a bare LF line ending', 'GET /v1/teams HTTP/1.1\nhost: gw\n\n', 400],
      ['a bare CR', 'GET /v1/teams HTTP/1.1\rhost: gw\r\n\r\n', 400],
      ['a NUL in a header value', 'GET /v1/teams HTTP/1.1\r\nhost: gw\r\nx-a: a\0b\r\n\r\n', 400],
      ['a folded header', 'GET /v1/teams HTTP/1.1\r\nhost: gw\r\nx-a: a\r\n b\r\n\r\n', 400],
      [
        'both Content-Length and Transfer-Encoding',
        'POST /v1/teams HTTP/1.1\r\nhost: gw\r\ncontent-length: 5\r\ntransfer-encoding: chunked\r\n\r\n0\r\n\r\n',
        400,
      ],
      ['a raw UTF-8 path', Buffer.from('GET /v1/t\u00e9ams HTTP/1.1\r\nhost: gw\r\n\r\n'), 400],
      ['an unknown method', 'FOO /v1/teams HTTP/1.1\r\nhost: gw\r\n\r\n', 400],
      [
        'a malformed percent-encoding',
        `GET /v1/teams/%zz/catalogs HTTP/1.1\r\nhost: gw\r\n\r\n`,
        400,
      ],
      [
        'headers over the size limit',
        `GET /v1/teams HTTP/1.1\r\nhost: gw\r\nx-a: ${'a'.repeat(20_000)}\r\n\r\n`,
        431,
      ],
      [
        'a path parameter over the length limit',
        `GET /v1/teams/${LONG_TEAM}/applications HTTP/1.1\r\nhost: gw\r\n${AUTH}\r\n`,
        414,
      ],
    ])('%s', async (_name, bytes, status) => {
      const response = await rawRequest(gateway.url, bytes);
      const problem = expectRawProblem(response, status);
      expect(response.text).not.toContain('/v1/teams');
      expect(problem.instance).toBeUndefined();
    });

    it('answers an HTTP/1.1 request without Host with a 400 problem, not an empty 400', async () => {
      const response = await rawRequest(gateway.url, `GET /v1/teams HTTP/1.1\r\n${AUTH}\r\n`);
      expect(expectRawProblem(response, 400).detail).toMatch(/Host header/);
    });

    it('answers an unknown route with a 404 problem that does not repeat the path', async () => {
      const response = await rawRequest(
        gateway.url,
        'GET /v1/nothing-here HTTP/1.1\r\nhost: gw\r\n\r\n',
      );
      expect(expectRawProblem(response, 404).type).toMatch(/\/not-found$/);
      expect(response.text).not.toContain('nothing-here');
    });

    it('answers an unsupported method on a known route with 405 and Allow', async () => {
      const teams = expectProblem(await gateway.request('DELETE', '/v1/teams'), 405);
      expect(teams.type).toMatch(/\/method-not-allowed$/);
      const install = await gateway.request('GET', INSTALL_PATH);
      expectProblem(install, 405);
      expect(install.headers.get('allow')).toBe('POST');
      expect((await gateway.request('PUT', '/v1/teams')).headers.get('allow')).toBe('GET, HEAD');
      expect(upstreamCalls()).toBe(0);
    });
  });

  describe('accepts only unencoded utf-8 JSON bodies', () => {
    it.each([
      ['text/plain', 'content-type: text/plain\r\n'],
      ['a form', 'content-type: application/x-www-form-urlencoded\r\n'],
      ['no Content-Type', ''],
      ['a JSON look-alike type', 'content-type: application/jsonx\r\n'],
      ['a charset other than utf-8', 'content-type: application/json; charset=iso-8859-1\r\n'],
      ['gzip', 'content-type: application/json\r\ncontent-encoding: gzip\r\n'],
      ['br', 'content-type: application/json\r\ncontent-encoding: br\r\n'],
    ])('refuses %s with 415 and calls no upstream', async (_name, headers) => {
      const response = await rawRequest(
        gateway.url,
        post(INSTALL_PATH, headers, JSON.stringify(INSTALL_EXAMPLE.value)),
      );
      expect(expectRawProblem(response, 415).type).toMatch(/\/unsupported-media-type$/);
      expect(upstreamCalls()).toBe(0);
    });

    it('accepts application/json with charset utf-8 and identity encoding', async () => {
      const response = await rawRequest(
        gateway.url,
        post(
          INSTALL_PATH,
          'content-type: application/json; charset=UTF-8\r\ncontent-encoding: identity\r\n',
          JSON.stringify(INSTALL_EXAMPLE.value),
        ),
      );
      expect(response.status).toBe(200);
    });

    it('refuses JSON nested deeper than the limit with a 400 problem and no upstream call', async () => {
      const deep = '['.repeat(3000) + ']'.repeat(3000);
      for (const path of [
        INSTALL_PATH,
        '/v1/teams/acme/applications/rainbond:region-1:1/upgrade',
      ]) {
        const response = await gateway.request('POST', path, {
          body: { marketName: 'x', nested: JSON.parse(deep) },
          headers: { 'idempotency-key': `deep-${path.length}` },
        });
        const problem = expectProblem(response, 400);
        expect(problem.type).toMatch(/\/validation-failed$/);
        expect(problem.detail).toMatch(/deeper than 32/);
      }
      expect(upstreamCalls()).toBe(0);
    });

    it('refuses a body over the size limit with a 413 problem', async () => {
      const response = await rawRequest(
        gateway.url,
        `POST ${INSTALL_PATH} HTTP/1.1\r\nhost: gw\r\n${AUTH}content-type: application/json\r\ncontent-length: ${2 * 1024 * 1024}\r\n\r\n{`,
      );
      expect(expectRawProblem(response, 413).type).toMatch(/\/payload-too-large$/);
      expect(upstreamCalls()).toBe(0);
    });

    it('refuses a body that is not JSON with a 400 problem', async () => {
      const response = await rawRequest(
        gateway.url,
        post(INSTALL_PATH, 'content-type: application/json\r\n', '{"marketName": '),
      );
      expect(expectRawProblem(response, 400).type).toMatch(/\/validation-failed$/);
    });
  });

  it('refuses repeated Authorization headers as ambiguous credentials, calling no upstream', async () => {
    for (const second of [DEMO_KEY, 'another-key']) {
      const response = await rawRequest(
        gateway.url,
        `GET /v1/teams/acme/applications HTTP/1.1\r\nhost: gw\r\n${AUTH}Authorization: Bearer ${second}\r\n\r\n`,
      );
      expect(expectRawProblem(response, 400).type).toMatch(/\/ambiguous-credentials$/);
    }
    expect(upstreamCalls()).toBe(0);
  });
});
