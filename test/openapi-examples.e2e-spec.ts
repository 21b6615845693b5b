import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { PROBLEM_TYPE_BASE, PROBLEM_TYPES, type ProblemSlug } from '../src/common/problem';

interface MediaType {
  schema?: object;
  example?: unknown;
  examples?: Record<string, { value: unknown }>;
}
interface Operation {
  operationId: string;
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, MediaType> };
  responses: Record<string, { content?: Record<string, MediaType> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, object> };
}

/** The committed document (the drift test proves it is what the app serves). */
const document = JSON.parse(
  readFileSync(join(__dirname, '..', 'openapi.json'), 'utf8'),
) as Document;

/** Every object schema closed, so an example field the schema does not document fails too. */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== 'object') return schema;
  const copy = Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [key, key === 'example' ? value : closed(value)]),
  );
  if ('properties' in copy && !('additionalProperties' in copy)) copy.additionalProperties = false;
  return copy;
}

const ajv = new Ajv({ strict: false, allErrors: true });
// The model's one time format: RFC 3339 in UTC with milliseconds.
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
ajv.addSchema({ $id: 'openapi', components: closed(document.components) });

const validators = new Map<string, ValidateFunction>();
function validatorFor(schema: object): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = validators.get(key);
  if (!validate) {
    const resolved = JSON.parse(
      key.replace(/"#\/components\//g, '"openapi#/components/'),
    ) as object;
    validate = ajv.compile(closed(resolved) as object);
    validators.set(key, validate);
  }
  return validate;
}

interface Example {
  where: string;
  status?: number;
  media: string;
  schema: object;
  value: unknown;
}

function examplesOf(where: string, media: string, type: MediaType, status?: number): Example[] {
  const values = [
    ...(type.example === undefined ? [] : [['example', type.example] as const]),
    ...Object.entries(type.examples ?? {}).map(([name, example]) => [name, example.value] as const),
  ];
  return values.map(([name, value]) => ({
    where: `${where} ${name}`,
    status,
    media,
    schema: type.schema ?? {},
    value,
  }));
}

const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
);
const examples: Example[] = operations.flatMap(({ method, path, operation }) => [
  ...Object.entries(operation.requestBody?.content ?? {}).flatMap(([media, type]) =>
    examplesOf(`${method.toUpperCase()} ${path} request`, media, type),
  ),
  ...Object.entries(operation.responses).flatMap(([status, response]) =>
    Object.entries(response.content ?? {}).flatMap(([media, type]) =>
      examplesOf(`${method.toUpperCase()} ${path} ${status}`, media, type, Number(status)),
    ),
  ),
]);

describe('OpenAPI examples', () => {
  it('has examples to check: every operation has some', () => {
    for (const { method, path } of operations) {
      const prefix = `${method.toUpperCase()} ${path} `;
      expect(examples.filter((example) => example.where.startsWith(prefix)).length).toBeGreaterThan(
        1,
      );
    }
  });

  it('the check refuses an undocumented field and a time that is not UTC with milliseconds', () => {
    const validate = validatorFor({ $ref: '#/components/schemas/Application' });
    const app = { id: 'rainbond:region-1:1', provider: 'rainbond', owner: { team: 'acme' } };
    expect(validate(app)).toBe(true);
    expect(validate({ ...app, tenantId: 'x' })).toBe(false);
    expect(validate({ ...app, createdAt: '2026-12-01T17:00:06.815000' })).toBe(false);
  });

  it.each(examples.map((example) => [example.where, example] as const))(
    '%s matches its schema',
    (_, example) => {
      const validate = validatorFor(example.schema);
      const valid = validate(example.value);
      expect(valid ? [] : validate.errors).toEqual([]);
    },
  );

  it.each(
    examples
      .filter((example) => example.media === 'application/problem+json')
      .map((example) => [example.where, example] as const),
  )('%s is a problem of that status and a catalogued type', (_, example) => {
    const problem = example.value as { type: string; status: number; title: string };
    const slug = problem.type.slice(PROBLEM_TYPE_BASE.length) as ProblemSlug;
    expect(PROBLEM_TYPES[slug]).toBeDefined();
    expect(problem.status).toBe(example.status);
    expect(PROBLEM_TYPES[slug]).toMatchObject({ status: example.status, title: problem.title });
  });

  it('every error answer has one example per type it documents', () => {
    for (const { operation } of operations) {
      for (const [status, response] of Object.entries(operation.responses)) {
        const problem = response.content?.['application/problem+json'];
        if (Number(status) < 400) continue;
        expect(problem?.examples && Object.keys(problem.examples).length).toBeGreaterThan(0);
      }
    }
  });

  it.each(
    operations.map(({ method, path, operation }) => [`${method} ${path}`, operation] as const),
  )(
    '%s lists its parameters path first (in path order), then query, then headers',
    (path, operation) => {
      const parameters = operation.parameters ?? [];
      const locations = parameters.map((parameter) => parameter.in);
      const order = ['path', 'query', 'header'];
      expect([...locations].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(locations);
      const pathNames = parameters.filter((p) => p.in === 'path').map((p) => p.name);
      const positions = pathNames.map((name) => path.indexOf(`{${name}}`));
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    },
  );

  it('documents 405, 429 and 500 on every operation, 413 and 415 on every one with a body', () => {
    for (const { operation } of operations) {
      expect(Object.keys(operation.responses)).toEqual(
        expect.arrayContaining(['405', '429', '500']),
      );
      if (operation.requestBody) {
        expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['413', '415']));
      }
    }
  });
});
