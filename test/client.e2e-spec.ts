import { createGatewayClient, type GatewayClient } from '../client/src';
import {
  COPY_EXAMPLE,
  INSTALL_EXAMPLE,
  PUBLISH_EXAMPLES,
  UPGRADE_EXAMPLE,
} from '../src/applications/applications.examples';
import { DEMO_KEY, startTestGateway, type TestGateway } from './support/test-gateway';

/** The typed client in client/ against the sandbox, for every route of the API. */
describe('typed client (client/)', () => {
  let gateway: TestGateway;
  let client: GatewayClient;
  const sent: Request[] = [];

  beforeAll(async () => {
    gateway = await startTestGateway();
    client = createGatewayClient({
      baseUrl: gateway.url.replace('[::1]', '127.0.0.1'),
      credentials: () => Promise.resolve(DEMO_KEY),
      fetch: (input) => {
        sent.push((input as Request).clone());
        return fetch(input);
      },
    });
  });
  afterAll(() => gateway.close());

  const team = { path: { team: 'acme' } };
  const app = (id: string) => ({ path: { team: 'acme', id } });

  it('lists teams', async () => {
    const { data, response } = await client.GET('/v1/teams');
    expect(response.status).toBe(200);
    expect(data!.items.map((entry) => entry.key)).toEqual(['acme', 'globex']);
  });

  it('publishes to both catalogs, then reads them back through list, get and catalogs', async () => {
    const center = await client.POST('/v1/teams/{team}/applications', {
      params: team,
      body: PUBLISH_EXAMPLES.appCenter.value,
    });
    const warehouse = await client.POST('/v1/teams/{team}/applications', {
      params: team,
      body: PUBLISH_EXAMPLES.appWarehouse.value,
    });
    expect([center.response.status, warehouse.response.status]).toEqual([201, 201]);

    const list = await client.GET('/v1/teams/{team}/applications', {
      params: { ...team, query: { limit: 100 } },
    });
    expect(list.data!.items.map((item) => item.id)).toEqual(
      expect.arrayContaining([center.data!.id, warehouse.data!.id]),
    );
    const one = await client.GET('/v1/teams/{team}/applications/{id}', {
      params: app(warehouse.data!.id),
    });
    expect(one.data!.name).toBe('Postman');
    const catalogs = await client.GET('/v1/teams/{team}/catalogs', { params: team });
    expect(catalogs.data!.items.length).toBeGreaterThan(0);
  });

  it('installs, copies, lists upgrade options and upgrades a Rainbond app', async () => {
    const id = 'rainbond:region-1:1';
    const installed = await client.POST('/v1/teams/{team}/applications/{id}/install', {
      params: app(id),
      body: INSTALL_EXAMPLE.value,
    });
    expect(installed.response.status).toBe(200);
    const copied = await client.POST('/v1/teams/{team}/applications/{id}/copy', {
      params: app(id),
      body: COPY_EXAMPLE.value,
    });
    expect(copied.data!.owner.team).toBe('globex');
    const options = await client.GET('/v1/teams/{team}/applications/{id}/upgrades', {
      params: app(id),
    });
    expect(options.data!.options.length).toBeGreaterThan(0);
    const upgraded = await client.POST('/v1/teams/{team}/applications/{id}/upgrade', {
      params: app(id),
      body: UPGRADE_EXAMPLE.value,
    });
    expect(upgraded.response.status).toBe(200);
  });

  it('returns problems as typed errors', async () => {
    const { error, response } = await client.GET('/v1/teams/{team}/applications/{id}', {
      params: { path: { team: 'nowhere', id: 'rainbond:region-1:1' } },
    });
    expect(response.status).toBe(404);
    expect(error).toMatchObject({ status: 404, requestId: response.headers.get('x-request-id') });
  });

  it('sent credentials and a request id on every call, an idempotency key on every POST', () => {
    expect(sent.length).toBeGreaterThanOrEqual(10);
    for (const request of sent) {
      expect(request.headers.get('authorization')).toBe(`Bearer ${DEMO_KEY}`);
      expect(request.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(request.headers.has('idempotency-key')).toBe(request.method === 'POST');
    }
    const keys = sent
      .filter((r) => r.method === 'POST')
      .map((r) => r.headers.get('idempotency-key'));
    expect(new Set(keys).size).toBe(keys.length);
  });
});
