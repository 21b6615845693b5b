import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ProblemError } from '../../common/problem';

/** Where the next page starts: the index of a source in the merge order, and an offset in it. */
export interface ListPosition {
  source: number;
  offset: number;
}

const VERSION = 1;
const MAC_BYTES = 16;

/**
 * Opaque, tamper-checked list cursors. A cursor is bound to the list it came from (caller, team,
 * filters): the MAC covers that scope, so it cannot be edited, forged, or replayed on another list.
 */
export class ListCursors {
  private readonly key: Buffer;

  constructor(secret?: string) {
    this.key = secret ? Buffer.from(secret, 'utf8') : randomBytes(32);
  }

  encode(position: ListPosition, scope: string): string {
    const payload = Buffer.from(
      JSON.stringify([VERSION, position.source, position.offset]),
    ).toString('base64url');
    return `${payload}.${this.mac(payload, scope).toString('base64url')}`;
  }

  /** The position, or a 400 problem on `cursor` for anything this gateway did not issue for `scope`. */
  decode(cursor: string, scope: string): ListPosition {
    const [payload, mac, extra] = cursor.split('.');
    if (payload && mac && extra === undefined) {
      const given = Buffer.from(mac, 'base64url');
      const expected = this.mac(payload, scope);
      if (given.length === expected.length && timingSafeEqual(given, expected)) {
        const position = parsePayload(payload);
        if (position) return position;
      }
    }
    throw ProblemError.invalidField('cursor', 'is not a cursor of this list; start without one');
  }

  private mac(payload: string, scope: string): Buffer {
    return createHmac('sha256', this.key)
      .update(`${scope}\n${payload}`)
      .digest()
      .subarray(0, MAC_BYTES);
  }
}

function parsePayload(payload: string): ListPosition | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 3 || value[0] !== VERSION) return undefined;
    const [, source, offset] = value as unknown[];
    const isIndex = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
    return isIndex(source) && isIndex(offset) ? { source, offset } : undefined;
  } catch {
    return undefined;
  }
}
