import { INSTALL_EXAMPLE } from '../src/applications/applications.examples';
import { SANDBOX_TARGETS } from '../sandbox/sandbox-faults';
import { expectProblem, startTestGateway, type TestGateway } from './support/test-gateway';

const INSTALL_PATH = '/v1/teams/acme/applications/rainbond:region-1:1/install';
/** Arrays nested `depth` levels deep (`[]` is 1), as the value of a field that wants a string. */
const installNested = (depth: number) => ({
  ...(INSTALL_EXAMPLE.value as object),
  appModelId: JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown,
});

describe.each([
  ['lower', 8],
  ['higher', 64],
])('server.jsonDepthLimit set %s than the default (%i)', (_name, limit) => {
  let gateway: TestGateway;
  const upstreamCalls = () =>
    SANDBOX_TARGETS.reduce((sum, target) => sum + gateway.sandbox.calls(target).length, 0);

  beforeAll(async () => {
    gateway = await startTestGateway((config) => ({
      ...config,
      server: { ...config.server, jsonDepthLimit: limit },
    }));
  });
  afterAll(() => gateway.close());

  const install = (depth: number, key: string) =>
    gateway.request('POST', INSTALL_PATH, {
      body: installNested(depth),
      headers: { 'idempotency-key': key },
    });

  it('refuses a body one level deeper than the setting when it parses it', async () => {
    // the field sits one level inside the body object
    const problem = expectProblem(await install(limit, `deeper-${limit}`), 400);
    expect(problem.detail).toMatch(new RegExp(`deeper than ${limit} levels`));
    expect(upstreamCalls()).toBe(0);
  });

  it('lets validation judge a body as deep as the setting by its fields, with no bound of its own', async () => {
    const problem = expectProblem(await install(limit - 1, `as-deep-${limit}`), 400);
    expect(problem.errors).toStrictEqual([{ field: 'appModelId', message: 'must be a string' }]);
    expect(upstreamCalls()).toBe(0);
  });
});
