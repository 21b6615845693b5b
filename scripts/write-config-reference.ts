import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { CONFIG_REFERENCE_FILE, renderConfigReference } from '../src/config/config-reference';

writeFileSync(CONFIG_REFERENCE_FILE, renderConfigReference());
console.log(`wrote ${relative(process.cwd(), CONFIG_REFERENCE_FILE)}`);
