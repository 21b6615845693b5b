import type {
  RainbondTeamConfig,
  TeamConfig,
  WorkspaceTeamConfig,
} from '../config/gateway-config.schema';

/**
 * A gateway team resolved for this request: its key and what its upstream accounts are, never
 * their credentials (tokens, passwords, keys stay in the upstream room, looked up by `key`).
 */
export interface TeamContext {
  key: string;
  displayName: string;
  rainbond?: RainbondAccount;
  workspace?: WorkspaceAccount;
}

/** The team's Rainbond account without its token. */
export type RainbondAccount = Omit<RainbondTeamConfig, 'token'>;
/** The team's Huawei Cloud account without its credentials. */
export type WorkspaceAccount = Omit<WorkspaceTeamConfig, 'auth'>;

/** The team's context, built field by field so that no secret a config section holds comes along. */
export function teamContextOf(key: string, team: TeamConfig): TeamContext {
  const { rainbond, workspace } = team;
  return {
    key,
    displayName: team.displayName,
    ...(rainbond && {
      rainbond: {
        baseUrl: rainbond.baseUrl,
        teamName: rainbond.teamName,
        regions: rainbond.regions,
        timeZone: rainbond.timeZone,
      },
    }),
    ...(workspace && {
      workspace: {
        region: workspace.region,
        projectId: workspace.projectId,
        endpoints: { ...workspace.endpoints },
      },
    }),
  };
}
