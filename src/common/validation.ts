import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { ValidateIf } from 'class-validator';
import {
  checkBounds,
  FieldErrorList,
  DEFAULT_JSON_DEPTH_LIMIT,
  MAX_BODY_ENTRIES,
  MAX_ENTRIES,
  MAX_FIELD_ERRORS,
} from './input-bounds';
import { ProblemError } from './problem';

const CHECKED_SOURCES = new Set<ArgumentMetadata['type']>(['body', 'query', 'param']);

/**
 * The ValidationPipe after the bounds check: sizes, nesting and unknown keys (Object.prototype
 * names included) are rejected before class-transformer and class-validator spend work per entry.
 */
class BoundedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.metatype && CHECKED_SOURCES.has(metadata.type) && this.toValidate(metadata)) {
      const found = checkBounds(value, metadata.metatype, metadata.type);
      if (found.count > 0) throw ProblemError.validation(found.errors, found.count);
    }
    return super.transform(value, metadata);
  }
}

/** Options shared by the global pipe and by pipes that pick a DTO class at run time. */
export function createValidationPipe(): ValidationPipe {
  return new BoundedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    // values stay on the errors for the messages below; they never reach the answer
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => {
      const found = flattenValidationErrors(errors);
      return ProblemError.validation(found.errors, found.count);
    },
  });
}

/**
 * The field may be left out. `null` is not "left out": it is validated like any other value, and so
 * rejected. The upstreams give null meanings of their own (Rainbond `market_name: null` is the local
 * library), so one spelling of "not given" cannot be misread on the way; and a rule that rejects can
 * later be relaxed without breaking a client, while the reverse cannot.
 */
export const Omittable = (): PropertyDecorator =>
  ValidateIf((_object: unknown, value: unknown) => value !== undefined);

/**
 * The rules above as the OpenAPI description of every request body (a decorator's text, so with
 * the default depth; the document's description states the configured one).
 */
export const REQUEST_BODY_RULES =
  'Unknown fields are rejected (names of JavaScript object members too). No field is nullable: leave an optional field out instead of sending null. ' +
  `Objects and arrays hold at most ${MAX_ENTRIES} entries (fewer where stated), ${MAX_BODY_ENTRIES} in the whole body, and nest at most ${DEFAULT_JSON_DEPTH_LIMIT} levels deep. ` +
  `A 400 lists at most ${MAX_FIELD_ERRORS} field errors, one per field, and counts them all in \`errorCount\`.`;

/** class-validator's tree as one entry per failed field (its dotted path), one message each. */
export function flattenValidationErrors(errors: ValidationError[]): FieldErrorList {
  const found = new FieldErrorList();
  const visit = (error: ValidationError, parent: string): void => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) found.add('', field, messageFor(error));
    for (const child of error.children ?? []) visit(child, field);
  };
  for (const error of errors) visit(error, '');
  return found;
}

/**
 * The one message of a field: absent and null are named as such; otherwise the first rule in the
 * source (decorators run bottom-up, so it is the last one class-validator lists), which by
 * convention checks the type.
 */
function messageFor(error: ValidationError): string {
  const constraints = error.constraints ?? {};
  if (constraints.whitelistValidation) return 'is not a known field';
  if (error.value === undefined) {
    const custom = constraints.isDefined;
    return custom && !custom.endsWith('should not be null or undefined') ? custom : 'is required';
  }
  if (error.value === null) return 'must not be null; leave the field out instead';
  const message = Object.values(constraints).at(-1) ?? 'is not valid';
  return message.startsWith(`${error.property} `)
    ? message.slice(error.property.length + 1)
    : message;
}
