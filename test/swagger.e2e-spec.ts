import { DEMO_KEY, startTestGateway, type TestGateway } from './support/test-gateway';

interface Operation {
  operationId: string;
  parameters?: {
    name: string;
    in: string;
    required?: boolean;
    example?: string;
    schema?: { example?: string };
  }[];
  security?: Record<string, string[]>[];
  requestBody?: { content: Record<string, { examples?: Record<string, { value: unknown }> }> };
  responses: Record<string, { content?: Record<string, unknown> } | undefined>;
}

/** Swagger UI's "Try it out" sends the prefilled examples: each must succeed against the sandbox. */
describe('OpenAPI document and its examples', () => {
  let gateway: TestGateway;
  let spec: {
    paths: Record<string, Record<string, Operation>>;
    components: { securitySchemes: Record<string, unknown> };
  };

  beforeAll(async () => {
    gateway = await startTestGateway();
    spec = (await gateway.request('GET', '/docs-json', { key: null })).body;
  });
  afterAll(() => gateway.close());

  const operations = () =>
    Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
    );

  it('serves Swagger UI at /docs', async () => {
    const response = await fetch(`${gateway.url.replace('[::1]', '127.0.0.1')}/docs`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('swagger');
  });

  it('documents every operation with a bearer scheme', () => {
    expect(
      operations()
        .map(({ operation }) => operation.operationId)
        .sort(),
    ).toEqual([
      'copyApplication',
      'createStreamTicket',
      'getApplication',
      'getApplicationStatus',
      'installApplication',
      'listApplications',
      'listCatalogs',
      'listTeams',
      'listUpgradeOptions',
      'publishApplication',
      'streamApplicationEvents',
      'upgradeApplication',
    ]);
    expect(spec.components.securitySchemes['api-key']).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
  });

  it('lets every operation be authorized with an API key or a user access token', () => {
    expect(spec.components.securitySchemes.oidc).toMatchObject({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
    for (const { operation } of operations()) {
      expect(operation.security).toHaveLength(2);
      expect(operation.security).toEqual(expect.arrayContaining([{ 'api-key': [] }, { oidc: [] }]));
    }
  });

  it('documents problem responses on every operation', () => {
    for (const { operation } of operations()) {
      expect(Object.keys(operation.responses)).toContain('401');
    }
  });

  it('documents the optional Idempotency-Key and its 409 and 422 on every POST', () => {
    const posts = operations().filter(({ method }) => method === 'post');
    expect(posts).toHaveLength(5);
    for (const { operation } of posts) {
      expect(operation.parameters).toContainEqual(
        expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false }),
      );
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['409', '422']));
    }
  });

  it('has one publish example per provider', () => {
    const publish = spec.paths['/v1/teams/{team}/applications'].post;
    const examples = Object.values(publish.requestBody!.content['application/json'].examples!);
    expect(
      examples.map((example) => (example.value as { provider: string }).provider).sort(),
    ).toEqual(['app-center', 'app-warehouse']);
  });

  it('succeeds with every documented example as-is', async () => {
    for (const { path, method, operation } of operations()) {
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) => {
        // Swagger UI prefills a path parameter from its own example or its schema's.
        const parameter = operation.parameters?.find((candidate) => candidate.name === name);
        const example = parameter?.example ?? parameter?.schema?.example;
        expect(example).toBeDefined();
        return encodeURIComponent(example!);
      });
      const examples = operation.requestBody?.content['application/json'].examples ?? {
        none: { value: undefined },
      };
      if (operation.responses['200']?.content?.['text/event-stream']) {
        // the sandbox's work is done at once: the stream answers its state, settles and ends
        const stream = await fetch(gateway.url.replace('[::1]', '127.0.0.1') + url, {
          headers: { authorization: `Bearer ${DEMO_KEY}` },
        });
        expect([operation.operationId, stream.status, await stream.text()]).toEqual([
          operation.operationId,
          200,
          expect.stringContaining('event: settled'),
        ]);
        continue;
      }
      for (const [name, example] of Object.entries(examples)) {
        const response = await gateway.request(method.toUpperCase(), url, { body: example.value });
        const created = ['publishApplication', 'createStreamTicket'];
        const expected = created.includes(operation.operationId) ? 201 : 200;
        expect({
          operation: operation.operationId,
          example: name,
          status: response.status,
        }).toEqual({
          operation: operation.operationId,
          example: name,
          status: expected,
        });
      }
    }
  });
});
