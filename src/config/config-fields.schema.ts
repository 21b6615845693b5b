import { z } from 'zod';

/** Field types that several sections of the configuration share. */
export const httpUrl = z.url({ protocol: /^https?$/ }).describe('absolute http(s) URL');
export const secret = z
  .string()
  .min(1)
  .describe('a ${ENV_VAR} or file:/path reference, never a literal');
