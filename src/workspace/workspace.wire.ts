import { z } from 'zod';
import type { UpstreamProblem } from '../upstream/upstream.error';
import { workspaceProblem } from './workspace-error.mapper';

/** Error body of Workspace and WorkspaceApp: `{"error_code":"WKS.xxxx","error_msg",...}`. */
export const workspaceErrorSchema = z.looseObject({
  error_code: z.string().min(1),
  error_msg: z.string().optional().catch(undefined),
  error_detail: z.unknown().optional(),
});
export type WorkspaceErrorBody = z.infer<typeof workspaceErrorSchema>;

/** Reads a Workspace error body into a code, message and catalogued problem; other bodies yield nothing. */
export function parseWorkspaceError(body: unknown): {
  code?: string;
  message?: string;
  problem?: UpstreamProblem;
} {
  const parsed = workspaceErrorSchema.safeParse(body);
  if (!parsed.success) return {};
  const code = parsed.data.error_code;
  return { code, message: parsed.data.error_msg, problem: workspaceProblem(code) };
}

/** An optional text field; Huawei services sometimes send `null` for an unset one. */
export const optionalText = z.string().nullish();
