import { Injectable } from '@nestjs/common';
import { UpstreamAccounts, type TeamUpstream } from './auth/upstream-accounts';
import type { UpstreamResponse } from './http/upstream-http';
import { UpstreamPipeline, type UpstreamCall } from './upstream-pipeline';

/** What the provider clients use: a call to an upstream as a team, named by its gateway key. */
@Injectable()
export class TeamUpstreamCaller {
  constructor(
    private readonly accounts: UpstreamAccounts,
    private readonly pipeline: UpstreamPipeline,
  ) {}

  call<T>(
    upstream: TeamUpstream,
    team: string,
    call: UpstreamCall<T>,
  ): Promise<UpstreamResponse<T>> {
    return this.pipeline.send(upstream, this.accounts.targetOf(upstream, team), call);
  }
}
