import { HttpException } from '@nestjs/common';
import {
  PROBLEM_TYPES,
  ProblemError,
  problemType,
  type ProblemDetails,
  type ProblemSlug,
} from './problem';
import { UpstreamError } from '../upstream/upstream.error';

export interface RenderedProblem {
  problem: ProblemDetails;
  headers: Record<string, string>;
}

/** Maps any thrown value to the problem the caller sees; unknown errors never leak their message. */
export function toProblem(error: unknown): RenderedProblem {
  if (error instanceof ProblemError) {
    return {
      problem: {
        type: problemType(error.slug),
        title: error.title,
        status: error.status,
        detail: error.detail,
        errors: error.extras.errors,
        errorCount: error.extras.errorCount,
        upstream: error.extras.upstream,
      },
      headers: error.extras.headers ?? {},
    };
  }
  if (error instanceof UpstreamError) return fromUpstream(error);
  if (error instanceof HttpException) return fromHttpException(error);
  return catalogued('internal-error', PROBLEM_TYPES['internal-error'].meaning);
}

/**
 * The gateway's own type, title and English detail; what the upstream said (its code, message in
 * whatever language, request id) stays under `upstream`.
 */
function fromUpstream(error: UpstreamError): RenderedProblem {
  const { slug, detail } = upstreamProblem(error);
  const { status, title } = PROBLEM_TYPES[slug];
  return {
    problem: {
      type: problemType(slug),
      title,
      status,
      detail,
      upstream: {
        provider: error.provider,
        status: error.details.status,
        code: error.details.code,
        message: error.message,
        requestId: error.details.requestId,
      },
    },
    headers: status === 503 ? { 'retry-after': String(error.details.retryAfterSeconds ?? 1) } : {},
  };
}

function upstreamProblem(error: UpstreamError): { slug: ProblemSlug; detail: string } {
  const name = error.provider;
  if (error.kind === 'timeout') {
    return { slug: 'upstream-timeout', detail: `${name} did not answer in time.` };
  }
  if (error.kind === 'network') {
    return { slug: 'upstream-unavailable', detail: `${name} could not be reached.` };
  }
  if (error.kind === 'bad-body') {
    return {
      slug: 'upstream-bad-body',
      detail: `${name} answered in a shape the gateway does not understand.`,
    };
  }
  // IAM is asked by the gateway, not for the caller: none of its answers name the caller's resources.
  if (error.details.problem && name !== 'iam') return error.details.problem;
  const status = error.details.status ?? 502;
  if (error.isAuthFailure) {
    return {
      slug: 'upstream-credentials-rejected',
      detail: `${name} refused the credentials configured for this team; this is a gateway configuration problem, not the caller's.`,
    };
  }
  if (status === 429) {
    return {
      slug: 'upstream-throttled',
      detail: `${name} is throttling the gateway; retry later.`,
    };
  }
  if (status >= 400 && status < 500) {
    return { slug: 'upstream-rejected', detail: `${name} refused the request (HTTP ${status}).` };
  }
  return { slug: 'upstream-unavailable', detail: `${name} failed to process the request.` };
}

/** The catalogued type of a framework HTTP error by its status. */
const HTTP_STATUS_SLUGS: Readonly<Record<number, ProblemSlug>> = {
  400: 'bad-request',
  401: 'unauthorized',
  404: 'not-found',
  405: 'method-not-allowed',
  408: 'request-timeout',
  409: 'conflict',
  413: 'payload-too-large',
  414: 'uri-too-long',
  415: 'unsupported-media-type',
  429: 'rate-limited',
  431: 'header-fields-too-large',
  503: 'not-ready',
};

function fromHttpException(error: HttpException): RenderedProblem {
  const status = error.getStatus();
  const slug = HTTP_STATUS_SLUGS[status] ?? (status < 500 ? 'bad-request' : 'internal-error');
  return catalogued(slug, status < 500 ? error.message : PROBLEM_TYPES[slug].meaning);
}

function catalogued(slug: ProblemSlug, detail: string): RenderedProblem {
  const { status, title } = PROBLEM_TYPES[slug];
  return { problem: { type: problemType(slug), title, status, detail }, headers: {} };
}
