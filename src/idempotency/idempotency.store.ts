/** A response as it is replayed: status, the headers worth repeating, and the JSON body. */
export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** Left by the request that claimed a key; `owner` tells its marker from a later claim's. */
export interface InFlightRecord {
  state: 'in-flight';
  fingerprint: string;
  owner: string;
}

export interface CompletedRecord {
  state: 'completed';
  fingerprint: string;
  response: StoredResponse;
}

export type IdempotencyRecord = InFlightRecord | CompletedRecord;

/**
 * Where Idempotency-Key records live. Keys arrive already scoped to their caller. Every method is
 * atomic for concurrent requests of all instances sharing the store.
 */
export interface IdempotencyStore {
  /**
   * Writes `marker` under `key` for `leaseMs` unless a record is there. Answers undefined when the
   * marker was written (the caller runs the request), else the record found.
   */
  claim(
    key: string,
    marker: InFlightRecord,
    leaseMs: number,
  ): Promise<IdempotencyRecord | undefined>;
  /**
   * Replaces `marker` with the completed record, kept for `ttlMs`. Does nothing if `marker` is no
   * longer there (its lease ran out, and perhaps another request claimed the key since).
   */
  complete(
    key: string,
    marker: InFlightRecord,
    response: StoredResponse,
    ttlMs: number,
  ): Promise<void>;
  /** Removes `marker`, so that a retry runs again; same ownership rule as complete. */
  release(key: string, marker: InFlightRecord): Promise<void>;
}
