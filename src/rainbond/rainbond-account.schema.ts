import { z } from 'zod';
import { isKnownTimeZone } from '../common/upstream-time';
import { httpUrl, REGION_PATTERN, secret } from '../config/config-fields.schema';

/** A team's section `rainbond` in the config file. */
export const rainbondTeamSchema = z
  .object({
    baseUrl: httpUrl.describe('Rainbond console URL; the OpenAPI lives under /openapi/v1'),
    teamName: z
      .string()
      .regex(/^[\w-]{1,64}$/)
      .describe('the team tenant_name (or tenant_id) in Rainbond, e.g. o19p6wen'),
    regions: z
      .array(z.string().regex(REGION_PATTERN))
      .min(1)
      .describe('cluster region_names this team may use'),
    token: secret.describe('Rainbond personal access token, sent as the raw Authorization value'),
    timeZone: z
      .string()
      .refine(isKnownTimeZone, { message: 'must be an IANA time zone name, e.g. Asia/Shanghai' })
      .default('Asia/Shanghai')
      .describe(
        'IANA time zone of this Rainbond installation (its Django TIME_ZONE), the same for every team on one baseUrl: Rainbond writes times without an offset, the gateway reads them in this zone',
      ),
  })
  .strict();

export type RainbondTeamConfig = z.infer<typeof rainbondTeamSchema>;

/** The team's Rainbond account without its token. */
export type RainbondAccount = Omit<RainbondTeamConfig, 'token'>;

/** The account as a request sees it, built field by field so that the token never comes along. */
export function rainbondAccountOf(account: RainbondTeamConfig): RainbondAccount {
  return {
    baseUrl: account.baseUrl,
    teamName: account.teamName,
    regions: account.regions,
    timeZone: account.timeZone,
  };
}
