import { MAX_BODY_ENTRIES } from './input-bounds';

export type JsonBound = 'depth' | 'entries';

/** The characters the scan stops at outside strings; the regular expression engine skips the rest. */
const STRUCTURE = /["{}[\],]/g;
/** The rest of a string after its opening quote, escapes included (the unrolled-loop form). */
const STRING_REST = /[^"\\]*(?:\\[\s\S][^"\\]*)*"/y;

/**
 * Which bound JSON text breaks, found in one pass that stops at the first: arrays and objects
 * nested deeper than `maxDepth`, or more than `maxEntries` entries in all (counted by their
 * separators). Structure inside strings does not count; invalid JSON is left to the parser. It
 * runs before JSON.parse, so a hostile `[[[[…` or 100k keys cost one linear scan and never reach a
 * recursive or per-key consumer (the parser, the ValidationPipe, the idempotency fingerprint).
 */
export function jsonBoundBroken(
  text: string,
  maxDepth: number,
  maxEntries = MAX_BODY_ENTRIES,
): JsonBound | undefined {
  const structure = new RegExp(STRUCTURE);
  const stringRest = new RegExp(STRING_REST);
  let depth = 0;
  let separators = 0;
  for (let match = structure.exec(text); match; match = structure.exec(text)) {
    const c = match[0];
    if (c === '"') {
      stringRest.lastIndex = structure.lastIndex;
      if (!stringRest.test(text)) return undefined;
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
