import { applyDecorators } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from './problem';

class FieldErrorSchema {
  @ApiProperty({ example: 'name' })
  field!: string;
  @ApiProperty({ example: 'must not be only spaces' })
  message!: string;
}

class UpstreamProblemSchema {
  @ApiProperty({ example: 'rainbond' })
  provider!: string;
  @ApiPropertyOptional({ example: 404 })
  status?: number;
  @ApiPropertyOptional({ example: '404' })
  code?: string;
  @ApiPropertyOptional({ example: 'no found app' })
  message?: string;
  @ApiPropertyOptional()
  requestId?: string;
}

/** RFC 9457 problem details, as every error of this API is written. */
export class ProblemSchema {
  @ApiProperty({ example: 'https://gateway.internal/problems/validation-failed' })
  type!: string;
  @ApiProperty({ example: 'Request validation failed' })
  title!: string;
  @ApiProperty({ example: 400 })
  status!: number;
  @ApiPropertyOptional()
  detail?: string;
  @ApiPropertyOptional({ example: '/v1/teams/acme/applications' })
  instance?: string;
  @ApiPropertyOptional()
  requestId?: string;
  @ApiPropertyOptional({
    type: [FieldErrorSchema],
    maxItems: 20,
    description: 'One entry per failed field, the first 20',
  })
  errors?: FieldErrorSchema[];
  @ApiPropertyOptional({ description: 'How many fields failed in all', example: 1 })
  errorCount?: number;
  @ApiPropertyOptional({ type: UpstreamProblemSchema })
  upstream?: UpstreamProblemSchema;
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Validation failed (per-field `errors[]`, nothing sent upstream; also a malformed `Idempotency-Key`), or the upstream rejected the request',
  401: 'Missing or unknown API key',
  404: 'Unknown team or application, or a team this caller may not use',
  409: 'The upstream reported a conflict, or a request with this `Idempotency-Key` is still in progress (see Retry-After)',
  422: 'This `Idempotency-Key` was already used for a different request',
  502: 'The upstream failed, answered garbage, or refused the gateway credentials',
  503: 'The upstream is throttling; see Retry-After',
  504: 'The upstream did not answer in time',
};

/** Documents the problem+json answers a route can give. */
export function ApiProblemResponses(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemSchema),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status],
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemSchema) } } },
      }),
    ),
  );
}
