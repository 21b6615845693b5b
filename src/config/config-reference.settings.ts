import { z } from 'zod';
import {
  allowedValues,
  asSchema,
  code,
  elementOf,
  hasChildren,
  hasProperties,
  isList,
  isRecord,
  typeName,
  unionMembers,
  type JsonSchema,
} from './config-reference.node';

/** One row of the configuration reference. */
export interface ConfigSetting {
  /** Dotted path: `a.b`, `list[].field`, `map.<key>.field`. */
  path: string;
  /** Conditions of the union variants the setting belongs to, e.g. `type: password`. */
  when: string[];
  type: string;
  /** `required`, `optional`, `default <value>`, or empty for a union variant. */
  presence: string;
  allowed: string[];
  secret: boolean;
  description: string;
}

/** The settings under one top-level key of the file, that key's own row first. */
export interface ConfigSection {
  key: string;
  settings: ConfigSetting[];
}

interface Segment {
  /** How the segment is written in a path: `.key`, `[]` or `.<name>`. */
  text: string;
  /** How it is written in a SECRET_PATHS pattern: the key, or `*`. */
  pattern: string;
}

interface Place {
  segments: Segment[];
  when: string[];
  presence: string;
}

/** Walks the JSON Schema of a zod config schema into one section of settings per top-level key. */
export function listConfigSections(schema: z.ZodType, secretPaths: string[]): ConfigSection[] {
  const { $defs, ...root } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    cycles: 'throw',
  });
  const inlined = inlineRefs(root, $defs ?? {}) as JsonSchema;
  if (!hasProperties(inlined)) throw new Error('the config schema must be an object');

  const walker = new SettingsWalker(secretPaths);
  const sections = Object.entries(inlined.properties ?? {}).map(([key, property]) => ({
    key,
    settings: walker.walk(asSchema(property), {
      segments: [{ text: key, pattern: key }],
      when: [],
      presence: presenceOf(asSchema(property), key, inlined),
    }),
  }));
  const unmatched = secretPaths.filter((path) => !walker.matchedSecretPaths.has(path));
  if (unmatched.length > 0) {
    throw new Error(`secret paths naming no setting of the schema: ${unmatched.join(', ')}`);
  }
  return sections;
}

class SettingsWalker {
  readonly matchedSecretPaths = new Set<string>();

  constructor(private readonly secretPaths: string[]) {}

  walk(node: JsonSchema, place: Place): ConfigSetting[] {
    return [this.row(node, place), ...this.children(node, place)];
  }

  private children(node: JsonSchema, place: Place): ConfigSetting[] {
    const members = unionMembers(node);
    if (members) return this.variants(members, place);
    if (hasProperties(node)) {
      return Object.entries(node.properties ?? {}).flatMap(([key, property]) =>
        this.walk(asSchema(property), {
          segments: [...place.segments, { text: `.${key}`, pattern: key }],
          when: place.when,
          presence: presenceOf(asSchema(property), key, node),
        }),
      );
    }
    if ((isList(node) || isRecord(node)) && hasChildren(elementOf(node))) {
      const text = isList(node) ? '[]' : `.<${placeholder(place.segments)}>`;
      // The element's own row would repeat its container's; its fields follow the container's row.
      return this.children(elementOf(node), {
        ...place,
        segments: [...place.segments, { text, pattern: '*' }],
      });
    }
    return [];
  }

  private variants(members: JsonSchema[], place: Place): ConfigSetting[] {
    const objects = members.filter(hasProperties);
    const discriminator = discriminatorOf(objects);
    return objects.flatMap((variant, i) => {
      const condition = discriminator
        ? `${discriminator}: ${String(constOf(variant, discriminator))}`
        : `variant ${i + 1}`;
      return this.walk(variant, { ...place, when: [...place.when, condition], presence: '' });
    });
  }

  private row(node: JsonSchema, place: Place): ConfigSetting {
    const pattern = place.segments.map((segment) => segment.pattern).join('.');
    const isContainer = isList(node) || isRecord(node);
    const ownSecret = this.isSecret(pattern);
    const elementSecret = isContainer && this.isSecret(`${pattern}.*`);
    const elementDescription = isContainer ? elementOf(node).description : undefined;
    return {
      path: place.segments.map((segment) => segment.text).join(''),
      when: place.when,
      type: typeName(node),
      presence: place.presence,
      allowed: [...variantChoice(node), ...allowedValues(node)],
      secret: ownSecret || elementSecret,
      description: [node.description, elementDescription && `each: ${elementDescription}`]
        .filter((text): text is string => typeof text === 'string' && text.length > 0)
        .join('; '),
    };
  }

  private isSecret(pattern: string): boolean {
    const segments = pattern.split('.');
    const matches = this.secretPaths.filter((secretPath) => {
      const secretSegments = secretPath.split('.');
      return (
        secretSegments.length === segments.length &&
        secretSegments.every((segment, i) => segment === '*' || segment === segments[i])
      );
    });
    matches.forEach((secretPath) => this.matchedSecretPaths.add(secretPath));
    return matches.length > 0;
  }
}

function presenceOf(property: JsonSchema, key: string, parent: JsonSchema): string {
  if (property.default !== undefined) return `default ${code(property.default)}`;
  return parent.required?.includes(key) ? 'required' : 'optional';
}

/** For a discriminated union: which property picks the variant, and its values. */
function variantChoice(node: JsonSchema): string[] {
  const variants = unionMembers(node)?.filter(hasProperties) ?? [];
  const discriminator = discriminatorOf(variants);
  if (discriminator === undefined) return [];
  const values = variants.map((variant) => code(constOf(variant, discriminator)));
  return [`by ${code(discriminator)}: ${values.join(', ')}`];
}

/** A property every variant fixes to its own constant, as `z.discriminatedUnion` makes. */
function discriminatorOf(objects: JsonSchema[]): string | undefined {
  if (objects.length < 2) return undefined;
  return Object.keys(objects[0].properties ?? {}).find((key) =>
    objects.every((object) => constOf(object, key) !== undefined),
  );
}

function constOf(object: JsonSchema, key: string): unknown {
  return asSchema(object.properties?.[key]).const;
}

/** `teams` → `<team>`, `policies` → `<policy>`; any other name → `<key>`. */
function placeholder(segments: Segment[]): string {
  const name = segments[segments.length - 1].pattern;
  if (name.endsWith('ies')) return `${name.slice(0, -3)}y`;
  if (name.endsWith('s') && name !== '*') return name.slice(0, -1);
  return 'key';
}

/** Replaces `$ref`s into `$defs` (zod emits them for schemas registered with an id) by their target. */
function inlineRefs(node: unknown, defs: Record<string, JsonSchema>): unknown {
  if (Array.isArray(node)) return node.map((item) => inlineRefs(item, defs));
  if (node === null || typeof node !== 'object') return node;
  const { $ref, ...rest } = node as JsonSchema;
  const name = $ref?.replace('#/$defs/', '');
  if (name !== undefined && !(name in defs)) throw new Error(`cannot resolve ${$ref}`);
  const target = name === undefined ? {} : inlineRefs(defs[name], defs);
  return Object.assign(
    target as object,
    Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, inlineRefs(value, defs)])),
  );
}
