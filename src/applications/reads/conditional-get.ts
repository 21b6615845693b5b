import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';

/**
 * Sends `body` with an ETag and `Cache-Control: private` (answers depend on the caller), or a 304
 * without a body when the caller's `If-None-Match` already names this ETag.
 */
export function answerCacheable<T>(
  reply: FastifyReply,
  ifNoneMatch: string | undefined,
  body: T,
  maxAgeSeconds: number,
): T | undefined {
  const etag = `W/"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;
  void reply.header('etag', etag);
  void reply.header('cache-control', `private, max-age=${maxAgeSeconds}`);
  if (ifNoneMatch && matches(ifNoneMatch, etag)) {
    void reply.status(304);
    return undefined;
  }
  return body;
}

/** RFC 9110 weak comparison: `W/` prefixes are ignored, `*` matches anything. */
function matches(header: string, etag: string): boolean {
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}
