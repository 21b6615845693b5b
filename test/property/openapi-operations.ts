import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The parts of an OpenAPI 3 schema object the property suite reads. */
export interface Schema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  oneOf?: Schema[];
  additionalProperties?: Schema | boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  maxProperties?: number;
  nullable?: boolean;
  example?: unknown;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
  example?: unknown;
}

/** One operation of the committed document, with a valid request built from its examples. */
export interface Operation {
  id: string;
  method: string;
  /** Path template, e.g. /v1/teams/{team}/applications/{id}/install. */
  template: string;
  parameters: Parameter[];
  /** Valid bodies (the documented examples) with the schema each one follows. */
  bodies: { value: Record<string, unknown>; schema: Schema }[];
}

interface Document {
  paths: Record<
    string,
    Record<
      string,
      {
        operationId: string;
        parameters?: Parameter[];
        requestBody?: {
          content: Record<
            string,
            { schema: Schema; examples?: Record<string, { value: Record<string, unknown> }> }
          >;
        };
      }
    >
  >;
  components: { schemas: Record<string, Schema> };
}

export const OPENAPI: Document = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'openapi.json'), 'utf8'),
) as Document;

/** A schema with its `$ref` followed. */
export function resolve(schema: Schema): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  return OPENAPI.components.schemas[name];
}

/** The variant of a `oneOf` that this example is (by its enum-valued discriminator). */
function variantFor(schema: Schema, value: Record<string, unknown>): Schema {
  if (!schema.oneOf) return resolve(schema);
  const match = schema.oneOf
    .map(resolve)
    .find((variant) =>
      Object.entries(variant.properties ?? {}).some(
        ([name, property]) => property.enum?.length === 1 && property.enum[0] === value[name],
      ),
    );
  if (!match) throw new Error('example matches no oneOf variant');
  return match;
}

export function operations(): Operation[] {
  return Object.entries(OPENAPI.paths).flatMap(([template, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const json = op.requestBody?.content['application/json'];
      return {
        id: op.operationId,
        method: method.toUpperCase(),
        template,
        parameters: op.parameters ?? [],
        bodies: Object.values(json?.examples ?? {}).map(({ value }) => ({
          value,
          schema: variantFor(json!.schema, value),
        })),
      };
    }),
  );
}

/** A field of a request body: where it is, its schema, and whether its object requires it. */
export interface BodyField {
  path: string[];
  schema: Schema;
  required: boolean;
}

/** Every field of a request body schema, nested objects and first array items included. */
export function bodyFields(schema: Schema, path: string[] = []): BodyField[] {
  const object = resolve(schema);
  return Object.entries(object.properties ?? {}).flatMap(([name, property]) => {
    const own = resolve(property);
    const field = {
      path: [...path, name],
      schema: own,
      required: !!object.required?.includes(name),
    };
    const inner = own.items
      ? bodyFields(own.items, [...path, name, '0'])
      : bodyFields(own, field.path);
    return [field, ...inner];
  });
}
