import { RAINBOND_PROVIDER } from '../rainbond/rainbond.module';
import { WORKSPACE_PROVIDER } from '../workspace/workspace.module';
import type { ProviderPackage } from './provider-registration';

/** One entry per provider folder: adding a provider is one line here. */
export const REGISTERED_PROVIDERS: readonly ProviderPackage[] = [
  RAINBOND_PROVIDER,
  WORKSPACE_PROVIDER,
];
