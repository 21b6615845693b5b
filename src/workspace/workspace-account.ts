import { configuredAccount } from '../applications/provider-registration';
import type { TeamContext } from '../teams/team-context';
import type { WorkspaceAccount } from './workspace-account.schema';

/** The team's Huawei Cloud account, or the provider-not-configured 404 when it has none. */
export function requireWorkspace(team: TeamContext): WorkspaceAccount {
  return configuredAccount(team, team.workspace, 'Workspace');
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
