import { z } from 'zod';

/** Where a token is valid: one project, or the whole account (needed to assume an agency). */
export type IamScope = { project: { id: string } } | { domain: { name: string } };

/** Body of `POST /v3/auth/tokens` for a password identity. */
export interface IamPasswordTokenRequest {
  auth: {
    identity: {
      methods: ['password'];
      password: {
        user: { name: string; password: string; domain: { name: string } };
      };
    };
    scope: IamScope;
  };
}

/** Body of `POST /v3/auth/tokens` for an agency (sent with the delegated user's token). */
export interface IamAssumeRoleTokenRequest {
  auth: {
    identity: {
      methods: ['assume_role'];
      assume_role: { domain_name: string; agency_name: string; duration_seconds?: number };
    };
    scope: IamScope;
  };
}

export interface IamPasswordIdentity {
  domainName: string;
  userName: string;
  password: string;
}

export interface IamAgency {
  domainName: string;
  agencyName: string;
  durationSeconds?: number;
}

export function passwordTokenRequest(
  identity: IamPasswordIdentity,
  scope: IamScope,
): IamPasswordTokenRequest {
  return {
    auth: {
      identity: {
        methods: ['password'],
        password: {
          user: {
            name: identity.userName,
            password: identity.password,
            domain: { name: identity.domainName },
          },
        },
      },
      scope,
    },
  };
}

export function assumeRoleTokenRequest(
  agency: IamAgency,
  projectId: string,
): IamAssumeRoleTokenRequest {
  return {
    auth: {
      identity: {
        methods: ['assume_role'],
        assume_role: {
          domain_name: agency.domainName,
          agency_name: agency.agencyName,
          ...(agency.durationSeconds === undefined
            ? {}
            : { duration_seconds: agency.durationSeconds }),
        },
      },
      scope: { project: { id: projectId } },
    },
  };
}

const timestamp = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), 'must be an ISO 8601 timestamp');

/** The 201 body; the token itself travels in the `X-Subject-Token` header. */
export const iamTokenResponseSchema = z.looseObject({
  token: z.looseObject({ expires_at: timestamp }),
});
export type IamTokenResponse = z.infer<typeof iamTokenResponseSchema>;

/** Keystone-style error: `{"error":{"message","code","title"}}`. */
export const keystoneErrorSchema = z.looseObject({
  error: z.looseObject({
    message: z.string().optional(),
    code: z.union([z.number(), z.string()]).optional(),
    title: z.string().optional(),
  }),
});

/** API gateway error in front of IAM: `{"error_code":"APIGW.0301","error_msg","request_id"}`. */
export const apigwErrorSchema = z.looseObject({
  error_code: z.string(),
  error_msg: z.string().optional(),
  request_id: z.string().optional(),
});

/** Reads either IAM error shape into a code and a message; anything else yields nothing. */
export function parseIamError(body: unknown): { code?: string; message?: string } {
  const apigw = apigwErrorSchema.safeParse(body);
  if (apigw.success) {
    return { code: apigw.data.error_code, message: apigw.data.error_msg };
  }
  const keystone = keystoneErrorSchema.safeParse(body);
  if (keystone.success) {
    const { code, title, message } = keystone.data.error;
    return { code: code === undefined ? title : String(code), message: message ?? title };
  }
  return {};
}
