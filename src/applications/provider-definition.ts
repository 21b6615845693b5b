import type { Type } from '@nestjs/common';

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

/**
 * What one provider folder declares for the shared code, as plain data: it imports nothing that
 * imports back (no Nest module, no adapter), so the config schema, the id validators and the
 * model decorators can read it while their own files are being loaded. The folder's Nest module
 * is reached only through `module`, once the application is being built.
 */
export interface ProviderDefinition {
  /** Its provider names, each with its id grammar, in the order lists and enums show them. */
  readonly ids: readonly IdGrammar<{ readonly provider: string }>[];
  /** The folder's Nest module, loaded when the application module is built. */
  module(): Promise<Type<unknown>>;
  /** The token under which that module provides (and exports) its `ProviderRegistration[]`. */
  readonly registrations: symbol;
  /** The publish bodies it takes, for the OpenAPI document (decorators need them early). */
  readonly publishRequests?: readonly Type<{ provider: string }>[];
}
