import { setTimeout as sleep } from 'node:timers/promises';
import type { Operation } from './operations';

/** Answers a client retries: in flight elsewhere (409), throttled (429), unavailable (503). */
const RETRYABLE = new Set([409, 429, 503]);
const MAX_ATTEMPTS = 8;
/** Shorter than the gateway's upstream timeout, so some retries meet their first attempt in flight. */
const CLIENT_TIMEOUT_MS = 800;

export interface OperationOutcome {
  operation: Operation;
  attempts: number;
  /** Statuses of every attempt (`timeout`/`network` when no answer came). */
  answers: (number | 'timeout' | 'network')[];
  /** The answer the client kept, when it got one it does not retry. */
  final?: number;
  replays: number;
}

/**
 * A careful client: one Idempotency-Key per operation, the same on every attempt; attempts go to
 * the instances in turn (so a retry may land on another one), time out on the client side, and are
 * repeated on no answer, 409, 429 and 503, plus now and then on a 502/504 to see it replayed.
 */
export async function runOperation(
  instances: string[],
  apiKey: string,
  operation: Operation,
  random: () => number,
): Promise<OperationOutcome> {
  const outcome: OperationOutcome = { operation, attempts: 0, answers: [], replays: 0 };
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    outcome.attempts += 1;
    const base = instances[(attempt + operation.id.length) % instances.length];
    const answer = await send(base, apiKey, operation, attempt);
    outcome.answers.push(answer.status);
    if (answer.replayed) outcome.replays += 1;
    if (typeof answer.status === 'number' && !RETRYABLE.has(answer.status)) {
      outcome.final ??= answer.status;
      const recheck = (answer.status === 502 || answer.status === 504) && random() < 0.5;
      if (!recheck) return outcome;
    }
    await sleep(Math.round(50 + random() * 350 * (attempt + 1)));
  }
  return outcome;
}

async function send(
  base: string,
  apiKey: string,
  operation: Operation,
  attempt: number,
): Promise<{ status: number | 'timeout' | 'network'; replayed: boolean }> {
  try {
    const response = await fetch(base + operation.path, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${apiKey}`,
        'content-type': 'application/json',
        'idempotency-key': operation.id,
        'x-request-id': `${operation.id}.${attempt}`,
      },
      body: JSON.stringify(operation.body),
      signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
    });
    await response.arrayBuffer();
    return {
      status: response.status,
      replayed: response.headers.get('idempotent-replayed') === 'true',
    };
  } catch (error) {
    const name = (error as Error).name;
    return { status: name === 'TimeoutError' ? 'timeout' : 'network', replayed: false };
  }
}
