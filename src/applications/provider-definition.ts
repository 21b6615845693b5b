import type { Type } from '@nestjs/common';
import type { z } from 'zod';
import type { TeamSummary } from '../teams/team-summary.model';
import type { UpstreamTarget } from '../upstream/auth/auth-strategies';
import type { AuthStrategies } from '../upstream/auth/upstream-accounts';
import type { UpstreamErrorParser } from '../upstream/http/upstream-http';

/**
 * One provider name and the grammar of its public ids. Ids carry their route, so every id is
 * `{provider}:…` and names exactly one provider.
 */
export interface IdGrammar<R extends { readonly provider: string }> {
  readonly provider: R['provider'];
  /** How a 400 spells its ids, e.g. `{provider}:{region}:{appId}`. */
  readonly shape: string;
  /** The bounds a 400 adds to the shape, if any, e.g. `appId 1-2147483647`. */
  readonly bounds?: string;
  /** Its parts as the id's description states them, e.g. `1-32 digits`. */
  readonly parts: string;
  /** The reference a whole public id names, or undefined when it is not one of this provider's. */
  parse(id: string): R | undefined;
  format(ref: R): string;
}

/** A team's account on the provider's platform: its section under `teams.<team>` in the config. */
export interface AccountDefinition {
  readonly key: string;
  readonly schema: z.ZodType;
  /** The section's description in the configuration reference. */
  readonly description: string;
  /** Paths inside the section whose values are secrets, e.g. `token` or `auth.via.password`. */
  readonly secrets: readonly string[];
  /** The section as a request sees it (`TeamContext`), built field by field without a secret. */
  context(account: z.infer<z.ZodType>): object;
  /** The platform a 404 names when a team has no account on it, e.g. `Rainbond`. */
  readonly platform: string;
  /** What `GET /v1/teams` adds for a team with this account, beyond the provider names. */
  summary?(account: z.infer<z.ZodType>): Partial<TeamSummary>;
  /** Every upstream endpoint a section names, as `[upstream, URL]`, for the connection pools. */
  endpoints(account: z.infer<z.ZodType>): readonly (readonly [string, string])[];
}

/** One upstream a provider calls, as the upstream room builds its profile from it. */
export interface UpstreamDefinition {
  /** The upstream's name in errors, metrics and logs. */
  readonly name: string;
  /** Its settings under `upstreams` in the config file, e.g. `appCenter`. */
  readonly settingsKey: string;
  /** The `timeoutMs` default of those settings. */
  readonly defaultTimeoutMs: number;
  readonly parseError: UpstreamErrorParser;
  /** The upstream reports some failures as a 200 with an error body. */
  readonly errorBodyOn200: boolean;
  /**
   * Where and as whom a team's calls go, from the team's account section: the base URL, the
   * account that scopes the circuit breaker, and the credential, one of the room's strategies.
   */
  target(account: z.infer<z.ZodType>, auth: AuthStrategies): UpstreamTarget;
}

/**
 * What one provider folder declares for the shared code, as plain data: it imports nothing that
 * imports back (no Nest module, no adapter), so the config schema, the id validators and the
 * model decorators can read it while their own files are being loaded. The folder's Nest module
 * is reached only through `module`, once the application is being built.
 */
export interface ProviderDefinition {
  /** Its provider names, each with its id grammar, in the order lists and enums show them. */
  readonly ids: readonly IdGrammar<{ readonly provider: string }>[];
  readonly account: AccountDefinition;
  /** The upstreams its calls go to, each reached with the team's account above. */
  readonly upstreams: readonly UpstreamDefinition[];
  /** The folder's Nest module, loaded when the application module is built. */
  module(): Promise<Type<unknown>>;
  /** The token under which that module provides (and exports) its `ProviderRegistration[]`. */
  readonly registrations: symbol;
  /**
   * Its fields that the common application model has no home for, as groups: the property name in
   * the application (e.g. `appCenter`) and the model class of its group.
   */
  readonly details?: Readonly<Record<string, Type<object>>>;
  /** The publish bodies it takes, for the OpenAPI document (decorators need them early). */
  readonly publishRequests?: readonly Type<{ provider: string }>[];
}

/** `a`, `a or b`, `a, b or c`: how shared messages list the providers' alternatives. */
export function alternatives(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}
