import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import {
  PROBLEM_CONTENT_TYPE,
  ProblemError,
  type ProblemDetails,
  type ProblemSlug,
} from './problem';
import { toProblem } from './problem-mapping';

/**
 * Errors the framework raises itself (Node's HTTP parser, Fastify's router and body reader, Nest's
 * router), by status, with the gateway's own detail: their messages hold the URL or framework
 * codes, so they are never passed on. Type and title come from the catalogue.
 */
const FRAMEWORK_PROBLEMS: Readonly<Record<number, [slug: ProblemSlug, detail: string]>> = {
  400: ['bad-request', 'The request is not well-formed HTTP.'],
  404: ['not-found', 'No route matches this path.'],
  408: ['request-timeout', 'The request did not arrive in time.'],
  413: [
    'payload-too-large',
    'The body is larger than the gateway accepts (server.bodyLimitBytes).',
  ],
  414: ['uri-too-long', 'A path segment is longer than the gateway accepts.'],
  415: [
    'unsupported-media-type',
    'Request bodies must be application/json, with no charset but utf-8.',
  ],
  431: [
    'header-fields-too-large',
    'The request line and headers are larger than the gateway accepts.',
  ],
  500: [
    'internal-error',
    'The gateway failed unexpectedly; the request id identifies it in the logs.',
  ],
};

/** The gateway's own problem for a framework error of this status, if it has one. */
export function rewordedFrameworkError(status: number): ProblemError | undefined {
  const problem = FRAMEWORK_PROBLEMS[status];
  return problem && ProblemError.of(...problem);
}

/** The problem a framework error of this status becomes (other 4xx: bad-request, 5xx: internal). */
export function frameworkProblem(status: number): ProblemError {
  return rewordedFrameworkError(status) ?? frameworkProblem(status < 500 ? 400 : 500);
}

/** A problem body for an answer written outside Nest's exception filter (no `instance`: no URL). */
export function frameworkProblemBody(status: number, requestId: string): ProblemDetails {
  return { ...toProblem(frameworkProblem(status)).problem, requestId };
}

/** Fastify's `frameworkErrors`: a malformed URL or a too long path parameter, before routing. */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const body = frameworkProblemBody(error.statusCode ?? 500, request.id);
  void reply
    .code(body.status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .header('x-request-id', request.id)
    .send(body);
}
