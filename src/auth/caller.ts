/** Who is calling: a configured service, or a user signed in at the OIDC provider, and the gateway teams it may use. */
export interface Caller {
  /** A configured caller name, or oidc.callerName for every user: bounded, fit for metric labels. */
  name: string;
  teams: ReadonlySet<string>;
  /** The user's `sub` claim; logged, never sent upstream nor used as a metric label. */
  subject?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller?: Caller;
  }
}
