import fc from 'fast-check';
import { PROTOTYPE_NAMES } from '../support/hostile-input';
import { bodyFields, type BodyField, type Operation, type Schema } from './openapi-operations';

/** One request to send: the parts of an operation, filled in. */
export interface RequestParts {
  /** What was made invalid (or "any"), for the failure message. */
  label: string;
  path: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** Without a key: no Authorization header. */
  key: string | null;
  /** JSON text; undefined sends no body. */
  body?: string;
}

const KNOWN_TEAMS = ['acme', 'globex'];
const TEAM_KEY = /^[a-z][a-z0-9-]{0,62}$/;
/** The id grammar of the document's `id` description, written out independently of the gateway. */
const APPLICATION_ID =
  /^(?:rainbond:[A-Za-z0-9_-]{1,64}:(?:[1-9][0-9]{0,8}|1[0-9]{9}|20[0-9]{8}|21[0-3][0-9]{7}|214[0-6][0-9]{6}|2147[0-3][0-9]{5}|21474[0-7][0-9]{4}|214748[0-2][0-9]{3}|2147483[0-5][0-9]{2}|21474836[0-3][0-9]|214748364[0-7])|app-center:[A-Za-z0-9_-]{1,64}|app-warehouse:[0-9]{1,32})$/;
/** Idempotency-Key characters (README); anything else is a 400. */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9\-_.~:+/=]{1,255}$/;

/** Past the router's 100-character parameter limit, so its 414 problem is generated too. */
const MAX_PATH_PARAM = 300;

const printable = (options: { minLength?: number; maxLength?: number } = {}) =>
  fc.string({ unit: 'grapheme-ascii', ...options });

export function baseParts(op: Operation, key: string): Omit<RequestParts, 'label'> {
  const path: Record<string, string> = {};
  for (const parameter of op.parameters) {
    if (parameter.in === 'path') {
      path[parameter.name] = String(parameter.example ?? parameter.schema?.example);
    }
  }
  return { path, query: {}, headers: {}, key };
}

/** A copy of `value` with `path` set by `change` (which may delete by returning undefined). */
function setAt(value: unknown, path: string[], change: (old: unknown) => unknown): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  let parent: Record<string, unknown> = copy;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string, unknown>;
  const last = path.at(-1)!;
  const next = change(parent[last]);
  if (next === undefined) delete parent[last];
  else parent[last] = next;
  return copy;
}

function isPresent(value: unknown, path: string[]): boolean {
  let current: unknown = value;
  for (const step of path.slice(0, -1)) {
    if (current === null || typeof current !== 'object') return false;
    current = (current as Record<string, unknown>)[step];
  }
  return current !== null && typeof current === 'object';
}

const wrongTypes: Record<string, fc.Arbitrary<unknown>> = {
  string: fc.oneof(fc.integer(), fc.boolean(), fc.constant({}), fc.constant([])),
  number: fc.oneof(printable({ maxLength: 5 }), fc.boolean(), fc.constant({}), fc.constant([1])),
  integer: fc.oneof(
    printable({ maxLength: 5 }),
    fc.boolean(),
    fc.double({ noInteger: true, noDefaultInfinity: true, noNaN: true }),
    fc.constant({}),
  ),
  boolean: fc.oneof(printable({ maxLength: 5 }), fc.integer(), fc.constant({})),
  object: fc.oneof(fc.constant([]), printable(), fc.integer(), fc.constant(true)),
  array: fc.oneof(fc.constant({}), printable(), fc.integer()),
};

/** One documented rule of a field and values that break it. */
interface Violation {
  rule: string;
  values: fc.Arbitrary<unknown>;
}

/** The rules of a field's schema, each with values that break it. */
function violations(field: BodyField, current: unknown): Violation[] {
  const { schema } = field;
  const type = schema.type ?? (schema.properties ? 'object' : undefined);
  const found: Violation[] = [{ rule: 'null', values: fc.constant(null) }];
  const add = (rule: string, values: fc.Arbitrary<unknown>) => found.push({ rule, values });
  if (type && wrongTypes[type]) add('type', wrongTypes[type]);
  if (field.required) add('missing', fc.constant(undefined));
  const { maxLength, minimum, maximum, maxItems, maxProperties } = schema;
  if (maxLength !== undefined) {
    add(
      'maxLength',
      fc.integer({ min: 1, max: 20 }).map((extra) => 'x'.repeat(maxLength + extra)),
    );
  }
  if (schema.minLength) add('minLength', fc.constant(''));
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern, 'u');
    add(
      'pattern',
      printable({ maxLength: 40 }).filter((v) => !pattern.test(v)),
    );
  }
  if (schema.enum) {
    const allowed = schema.enum;
    add(
      'enum',
      printable({ maxLength: 20 }).filter((v) => !allowed.includes(v)),
    );
  }
  if (maximum !== undefined) {
    add(
      'maximum',
      fc.integer({ min: 1, max: 2 ** 40 }).map((extra) => maximum + extra),
    );
  }
  if (minimum !== undefined) {
    add(
      'minimum',
      fc.integer({ min: 1, max: 2 ** 40 }).map((extra) => minimum - extra),
    );
  }
  if (maxItems !== undefined) {
    const item: unknown = Array.isArray(current) && current.length > 0 ? current[0] : 0;
    add(
      'maxItems',
      fc.integer({ min: 1, max: 3 }).map((extra) => new Array(maxItems + extra).fill(item)),
    );
  }
  if (schema.minItems) add('minItems', fc.constant([]));
  if (maxProperties !== undefined) {
    const entries = Object.fromEntries(
      Array.from({ length: maxProperties + 1 }, (_, i) => [`k${i}`, 'v']),
    );
    add('maxProperties', fc.constant(entries));
  }
  if (type === 'object' && schema.properties) {
    add('array for object', fc.constant([current]));
    add(
      'unknown key',
      unknownKey(schema).map((name) => ({ ...(current as object), [name]: 1 })),
    );
  }
  if (schema.items?.$ref || schema.items?.properties) {
    add('array item not an object', fc.constant([[]]));
  }
  return found;
}

