import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { rewordedFrameworkError } from './framework-problems';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails } from './problem';
import { toProblem } from './problem-mapping';

export interface ProblemResponse {
  status: number;
  headers: Record<string, string>;
  body: ProblemDetails;
}

/**
 * The problem+json response an error becomes for this request (the filter's, and what is stored).
 * An HttpException of a status the framework raises (Nest's router, a Fastify error Nest wrapped)
 * is answered in the gateway's words and without the path, which the framework's message repeats.
 */
export function problemResponseFor(
  exception: unknown,
  request: Pick<FastifyRequest, 'id' | 'url'>,
): ProblemResponse {
  const reworded =
    exception instanceof HttpException ? rewordedFrameworkError(exception.getStatus()) : undefined;
  const { problem, headers } = toProblem(reworded ?? exception);
  return {
    status: problem.status,
    headers: { ...headers, 'content-type': PROBLEM_CONTENT_TYPE },
    body: {
      ...problem,
      instance: reworded ? undefined : request.url.split('?')[0],
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
