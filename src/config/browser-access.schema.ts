import { z } from 'zod';
import { callerNameSchema, ownRateLimitSchema } from './caller-fields.schema';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** https, or plain http to this machine only (a local issuer in tests and development). */
export function isSecureOrLoopback(url: URL): boolean {
  return (
    url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))
  );
}

const keyServerUrl = z
  .url({ protocol: /^https?$/ })
  .refine((text) => isSecureOrLoopback(new URL(text)), {
    message: 'must be https (plain http only for localhost)',
  });

/** Asymmetric JWS algorithms only: a public key can never be used as an HMAC secret, and `none` is out. */
export const OIDC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
] as const;

export const oidcSchema = z
  .object({
    issuer: keyServerUrl.describe(
      'the `iss` of accepted tokens, exactly as the provider writes it',
    ),
    jwksUri: keyServerUrl
      .optional()
      .describe(
        "the provider's JSON Web Key Set; without it, the jwks_uri of the issuer's discovery document",
      ),
    audience: z
      .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
      .describe('the `aud` the token must carry (one of them, when several)'),
    algorithms: z.array(z.enum(OIDC_ALGORITHMS)).min(1).default(['RS256']),
    clockToleranceSeconds: z
      .number()
      .int()
      .min(0)
      .max(300)
      .default(30)
      .describe('clock skew allowed when checking `exp` and `nbf`'),
    jwksCooldownSeconds: z
      .number()
      .int()
      .min(0)
      .max(3_600)
      .default(30)
      .describe('a token with an unknown `kid` refetches the key set at most this often'),
    teamsClaim: z
      .string()
      .min(1)
      .default('groups')
      .describe('top-level claim holding the user’s groups (a string or a list of strings)'),
    groupTeams: z
      .record(z.string().min(1), z.array(z.string()).min(1))
      .describe('claim value → gateway team keys its members may use'),
    callerName: callerNameSchema
      .default('user')
      .describe('the caller name of every signed-in user in logs and metrics'),
    requestsPerWindow: ownRateLimitSchema.describe(
      "each user's own rate limit, instead of rateLimit.requestsPerWindow",
    ),
  })
  .strict();

const browserOrigin = z
  .string()
  .refine((text) => text !== '*', {
    message: 'a wildcard is not allowed: list each origin',
    abort: true,
  })
  .refine((text) => URL.canParse(text) && new URL(text).origin === text, {
    message: 'must be an origin: scheme://host[:port], no path or trailing slash',
  });

export const corsSchema = z
  .object({
    origins: z
      .array(browserOrigin)
      .min(1)
      .describe('front-end origins allowed to call from a browser'),
    maxAgeSeconds: z
      .number()
      .int()
      .min(0)
      .max(86_400)
      .default(600)
      .describe('how long a browser may cache a preflight answer'),
    credentials: z
      .boolean()
      .default(false)
      .describe('allow cookies and HTTP auth with cross-origin requests (bearer tokens need none)'),
  })
  .strict();

export type OidcConfig = z.infer<typeof oidcSchema>;
export type CorsConfig = z.infer<typeof corsSchema>;
