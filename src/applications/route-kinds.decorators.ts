import { applyDecorators } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiNotModifiedResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiProblemResponses,
  BODY_PROBLEMS,
  TEAM_ROUTE_PROBLEMS,
} from '../common/api-problem-responses.decorator';
import type { ProblemSlug } from '../common/problem';
import { ApiIdempotencyKey } from '../idempotency/api-idempotency-key.decorator';
import { APPLICATION_ID_DESCRIPTION } from './application-id';
import { RAINBOND_ID_EXAMPLE, TEAM_PARAM_EXAMPLE } from './applications.examples';

/*
 * One decorator per kind of route, bundling what every route of that kind documents. The guards
 * and interceptors every route needs are the inbound chain (inbound-chain.ts), not repeated here.
 * applyDecorators applies its list in order, where stacked decorators apply bottom-up: each list
 * below is written bottom-up, so the OpenAPI document lists parameters as the stacks did.
 */

type Problems = (ProblemSlug | readonly ProblemSlug[])[];

const TEAM_PARAM = ApiParam({
  name: 'team',
  description: 'Gateway team key',
  example: TEAM_PARAM_EXAMPLE,
});

const ID_PARAM = ApiParam({
  name: 'id',
  description: APPLICATION_ID_DESCRIPTION,
  example: RAINBOND_ID_EXAMPLE,
});

const CONDITIONAL_GET = applyDecorators(
  ApiNotModifiedResponse({ description: 'Unchanged since the ETag in If-None-Match' }),
  ApiHeader({
    name: 'If-None-Match',
    required: false,
    description: 'ETag of an earlier answer: 304 when nothing changed',
  }),
);

/** A controller of the v1 API: its tag, and the two ways a caller authenticates. */
export function GatewayApi(tag: string): ClassDecorator {
  return applyDecorators(ApiBearerAuth('oidc'), ApiBearerAuth('api-key'), ApiTags(tag));
}

/** A route under `/teams/{team}`: its problems, what `bottomUp` adds, and the `{team}` parameter. */
function teamRoute(problems: Problems, ...bottomUp: MethodDecorator[]): MethodDecorator {
  return applyDecorators(
    ApiProblemResponses(TEAM_ROUTE_PROBLEMS, ...problems),
    ...bottomUp,
    TEAM_PARAM,
  );
}

/** A read under `/teams/{team}` answering with an ETag. */
export function TeamReadRoute(...problems: Problems): MethodDecorator {
  return teamRoute(problems, CONDITIONAL_GET);
}

/** A read of one application answering with an ETag. */
export function ApplicationReadRoute(...problems: Problems): MethodDecorator {
  return teamRoute(problems, CONDITIONAL_GET, ID_PARAM);
}

/** A route on one application that is neither a cached read nor a write (progress). */
export function ApplicationRoute(...problems: Problems): MethodDecorator {
  return teamRoute(problems, ID_PARAM);
}

/** A POST under `/teams/{team}` with a JSON body and an optional Idempotency-Key. */
export function TeamWriteRoute(...problems: Problems): MethodDecorator {
  return applyDecorators(ApiIdempotencyKey(), teamRoute([BODY_PROBLEMS, ...problems]));
}

/** A POST on one application with a JSON body and an optional Idempotency-Key. */
export function ApplicationWriteRoute(...problems: Problems): MethodDecorator {
  return applyDecorators(ApiIdempotencyKey(), teamRoute([BODY_PROBLEMS, ...problems], ID_PARAM));
}
