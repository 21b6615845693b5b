import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from './problem';
import { toProblem } from './problem-mapping';

/** Renders every error as RFC 9457 problem+json with the request id. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { problem, headers } = toProblem(exception);
    if (problem.status >= 500 && !problem.upstream) {
      this.logger.error(
        `request ${request.id} failed: ${(exception as Error)?.stack ?? String(exception)}`,
      );
    }
    void reply
      .status(problem.status)
      .headers(headers)
      .type(PROBLEM_CONTENT_TYPE)
      .send({ ...problem, instance: request.url.split('?')[0], requestId: request.id });
  }
}
