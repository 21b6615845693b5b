import type { OpenAPIObject } from '@nestjs/swagger';
import { forTypedClients } from './client-document-rules';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const member = (provider: string) => ({
  type: 'object',
  required: ['provider', 'name'],
  properties: { provider: { type: 'string', enum: [provider] }, name: { type: 'string' } },
});

/** What Nest's decorators produce: defaulted fields listed as required, a discriminator unmapped. */
function document(): OpenAPIObject {
  return {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: {
      '/install': {
        post: {
          requestBody: json(ref('Install')),
          responses: { '200': { description: 'ok', ...json(ref('Result')) } },
        },
      },
      '/publish': {
        post: {
          requestBody: json({
            oneOf: [ref('Center'), ref('Warehouse')],
            discriminator: { propertyName: 'provider' },
          }),
          responses: { '201': { description: 'ok' } },
        },
      },
    },
    components: {
      schemas: {
        Install: {
          type: 'object',
          required: ['appModelId', 'deploy', 'market'],
          properties: {
            appModelId: { type: 'string' },
            deploy: { type: 'boolean', default: false },
            market: ref('Market'),
          },
        },
        Market: {
          type: 'object',
          required: ['type'],
          properties: { type: { type: 'string', default: 'rainstore' } },
        },
        Result: {
          type: 'object',
          required: ['status'],
          properties: { status: { type: 'string', default: 'done' } },
        },
        Center: member('app-center'),
        Warehouse: member('app-warehouse'),
      },
    },
  };
}

describe('forTypedClients', () => {
  const schemas = () => forTypedClients(document()).components!.schemas!;

  it('drops a defaulted field from the required list of a request body schema', () => {
    expect(schemas().Install).toMatchObject({ required: ['appModelId', 'market'] });
  });

  it('does the same in schemas the request body refers to, leaving no empty list', () => {
    expect(schemas().Market).not.toHaveProperty('required');
  });

  it('leaves schemas only responses use as they are', () => {
    expect(schemas().Result).toMatchObject({ required: ['status'] });
  });

  it("maps each discriminator value to the member that fixes it, not to the member's name", () => {
    const body = forTypedClients(document()).paths['/publish'].post!.requestBody as {
      content: Record<string, { schema: { discriminator: unknown } }>;
    };
    expect(body.content['application/json'].schema.discriminator).toEqual({
      propertyName: 'provider',
      mapping: {
        'app-center': '#/components/schemas/Center',
        'app-warehouse': '#/components/schemas/Warehouse',
      },
    });
  });

  it('leaves a discriminator unmapped when a member does not fix the value', () => {
    const unfixed = document();
    unfixed.components!.schemas!.Warehouse = {
      type: 'object',
      properties: { provider: { type: 'string' } },
    };
    const body = forTypedClients(unfixed).paths['/publish'].post!.requestBody as {
      content: Record<string, { schema: { discriminator: unknown } }>;
    };
    expect(body.content['application/json'].schema.discriminator).toEqual({
      propertyName: 'provider',
    });
  });
});
