import { RAINBOND } from '../rainbond/rainbond.provider';
import { WORKSPACE } from '../workspace/workspace.provider';
import type { ProviderDefinition } from './provider-definition';

/**
 * One entry per provider folder, its plain definition: adding a provider is one line here. The
 * shared code (ids, config, upstream room, models) iterates this list instead of naming providers.
 */
export const PROVIDER_DEFINITIONS = [RAINBOND, WORKSPACE] as const;

/** An entry as declared, for the types derived from the list (ids, config sections). */
export type RegisteredProvider = (typeof PROVIDER_DEFINITIONS)[number];

/** The same list, each entry as the interface it satisfies, for code that only iterates it. */
export const REGISTERED_PROVIDERS: readonly ProviderDefinition[] = PROVIDER_DEFINITIONS;
