import { z } from 'zod';
import {
  checkFault,
  SANDBOX_TARGETS,
  type FaultOptions,
  type SandboxFault,
  type SandboxTarget,
} from './sandbox-faults';

/** A fault to inject, as the control API (JSON) and SANDBOX_FAULTS (compact text) give it. */
export interface FaultRequest extends FaultOptions {
  target: SandboxTarget;
  fault: SandboxFault;
}

/** Input that does not describe a valid fault; the message says what is wrong. */
export class InvalidFaultRequest extends Error {
  override readonly name = 'InvalidFaultRequest';
}

const faultSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.enum(['latency', 'slow-response']), ms: z.number() }),
  z.strictObject({ kind: z.literal('status'), status: z.number() }),
  z.strictObject({
    kind: z.enum(['reset', 'hang', 'malformed', 'expired-token', 'job-failure', 'lose-response']),
  }),
]);

const faultRequestSchema = z.strictObject({
  target: z.enum(SANDBOX_TARGETS as [SandboxTarget, ...SandboxTarget[]]),
  fault: faultSchema,
  times: z.number().optional(),
  probability: z.number().optional(),
}) satisfies z.ZodType<FaultRequest>;

/** Checks the shape (zod) and the rules of {@link checkFault}; throws InvalidFaultRequest. */
export function parseFaultRequest(input: unknown): FaultRequest {
  const parsed = faultRequestSchema.safeParse(input);
  if (!parsed.success) {
    throw new InvalidFaultRequest(
      parsed.error.issues
        .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
        .join('; '),
    );
  }
  const { target, fault, ...options } = parsed.data;
  try {
    checkFault(target, fault, options);
  } catch (error) {
    throw new InvalidFaultRequest((error as Error).message);
  }
  return parsed.data;
}

/** Keys of an entry that are options of the injection, not parameters of the fault. */
const OPTION_KEYS: Record<string, keyof FaultOptions> = { p: 'probability', times: 'times' };
const DECIMAL = /^\d+(?:\.\d+)?$/;

/**
 * The compact syntax of SANDBOX_FAULTS: comma-separated entries `target:kind[:key=value]…`, where
 * the keys are the fault's own parameters (`ms`, `status`), `p` (probability) and `times`, e.g.
 * `rainbond:latency:ms=200:p=0.1,app-center:status:status=503:p=0.05,app-center:lose-response:p=0.02`.
 * Blank input is no fault. Throws InvalidFaultRequest naming the first entry at fault.
 */
export function parseFaultMix(text: string): FaultRequest[] {
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      try {
        return parseFaultRequest(entryToRequest(entry));
      } catch (error) {
        throw new InvalidFaultRequest(`entry "${entry}": ${(error as Error).message}`);
      }
    });
}

function entryToRequest(entry: string): Record<string, unknown> {
  const [target, kind, ...params] = entry.split(':');
  const fault: Record<string, unknown> = { kind };
  const request: Record<string, unknown> = { target, fault };
  for (const param of params) {
    const [key, value, ...rest] = param.split('=');
    if (!/^[a-z]+$/.test(key) || value === undefined || rest.length > 0 || !DECIMAL.test(value)) {
      throw new InvalidFaultRequest(`"${param}" is not key=number`);
    }
    const option = Object.hasOwn(OPTION_KEYS, key) ? OPTION_KEYS[key] : undefined;
    const holder = option ? request : fault;
    const name = option ?? key;
    if (Object.hasOwn(holder, name)) throw new InvalidFaultRequest(`${key} is given twice`);
    holder[name] = Number(value);
  }
  return request;
}
