import { isIPv6 } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { createAppCenterSimulator } from './app-center.simulator';
import { createAppWarehouseSimulator } from './app-warehouse.simulator';
import type { SandboxAccessKey } from './aksk-verifier';
import { IamTokenRegistry } from './iam-tokens';
import { createIamSimulator } from './iam.simulator';
import { createRainbondSimulator } from './rainbond.simulator';
import { INSTANT_LIFECYCLE, type LifecycleSettings } from './rainbond-lifecycle';
import { SANDBOX_TARGETS, SandboxFaults, type SandboxTarget } from './sandbox-faults';
import {
  resolveSecrets,
  SANDBOX_TEAMS,
  secretsEnv,
  type SandboxSecrets,
  type SecretOverrides,
} from './sandbox-secrets';
import { SANDBOX_WORLD } from './sandbox-world';
import { type PerformedWrite, type RecordedCall, TargetLog } from './simulator-records';
import type { VerificationSettings } from './warehouse-verification';

export type { FaultOptions, SandboxFault, SandboxTarget } from './sandbox-faults';
export { SandboxFaults } from './sandbox-faults';
export type { AccessKeyPair, SandboxSecrets, SecretOverrides } from './sandbox-secrets';
export type { PerformedWrite, RecordedCall } from './simulator-records';

/** The four simulators, as named in {@link Sandbox.urls}. */
export type SimulatorName = 'rainbond' | 'appCenter' | 'appWarehouse' | 'iam';

export interface SandboxOptions {
  secrets?: SecretOverrides;
  /** Lifetime of IAM tokens; default 86400 (24 h, as Huawei IAM). */
  iamTokenTtlSeconds?: number;
  /** Interface to listen on; default 127.0.0.1. Loopback only unless `allowRemote`. */
  host?: string;
  /** Lets `host` be an interface other than loopback (the simulators in a container). */
  allowRemote?: boolean;
  /** Fixed ports; a simulator not named here (or given 0) gets an ephemeral one. */
  ports?: Partial<Record<SimulatorName, number>>;
  /** The dice of faults injected with a probability; default Math.random. */
  random?: () => number;
  /** How Rainbond deploys and upgrades move over time; default: done at once. */
  lifecycle?: Partial<LifecycleSettings>;
  /** When the App Warehouse decides on what it is verifying; default: never. */
  verification?: VerificationSettings;
}

export interface Sandbox {
  /** Base URLs without a trailing slash, e.g. http://127.0.0.1:41234. */
  urls: Record<SimulatorName, string>;
  secrets: SandboxSecrets;
  /** The env vars config/default.yaml references (URLs and secrets). */
  env: Record<string, string>;
  faults: SandboxFaults;
  /** Requests each simulator received, in order. */
  calls(target: SandboxTarget): RecordedCall[];
  /** Requests the simulators received in all, per simulator (zero for none). */
  requestCounts(): Record<SandboxTarget, number>;
  /** Writes each simulator performed (IAM performs none), in order. */
  writes(target: SandboxTarget): PerformedWrite[];
  /** Number of tokens the IAM simulator issued. */
  iamTokensIssued(): number;
  /** Makes the IAM simulator treat this token as revoked (the Workspace simulators then answer 401). */
  revokeToken(token: string): void;
  /** Clears recorded calls, performed writes and faults; state stays. */
  resetCalls(): void;
  stop(): Promise<void>;
}

const LOOPBACK_HOSTS = /^(?:localhost|127(?:\.\d{1,3}){3}|::1|::ffff:127(?:\.\d{1,3}){3})$/;

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.test(host);
}

/** Starts the four simulators, with fresh secrets unless given. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host) && !options.allowRemote) {
    throw new Error(`the sandbox listens on loopback only, not on ${host}, unless allowRemote`);
  }
  const ttl = options.iamTokenTtlSeconds ?? 86_400;
  if (!(ttl > 0)) throw new RangeError(`iamTokenTtlSeconds must be positive, got ${ttl}`);

  const secrets = resolveSecrets(options.secrets);
  const accessKeys = accessKeysOf(secrets);
  const faults = new SandboxFaults(options.random);
  const calls = new TargetLog<RecordedCall>();
  const writes = new TargetLog<PerformedWrite>();
  const iamTokens = new IamTokenRegistry(ttl);
  const ctx = { faults, calls, writes };

  const servers: Record<SimulatorName, FastifyInstance> = {
    rainbond: createRainbondSimulator({
      ...ctx,
      tokens: secrets.rainbondTokens,
      lifecycle: { ...INSTANT_LIFECYCLE, ...options.lifecycle },
    }),
    appCenter: createAppCenterSimulator({ ...ctx, iamTokens, accessKeys }),
    appWarehouse: createAppWarehouseSimulator({
      ...ctx,
      iamTokens,
      accessKeys,
      verification: options.verification,
    }),
    iam: createIamSimulator({
      ...ctx,
      iamTokens,
      passwords: secrets.iamPasswords,
      agencyPassword: secrets.agencyPassword,
    }),
  };
  const names = Object.keys(servers) as SimulatorName[];
  const stop = () => Promise.all(names.map((name) => servers[name].close())).then(() => undefined);

  let urls: Sandbox['urls'];
  try {
    const listening = await Promise.all(
      names.map((name) => listenOn(servers[name], host, options.ports?.[name] ?? 0)),
    );
    urls = Object.fromEntries(names.map((name, i) => [name, listening[i]])) as Sandbox['urls'];
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
      ...secretsEnv(secrets),
    },
    faults,
    calls: (target) => calls.list(target),
    writes: (target) => writes.list(target),
    requestCounts: () => calls.counts(SANDBOX_TARGETS),
    iamTokensIssued: () => iamTokens.issuedCount,
    revokeToken: (token) => iamTokens.revoke(token),
    resetCalls: () => {
      calls.clear();
      writes.clear();
      faults.clear();
    },
    stop,
  };
}

function accessKeysOf(secrets: SandboxSecrets): Map<string, SandboxAccessKey> {
  const keys = new Map<string, SandboxAccessKey>();
  for (const team of SANDBOX_TEAMS) {
    const { projectId } = SANDBOX_WORLD.workspace.users[team];
    keys.set(secrets.aksk[team].accessKey, { ...secrets.aksk[team], projectId });
    keys.set(secrets.temporaryAksk[team].accessKey, { ...secrets.temporaryAksk[team], projectId });
  }
  return keys;
}

/** Listens and returns the base URL, e.g. http://127.0.0.1:4101. */
export async function listenOn(
  server: FastifyInstance,
  host: string,
  port: number,
): Promise<string> {
  await server.listen({ host, port });
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  const hostPart = isIPv6(address.address) ? `[${address.address}]` : address.address;
  return `http://${hostPart}:${address.port}`;
}
