/** Who is calling: a configured service or front-end, and the gateway teams it may use. */
export interface Caller {
  name: string;
  teams: ReadonlySet<string>;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller?: Caller;
  }
}
