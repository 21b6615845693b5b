import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Caller } from '../auth/caller';

const VERSION = 1;
const MAC_BYTES = 16;

export interface IssuedTicket {
  ticket: string;
  expiresAt: string;
}

/**
 * Stream tickets: what a browser's EventSource (which cannot send an Authorization header) puts in
 * the events URL instead of its access token. A ticket is signed, expires within seconds, and opens
 * the events of one application of one team for the caller that asked for it, nothing else: a
 * ticket seen in a proxy log is worth little, unlike a token.
 */
export class StreamTickets {
  private readonly key: Buffer;

  constructor(
    secret: string | undefined,
    private readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {
    this.key = secret ? Buffer.from(secret, 'utf8') : randomBytes(32);
  }

  issue(caller: Caller, team: string, applicationId: string): IssuedTicket {
    const expires = this.now() + this.ttlSeconds * 1000;
    const payload = Buffer.from(
      JSON.stringify([VERSION, caller.name, caller.subject ?? null, team, applicationId, expires]),
    ).toString('base64url');
    return {
      ticket: `${payload}.${this.mac(payload).toString('base64url')}`,
      expiresAt: new Date(expires).toISOString(),
    };
  }

  /** The caller the ticket was issued to, if it is genuine, unexpired and for this team and app. */
  verify(ticket: string, team: string, applicationId: string): Caller | undefined {
    const [payload, mac, extra] = ticket.split('.');
    if (!payload || !mac || extra !== undefined) return undefined;
    const given = Buffer.from(mac, 'base64url');
    const expected = this.mac(payload);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    const fields = parse(payload);
    if (!fields) return undefined;
    const [name, subject, ticketTeam, ticketApp, expires] = fields;
    if (ticketTeam !== team || ticketApp !== applicationId || expires <= this.now()) {
      return undefined;
    }
    return { name, teams: new Set([team]), ...(subject === null ? {} : { subject }) };
  }

  private mac(payload: string): Buffer {
    return createHmac('sha256', this.key)
      .update(`stream-ticket\n${payload}`)
      .digest()
      .subarray(0, MAC_BYTES);
  }
}

type TicketFields = [string, string | null, string, string, number];

function parse(payload: string): TicketFields | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 6 || value[0] !== VERSION) return undefined;
    const [, name, subject, team, app, expires] = value as unknown[];
    const ok =
      typeof name === 'string' &&
      (subject === null || typeof subject === 'string') &&
      typeof team === 'string' &&
      typeof app === 'string' &&
      Number.isSafeInteger(expires);
    return ok ? [name, subject, team, app, expires as number] : undefined;
  } catch {
    return undefined;
  }
}
