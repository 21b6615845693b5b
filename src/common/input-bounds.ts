import type { Type } from '@nestjs/common';
import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
import { ARRAY_MAX_SIZE, getMetadataStorage, ValidationTypes } from 'class-validator';
import type { FieldError } from './problem';

// class-transformer keeps the @Type() registry in a module its index does not re-export
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: MetadataStorage;
};

/**
 * The cheap pass that runs before class-transformer and class-validator see a request value. Both
 * do work per key and per item (class-transformer's key de-duplication is quadratic, class-validator
 * builds an error per item), so sizes and unknown keys are checked here first, in one linear walk
 * that stops descending at the first bound broken.
 */

/** Entries (keys or items) an object or array may hold where its DTO declares no smaller bound. */
export const MAX_ENTRIES = 100;
/**
 * Entries a JSON body may hold in all, checked before it is parsed. The largest valid body (100
 * upgrade versions of 3 fields) has about 400; JSON.parse of 100,000 keys alone blocks the event
 * loop for more than 50 ms.
 */
export const MAX_BODY_ENTRIES = 2_000;
/**
 * Default of `server.jsonDepthLimit`, the one nesting bound: the JSON body parser enforces the
 * configured value on every body before it is parsed, so no request value that reaches the pipes
 * is deeper (query strings and path parameters are flat), and this pass needs no bound of its own.
 */
export const DEFAULT_JSON_DEPTH_LIMIT = 32;
/** Field errors a problem lists; `errorCount` tells how many there were in all. */
export const MAX_FIELD_ERRORS = 20;
/** A field name is the caller's key: shown cut short and without control characters. */
const MAX_FIELD_CHARS = 64;
const CONTROL_CHARACTERS = /\p{Cc}/gu;

/** Keys JavaScript or the framework give a meaning of their own: never a field, never a map key. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

interface FieldShape {
  /** The DTO class of a nested object (or of each item, with `each`). */
  nested?: Type<unknown>;
  each: boolean;
  maxItems: number;
}
type Shape = ReadonlyMap<string, FieldShape>;

/** Field errors as found, the first {@link MAX_FIELD_ERRORS} kept and all of them counted. */
export class FieldErrorList {
  readonly errors: FieldError[] = [];
  count = 0;

  /** Adds the error of `key` in `parent`; the field name is only built when it is listed. */
  add(parent: string, key: string | number, message: string): void {
    this.count += 1;
    if (this.errors.length >= MAX_FIELD_ERRORS) return;
    const field = parent === '' ? String(key) : `${parent}.${key}`;
    const short = field.length > MAX_FIELD_CHARS ? `${field.slice(0, MAX_FIELD_CHARS)}…` : field;
    this.errors.push({ field: short.replace(CONTROL_CHARACTERS, '\uFFFD'), message });
  }
}

/** Checks `value` against the bounds of DTO class `target`; `root` names a value that is not an object. */
export function checkBounds(value: unknown, target: Type<unknown>, root: string): FieldErrorList {
  const found = new FieldErrorList();
  walkObject(value, target, '', root, found);
  return found;
}

function walkObject(
  value: unknown,
  target: Type<unknown>,
  path: string,
  root: string,
  found: FieldErrorList,
): void {
  if (!isPlainObject(value)) {
    found.add('', path || root, 'must be an object');
    return;
  }
  const shape = shapeOf(target);
  for (const key of Object.keys(value)) {
    const spec = RESERVED_KEYS.has(key) ? undefined : shape.get(key);
    if (!spec) found.add(path, key, 'is not a known field');
    else walkField(value[key], spec, path ? `${path}.${key}` : key, found);
  }
}

function walkField(value: unknown, spec: FieldShape, field: string, found: FieldErrorList): void {
  // presence and null are class-validator's to judge
  if (value === undefined || value === null) return;
  if (spec.nested && !spec.each) {
    walkObject(value, spec.nested, field, field, found);
  } else if (Array.isArray(value)) {
    if (value.length > spec.maxItems) {
      found.add('', field, `must contain at most ${spec.maxItems} items`);
      return;
    }
    value.forEach((item: unknown, index) => {
      const itemField = `${field}.${index}`;
      if (spec.nested) walkObject(item, spec.nested, itemField, itemField, found);
      else walkFree(item, itemField, found);
    });
  } else if (spec.nested) {
    found.add('', field, 'must be an array');
  } else {
    walkFree(value, field, found);
  }
}

/** A value no DTO describes (a map, or a wrong type the validators will name): only its size. */
function walkFree(value: unknown, field: string, found: FieldErrorList): void {
  if (value === null || typeof value !== 'object') return;
  const entries = Array.isArray(value) ? value.length : Object.keys(value).length;
  if (entries > MAX_ENTRIES) {
    found.add('', field, `must not hold more than ${MAX_ENTRIES} entries`);
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    if (RESERVED_KEYS.has(key)) found.add(field, key, 'is not allowed as a key');
    else walkFree(item, `${field}.${key}`, found);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  // Fastify's query and params objects inherit from a null-prototype object, not from Object
  const prototype: unknown = Object.getPrototypeOf(value);
  return (
    prototype === Object.prototype ||
    prototype === null ||
    Object.getPrototypeOf(prototype) === null
  );
}

const shapes = new WeakMap<Type<unknown>, Shape>();

/** The fields of a DTO class as class-validator (names, ArrayMaxSize) and class-transformer (@Type) know them. */
function shapeOf(target: Type<unknown>): Shape {
  const cached = shapes.get(target);
  if (cached) return cached;
  const shape = new Map<string, FieldShape>();
  const metadata = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
  for (const { propertyName } of metadata) {
    if (shape.has(propertyName)) continue;
    const own = metadata.filter((meta) => meta.propertyName === propertyName);
    const nested = own.find((meta) => meta.type === ValidationTypes.NESTED_VALIDATION);
    const maxSize = own.find((meta) => meta.name === ARRAY_MAX_SIZE)?.constraints[0] as
      number | undefined;
    shape.set(propertyName, {
      nested: nested
        ? (defaultMetadataStorage.findTypeMetadata(target, propertyName)?.typeFunction() as
            Type<unknown> | undefined)
        : undefined,
      each: nested?.each ?? false,
      maxItems: Math.min(maxSize ?? MAX_ENTRIES, MAX_ENTRIES),
    });
  }
  shapes.set(target, shape);
  return shape;
}
