import { HttpService } from '@nestjs/axios';
import { Inject, Injectable } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { ProblemError } from '../common/problem';
import { GatewayMetrics } from '../metrics/gateway-metrics';
import type { AccountLookup, Credential, UpstreamTarget } from './auth/auth-strategies';
import {
  sendUpstream,
  upstreamUrl,
  withQuery,
  type ExpectedAnswer,
  type OutgoingRequest,
  type UpstreamResponse,
} from './http/upstream-http';
import { UpstreamPolicies } from './resilience/upstream-policies';
import {
  UPSTREAM_PROFILES,
  type UpstreamProfile,
  type UpstreamProfiles,
} from './upstream-profiles';
import { UpstreamError, type UpstreamName } from './upstream.error';

/** A call as an adapter or IamClient describes it: what to do, not how to reach or authenticate. */
export interface UpstreamCall<T> extends ExpectedAnswer<T> {
  /** What the call does (`install`, `publish`, `token`…): a bounded metric label and log field. */
  operation: string;
  method: 'GET' | 'POST';
  /** Below the account's base URL, built with `encodePath`. */
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: unknown;
  /**
   * Whether repeating the call cannot do anything twice (default: only GETs). Only those are
   * retried after a timeout, reset or 5xx; any call is retried when it was never sent.
   */
  idempotent?: boolean;
}

/**
 * The one way a provider adapter calls its upstream: as a team, named by its gateway key. Every call
 * goes through the same steps, in this order:
 *
 * 1. profile and account: the upstream's profile, and the team's account there (base URL, circuit
 *    scope, credentials), looked up by team key: a 404 problem, with nothing sent, when it has none;
 * 2. credentials: an IAM token is fetched (or taken from the cache) before the call takes a slot,
 *    so a cold token does not hold the upstream's slots while IAM answers;
 * 3. bulkhead (per upstream) → circuit breaker (per upstream account) → retry (per profile);
 * 4. per attempt: auth/sign (headers, then a signature over the final bytes) → send → parse and
 *    shape-check, and when the upstream rejects the token, one re-fetch and one more send inside
 *    the same attempt (same slot, same breaker call); each send timed into the metrics;
 * 5. one 'upstream call' log line for the whole call.
 *
 * Steps 2–5 are UpstreamSender's, below. IamClient uses it directly, with an IAM endpoint as the
 * target: the team accounts hold IAM token sources, so IAM's own calls cannot wait on them. The
 * accounts come in as an AccountLookup (UpstreamAccounts, bound in upstream.module.ts): this file
 * imports no account code, and the accounts → IAM tokens → IamClient → sender chain has no cycle.
 */
export class UpstreamPipeline {
  constructor(
    private readonly accounts: AccountLookup,
    private readonly sender: UpstreamSender,
  ) {}

  /** Sends `call` to `upstream` as `team` (a gateway team key), through steps 1–5. */
  async call<T>(
    upstream: Exclude<UpstreamName, 'iam'>,
    team: string,
    call: UpstreamCall<T>,
  ): Promise<UpstreamResponse<T>> {
    return this.sender.send(upstream, this.accounts.targetOf(upstream, team), call);
  }
}

/** Steps 2–5 of the pipeline for a call whose account is known: a team's, or an IAM endpoint. */
@Injectable()
export class UpstreamSender {
  constructor(
    private readonly http: HttpService,
    @Inject(UPSTREAM_PROFILES) private readonly profiles: UpstreamProfiles,
    private readonly policies: UpstreamPolicies,
    private readonly metrics: GatewayMetrics,
    @InjectPinoLogger('Upstream') private readonly logger: PinoLogger,
  ) {}

  /** Sends `call` to `upstream` at `target` (a team's account, or an IAM endpoint). */
  async send<T>(
    upstream: UpstreamName,
    target: UpstreamTarget,
    call: UpstreamCall<T>,
  ): Promise<UpstreamResponse<T>> {
    const profile = this.profiles[upstream];
    const started = performance.now();
    const outgoing: OutgoingRequest = {
      method: call.method,
      url: withQuery(upstreamUrl(target.baseUrl, call.path), call.query),
      headers: call.headers ?? {},
      body: call.body === undefined ? '' : JSON.stringify(call.body),
    };
    const scope = {
      provider: upstream,
      account: target.account,
      idempotent: call.idempotent ?? call.method === 'GET',
    };
    // Without a credential nothing is sent: the IAM call that failed has logged its own line.
    let credential = await target.auth.credential();
    let retries = 0;
    try {
      const response = await this.policies.execute(scope, async (attempt) => {
        retries = attempt;
        if (attempt > 0) this.metrics.countUpstreamRetry(upstream, call.operation);
        try {
          return await this.attempt(profile, call, outgoing, credential);
        } catch (error) {
          const renewed = await credential.renewAfter?.(error);
          if (!renewed) throw error;
          credential = renewed;
          return this.attempt(profile, call, outgoing, credential);
        }
      });
      this.log(upstream, call, started, retries, { status: response.status }, response.requestId);
      return response;
    } catch (error) {
      const failed = error instanceof UpstreamError ? error : undefined;
      const result =
        failed?.kind === 'response'
          ? { status: failed.status }
          : { status: failed?.status, failure: outcomeOf(error) };
      this.log(upstream, call, started, retries, result, failed?.details.requestId);
      throw error;
    }
  }

  /** One send with `credential`: its headers, then its signature over the final request. */
  private async attempt<T>(
    profile: UpstreamProfile,
    call: UpstreamCall<T>,
    unsigned: OutgoingRequest,
    credential: Credential,
  ): Promise<UpstreamResponse<T>> {
    const outgoing = { ...unsigned, headers: { ...unsigned.headers, ...credential.headers } };
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      const response = await sendUpstream(
        this.http,
        profile,
        outgoing,
        credential.sign?.(outgoing),
        call,
      );
      this.metrics.observeUpstream(
        profile.name,
        call.operation,
        String(response.status),
        seconds(),
      );
      return response;
    } catch (error) {
      this.metrics.observeUpstream(profile.name, call.operation, outcomeOf(error), seconds());
      throw error;
    }
  }

  private log(
    provider: UpstreamName,
    call: UpstreamCall<unknown>,
    started: number,
    retries: number,
    result: { status?: number; failure?: string },
    upstreamRequestId: string | undefined,
  ): void {
    this.logger.info(
      {
        provider,
        operation: call.operation,
        method: call.method,
        ...result,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
        retries,
        upstreamRequestId,
      },
      'upstream call',
    );
  }
}

/**
 * The status an upstream answered, else how the call failed: `timeout`, `network`, `bad-body`, or
 * the problem the gateway raised without calling (`upstream-circuit-open`, `upstream-busy`).
 */
function outcomeOf(error: unknown): string {
  if (error instanceof UpstreamError) {
    return error.kind === 'response' && error.status !== undefined
      ? String(error.status)
      : error.kind;
  }
  return error instanceof ProblemError ? error.slug : 'error';
}
