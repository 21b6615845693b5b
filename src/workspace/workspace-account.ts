import { HttpStatus } from '@nestjs/common';
import { ProblemError } from '../common/problem';
import type { WorkspaceTeamConfig } from '../config/gateway-config.schema';
import type { TeamContext } from '../teams/team-context';

/** The team's Huawei Cloud account, or a 404 problem when the team has none configured. */
export function requireWorkspace(team: TeamContext): WorkspaceTeamConfig {
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
