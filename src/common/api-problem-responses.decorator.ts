import { applyDecorators } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import {
  PROBLEM_CONTENT_TYPE,
  PROBLEM_SLUGS,
  PROBLEM_TYPES,
  problemType,
  type ProblemSlug,
} from './problem';

class FieldErrorSchema {
  @ApiProperty({ example: 'name' })
  field!: string;
  @ApiProperty({ example: 'must not be only spaces' })
  message!: string;
}

class UpstreamProblemSchema {
  @ApiProperty({ example: 'rainbond' })
  provider!: string;
  @ApiPropertyOptional({ description: 'HTTP status the upstream answered', example: 404 })
  status?: number;
  @ApiPropertyOptional({ description: "The upstream's own error code", example: '404' })
  code?: string;
  @ApiPropertyOptional({
    description: "The upstream's own message, in whatever language it writes",
    example: 'no found app',
  })
  message?: string;
  @ApiPropertyOptional({ description: "The upstream's request id, when it sends one" })
  requestId?: string;
}

/** RFC 9457 problem details, as every error of this API is written. */
export class ProblemSchema {
  @ApiProperty({
    description: 'One of the catalogued problem types (docs/errors.md)',
    enum: PROBLEM_SLUGS.map(problemType),
    example: problemType('validation-failed'),
  })
  type!: string;
  @ApiProperty({
    description: 'The English title of the type',
    example: 'Request validation failed',
  })
  title!: string;
  @ApiProperty({ description: "The HTTP status, always the type's", example: 400 })
  status!: number;
  @ApiPropertyOptional({ description: 'What went wrong in this case, in English' })
  detail?: string;
  @ApiPropertyOptional({ example: '/v1/teams/acme/applications' })
  instance?: string;
  @ApiPropertyOptional({ description: 'Also in the `X-Request-Id` header' })
  requestId?: string;
  @ApiPropertyOptional({
    type: [FieldErrorSchema],
    maxItems: 20,
    description: 'One entry per failed field, the first 20',
  })
  errors?: FieldErrorSchema[];
  @ApiPropertyOptional({ description: 'How many fields failed in all', example: 1 })
  errorCount?: number;
  @ApiPropertyOptional({
    description: 'What the upstream said, when the problem comes from one',
    type: UpstreamProblemSchema,
  })
  upstream?: UpstreamProblemSchema;
}

/** What any authenticated route can answer, before it reaches its own work. */
export const ROUTE_PROBLEMS: readonly ProblemSlug[] = [
  'bad-request',
  'validation-failed',
  'ambiguous-credentials',
  'unauthorized',
  'method-not-allowed',
  'request-timeout',
  'uri-too-long',
  'rate-limited',
  'header-fields-too-large',
  'internal-error',
  'token-verification-unavailable',
];
/** A route under `/teams/{team}`. */
export const TEAM_ROUTE_PROBLEMS: readonly ProblemSlug[] = [...ROUTE_PROBLEMS, 'team-not-found'];
/** A POST with a JSON body and an optional Idempotency-Key. */
export const BODY_PROBLEMS: readonly ProblemSlug[] = [
  'payload-too-large',
  'unsupported-media-type',
  'idempotency-key-in-flight',
  'idempotency-key-reused',
];
/** A route that calls an upstream. */
export const UPSTREAM_PROBLEMS: readonly ProblemSlug[] = [
  'provider-not-configured',
  'upstream-rejected',
  'upstream-bad-body',
  'upstream-unavailable',
  'upstream-credentials-rejected',
  'upstream-circuit-open',
  'upstream-busy',
  'upstream-throttled',
  'upstream-timeout',
];

const EXAMPLE_REQUEST_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

/** The example of one type: its own status, type and title. */
export function problemExample(slug: ProblemSlug): Record<string, unknown> {
  const { status, title, meaning } = PROBLEM_TYPES[slug];
  return {
    type: problemType(slug),
    title,
    status,
    detail: meaning,
    instance: '/v1/teams/acme/applications/rainbond:region-1:1',
    requestId: EXAMPLE_REQUEST_ID,
    ...(slug === 'validation-failed'
      ? { errors: [{ field: 'name', message: 'must not be only spaces' }] }
      : {}),
  };
}

/**
 * Documents the problem+json answers a route can give: one response per status, one example per
 * problem type, each example's status and type those of its response.
 */
export function ApiProblemResponses(
  ...groups: (ProblemSlug | readonly ProblemSlug[])[]
): MethodDecorator & ClassDecorator {
  const slugs = [...new Set(groups.flat())];
  const statuses = [...new Set(slugs.map((slug) => PROBLEM_TYPES[slug].status))].sort();
  return applyDecorators(
    ApiExtraModels(ProblemSchema),
    ...statuses.map((status) => {
      const here = slugs.filter((slug) => PROBLEM_TYPES[slug].status === status);
      return ApiResponse({
        status,
        description: here.map((slug) => `\`${slug}\`: ${PROBLEM_TYPES[slug].meaning}`).join('\n\n'),
        content: {
          [PROBLEM_CONTENT_TYPE]: {
            schema: { $ref: getSchemaPath(ProblemSchema) },
            examples: Object.fromEntries(
              here.map((slug) => [
                slug,
                { summary: PROBLEM_TYPES[slug].title, value: problemExample(slug) },
              ]),
            ),
          },
        },
      });
    }),
  );
}
