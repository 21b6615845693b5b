import type { Type } from '@nestjs/common';
import type { z } from 'zod';

/**
 * One provider name and the grammar of its public ids. Ids carry their route, so every id is
 * `{provider}:…` and names exactly one provider.
 */
export interface IdGrammar<R extends { readonly provider: string }> {
  readonly provider: R['provider'];
  /** How a 400 spells its ids, e.g. `rainbond:{region}:{appId}`. */
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
  /** The folder's Nest module, loaded when the application module is built. */
  module(): Promise<Type<unknown>>;
  /** The token under which that module provides (and exports) its `ProviderRegistration[]`. */
  readonly registrations: symbol;
  /** The publish bodies it takes, for the OpenAPI document (decorators need them early). */
  readonly publishRequests?: readonly Type<{ provider: string }>[];
}

/** `a`, `a or b`, `a, b or c`: how shared messages list the providers' alternatives. */
export function alternatives(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}
