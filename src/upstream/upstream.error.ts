import type { RegisteredProvider } from '../applications/registered-providers';
import type { ProblemSlug } from '../common/problem';

/** The registered providers' upstreams, and IAM, which the room itself calls for tokens. */
export type UpstreamName = RegisteredProvider['upstreams'][number]['name'] | 'iam';

/**
 * How an upstream call went wrong:
 * - `response`: the upstream answered with an error status (or a 200 carrying an error code)
 * - `timeout`: no complete answer within the configured time
 * - `network`: the connection failed (refused, reset, DNS)
 * - `bad-body`: the upstream answered, but not in its documented shape
 */
export type UpstreamFailureKind = 'response' | 'timeout' | 'network' | 'bad-body';

/**
 * What an upstream's known error means in the gateway's catalogue (e.g. Rainbond "no found app" is
 * `application-not-found`), with the gateway's own English detail. Set by the upstream's error parser.
 */
export interface UpstreamProblem {
  slug: ProblemSlug;
  detail: string;
}

/** The one error type every upstream client throws; the exception filter maps it to a problem. */
export class UpstreamError extends Error {
  constructor(
    readonly provider: UpstreamName,
    readonly kind: UpstreamFailureKind,
    message: string,
    readonly details: {
      status?: number;
      code?: string;
      problem?: UpstreamProblem;
      requestId?: string;
      retryAfterSeconds?: number;
      /** The request never left the gateway (connection refused, DNS): safe to send again. */
      notSent?: boolean;
    } = {},
  ) {
    super(message);
    this.name = 'UpstreamError';
  }

  get status(): number | undefined {
    return this.details.status;
  }

  /** True when the upstream refused our credentials: the caller is not at fault. */
  get isAuthFailure(): boolean {
    return this.kind === 'response' && (this.status === 401 || this.status === 403);
  }
}
