import { z } from 'zod';
import { httpUrl, REGION_PATTERN, secret } from '../config/config-fields.schema';

const passwordIdentityFields = {
  domainName: z.string().min(1).describe('Huawei Cloud account (domain) name of the IAM user'),
  userName: z.string().min(1).describe('IAM user name'),
  password: secret,
};

export const passwordAuthSchema = z
  .object({ type: z.literal('password'), ...passwordIdentityFields })
  .strict()
  .describe('an IAM user of the account that owns the project, token scoped to the project');

export const agencyAuthSchema = z
  .object({
    type: z.literal('agency'),
    domainName: z.string().min(1).describe('the delegating account, which owns the project'),
    agencyName: z.string().min(1).describe('the agency that account created for the gateway'),
    durationSeconds: z
      .number()
      .int()
      .min(900)
      .max(86_400)
      .optional()
      .describe('lifetime of the agency token (IAM default: 24 h)'),
    via: z
      .object(passwordIdentityFields)
      .strict()
      .describe('the IAM user of the delegated account that assumes the agency'),
  })
  .strict()
  .describe('assume_role: a token of another account that the owning account delegated to');

export const akskAuthSchema = z
  .object({
    type: z.literal('aksk'),
    accessKey: secret,
    secretKey: secret,
    securityToken: secret.optional().describe('for temporary AK/SK only'),
  })
  .strict()
  .describe('every request signed with SDK-HMAC-SHA256; no IAM token');

/** A team's section `workspace` in the config file. */
export const workspaceTeamSchema = z
  .object({
    region: z.string().regex(REGION_PATTERN).describe('Huawei Cloud region, e.g. cn-north-4'),
    projectId: z
      .string()
      .regex(/^[A-Za-z0-9]{1,64}$/)
      .describe('IAM project id for the region'),
    endpoints: z
      .object({
        appCenter: httpUrl.describe(
          'Workspace endpoint, e.g. https://workspace.cn-north-4.myhuaweicloud.com',
        ),
        appWarehouse: httpUrl.describe(
          'WorkspaceApp endpoint, e.g. https://appstream.cn-north-4.myhuaweicloud.com',
        ),
        iam: httpUrl.describe('IAM endpoint, e.g. https://iam.cn-north-4.myhuaweicloud.com'),
      })
      .strict()
      .describe('service endpoints of the region'),
    auth: z
      .discriminatedUnion('type', [passwordAuthSchema, agencyAuthSchema, akskAuthSchema])
      .describe('how the gateway authenticates to Workspace and WorkspaceApp'),
  })
  .strict();

export type WorkspaceTeamConfig = z.infer<typeof workspaceTeamSchema>;
export type WorkspaceAuthConfig = WorkspaceTeamConfig['auth'];
export type PasswordIdentityConfig = z.infer<typeof agencyAuthSchema>['via'];
export type AgencyAuthConfig = z.infer<typeof agencyAuthSchema>;
export type AkSkAuthConfig = z.infer<typeof akskAuthSchema>;

/** The team's Huawei Cloud account without its credentials. */
export type WorkspaceAccount = Omit<WorkspaceTeamConfig, 'auth'>;

/** The account as a request sees it, built field by field so that no credential comes along. */
export function workspaceAccountOf(account: WorkspaceTeamConfig): WorkspaceAccount {
  return {
    region: account.region,
    projectId: account.projectId,
    endpoints: { ...account.endpoints },
  };
}
