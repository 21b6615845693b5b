import type { FastifyInstance } from 'fastify';
import type { Caller } from '../auth/caller';
import type { StreamTickets } from './stream-tickets';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set only for the events route, from a valid `?ticket=`; CallerAuthGuard accepts it. */
    ticketCaller?: Caller;
  }
}

export const EVENTS_ROUTE = '/v1/teams/:team/applications/:id/events';

/**
 * Reads `?ticket=` on the events route when no Authorization header was sent: the caller the ticket
 * names, limited to the ticket's team and application. An invalid ticket leaves the request
 * unauthenticated (401 from the guard).
 */
export function registerStreamTicketHook(fastify: FastifyInstance, tickets: StreamTickets): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    if (
      request.method === 'GET' &&
      request.routeOptions.url === EVENTS_ROUTE &&
      !request.headers.authorization
    ) {
      const ticket = (request.query as Record<string, unknown>).ticket;
      const params = request.params as { team?: string; id?: string };
      if (typeof ticket === 'string' && params.team && params.id) {
        request.ticketCaller = tickets.verify(ticket, params.team, params.id);
      }
    }
    done();
  });
}
