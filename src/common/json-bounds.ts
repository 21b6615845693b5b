import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RawServerDefault } from 'fastify';
import { MAX_DEPTH } from './input-bounds';
import { ProblemError } from './problem';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/**
 * Entries a JSON body may hold in all. The largest valid body (100 upgrade versions of 3 fields) has
 * a few hundred; JSON.parse of 100,000 keys alone blocks the event loop for more than 50 ms.
 */
export const MAX_BODY_ENTRIES = 10_000;

/**
 * Which bound JSON text breaks, found in one pass over its bytes that stops at the first: arrays
 * and objects nested deeper than `maxDepth`, or more than `maxEntries` entries in all (counted by
 * their separators). Structure inside strings does not count; invalid JSON is left to the parser.
 */
export function jsonBoundBroken(
  text: Uint8Array,
  maxDepth = MAX_DEPTH,
  maxEntries = MAX_BODY_ENTRIES,
): 'depth' | 'entries' | undefined {
  let depth = 0;
  let separators = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > maxDepth) return 'depth';
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
    } else if (c === COMMA && ++separators >= maxEntries) {
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
