import type { OpenAPIObject } from '@nestjs/swagger';
import type {
  ReferenceObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/**
 * What the generated client types need the document to say, whatever the DTO decorators say.
 * Both rules only make the document state what the server already does.
 */
export function forTypedClients(document: OpenAPIObject): OpenAPIObject {
  const schemas = (document.components?.schemas ?? {}) as Record<string, SchemaObject>;
  mapDiscriminatorValues(document, schemas);
  makeDefaultedRequestFieldsOptional(document, schemas);
  return document;
}

/**
 * A request field the server fills in when it is left out is optional for the caller, although
 * `@ApiProperty({ default })` lists it as required.
 */
function makeDefaultedRequestFieldsOptional(
  document: OpenAPIObject,
  schemas: Record<string, SchemaObject>,
): void {
  const requestBodies = Object.values(document.paths).flatMap((item) =>
    Object.values(item as Record<string, { requestBody?: unknown }>).map((op) => op?.requestBody),
  );
  for (const name of schemasReferencedBy(requestBodies, schemas)) {
    const schema = schemas[name];
    if (!schema.required) continue;
    const properties = schema.properties ?? {};
    schema.required = schema.required.filter(
      (key) => !(properties[key] && 'default' in properties[key]),
    );
    if (schema.required.length === 0) delete schema.required;
  }
}

/**
 * A discriminator without a `mapping` means, in OpenAPI, that the value is the schema's name
 * (`provider: "PublishAppWarehouseRequest"`). Where each member fixes the property to one enum
 * value, that value is the real one: map it.
 */
function mapDiscriminatorValues(
  document: OpenAPIObject,
  schemas: Record<string, SchemaObject>,
): void {
  for (const node of nodesOf(document)) {
    const { discriminator, oneOf } = node as SchemaObject;
    if (!discriminator || discriminator.mapping || !oneOf) continue;
    const entries = oneOf.map((member): [string, string] | undefined => {
      const ref = (member as ReferenceObject).$ref;
      const property = schemas[refName(ref ?? '')]?.properties?.[discriminator.propertyName];
      const values: unknown[] | undefined = (property as SchemaObject | undefined)?.enum;
      return ref && values?.length === 1 ? [String(values[0]), ref] : undefined;
    });
    if (entries.every((entry) => entry !== undefined)) {
      discriminator.mapping = Object.fromEntries(entries);
    }
  }
}

const refName = (ref: string) => ref.replace('#/components/schemas/', '');

/** Every object in the document, depth first. */
function* nodesOf(node: unknown): Generator<object> {
  if (typeof node !== 'object' || node === null) return;
  yield node;
  for (const child of Object.values(node)) yield* nodesOf(child);
}

/** Names of the component schemas `roots` refer to, directly or through other schemas. */
function schemasReferencedBy(roots: unknown[], schemas: Record<string, SchemaObject>): Set<string> {
  const found = new Set<string>();
  const visit = (root: unknown): void => {
    for (const node of nodesOf(root)) {
      const ref = (node as ReferenceObject).$ref;
      const name = typeof ref === 'string' ? refName(ref) : undefined;
      if (name && schemas[name] && !found.has(name)) {
        found.add(name);
        visit(schemas[name]);
      }
    }
  };
  roots.forEach(visit);
  return found;
}
