import { HttpException, HttpStatus } from '@nestjs/common';
import { PROBLEM_TYPE_BASE, ProblemError, type ProblemDetails } from './problem';
import { UpstreamError } from './upstream.error';

export interface RenderedProblem {
  problem: ProblemDetails;
  headers: Record<string, string>;
}

const PASSED_THROUGH_UPSTREAM_STATUSES = new Set([400, 404, 409]);

/** Maps any thrown value to the problem the caller sees; unknown errors never leak their message. */
export function toProblem(error: unknown): RenderedProblem {
  if (error instanceof ProblemError) {
    return {
      problem: {
        type: PROBLEM_TYPE_BASE + error.slug,
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
  return plain(
    HttpStatus.INTERNAL_SERVER_ERROR,
    'internal-error',
    'Internal error',
    'The gateway failed unexpectedly; the request id identifies it in the logs.',
  );
}

function fromUpstream(error: UpstreamError): RenderedProblem {
  const upstream = {
    provider: error.provider,
    status: error.details.status,
    code: error.details.code,
    message: error.message,
    requestId: error.details.requestId,
  };
  const shape = upstreamShape(error);
  return {
    problem: {
      type: PROBLEM_TYPE_BASE + shape.slug,
      title: shape.title,
      status: shape.status,
      detail: shape.detail,
      upstream,
    },
    headers:
      shape.status === 503 ? { 'retry-after': String(error.details.retryAfterSeconds ?? 1) } : {},
  };
}

function upstreamShape(error: UpstreamError): {
  status: number;
  slug: string;
  title: string;
  detail: string;
} {
  const name = error.provider;
  if (error.kind === 'timeout') {
    return {
      status: 504,
      slug: 'upstream-timeout',
      title: 'Upstream timeout',
      detail: `${name} did not answer in time.`,
    };
  }
  if (error.kind === 'network') {
    return {
      status: 502,
      slug: 'upstream-unavailable',
      title: 'Upstream unavailable',
      detail: `${name} could not be reached.`,
    };
  }
  if (error.kind === 'bad-body') {
    return {
      status: 502,
      slug: 'upstream-bad-response',
      title: 'Bad upstream response',
      detail: `${name} answered in a shape the gateway does not understand.`,
    };
  }
  const status = error.details.status ?? 502;
  if (error.isAuthFailure) {
    return {
      status: 502,
      slug: 'upstream-credentials-rejected',
      title: 'Upstream rejected the gateway credentials',
      detail: `${name} refused the credentials configured for this team; this is a gateway configuration problem, not the caller's.`,
    };
  }
  if (status === 429) {
    return {
      status: 503,
      slug: 'upstream-throttled',
      title: 'Upstream throttled',
      detail: `${name} is throttling the gateway; retry later.`,
    };
  }
  // IAM is asked by the gateway, not for the caller: its 4xx are never the caller's to fix.
  if (name !== 'iam' && PASSED_THROUGH_UPSTREAM_STATUSES.has(status)) {
    return {
      status,
      slug: 'upstream-rejected',
      title: 'Upstream rejected the request',
      detail: `${name}: ${error.message}`,
    };
  }
  return {
    status: 502,
    slug: 'upstream-failed',
    title: 'Upstream failed',
    detail: `${name} failed to process the request.`,
  };
}

function fromHttpException(error: HttpException): RenderedProblem {
  const status = error.getStatus();
  const title = HttpStatus[status]?.toLowerCase().replace(/_/g, ' ') ?? 'error';
  const slug = title.replace(/ /g, '-');
  return plain(status, slug, title.charAt(0).toUpperCase() + title.slice(1), error.message);
}

function plain(status: number, slug: string, title: string, detail: string): RenderedProblem {
  return { problem: { type: PROBLEM_TYPE_BASE + slug, title, status, detail }, headers: {} };
}
