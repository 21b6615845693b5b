import { configuredAccount } from '../applications/provider-registration';
import type { TeamContext } from '../teams/team-context';
import type { UpstreamCall, UpstreamPipeline } from '../upstream/upstream-pipeline';
import type { WorkspaceAccount } from './workspace-account.schema';

/** The team's Huawei Cloud account, or the provider-not-configured 404 when it has none. */
export function requireWorkspace(team: TeamContext): WorkspaceAccount {
  return configuredAccount(team, team.workspace, 'Workspace');
}

/**
 * Sends a call into the team's Workspace project (`call` builds it from the project id) through the
 * upstream pipeline, and gives the parsed answer. A team without an account gets the 404 first.
 */
export async function callInProject<T>(
  pipeline: UpstreamPipeline,
  upstream: 'app-center' | 'app-warehouse',
  team: TeamContext,
  call: (projectId: string) => UpstreamCall<T>,
): Promise<T> {
  const { projectId } = requireWorkspace(team);
  const response = await pipeline.call(upstream, team.key, call(projectId));
  return response.data;
}

/** A page of a Workspace list: `offset` from 0, `limit` 1–100. */
export interface WorkspacePage {
  offset: number;
  limit: number;
}

/** The list query: paging plus the filters that are set. */
export function pageQuery(
  page: WorkspacePage,
  filters: Record<string, string | undefined>,
): Record<string, string> {
  const query: Record<string, string> = { offset: String(page.offset), limit: String(page.limit) };
  for (const [name, value] of Object.entries(filters)) if (value) query[name] = value;
  return query;
}

/** The header of a call with a JSON body. */
export const JSON_BODY: Readonly<Record<string, string>> = { 'content-type': 'application/json' };
