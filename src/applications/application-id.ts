import { ProblemError } from '../common/problem';

export const PROVIDERS = ['rainbond', 'app-center', 'app-warehouse'] as const;
export type ProviderName = (typeof PROVIDERS)[number];

export interface RainbondAppRef {
  provider: 'rainbond';
  region: string;
  appId: number;
}
export interface WorkspaceAppRef {
  provider: 'app-center' | 'app-warehouse';
  appId: string;
}
export type ApplicationRef = RainbondAppRef | WorkspaceAppRef;

/** The whole public id, anchored: what the path parameter and `target.applicationId` must match. */
export const APPLICATION_ID_PATTERN =
  /^(?:rainbond:[A-Za-z0-9_-]{1,64}:[1-9][0-9]{0,15}|app-center:[A-Za-z0-9_-]{1,64}|app-warehouse:[0-9]{1,32})$/;

export const APPLICATION_ID_DESCRIPTION =
  'Opaque application id that carries its route: `rainbond:{region}:{appId}`, `app-center:{id}` or `app-warehouse:{id}`.';

export function formatApplicationId(ref: ApplicationRef): string {
  return ref.provider === 'rainbond'
    ? `rainbond:${ref.region}:${ref.appId}`
    : `${ref.provider}:${ref.appId}`;
}

/** Parses a public id; anything that does not match the pattern is a 400 on `field`. */
export function parseApplicationId(id: string, field = 'id'): ApplicationRef {
  if (!APPLICATION_ID_PATTERN.test(id)) {
    throw ProblemError.invalidField(
      field,
      'must look like rainbond:{region}:{appId}, app-center:{id} or app-warehouse:{id}',
    );
  }
  const [provider, first, second] = id.split(':');
  if (provider === 'rainbond') {
    return { provider, region: first, appId: Number(second) };
  }
  return { provider: provider as WorkspaceAppRef['provider'], appId: first };
}
