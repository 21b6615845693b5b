import { randomBytes } from 'node:crypto';
import { isIPv6 } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { createAppCenterSimulator } from './app-center.simulator';
import { createAppWarehouseSimulator } from './app-warehouse.simulator';
import { IamTokenRegistry } from './iam-tokens';
import { createIamSimulator } from './iam.simulator';
import { createRainbondSimulator } from './rainbond.simulator';
import { SandboxFaults, type SandboxTarget } from './sandbox-faults';
import type { SandboxAccessKey } from './aksk-verifier';
import { SANDBOX_WORLD, type SandboxTeamKey } from './sandbox-world';
import { CallLog, type RecordedCall } from './simulator-server';

export type { FaultOptions, SandboxFault, SandboxTarget } from './sandbox-faults';
export { SandboxFaults } from './sandbox-faults';
export type { RecordedCall } from './simulator-server';

export interface AccessKeyPair {
  accessKey: string;
  secretKey: string;
}

export interface SandboxSecrets {
  /** Rainbond personal access tokens (40 hex characters, like sha1). */
  rainbondTokens: Record<SandboxTeamKey, string>;
  /** IAM user passwords. */
  iamPasswords: Record<SandboxTeamKey, string>;
  /** Password of gateway-ops/gateway-svc, the user that assumes the agency. */
  agencyPassword: string;
  /** Permanent AK/SK of each team's IAM user. */
  aksk: Record<SandboxTeamKey, AccessKeyPair>;
  /** Temporary AK/SK with their security token. */
  temporaryAksk: Record<SandboxTeamKey, AccessKeyPair & { securityToken: string }>;
}

export interface SandboxOptions {
  secrets?: Partial<SandboxSecrets>;
  /** Lifetime of IAM tokens; default 86400 (24 h, as Huawei IAM). */
  iamTokenTtlSeconds?: number;
  /** Interface to listen on; default 127.0.0.1. Loopback only. */
  host?: string;
}

export interface Sandbox {
  /** Base URLs without a trailing slash, e.g. http://127.0.0.1:41234. */
  urls: { rainbond: string; appCenter: string; appWarehouse: string; iam: string };
  secrets: SandboxSecrets;
  /** The env vars config/default.yaml references (URLs and secrets). */
  env: Record<string, string>;
  faults: SandboxFaults;
  /** Requests each simulator received, in order. */
  calls(target: SandboxTarget): RecordedCall[];
  /** Number of tokens the IAM simulator issued. */
  iamTokensIssued(): number;
  /** Makes the IAM simulator treat this token as revoked (the Workspace simulators then answer 401). */
  revokeToken(token: string): void;
  /** Clears recorded calls and faults; state stays. */
  resetCalls(): void;
  stop(): Promise<void>;
}

const LOOPBACK_HOSTS = /^(?:localhost|127(?:\.\d{1,3}){3}|::1|::ffff:127(?:\.\d{1,3}){3})$/;