function unknownKey(schema: Schema): fc.Arbitrary<string> {
  const known = Object.keys(schema.properties ?? {});
  return fc.oneof(
    fc.constantFrom(...PROTOTYPE_NAMES),
    printable({ minLength: 1, maxLength: 20 }).filter((name) => !known.includes(name)),
  );
}

type Case = fc.Arbitrary<RequestParts>;

/** One case per body field and documented rule it can break, and for the body as a whole. */
function invalidBodies(op: Operation, base: Omit<RequestParts, 'label'>): Case[] {
  return op.bodies.flatMap(({ value, schema }) => {
    const perField = bodyFields(schema)
      .filter((field) => isPresent(value, field.path))
      .flatMap((field) => {
        const current = field.path.reduce<any>((object, step) => object?.[step], value) as unknown;
        return violations(field, current).map(({ rule, values }) =>
          values.map((replacement) => ({
            ...base,
            label: `body ${field.path.join('.')}: ${rule}`,
            body: JSON.stringify(setAt(value, field.path, () => replacement)),
          })),
        );
      });
    const whole = [
      unknownKey(schema).map((name) => ({
        ...base,
        label: `body: unknown key ${name}`,
        body: JSON.stringify({ ...value, [name]: 1 }),
      })),
      fc.constantFrom<unknown>([value], 'text', 7, true, null).map((body) => ({
        ...base,
        label: `body: ${JSON.stringify(body).slice(0, 20)}`,
        body: JSON.stringify(body),
      })),
    ];
    return [...perField, ...whole];
  });
}

const INVALID_PATH_VALUES: Record<string, fc.Arbitrary<string>[]> = {
  team: [
    printable({ minLength: 1, maxLength: MAX_PATH_PARAM }).filter((t) => !TEAM_KEY.test(t)),
    fc.stringMatching(/^[a-z][a-z0-9-]{0,30}$/).filter((t) => !KNOWN_TEAMS.includes(t)),
  ],
  id: [
    printable({ minLength: 1, maxLength: MAX_PATH_PARAM }).filter((id) => !APPLICATION_ID.test(id)),
    fc.bigInt({ min: 2n ** 31n, max: 10n ** 20n }).map((appId) => `rainbond:region-1:${appId}`),
    fc.constantFrom(
      'rainbond:region-1:0',
      'rainbond:region-1:01',
      'rainbond:region-1:-1',
      'rainbond::1',
    ),
  ],
};

function invalidPaths(op: Operation, base: Omit<RequestParts, 'label'>, body?: string): Case[] {
  return Object.keys(base.path).flatMap((name) =>
    (INVALID_PATH_VALUES[name] ?? []).map((values) =>
      values.map((value) => ({
        ...base,
        body,
        label: `path ${name}=${value.slice(0, 40)}`,
        path: { ...base.path, [name]: value },
      })),
    ),
  );
}

/** The rules a query string value (always a string) can break. */
const QUERY_RULES = new Set(['enum', 'maxLength', 'pattern', 'maximum', 'minimum']);

