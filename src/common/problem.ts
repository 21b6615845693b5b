import { HttpStatus } from '@nestjs/common';

/** One field that failed validation, named by its path in the public request (`fileStore.bucket.name`). */
export interface FieldError {
  field: string;
  message: string;
}

/** What an upstream said when it refused or failed a call, carried to the caller without secrets. */
export interface UpstreamProblemInfo {
  provider: string;
  status?: number;
  code?: string;
  message?: string;
  requestId?: string;
}

/** RFC 9457 problem details as this gateway writes them. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  /** How many field errors there were; `errors` lists at most the first 20. */
  errorCount?: number;
  upstream?: UpstreamProblemInfo;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
export const PROBLEM_TYPE_BASE = 'https://gateway.internal/problems/';

interface ProblemTypeInfo {
  status: number;
  title: string;
  /** When a caller meets it and what to do: the catalogue's documentation (docs/errors.md, OpenAPI). */
  meaning: string;
}

/**
 * The catalogue of problem types: every problem this gateway writes has one of these `type` slugs,
 * always with this status and title. Clients switch on the slug; docs/errors.md lists the same.
 */
export const PROBLEM_TYPES = {
  'bad-request': {
    status: 400,
    title: 'Bad request',
    meaning: 'Malformed HTTP the server rejects: a bad header, a missing Host, bad framing.',
  },
  'validation-failed': {
    status: 400,
    title: 'Request validation failed',
    meaning:
      'A field, parameter or header breaks a rule; `errors[]` names each field. Nothing was sent upstream.',
  },
  'ambiguous-credentials': {
    status: 400,
    title: 'Ambiguous credentials',
    meaning: 'More than one credential was sent (several Authorization headers); send exactly one.',
  },
  unauthorized: {
    status: 401,
    title: 'Unauthorized',
    meaning: 'No, an unknown or an expired API key or access token.',
  },
  'team-not-found': {
    status: 404,
    title: 'Team not found',
    meaning:
      'The team key is unknown or this caller may not use it; for a copy, also a target team Rainbond does not let the gateway use.',
  },
  'application-not-found': {
    status: 404,
    title: 'Application not found',
    meaning:
      'No application with this id is visible to the team (for a copy: also the target application).',
  },
  'app-model-not-found': {
    status: 404,
    title: 'App model not found',
    meaning: 'The market (or the market named in an upgrade) has no app model with this id.',
  },
  'app-model-version-not-found': {
    status: 404,
    title: 'App model version not found',
    meaning: 'The app model exists but has no such version.',
  },
  'provider-not-configured': {
    status: 404,
    title: 'Provider not configured',
    meaning: 'The team has no account on the platform this request needs (Rainbond or Workspace).',
  },
  'not-found': {
    status: 404,
    title: 'Not found',
    meaning: 'No such route.',
  },
  'method-not-allowed': {
    status: 405,
    title: 'Method not allowed',
    meaning: 'The route exists but not with this method; `Allow` lists the methods it takes.',
  },
  'request-timeout': {
    status: 408,
    title: 'Request timeout',
    meaning: 'The request headers or body did not arrive in time.',
  },
  conflict: {
    status: 409,
    title: 'Conflict',
    meaning:
      'The upstream refused the change because of the current state of the resource (e.g. a quota of applications reached).',
  },
  'idempotency-key-in-flight': {
    status: 409,
    title: 'Request with this Idempotency-Key in progress',
    meaning: 'A request with this Idempotency-Key is still running; retry after Retry-After.',
  },
  'payload-too-large': {
    status: 413,
    title: 'Payload too large',
    meaning: 'The body is larger than the gateway accepts.',
  },
  'uri-too-long': {
    status: 414,
    title: 'URI too long',
    meaning: 'The request target is longer than the gateway accepts.',
  },
  'unsupported-media-type': {
    status: 415,
    title: 'Unsupported media type',
    meaning:
      'The body is not `application/json`, or has a Content-Encoding the gateway does not decode.',
  },
  'idempotency-key-reused': {
    status: 422,
    title: 'Idempotency-Key reused for another request',
    meaning: 'This Idempotency-Key was used for a different request; use a new key.',
  },
  'rate-limited': {
    status: 429,
    title: 'Too many requests',
    meaning: 'The caller spent its request budget; see `RateLimit-*` and `Retry-After`.',
  },
  'header-fields-too-large': {
    status: 431,
    title: 'Request header fields too large',
    meaning: 'The request headers are larger than the gateway accepts.',
  },
  'internal-error': {
    status: 500,
    title: 'Internal error',
    meaning: 'The gateway failed unexpectedly; the request id identifies it in the logs.',
  },
  'upstream-rejected': {
    status: 502,
    title: 'Upstream rejected the request',
    meaning:
      'The upstream refused a request the gateway considered valid; `upstream` carries its code and message.',
  },
  'upstream-bad-body': {
    status: 502,
    title: 'Bad upstream response',
    meaning:
      'The upstream answered in a shape the gateway does not understand (wrong fields, an unreadable time).',
  },
  'upstream-unavailable': {
    status: 502,
    title: 'Upstream unavailable',
    meaning: 'The upstream could not be reached or failed with a server error.',
  },
  'upstream-credentials-rejected': {
    status: 502,
    title: 'Upstream rejected the gateway credentials',
    meaning:
      "The upstream refused the credentials configured for the team: a gateway configuration problem, not the caller's.",
  },
  'not-ready': {
    status: 503,
    title: 'Not ready',
    meaning:
      'Readiness probe: the gateway is shutting down or not ready to take traffic; send requests to another replica.',
  },
  'upstream-circuit-open': {
    status: 503,
    title: 'Upstream circuit open',
    meaning: 'The upstream failed repeatedly; calls are paused. Retry after Retry-After.',
  },
  'upstream-busy': {
    status: 503,
    title: 'Upstream busy',
    meaning: 'Too many calls to this upstream are in flight. Retry after Retry-After.',
  },
  'upstream-throttled': {
    status: 503,
    title: 'Upstream throttled',
    meaning: 'The upstream is throttling the gateway. Retry after Retry-After.',
  },
  'token-verification-unavailable': {
    status: 503,
    title: 'Cannot verify access tokens now',
    meaning: "The sign-in provider's signing keys cannot be fetched; retry later.",
  },
  'upstream-timeout': {
    status: 504,
    title: 'Upstream timeout',
    meaning: 'The upstream did not answer in time. A write may still have happened upstream.',
  },
} as const satisfies Record<string, ProblemTypeInfo>;

