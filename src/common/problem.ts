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

/**
 * An error the gateway raises on purpose; the exception filter renders it as problem+json.
 * `slug` becomes the problem `type` URI, so clients can switch on it.
 */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
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

  static notFound(detail: string): ProblemError {
    return new ProblemError(HttpStatus.NOT_FOUND, 'not-found', 'Not found', detail);
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
