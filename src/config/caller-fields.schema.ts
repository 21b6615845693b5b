import { z } from 'zod';

/** Fields that services (`callers`) and signed-in users (`oidc`) share. */
export const callerNameSchema = z.string().regex(/^[a-z][a-z0-9-]{0,62}$/);

export const ownRateLimitSchema = z.number().int().min(0).max(1_000_000).optional();