export type ProblemSlug = keyof typeof PROBLEM_TYPES;
export const PROBLEM_SLUGS = Object.keys(PROBLEM_TYPES) as ProblemSlug[];

/** The full `type` URI of a slug. */
export function problemType(slug: ProblemSlug): string {
  return PROBLEM_TYPE_BASE + slug;
}

/**
 * An error the gateway raises on purpose; the exception filter renders it as problem+json.
 * `slug` becomes the problem `type` URI, so clients can switch on it.
 */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly slug: ProblemSlug,
    readonly title: string,
    readonly detail?: string,
    readonly extras: {
      errors?: FieldError[];
      errorCount?: number;
      upstream?: UpstreamProblemInfo;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(detail ?? title);
    this.name = 'ProblemError';
  }

  /** A catalogued problem: status and title come from the catalogue, the detail is this case's. */
  static of(
    slug: ProblemSlug,
    detail: string,
    extras?: ConstructorParameters<typeof ProblemError>[4],
  ): ProblemError {
    const { status, title } = PROBLEM_TYPES[slug];
    return new ProblemError(status, slug, title, detail, extras);
  }

  /** `errors` as found (callers list at most 20) and the `count` of all of them. */
  static validation(errors: FieldError[], count = errors.length): ProblemError {
    const unlisted = count - errors.length;
    const listed = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    return new ProblemError(
      HttpStatus.BAD_REQUEST,
      'validation-failed',
      'Request validation failed',
      unlisted > 0 ? `${listed}; and ${unlisted} more` : listed,
      { errors, errorCount: count },
    );
  }

  static invalidField(field: string, message: string): ProblemError {
    return ProblemError.validation([{ field, message }]);
  }

  static applicationNotFound(id: string): ProblemError {
    return ProblemError.of('application-not-found', `Application ${id} was not found.`);
  }

  static unauthorized(): ProblemError {
    return new ProblemError(
      HttpStatus.UNAUTHORIZED,
      'unauthorized',
      'Unauthorized',
      'A valid API key or access token is required in the Authorization header as "Bearer <credential>".',
      { headers: { 'www-authenticate': 'Bearer' } },
    );
  }
}
