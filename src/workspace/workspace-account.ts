import { HttpStatus } from '@nestjs/common';
import { ProblemError } from '../common/problem';
import type { TeamContext, WorkspaceAccount } from '../teams/team-context';

/** The team's Huawei Cloud account, or a 404 problem when the team has none configured. */
export function requireWorkspace(team: TeamContext): WorkspaceAccount {
  if (!team.workspace) {
    throw new ProblemError(
      HttpStatus.NOT_FOUND,
      'provider-not-configured',
      'Provider not configured',
      `team ${team.key} has no Workspace account`,
    );
  }
  return team.workspace;
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
