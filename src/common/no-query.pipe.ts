import type { PipeTransform } from '@nestjs/common';
import { FieldErrorList } from './input-bounds';
import { ProblemError } from './problem';

/**
 * For a route that declares no query parameters: any parameter is refused like an unknown body
 * field, so a misspelt filter is a 400 instead of silently ignored.
 */
export class NoQueryPipe implements PipeTransform<Record<string, unknown>, undefined> {
  transform(query: Record<string, unknown>): undefined {
    const found = new FieldErrorList();
    for (const key of Object.keys(query ?? {})) found.add('', key, 'is not a known field');
    if (found.count > 0) throw ProblemError.validation(found.errors, found.count);
    return undefined;
  }
}