function invalidQueries(op: Operation, base: Omit<RequestParts, 'label'>, body?: string): Case[] {
  const declared = op.parameters.filter((p) => p.in === 'query');
  if (declared.length === 0) return [];
  const names = declared.map((p) => p.name);
  const withQuery = (label: string, query: Record<string, string>) => ({
    ...base,
    body,
    label,
    query,
  });
  const unknown = [
    fc.constantFrom(...PROTOTYPE_NAMES),
    printable({ minLength: 1, maxLength: 12 }),
  ].map((name) =>
    name
      .filter((n) => !names.includes(n))
      .map((n) => withQuery(`query: unknown ${n}`, { [n]: '1' })),
  );
  const perParameter = declared.flatMap((parameter) => {
    const field = { path: [parameter.name], schema: parameter.schema ?? {}, required: false };
    const rules = violations(field, undefined)
      .filter(({ rule }) => QUERY_RULES.has(rule))
      .map(({ rule, values }) =>
        values.map((value) =>
          withQuery(`query ${parameter.name}: ${rule}`, { [parameter.name]: String(value) }),
        ),
      );
    const notInteger =
      parameter.schema?.type === 'integer'
        ? [
            printable({ maxLength: 6 })
              .filter((v) => !/^[0-9]+$/.test(v))
              .map((v) =>
                withQuery(`query ${parameter.name}: not an integer`, { [parameter.name]: v }),
              ),
          ]
        : [];
    return [...rules, ...notInteger];
  });
  return [...unknown, ...perParameter];
}

function invalidHeaders(op: Operation, base: Omit<RequestParts, 'label'>, body?: string): Case[] {
  const as = (label: string, headers: Record<string, string>, key = base.key) => ({
    ...base,
    body,
    label,
    headers,
    key,
  });
  const cases: Case[] = [
    fc.constant(as('no Authorization', {}, null)),
    printable({ minLength: 1, maxLength: 40 }).map((value) =>
      as(
        'Authorization: unknown credential',
        { authorization: `Bearer ${value.trim() || 'x'}` },
        null,
      ),
    ),
    fc
      .constantFrom('Basic dXNlcjpwYXNz', 'bearer', 'Token abc')
      .map((value) => as(`Authorization: ${value}`, { authorization: value }, null)),
  ];
  if (op.parameters.some((p) => p.name === 'Idempotency-Key')) {
    cases.push(
      // fetch trims header values; a quoted valid key is a valid sf-string
      printable({ minLength: 1, maxLength: 40 })
        .filter((v) => v.trim() !== '' && !IDEMPOTENCY_KEY.test(v.trim().replace(/^"(.*)"$/, '$1')))
        .map((value) => as(`Idempotency-Key: ${value}`, { 'idempotency-key': value })),
      fc
        .integer({ min: 256, max: 400 })
        .map((n) => as(`Idempotency-Key of ${n} characters`, { 'idempotency-key': 'k'.repeat(n) })),
    );
  }
  return cases;
}

/**
 * For every documented rule of this operation (each body field's type, presence, null, length,
 * pattern, enum, range, size and unknown keys; each path parameter, query parameter and header),
 * requests that break just that rule: each a 4xx without upstream calls.
 */
export function invalidCases(op: Operation, key: string): Case[] {
  const base = baseParts(op, key);
  const body = op.bodies.length > 0 ? JSON.stringify(op.bodies[0].value) : undefined;
  return [
    ...invalidBodies(op, base),
    ...invalidPaths(op, base, body),
    ...invalidQueries(op, base, body),
    ...invalidHeaders(op, base, body),
  ];
}

/** Anything at all: random JSON, parameters, queries and headers, valid or not. */
export function anyRequest(op: Operation, key: string): fc.Arbitrary<RequestParts> {
  const base = baseParts(op, key);
  const validIds = fc.oneof(
    fc.integer({ min: 1, max: 2 ** 31 - 1 }).map((n) => `rainbond:region-${(n % 2) + 1}:${n}`),
    fc.stringMatching(/^app-center:[A-Za-z0-9_-]{1,20}$/),
    fc.stringMatching(/^app-warehouse:[0-9]{1,20}$/),
  );
  const pathValue = (name: string) =>
    fc.oneof(
      fc.constant(base.path[name]),
      name === 'team' ? fc.constantFrom(...KNOWN_TEAMS) : validIds,
      printable({ minLength: 1, maxLength: MAX_PATH_PARAM }),
    );
  const path = fc.record(
    Object.fromEntries(Object.keys(base.path).map((name) => [name, pathValue(name)])),
  );
  const query = fc.dictionary(
    fc.oneof(
      fc.constantFrom(...op.parameters.filter((p) => p.in === 'query').map((p) => p.name), 'x'),
      printable({ minLength: 1, maxLength: 8 }),
    ),
    printable({ maxLength: 12 }),
    { maxKeys: 3 },
  );
  const examples = op.bodies.map((b) => JSON.stringify(b.value));
  const body =
    op.method !== 'POST'
      ? fc.constant(undefined)
      : examples.length > 0
        ? fc.oneof(fc.json({ maxDepth: 3 }), fc.constantFrom(...examples))
        : fc.option(fc.json({ maxDepth: 3 }), { nil: undefined });
  const idempotencyKey = fc.option(fc.stringMatching(/^[A-Za-z0-9_-]{1,16}$/), { nil: undefined });
  return fc
    .record({ path, query, body, idempotencyKey })
    .map(({ idempotencyKey: k, ...parts }): RequestParts => {
      const headers: Record<string, string> =
        k && op.method === 'POST' ? { 'idempotency-key': k } : {};
      return { ...base, ...parts, label: 'any', headers };
    });
}
