import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { frameworkProblemBody } from './framework-problems';
import { PROBLEM_CONTENT_TYPE } from './problem';

/** Node's HTTP parser and connection checks, by error code; any other parse error is a 400. */
const STATUS_BY_CODE: Record<string, number> = {
  ERR_HTTP_REQUEST_TIMEOUT: 408,
  HPE_HEADER_OVERFLOW: 431,
};

/** The bytes of a complete problem+json answer that closes its connection. */
export function rawProblemResponse(status: number, requestId: string): string {
  const body = JSON.stringify(frameworkProblemBody(status, requestId));
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
    `content-type: ${PROBLEM_CONTENT_TYPE}`,
    `content-length: ${Buffer.byteLength(body)}`,
    `x-request-id: ${requestId}`,
    'connection: close',
    '',
    body,
  ].join('\r\n');
}

/**
 * Answers what Node's HTTP server refuses before any request exists (malformed request line or
 * headers, unknown method, header overflow, header or body timeout) with a problem on the raw
 * socket, then closes it. As in Node's own handler, nothing is written once a response has begun,
 * which would corrupt it.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const inFlight = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
  if (socket.writable && !inFlight?.headersSent) {
    const status = STATUS_BY_CODE[error.code ?? ''] ?? 400;
    socket.write(rawProblemResponse(status, randomUUID()));
  }
  socket.destroy();
}
