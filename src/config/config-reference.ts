import { resolve } from 'node:path';
import type { z } from 'zod';
import { code } from './config-reference.node';
import {
  listConfigSections,
  type ConfigSection,
  type ConfigSetting,
} from './config-reference.settings';
import { gatewayConfigSchema, SECRET_PATHS } from './gateway-config.schema';

/** Where `npm run docs:config` writes the reference; a unit test keeps it equal to the schema. */
export const CONFIG_REFERENCE_FILE = resolve(__dirname, '../../docs/configuration.md');

const INTRO = `# Configuration reference

<!-- Generated from src/config/gateway-config.schema.ts by \`npm run docs:config\`; do not edit by hand. -->

The gateway reads one YAML file, named by \`CONFIG_FILE\`
([\`config/example.production.yaml\`](../config/example.production.yaml) uses every section); without
\`CONFIG_FILE\` it starts in sandbox mode with [\`config/default.yaml\`](../config/default.yaml). The file
is checked at start-up, and a faulty one stops the start with every faulty setting named, all in one
round. [\`config/gateway-config.schema.json\`](../config/gateway-config.schema.json) is the same schema as
JSON Schema, for editor completion: start a YAML file with
\`# yaml-language-server: $schema=<path to it>\` (the examples do). Outside sandbox mode a caller
whose key hash is one of a built-in list of known-weak keys (\`test\`, \`password\`, \`changeme\`,
the demo keys, ...) stops the start too.

How to read the tables:
- **Setting**: \`a.b\` is key \`b\` inside \`a\`; \`list[].x\` is \`x\` in each item of a list;
  \`map.<name>.x\` is \`x\` in each entry of a map whose keys you choose. A setting marked
  (when \`type: x\`) belongs to the variant of its object whose \`type\` is \`x\`.
- **Required / default**: within the object that holds the setting; a default applies when the setting
  is left out.
- **Secret**: the value must be a \`\${ENV_VAR}\` or \`file:/path\` reference (the file's content,
  trimmed), never a literal. Any other string setting may be a reference too; references are resolved
  before the values are checked.
`;

const TABLE_HEAD = [
  '| Setting | Type | Required / default | Allowed | Secret | Description |',
  '|---|---|---|---|---|---|',
];

/** The whole reference of the gateway's configuration file, as written to docs/configuration.md. */
export function renderConfigReference(): string {
  return `${INTRO}\n${renderSettingsTables(gatewayConfigSchema, SECRET_PATHS)}`;
}

/** One markdown table per top-level key of `schema`. */
export function renderSettingsTables(schema: z.ZodType, secretPaths: string[]): string {
  return listConfigSections(schema, secretPaths).map(renderSection).join('\n');
}

function renderSection(section: ConfigSection): string {
  return [
    `## ${code(section.key)}`,
    '',
    ...TABLE_HEAD,
    ...section.settings.map(renderRow),
    '',
  ].join('\n');
}

function renderRow(setting: ConfigSetting): string {
  const when = setting.when.length > 0 ? ` (when ${setting.when.map(code).join(', ')})` : '';
  const cells = [
    `${code(setting.path)}${when}`,
    setting.type,
    setting.presence,
    setting.allowed.join('; '),
    setting.secret ? 'yes' : '',
    setting.description,
  ];
  return `| ${cells.map(tableCell).join(' | ')} |`;
}

function tableCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}
