import { resolve } from 'node:path';
import { z } from 'zod';
import { gatewayConfigSchema } from './gateway-config.schema';

/** Where `npm run docs:config` writes it; the YAML examples name it for editor completion. */
export const CONFIG_JSON_SCHEMA_FILE = resolve(
  __dirname,
  '../../config/gateway-config.schema.json',
);

/** `${ENV_VAR}` or `file:/path`: any string setting may be written as one, resolved at start-up. */
const REFERENCE = {
  type: 'string',
  pattern: '^(\\$\\{[A-Za-z_][A-Za-z0-9_]*\\}|file:.+)$',
  description: 'a ${ENV_VAR} or file:/path reference, resolved at start-up',
};

/**
 * The JSON Schema of the configuration file as it is written (before references are resolved),
 * generated from the zod schema. A string with a format or pattern also accepts a reference, so an
 * editor does not flag `baseUrl: ${RAINBOND_URL}`. Checks between sections are not in it.
 */
export function renderConfigJsonSchema(): string {
  const schema = z.toJSONSchema(gatewayConfigSchema, {
    io: 'input',
    unrepresentable: 'any',
    cycles: 'throw',
    override: ({ jsonSchema, path }) => {
      if (jsonSchema.type !== 'string' || !(jsonSchema.pattern || jsonSchema.format)) return;
      // Keys (team names) are never resolved, only values.
      if (path.at(-1) === 'propertyNames') return;
      const { description, ...value } = jsonSchema;
      for (const key of Object.keys(jsonSchema))
        delete (jsonSchema as Record<string, unknown>)[key];
      Object.assign(jsonSchema, { ...(description && { description }), anyOf: [value, REFERENCE] });
    },
  });
  const document = {
    ...schema,
    title: 'Application gateway configuration',
    description: 'The file CONFIG_FILE names; reference: docs/configuration.md',
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
