import type { z } from 'zod';

/** How one JSON Schema node (as `z.toJSONSchema` emits it) reads in the configuration reference. */
export type JsonSchema = z.core.JSONSchema.JSONSchema;
type JsonSchemaOrBoolean = z.core.JSONSchema._JSONSchema;

/** JSON Schema formats zod emits; a format named after a zod check (`starts_with`) is shown by its pattern. */
const STANDARD_FORMATS = new Set([
  'date',
  'date-time',
  'duration',
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'time',
  'uri',
  'uuid',
]);

/** `z.number().int()` bounds itself by the safe-integer range; that says nothing to a reader. */
const IMPLIED_BOUNDS = new Set([Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]);

/** `true`, `false` and draft-4 tuple `items` say nothing a row can show: they read as "any". */
export function asSchema(
  node: JsonSchemaOrBoolean | JsonSchemaOrBoolean[] | undefined,
): JsonSchema {
  return typeof node === 'object' && !Array.isArray(node) ? node : {};
}

export function unionMembers(node: JsonSchema): JsonSchema[] | undefined {
  return node.anyOf ?? node.oneOf;
}

function isNullSchema(node: JsonSchema): boolean {
  return node.type === 'null';
}

export function hasProperties(node: JsonSchema): boolean {
  return node.properties !== undefined;
}

/** A map whose keys the user chooses: `z.record(...)`, not an object with known properties. */
export function isRecord(node: JsonSchema): boolean {
  return !hasProperties(node) && typeof node.additionalProperties === 'object';
}

export function isList(node: JsonSchema): boolean {
  return node.type === 'array' && node.prefixItems === undefined;
}

export function elementOf(node: JsonSchema): JsonSchema {
  return asSchema(isRecord(node) ? node.additionalProperties : node.items);
}

export function typeName(node: JsonSchema): string {
  const members = unionMembers(node);
  if (members) return unique(members.map(typeName)).join(' or ');
  if (Array.isArray(node.type))
    return node.type.map((type) => typeName({ ...node, type })).join(' or ');
  if (node.prefixItems)
    return `[${node.prefixItems.map((item) => typeName(asSchema(item))).join(', ')}]`;
  if (isList(node)) return `list of ${typeName(elementOf(node))}`;
  if (isRecord(node)) return `map of ${typeName(elementOf(node))}`;
  if (node.format === 'uri') return 'URL';
  if (hasStandardFormat(node)) return `${String(node.type)} (${node.format})`;
  if (node.type) return node.type;
  if (node.const !== undefined) return node.const === null ? 'null' : typeof node.const;
  return 'any';
}

/** Allowed values, ranges, lengths and patterns of a node; an element's are prefixed with "each". */
export function allowedValues(node: JsonSchema): string[] {
  const members = unionMembers(node);
  if (members) return members.filter((member) => !isNullSchema(member)).flatMap(allowedValues);
  const allowed: string[] = [];
  if (node.const !== undefined) allowed.push(code(node.const));
  if (node.enum) allowed.push(node.enum.map(code).join(', '));
  allowed.push(...numberBounds(node), ...countBounds(node));
  if (node.pattern && !hasStandardFormat(node)) allowed.push(`pattern ${code(node.pattern)}`);
  if (node.multipleOf !== undefined) allowed.push(`multiple of ${node.multipleOf}`);
  if (node.uniqueItems) allowed.push('no duplicates');
  if (isRecord(node)) {
    const keys = allowedValues(asSchema(node.propertyNames));
    if (keys.length > 0) allowed.push(`keys: ${keys.join(', ')}`);
  }
  if (isList(node) || isRecord(node)) {
    const each = allowedValues(elementOf(node));
    if (each.length > 0 && !hasChildren(elementOf(node))) allowed.push(`each: ${each.join(', ')}`);
  }
  return allowed;
}

/** Objects (and unions with an object among them) get rows of their own below their parent. */
export function hasChildren(node: JsonSchema): boolean {
  const members = unionMembers(node);
  if (members) return members.some(hasChildren);
  if (hasProperties(node)) return true;
  return (isList(node) || isRecord(node)) && hasChildren(elementOf(node));
}

export function code(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

function numberBounds(node: JsonSchema): string[] {
  const lower = bound(node.minimum, node.exclusiveMinimum, '≥', '>');
  const upper = bound(node.maximum, node.exclusiveMaximum, '≤', '<');
  if (lower?.startsWith('≥') && upper?.startsWith('≤')) {
    return [`${node.minimum}–${node.maximum}`];
  }
  return [lower, upper].filter((text): text is string => text !== undefined);
}

function bound(
  inclusive: number | undefined,
  exclusive: number | boolean | undefined,
  inclusiveSign: string,
  exclusiveSign: string,
): string | undefined {
  if (typeof exclusive === 'number' && !IMPLIED_BOUNDS.has(exclusive)) {
    return `${exclusiveSign} ${exclusive}`;
  }
  if (inclusive !== undefined && !IMPLIED_BOUNDS.has(inclusive)) {
    return `${inclusiveSign} ${inclusive}`;
  }
  return undefined;
}

function countBounds(node: JsonSchema): string[] {
  const counted = [
    countBound(node.minLength, node.maxLength, 'length', ''),
    countBound(node.minItems, node.maxItems, '', ' item', ' items'),
    countBound(node.minProperties, node.maxProperties, '', ' entry', ' entries'),
  ];
  if (node.minLength === 1 && node.maxLength === undefined) counted[0] = 'non-empty';
  return counted.filter((text): text is string => text !== undefined);
}

function countBound(
  min: number | undefined,
  max: number | undefined,
  prefix: string,
  one: string,
  many = one,
): string | undefined {
  const lead = prefix ? `${prefix} ` : '';
  const unit = (count: number) => (count === 1 ? one : many);
  if (min === max && min !== undefined) return `${lead}exactly ${min}${unit(min)}`;
  if (min !== undefined && max !== undefined) return `${lead}${min}–${max}${many}`;
  if (min !== undefined && min > 0) return `${lead}at least ${min}${unit(min)}`;
  if (max !== undefined) return `${lead}at most ${max}${unit(max)}`;
  return undefined;
}

function hasStandardFormat(node: JsonSchema): boolean {
  return node.format !== undefined && STANDARD_FORMATS.has(node.format);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
