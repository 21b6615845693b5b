import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { CONFIG_JSON_SCHEMA_FILE, renderConfigJsonSchema } from '../src/config/config-json-schema';
import { CONFIG_REFERENCE_FILE, renderConfigReference } from '../src/config/config-reference';

for (const [file, render] of [
  [CONFIG_REFERENCE_FILE, renderConfigReference],
  [CONFIG_JSON_SCHEMA_FILE, renderConfigJsonSchema],
] as const) {
  writeFileSync(file, render());
  console.log(`wrote ${relative(process.cwd(), file)}`);
}
