import type { Type } from '@nestjs/common';
import type { IdGrammar, ProviderDefinition } from '../applications/provider-definition';
import {
  rainbondAccountOf,
  rainbondTeamSchema,
  type RainbondAccount,
  type RainbondTeamConfig,
} from './rainbond-account.schema';
import { RainbondDetails } from './rainbond-details.model';
import { parseRainbondError } from './rainbond-error.mapper';

export interface RainbondAppRef {
  provider: 'rainbond';
  region: string;
  appId: number;
}

/** Rainbond app ids are `ServiceGroup.ID`, a signed 32-bit database id. */
export const MAX_RAINBOND_APP_ID = 2_147_483_647;

/** At most 10 digits, so `Number()` of it is exact; the range is checked after. */
const RAINBOND_ID = /^rainbond:([A-Za-z0-9_-]{1,64}):([1-9][0-9]{0,9})$/;

const rainbondIds: IdGrammar<RainbondAppRef> = {
  provider: 'rainbond',
  shape: 'rainbond:{region}:{appId}',
  bounds: `appId 1-${MAX_RAINBOND_APP_ID}`,
  parts: `region 1-64 letters, digits, \`_\` or \`-\`; appId an integer 1-${MAX_RAINBOND_APP_ID}`,
  parse(id) {
    const match = RAINBOND_ID.exec(id);
    if (!match) return undefined;
    const appId = Number(match[2]);
    return appId <= MAX_RAINBOND_APP_ID
      ? { provider: 'rainbond', region: match[1], appId }
      : undefined;
  },
  format: (ref) => `rainbond:${ref.region}:${ref.appId}`,
};

/** The Nest module provides its registrations under this token. */
export const RAINBOND_REGISTRATIONS = Symbol('RAINBOND_REGISTRATIONS');

/** Rainbond, as the shared code sees it. */
export const RAINBOND = {
  ids: [rainbondIds],
  account: {
    key: 'rainbond',
    schema: rainbondTeamSchema,
    description: 'the team in Rainbond: install, copy, upgrade',
    secrets: ['token'],
    context: rainbondAccountOf,
    platform: 'Rainbond',
    summary: (account: RainbondAccount) => ({ rainbondRegions: [...account.regions] }),
    endpoints: (account: RainbondTeamConfig) => [['rainbond', account.baseUrl]],
  },
  upstreams: [
    {
      name: 'rainbond',
      settingsKey: 'rainbond',
      defaultTimeoutMs: 60_000,
      parseError: parseRainbondError,
      errorBodyOn200: false,
      /** The team's personal access token as the raw `Authorization` value. */
      target: (account: RainbondTeamConfig, auth) => ({
        baseUrl: account.baseUrl,
        account: account.teamName,
        auth: auth.header('authorization', account.token),
      }),
    },
  ],
  details: { rainbond: RainbondDetails },
  module: (): Promise<Type<unknown>> =>
    import('./rainbond.module').then((loaded) => loaded.RainbondModule),
  registrations: RAINBOND_REGISTRATIONS,
} as const satisfies ProviderDefinition;
