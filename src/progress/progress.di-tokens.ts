/** The ProgressBus: Redis-backed when Redis is configured, per-replica otherwise. */
export const PROGRESS_BUS = Symbol('PROGRESS_BUS');

/** The StreamTickets signer (keyed from `progress.ticketSecret`). */
export const STREAM_TICKETS = Symbol('STREAM_TICKETS');
