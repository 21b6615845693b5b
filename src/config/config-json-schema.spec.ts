import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';
import { CONFIG_JSON_SCHEMA_FILE, renderConfigJsonSchema } from './config-json-schema';

const configDir = join(__dirname, '../../config');
const EXAMPLES = ['example.production.yaml', 'default.yaml'];

describe('config/gateway-config.schema.json', () => {
  const validate = new Ajv2020({ strict: false, allErrors: true }).compile(
    JSON.parse(readFileSync(CONFIG_JSON_SCHEMA_FILE, 'utf8')) as object,
  );

  it('is what the generator makes of the current zod schema', () => {
    if (readFileSync(CONFIG_JSON_SCHEMA_FILE, 'utf8') !== renderConfigJsonSchema()) {
      throw new Error(
        'config/gateway-config.schema.json differs from the config schema: run `npm run docs:config` and commit the result',
      );
    }
  });

  it.each(EXAMPLES)('accepts %s, references included, and is named in it for editors', (file) => {
    const text = readFileSync(join(configDir, file), 'utf8');
    expect(text.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=./gateway-config.schema.json',
    );
    expect(validate(parse(text)) ? [] : validate.errors).toEqual([]);
  });

  it('flags what an editor should: a misspelt key, a wrong type, a missing section', () => {
    const example = parse(readFileSync(join(configDir, 'example.production.yaml'), 'utf8')) as {
      server: Record<string, unknown>;
      teams?: unknown;
    };
    const broken = { ...example, server: { ...example.server, prot: 3000, port: 'x' } };
    delete broken.teams;
    expect(validate(broken)).toBe(false);
    expect(validate.errors!.map((error) => `${error.instancePath} ${error.message}`)).toEqual(
      expect.arrayContaining([
        " must have required property 'teams'",
        '/server must NOT have additional properties',
        '/server/port must be integer',
      ]),
    );
  });
});
