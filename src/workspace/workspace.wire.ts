import { z } from 'zod';

/** Error body of Workspace and WorkspaceApp: `{"error_code":"WKS.xxxx","error_msg",...}`. */
export const workspaceErrorSchema = z.looseObject({
  error_code: z.string().min(1),
  error_msg: z.string().optional().catch(undefined),
  error_detail: z.unknown().optional(),
});
export type WorkspaceErrorBody = z.infer<typeof workspaceErrorSchema>;

/** Reads a Workspace error body into a code and message; other bodies yield nothing. */
export function parseWorkspaceError(body: unknown): { code?: string; message?: string } {
  const parsed = workspaceErrorSchema.safeParse(body);
  return parsed.success ? { code: parsed.data.error_code, message: parsed.data.error_msg } : {};
}

/** An optional text field; Huawei services sometimes send `null` for an unset one. */
export const optionalText = z.string().nullish();
