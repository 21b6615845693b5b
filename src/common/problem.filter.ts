import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { frameworkProblem } from './framework-problems';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails } from './problem';
import { toProblem } from './problem-mapping';

export interface ProblemResponse {
  status: number;
  headers: Record<string, string>;
  body: ProblemDetails;
}

/**
 * The problem+json response an error becomes for this request (the filter's, and what is stored).
 * The gateway raises ProblemErrors; an HttpException comes from the framework (Nest's router, or a
 * Fastify error Nest wrapped) and is answered in the gateway's words, without the path.
 */
export function problemResponseFor(
  exception: unknown,
  request: Pick<FastifyRequest, 'id' | 'url'>,
): ProblemResponse {
  const fromFramework = exception instanceof HttpException;
  const { problem, headers } = toProblem(
    fromFramework ? frameworkProblem(exception.getStatus()) : exception,
  );
  return {
    status: problem.status,
    headers: { ...headers, 'content-type': PROBLEM_CONTENT_TYPE },
    body: {
      ...problem,
      instance: fromFramework ? undefined : request.url.split('?')[0],
      requestId: request.id,
    },
  };
}

/** Renders every error as RFC 9457 problem+json with the request id. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const response = problemResponseFor(exception, request);
    if (response.status >= 500 && !response.body.upstream) {
      this.logger.error(
        `request ${request.id} failed: ${(exception as Error)?.stack ?? String(exception)}`,
      );
    }
    void reply.status(response.status).headers(response.headers).send(response.body);
  }
}
