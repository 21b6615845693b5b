import {
  REGISTERED_PROVIDERS,
  type RegisteredProvider,
} from '../applications/registered-providers';
import type { TeamConfig } from '../config/gateway-config.schema';

/** Each registered provider's account as a request sees it, under the key of its config section. */
type TeamAccounts = {
  [D in RegisteredProvider as D['account']['key']]?: ReturnType<D['account']['context']>;
};

/**
 * A gateway team resolved for this request: its key and what its upstream accounts are, never
 * their credentials (tokens, passwords, keys stay in the upstream room, looked up by `key`).
 */
export type TeamContext = { key: string; displayName: string } & TeamAccounts;

/**
 * The team's context: each account its provider's view of the section, built field by field so
 * that no secret a config section holds comes along.
 */
export function teamContextOf(key: string, team: TeamConfig): TeamContext {
  const sections: Readonly<Record<string, unknown>> = team;
  const accounts: Record<string, object> = {};
  for (const { account } of REGISTERED_PROVIDERS) {
    const section = sections[account.key];
    if (section !== undefined) accounts[account.key] = account.context(section);
  }
  // Each entry is its own provider's context of its own section: TeamAccounts by construction.
  return { key, displayName: team.displayName, ...(accounts as TeamAccounts) };
}
