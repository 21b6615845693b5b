import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RawServerDefault } from 'fastify';
import { MAX_BODY_ENTRIES, MAX_DEPTH } from './input-bounds';
import { ProblemError } from './problem';

/** The characters the scan stops at outside strings; the regular expression engine skips the rest. */
const STRUCTURE = /["{}[\],]/g;
/** The rest of a string after its opening quote, escapes included (the unrolled-loop form). */
const STRING_REST = /[^"\\]*(?:\\[\s\S][^"\\]*)*"/y;

/**
 * Which bound JSON text breaks, found in one pass that stops at the first: arrays and objects
 * nested deeper than `maxDepth`, or more than `maxEntries` entries in all (counted by their
 * separators). Structure inside strings does not count; invalid JSON is left to the parser. The
 * bytes are read as latin1, so every byte of a multi-byte UTF-8 character is above ASCII.
 */
export function jsonBoundBroken(
  text: Buffer,
  maxDepth = MAX_DEPTH,
  maxEntries = MAX_BODY_ENTRIES,
): 'depth' | 'entries' | undefined {
  const latin1 = text.toString('latin1');
  const structure = new RegExp(STRUCTURE);
  const stringRest = new RegExp(STRING_REST);
  let depth = 0;
  let separators = 0;
  for (let match = structure.exec(latin1); match; match = structure.exec(latin1)) {
    const c = match[0];
    if (c === '"') {
      stringRest.lastIndex = structure.lastIndex;
      if (!stringRest.test(latin1)) return undefined;
      structure.lastIndex = stringRest.lastIndex;
    } else if (c === '{' || c === '[') {
      if (++depth > maxDepth) return 'depth';
    } else if (c === '}' || c === ']') {
      depth--;
    } else if (++separators >= maxEntries) {
      return 'entries';
    }
  }
  return undefined;
}

const MESSAGES = {
  depth: `must not nest arrays and objects more than ${MAX_DEPTH} levels deep`,
  entries: `must not hold more than ${MAX_BODY_ENTRIES} entries in all`,
};

/**
 * The JSON body parser: the bounds above, then JSON.parse. Keys such as `__proto__` stay own keys
 * of plain data (JSON.parse never sets a prototype), so validation rejects them by name, with their
 * path, like any other unknown field; nothing merges a body before it is validated.
 */
export function useBoundedJsonParser(app: NestFastifyApplication): void {
  app.useBodyParser<RawServerDefault>('application/json', {}, (_request, body, done) => {
    const broken = jsonBoundBroken(body);
    if (broken) return done(ProblemError.invalidField('body', MESSAGES[broken]), undefined);
    try {
      done(null, JSON.parse(body.toString('utf8')));
    } catch {
      done(ProblemError.invalidField('body', 'must be a JSON document'), undefined);
    }
  });
}