/** Starts the four simulators on ephemeral loopback ports, with fresh secrets unless given. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.test(host))
    throw new Error(`the sandbox listens on loopback only, not on ${host}`);
  const ttl = options.iamTokenTtlSeconds ?? 86_400;
  if (!(ttl > 0)) throw new RangeError(`iamTokenTtlSeconds must be positive, got ${ttl}`);

  const secrets: SandboxSecrets = {
    rainbondTokens: options.secrets?.rainbondTokens ?? {
      acme: randomBytes(20).toString('hex'),
      globex: randomBytes(20).toString('hex'),
    },
    iamPasswords: options.secrets?.iamPasswords ?? {
      acme: randomBytes(18).toString('base64url'),
      globex: randomBytes(18).toString('base64url'),
    },
    agencyPassword: options.secrets?.agencyPassword ?? randomBytes(18).toString('base64url'),
    aksk: options.secrets?.aksk ?? { acme: newAccessKey(), globex: newAccessKey() },
    temporaryAksk: options.secrets?.temporaryAksk ?? {
      acme: { ...newAccessKey(), securityToken: randomBytes(120).toString('base64url') },
      globex: { ...newAccessKey(), securityToken: randomBytes(120).toString('base64url') },
    },
  };
  const accessKeys = accessKeysOf(secrets);
  const faults = new SandboxFaults();
  const calls = new CallLog();
  const iamTokens = new IamTokenRegistry(ttl);
  const ctx = { faults, calls };

  const servers = {
    rainbond: createRainbondSimulator({ ...ctx, tokens: secrets.rainbondTokens }),
    appCenter: createAppCenterSimulator({ ...ctx, iamTokens, accessKeys }),
    appWarehouse: createAppWarehouseSimulator({ ...ctx, iamTokens, accessKeys }),
    iam: createIamSimulator({
      ...ctx,
      iamTokens,
      passwords: secrets.iamPasswords,
      agencyPassword: secrets.agencyPassword,
    }),
  };
  const all: FastifyInstance[] = Object.values(servers);
  const stop = () => Promise.all(all.map((server) => server.close())).then(() => undefined);

  let urls: Sandbox['urls'];
  try {
    const [rainbond, appCenter, appWarehouse, iam] = await Promise.all(
      all.map((server) => listen(server, host)),
    );
    urls = { rainbond, appCenter, appWarehouse, iam };
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    urls,
    secrets,
    env: {
      SANDBOX_RAINBOND_URL: urls.rainbond,
      SANDBOX_APP_CENTER_URL: urls.appCenter,
      SANDBOX_APP_WAREHOUSE_URL: urls.appWarehouse,
      SANDBOX_IAM_URL: urls.iam,
      SANDBOX_ACME_RAINBOND_TOKEN: secrets.rainbondTokens.acme,
      SANDBOX_GLOBEX_RAINBOND_TOKEN: secrets.rainbondTokens.globex,
      SANDBOX_ACME_IAM_PASSWORD: secrets.iamPasswords.acme,
      SANDBOX_GLOBEX_IAM_PASSWORD: secrets.iamPasswords.globex,
      SANDBOX_AGENCY_PASSWORD: secrets.agencyPassword,
      ...akskEnv(secrets),
    },
    faults,
    calls: (target) => calls.list(target),
    iamTokensIssued: () => iamTokens.issuedCount,
    revokeToken: (token) => iamTokens.revoke(token),
    resetCalls: () => {
      calls.clear();
      faults.clear();
    },
    stop,
  };
}

const AK_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Like Huawei's: a 20-character upper-case AK and a 40-character SK. */
function newAccessKey(): AccessKeyPair {
  const accessKey = [...randomBytes(20)].map((byte) => AK_ALPHABET[byte % 36]).join('');
  return { accessKey, secretKey: randomBytes(30).toString('base64url') };
}

function accessKeysOf(secrets: SandboxSecrets): Map<string, SandboxAccessKey> {
  const keys = new Map<string, SandboxAccessKey>();
  for (const team of Object.keys(SANDBOX_WORLD.workspace.users) as SandboxTeamKey[]) {
    const { projectId } = SANDBOX_WORLD.workspace.users[team];
    keys.set(secrets.aksk[team].accessKey, { ...secrets.aksk[team], projectId });
    keys.set(secrets.temporaryAksk[team].accessKey, { ...secrets.temporaryAksk[team], projectId });
  }
  return keys;
}

/** SANDBOX_ACME_AK, SANDBOX_ACME_SK, SANDBOX_ACME_TEMP_AK, …_TEMP_SK, …_SECURITY_TOKEN per team. */
function akskEnv(secrets: SandboxSecrets): Record<string, string> {
  return Object.fromEntries(
    (Object.keys(secrets.aksk) as SandboxTeamKey[]).flatMap((team) => {
      const prefix = `SANDBOX_${team.toUpperCase()}`;
      const temporary = secrets.temporaryAksk[team];
      return [
        [`${prefix}_AK`, secrets.aksk[team].accessKey],
        [`${prefix}_SK`, secrets.aksk[team].secretKey],
        [`${prefix}_TEMP_AK`, temporary.accessKey],
        [`${prefix}_TEMP_SK`, temporary.secretKey],
        [`${prefix}_SECURITY_TOKEN`, temporary.securityToken],
      ];
    }),
  );
}

async function listen(server: FastifyInstance, host: string): Promise<string> {
  await server.listen({ host, port: 0 });
  const address = server.server.address();
  if (address === null || typeof address === 'string')
    throw new Error('simulator has no TCP address');
  const hostPart = isIPv6(address.address) ? `[${address.address}]` : address.address;
  return `http://${hostPart}:${address.port}`;
}
