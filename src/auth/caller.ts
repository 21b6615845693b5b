/** Who is calling: a configured service, or a user signed in at the OIDC provider, and the gateway teams it may use. */
export interface Caller {
  /** A configured caller name, or oidc.callerName for every user: bounded, fit for metric labels. */
  name: string;
  teams: ReadonlySet<string>;
  /** The user's `sub` claim; logged, never sent upstream nor used as a metric label. */
  subject?: string;
}

/**
 * The principal whose budget and records these are: each service caller, and each signed-in user
 * (users share one caller name, but not their rate limit or their idempotency keys).
 */
export function principalOf(caller: Caller): string {
  return caller.subject === undefined ? `caller:${caller.name}` : `user:${caller.subject}`;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller?: Caller;
  }
}
