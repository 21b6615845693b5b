import { randomBytes } from 'node:crypto';
import { SANDBOX_WORLD, type SandboxTeamKey } from './sandbox-world';

export interface AccessKeyPair {
  accessKey: string;
  secretKey: string;
}

export interface TemporaryAccessKey extends AccessKeyPair {
  securityToken: string;
}

export interface SandboxSecrets {
  /** Rainbond personal access tokens (generated: 40 hex characters, like sha1). */
  rainbondTokens: Record<SandboxTeamKey, string>;
  /** IAM user passwords. */
  iamPasswords: Record<SandboxTeamKey, string>;
  /** Password of gateway-ops/gateway-svc, the user that assumes the agency. */
  agencyPassword: string;
  /** Permanent AK/SK of each team's IAM user. */
  aksk: Record<SandboxTeamKey, AccessKeyPair>;
  /** Temporary AK/SK with their security token. */
  temporaryAksk: Record<SandboxTeamKey, TemporaryAccessKey>;
}

type PerTeam<T> = Partial<Record<SandboxTeamKey, T>>;

/** Secrets to use instead of generated ones; whatever is not given is generated. */
export interface SecretOverrides {
  rainbondTokens?: PerTeam<string>;
  iamPasswords?: PerTeam<string>;
  agencyPassword?: string;
  aksk?: PerTeam<AccessKeyPair>;
  temporaryAksk?: PerTeam<TemporaryAccessKey>;
}

export const SANDBOX_TEAMS = Object.keys(SANDBOX_WORLD.workspace.users) as SandboxTeamKey[];

export function resolveSecrets(given: SecretOverrides = {}): SandboxSecrets {
  const perTeam = <T>(values: PerTeam<T> | undefined, generate: () => T) =>
    Object.fromEntries(SANDBOX_TEAMS.map((team) => [team, values?.[team] ?? generate()])) as Record<
      SandboxTeamKey,
      T
    >;
  return {
    rainbondTokens: perTeam(given.rainbondTokens, () => randomBytes(20).toString('hex')),
    iamPasswords: perTeam(given.iamPasswords, () => randomBytes(18).toString('base64url')),
    agencyPassword: given.agencyPassword ?? randomBytes(18).toString('base64url'),
    aksk: perTeam(given.aksk, newAccessKey),
    temporaryAksk: perTeam(given.temporaryAksk, () => ({
      ...newAccessKey(),
      securityToken: randomBytes(120).toString('base64url'),
    })),
  };
}

const AK_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Like Huawei's: a 20-character upper-case AK and a 40-character SK. */
function newAccessKey(): AccessKeyPair {
  const accessKey = [...randomBytes(20)].map((byte) => AK_ALPHABET[byte % 36]).join('');
  return { accessKey, secretKey: randomBytes(30).toString('base64url') };
}

export const AGENCY_PASSWORD_ENV = 'SANDBOX_AGENCY_PASSWORD';

/** The env var names of one team's secrets: SANDBOX_ACME_RAINBOND_TOKEN, SANDBOX_ACME_AK, … */
function teamEnvNames(team: SandboxTeamKey) {
  const prefix = `SANDBOX_${team.toUpperCase()}`;
  return {
    rainbondToken: `${prefix}_RAINBOND_TOKEN`,
    iamPassword: `${prefix}_IAM_PASSWORD`,
    accessKey: `${prefix}_AK`,
    secretKey: `${prefix}_SK`,
    temporaryAccessKey: `${prefix}_TEMP_AK`,
    temporarySecretKey: `${prefix}_TEMP_SK`,
    securityToken: `${prefix}_SECURITY_TOKEN`,
  };
}

/** Every secret's env var name, as {@link secretsEnv} writes them and {@link secretsFromEnv} reads them. */
export const SANDBOX_SECRET_ENV_NAMES: readonly string[] = [
  AGENCY_PASSWORD_ENV,
  ...SANDBOX_TEAMS.flatMap((team) => Object.values(teamEnvNames(team))),
];

export function secretsEnv(secrets: SandboxSecrets): Record<string, string> {
  return Object.fromEntries([
    [AGENCY_PASSWORD_ENV, secrets.agencyPassword],
    ...SANDBOX_TEAMS.flatMap((team) => {
      const names = teamEnvNames(team);
      const temporary = secrets.temporaryAksk[team];
      return [
        [names.rainbondToken, secrets.rainbondTokens[team]],
        [names.iamPassword, secrets.iamPasswords[team]],
        [names.accessKey, secrets.aksk[team].accessKey],
        [names.secretKey, secrets.aksk[team].secretKey],
        [names.temporaryAccessKey, temporary.accessKey],
        [names.temporarySecretKey, temporary.secretKey],
        [names.securityToken, temporary.securityToken],
      ];
    }),
  ]) as Record<string, string>;
}

/**
 * The secrets set (non-empty) in `env`, under the names {@link secretsEnv} writes. An access key
 * needs its secret key (and a temporary one its security token): a partial set is a problem.
 */
export function secretsFromEnv(env: Record<string, string | undefined>): {
  secrets: SecretOverrides;
  problems: string[];
} {
  const problems: string[] = [];
  const read = (name: string) => env[name] || undefined;
  const together = (names: string[]): string[] | undefined => {
    const values = names.map(read);
    if (values.every((value) => value === undefined)) return undefined;
    if (values.some((value) => value === undefined)) {
      problems.push(`set all of ${names.join(', ')} or none of them`);
      return undefined;
    }
    return values as string[];
  };
  const secrets = {
    rainbondTokens: {} as PerTeam<string>,
    iamPasswords: {} as PerTeam<string>,
    agencyPassword: read(AGENCY_PASSWORD_ENV),
    aksk: {} as PerTeam<AccessKeyPair>,
    temporaryAksk: {} as PerTeam<TemporaryAccessKey>,
  };
  for (const team of SANDBOX_TEAMS) {
    const names = teamEnvNames(team);
    secrets.rainbondTokens[team] = read(names.rainbondToken);
    secrets.iamPasswords[team] = read(names.iamPassword);
    const pair = together([names.accessKey, names.secretKey]);
    if (pair) secrets.aksk[team] = { accessKey: pair[0], secretKey: pair[1] };
    const temporary = together([
      names.temporaryAccessKey,
      names.temporarySecretKey,
      names.securityToken,
    ]);
    if (temporary) {
      const [accessKey, secretKey, securityToken] = temporary;
      secrets.temporaryAksk[team] = { accessKey, secretKey, securityToken };
    }
  }
  return { secrets, problems };
}
