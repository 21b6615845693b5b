import { principalOf } from '../auth/caller';
import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { catchError, mergeMap, type Observable, of } from 'rxjs';
import { problemResponseFor } from '../common/problem.filter';
import { IDEMPOTENCY_KEY_HEADER, parseIdempotencyKey } from './idempotency-key.header';
import type { StoredResponse } from './idempotency.store';
import { IdempotencyService } from './idempotency.service';
import { requestFingerprint } from './request-fingerprint';

export const REPLAYED_HEADER = 'idempotent-replayed';
/** Headers of a success that belong to its outcome (content-type is set again when replayed). */
const KEPT_SUCCESS_HEADERS = ['location', 'content-location', 'link'];

/**
 * Honours `Idempotency-Key` on every authenticated POST. It runs after the guards (the caller, who
 * scopes the key, is known; 401 and 404 of the guards are never stored) and before the pipes, so it
 * fingerprints the body as sent, and validation failures come back through it as outcomes.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly idempotency: IdempotencyService) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    if (request.method !== 'POST' || !request.caller) return next.handle();
    const key = parseIdempotencyKey(request.headers[IDEMPOTENCY_KEY_HEADER]);
    if (key === undefined) return next.handle();

    const reply = http.getResponse<FastifyReply>();
    const admission = await this.idempotency.admit(
      principalOf(request.caller),
      key,
      requestFingerprint(request.method, request.url, request.body),
    );
    if (admission.kind === 'replay') {
      const { status, headers, body } = admission.response;
      void reply.status(status).headers({ ...headers, [REPLAYED_HEADER]: 'true' });
      return of(body);
    }
    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        await admission.settle({ status: reply.statusCode, headers: keptHeaders(reply), body });
        return body;
      }),
      catchError(async (error: unknown) => {
        await admission.settle(problemResponseFor(error, request));
        throw error;
      }),
    );
  }
}

function keptHeaders(reply: FastifyReply): StoredResponse['headers'] {
  const kept: StoredResponse['headers'] = {};
  for (const name of KEPT_SUCCESS_HEADERS) {
    const value = reply.getHeader(name);
    if (value !== undefined) kept[name] = String(value);
  }
  return kept;
}
