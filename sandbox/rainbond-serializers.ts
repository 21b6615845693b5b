import { validationError } from './rainbond-errors';

/**
 * The request serializers of rainbond-console's OpenAPI, with Django REST framework's field rules
 * and messages: a CharField takes a string or a number (numbers become strings), trims it, refuses
 * blank and null unless allowed, and counts characters; an IntegerField takes 5, "5" or 5.0.
 */

type FieldResult = { ok: true; value: unknown } | { ok: false; error: unknown };
type Field = (value: unknown) => FieldResult;

const REQUIRED = ['This field is required.'];
const NOT_NULL = ['This field may not be null.'];

interface CharOptions {
  maxLength: number;
  allowNull?: boolean;
  allowBlank?: boolean;
  /** When set, the field is optional and takes this value when absent. */
  fallback?: string;
}

function charField({
  maxLength,
  allowNull = false,
  allowBlank = false,
  fallback,
}: CharOptions): Field {
  return (value) => {
    if (value === undefined) return fallback === undefined ? fail(REQUIRED) : ok(fallback);
    if (value === null) return allowNull ? ok(null) : fail(NOT_NULL);
    if (typeof value !== 'string' && typeof value !== 'number')
      return fail(['Not a valid string.']);
    const text = String(value).trim();
    if (text === '' && !allowBlank) return fail(['This field may not be blank.']);
    if ([...text].length > maxLength)
      return fail([`Ensure this field has no more than ${maxLength} characters.`]);
    return ok(text);
  };
}

const integerField: Field = (value) => {
  if (value === undefined) return fail(REQUIRED);
  if (value === null) return fail(NOT_NULL);
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  const digits = text.replace(/\.0*\s*$/, '');
  return /^\s*[-+]?\d+\s*$/.test(digits)
    ? ok(Number(digits))
    : fail(['A valid integer is required.']);
};

/** A field DRF accepts as sent (`change` on copy is read-only and unchecked). */
const anyOptional: Field = (value) => ok(value);

/** A nested `Serializer(many=True)`: a list of objects, each checked against `fields`. */
function listOf(fields: Record<string, Field>): Field {
  return (value) => {
    if (value === undefined) return fail(REQUIRED);
    if (value === null) return fail(NOT_NULL);
    if (!Array.isArray(value)) {
      return fail({
        non_field_errors: [`Expected a list of items but got type "${pythonType(value)}".`],
      });
    }
    const results = value.map((item) => checkObject(item, fields));
    if (results.every((result) => result.ok)) return ok(results.map((result) => result.value));
    return fail(results.map((result) => (result.ok ? {} : result.error)));
  };
}

function checkObject(data: unknown, fields: Record<string, Field>): FieldResult {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail({
      non_field_errors: [`Invalid data. Expected a dictionary, but got ${pythonType(data)}.`],
    });
  }
  const source = data as Record<string, unknown>;
  const values: Record<string, unknown> = {};
  const errors: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(fields)) {
    const result = field(source[name]);
    if (result.ok) values[name] = result.value;
    else errors[name] = result.error;
  }
  return Object.keys(errors).length === 0 ? ok(values) : fail(errors);
}

/** Runs a serializer over a request body; a failure is DRF's 400 `ValidationError` body. */
function validate<T>(data: unknown, fields: Record<string, Field>): T {
  const result = checkObject(data, fields);
  if (!result.ok) throw validationError(result.error);
  return result.value as T;
}

const ok = (value: unknown): FieldResult => ({ ok: true, value });
const fail = (error: unknown): FieldResult => ({ ok: false, error });

function pythonType(value: unknown): string {
  if (value === null || value === undefined) return 'NoneType';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  return 'dict';
}

export interface InstallRequest {
  market_url: string;
  market_domain: string;
  market_type: string;
  market_access_key: string | null;
  app_model_id: string;
  app_model_version: string;
}

/** `InstallSerializer` (openapi/serializer/app_serializer.py). */
export const validateInstall = (data: unknown) =>
  validate<InstallRequest>(data, {
    market_url: charField({ maxLength: 255 }),
    market_domain: charField({ maxLength: 64 }),
    market_type: charField({ maxLength: 64 }),
    market_access_key: charField({ maxLength: 64, allowNull: true }),
    app_model_id: charField({ maxLength: 64 }),
    app_model_version: charField({ maxLength: 64 }),
  });

export interface UpgradeRequest {
  update_versions: {
    market_name: string | null;
    app_model_id: string;
    app_model_version: string;
  }[];
}

/** `UpgradeSerializer` with its nested `UpgradeBaseSerializer(many=True)`. */
export const validateUpgrade = (data: unknown) =>
  validate<UpgradeRequest>(data, {
    update_versions: listOf({
      market_name: charField({ maxLength: 64, allowNull: true }),
      app_model_id: charField({ maxLength: 32 }),
      app_model_version: charField({ maxLength: 64 }),
    }),
  });

export interface CopyRequest {
  services: { service_id: string }[];
  target_team_name: string;
  target_region_name: string;
  target_app_id: number;
}

/** `AppCopyCSerializer` with its nested `AppCopyModifySerializer(many=True)`. */
export const validateCopy = (data: unknown) =>
  validate<CopyRequest>(data, {
    services: listOf({ service_id: charField({ maxLength: 32 }), change: anyOptional }),
    target_team_name: charField({ maxLength: 32 }),
    target_region_name: charField({ maxLength: 64 }),
    target_app_id: integerField,
  });

export interface CreateAppRequest {
  app_name: string;
  app_note: string;
  k8s_app: string;
}

/** `AppPostInfoSerializer`, plus the optional `k8s_app` the view reads. */
export const validateCreateApp = (data: unknown) =>
  validate<CreateAppRequest>(data, {
    app_name: charField({ maxLength: 128 }),
    app_note: charField({ maxLength: 2048, allowBlank: true, fallback: '' }),
    k8s_app: charField({ maxLength: 64, allowBlank: true, fallback: '' }),
  });
