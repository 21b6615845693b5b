import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';
import type { Application } from '../applications/models/application.model';
import { linkHeader, monitorLinks } from './progress-links';

/**
 * Links a write's answer to the progress of the work it started: a `Link: …; rel="monitor"` header
 * and a `links` field. Every write answers the application it changed (a copy's target, an
 * install's or upgrade's app, a publish's new application), so that is the one watched.
 */
@Injectable()
export class MonitorLinksInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((application: Application) => {
        const links = monitorLinks(application.owner.team, application.id);
        void reply.header('link', linkHeader(links));
        return { ...application, links };
      }),
    );
  }
}
