import { HttpStatus } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ProblemError } from './problem';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/**
 * Whether JSON text nests arrays and objects deeper than `limit`, in one pass over the text and
 * without recursion, so a hostile `[[[[…` costs O(n) and never reaches a recursive consumer (the
 * ValidationPipe, the idempotency fingerprint). Brackets inside strings do not count. Invalid JSON
 * is left to the parser.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > limit) return true;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}

/** `application/json` with no parameter but an optional utf-8 charset (Fastify matched the type). */
export function isUtf8JsonMediaType(contentType: string): boolean {
  const [type, ...parameters] = contentType.split(';');
  if (type.trim().toLowerCase() !== 'application/json') return false;
  return parameters.every((parameter) => {
    if (parameter.trim() === '') return true;
    const [name, value = ''] = parameter.split('=');
    const charset = value
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .toLowerCase();
    return name.trim().toLowerCase() === 'charset' && (charset === 'utf-8' || charset === 'utf8');
  });
}

/** No Content-Encoding, or `identity`: the gateway decodes no other. */
function isUnencoded(request: FastifyRequest): boolean {
  const encoding = request.headers['content-encoding'];
  return encoding === undefined || encoding.trim().toLowerCase() === 'identity';
}

const unsupportedMediaType = (detail: string) =>
  new ProblemError(
    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    'unsupported-media-type',
    'Unsupported media type',
    detail,
  );

const notJson = () =>
  unsupportedMediaType('Request bodies must be application/json, with no charset but utf-8.');
const encoded = () =>
  unsupportedMediaType(
    'Request bodies must not be compressed or encoded: send no Content-Encoding (or identity).',
  );

const invalidBody = (detail: string) =>
  new ProblemError(
    HttpStatus.BAD_REQUEST,
    'validation-failed',
    'Request validation failed',
    detail,
  );

/**
 * The gateway's only body parsers: JSON in utf-8, unencoded, within a nesting depth, through
 * Fastify's own JSON parser (which refuses `__proto__` and `constructor.prototype` keys); any other
 * body is a 415 problem. Requires Nest's own parsers to be off (`bodyParser: false`).
 */
export function registerJsonBodyParser(fastify: FastifyInstance, depthLimit: number): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string' },
    (request, body: string, done) => {
      if (!isUtf8JsonMediaType(request.headers['content-type'] ?? '')) return done(notJson());
      if (!isUnencoded(request)) return done(encoded());
      if (jsonDepthExceeds(body, depthLimit)) {
        return done(invalidBody(`The body nests arrays and objects deeper than ${depthLimit}.`));
      }
      void parseJson(request, body, (error, value) => {
        if (!error) return done(null, value);
        done(
          invalidBody(
            body.trim() === ''
              ? 'The body is empty; send a JSON document.'
              : 'The body is not valid JSON, or has a __proto__ or constructor.prototype key.',
          ),
        );
      });
    },
  );
  fastify.addContentTypeParser('*', (_request, _payload, done) => done(notJson()));
}
