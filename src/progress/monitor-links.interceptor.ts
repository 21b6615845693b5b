import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import { linkHeader, monitorLinks } from './progress-links';

type WriteAnswer = {
  id?: string;
  applicationId?: string;
  target?: { team: string; applicationId: string };
};

/**
 * Links a write's answer to the progress of the work it started: a `Link: …; rel="monitor"` header
 * and a `links` field. The application watched is the one the write changed: a copy's target, an
 * install's or upgrade's app, a publish's new application.
 */
@Injectable()
export class MonitorLinksInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest<{ Params: { team: string; id?: string } }>>();
    const reply = http.getResponse<FastifyReply>();
    return next.handle().pipe(
      map((body: WriteAnswer) => {
        const watched = body.target ?? {
          team: request.params.team,
          applicationId: body.applicationId ?? request.params.id ?? body.id,
        };
        if (!watched.applicationId) return body;
        const links = monitorLinks(watched.team, watched.applicationId);
        void reply.header('link', linkHeader(links));
        return { ...body, links };
      }),
    );
  }
}
