import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ProblemError, type FieldError } from './problem';

/** Options shared by the global pipe and by pipes that pick a DTO class at run time. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => ProblemError.validation(flattenValidationErrors(errors)),
  });
}

/** Turns class-validator's tree into one entry per failed field, named by its dotted path. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.replace(/^property \S+ should not exist$/, 'is not a known field'),
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}
