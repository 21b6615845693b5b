import { z } from 'zod';

/** Field types that several sections of the configuration share. */
export const httpUrl = z.url({ protocol: /^https?$/ }).describe('absolute http(s) URL');
export const secret = z
  .string()
  .min(1)
  .describe('a ${ENV_VAR} or file:/path reference, never a literal');

/** A Rainbond or Huawei Cloud region name. */
export const REGION_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
