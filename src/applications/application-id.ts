import { ValidateBy, type ValidationOptions } from 'class-validator';
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

/** Rainbond app ids are `ServiceGroup.ID`, a signed 32-bit database id. */
export const MAX_RAINBOND_APP_ID = 2_147_483_647;

/** At most 10 digits, so `Number()` of it is exact; the range is checked after. */
const RAINBOND_ID = /^rainbond:([A-Za-z0-9_-]{1,64}):([1-9][0-9]{0,9})$/;
const WORKSPACE_ID = /^(app-center):([A-Za-z0-9_-]{1,64})$|^(app-warehouse):([0-9]{1,32})$/;

const ANY_ID_MESSAGE = `must look like rainbond:{region}:{appId} (appId 1-${MAX_RAINBOND_APP_ID}), app-center:{id} or app-warehouse:{id}`;
const RAINBOND_ID_MESSAGE = `must look like rainbond:{region}:{appId} with appId 1-${MAX_RAINBOND_APP_ID}`;

export const APPLICATION_ID_DESCRIPTION = `Opaque application id that carries its route: \`rainbond:{region}:{appId}\` (region 1-64 letters, digits, \`_\` or \`-\`; appId an integer 1-${MAX_RAINBOND_APP_ID}), \`app-center:{id}\` (1-64 letters, digits, \`_\` or \`-\`) or \`app-warehouse:{id}\` (1-32 digits).`;

export function formatApplicationId(ref: ApplicationRef): string {
  return ref.provider === 'rainbond'
    ? `rainbond:${ref.region}:${ref.appId}`
    : `${ref.provider}:${ref.appId}`;
}

/** The reference a public id names, or undefined when it is not one (Rainbond ids in range only). */
export function toApplicationRef(id: string): ApplicationRef | undefined {
  const rainbond = RAINBOND_ID.exec(id);
  if (rainbond) {
    const appId = Number(rainbond[2]);
    return appId <= MAX_RAINBOND_APP_ID
      ? { provider: 'rainbond', region: rainbond[1], appId }
      : undefined;
  }
  const workspace = WORKSPACE_ID.exec(id);
  if (!workspace) return undefined;
  return workspace[1]
    ? { provider: 'app-center', appId: workspace[2] }
    : { provider: 'app-warehouse', appId: workspace[4] };
}

/** Parses a public id; anything that is not one is a 400 on `field`. */
export function parseApplicationId(id: string, field = 'id'): ApplicationRef {
  const ref = toApplicationRef(id);
  if (!ref) throw ProblemError.invalidField(field, ANY_ID_MESSAGE);
  return ref;
}

/** A public application id; `rainbond` accepts only Rainbond ones (a copy target). */
export function IsApplicationId(only?: 'rainbond', options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isApplicationId',
      validator: {
        validate: (value: unknown) => {
          const ref = typeof value === 'string' ? toApplicationRef(value) : undefined;
          return ref !== undefined && (only === undefined || ref.provider === only);
        },
        defaultMessage: () => (only ? RAINBOND_ID_MESSAGE : ANY_ID_MESSAGE),
      },
    },
    options,
  );
}
