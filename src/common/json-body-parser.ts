import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MAX_BODY_ENTRIES } from './input-bounds';
import { jsonBoundBroken } from './json-bounds';
import { ProblemError } from './problem';

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

const unsupportedMediaType = (detail: string) => ProblemError.of('unsupported-media-type', detail);

const notJson = () =>
  unsupportedMediaType('Request bodies must be application/json, with no charset but utf-8.');
const encoded = () =>
  unsupportedMediaType(
    'Request bodies must not be compressed or encoded: send no Content-Encoding (or identity).',
  );

const invalidBody = (message: string) => ProblemError.invalidField('body', message);

/**
 * The gateway's only body parsers: JSON in utf-8, unencoded, within a nesting depth and a count of
 * entries, checked in one linear scan before JSON.parse; any other body is a 415 problem. Plain
 * JSON.parse keeps `__proto__` an own key of plain data (it never sets a prototype), so validation
 * rejects it by name, with its path, like any other unknown field. Requires Nest's own parsers to be
 * off (`bodyParser: false`).
 */
export function registerJsonBodyParser(fastify: FastifyInstance, depthLimit: number): void {
  const tooLarge = {
    depth: `must not nest arrays and objects deeper than ${depthLimit} levels`,
    entries: `must not hold more than ${MAX_BODY_ENTRIES} entries in all`,
  };
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string' },
    (request, body: string, done) => {
      if (!isUtf8JsonMediaType(request.headers['content-type'] ?? '')) return done(notJson());
      if (!isUnencoded(request)) return done(encoded());
      const broken = jsonBoundBroken(body, depthLimit);
      if (broken) return done(invalidBody(tooLarge[broken]));
      try {
        done(null, JSON.parse(body));
      } catch {
        done(
          invalidBody(
            body.trim() === ''
              ? 'must not be empty: send a JSON document'
              : 'must be a valid JSON document',
          ),
        );
      }
    },
  );
  fastify.addContentTypeParser('*', (_request, _payload, done) => done(notJson()));
}
