import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { gatewayConfigSchema, SECRET_PATHS, type GatewayConfig } from './gateway-config.schema';

/** A configuration that cannot be used; the message names every field at fault. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

export interface ConfigSources {
  env: Record<string, string | undefined>;
  readFile: (path: string) => string;
}

const ENV_REFERENCE = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/;
const FILE_REFERENCE = /^file:(.+)$/;

export function loadConfigFile(
  path: string,
  sources: ConfigSources = { env: process.env, readFile: (p) => readFileSync(p, 'utf8') },
): GatewayConfig {
  let text: string;
  try {
    text = sources.readFile(path);
  } catch {
    throw new ConfigError([`cannot read configuration file ${path}`]);
  }
  return parseConfig(text, sources);
}

/** YAML text → references resolved → secret fields checked → schema-validated config. */
export function parseConfig(yamlText: string, sources: ConfigSources): GatewayConfig {
  let raw: unknown;
  try {
    raw = parseYaml(yamlText);
  } catch (error) {
    throw new ConfigError([`not valid YAML: ${(error as Error).message}`]);
  }
  const problems: string[] = [];
  const referenced = new Set<string>();
  const resolved = resolveReferences(
    withRedisUrlFromEnvironment(raw, sources.env),
    [],
    sources,
    problems,
    referenced,
  );
  problems.push(...literalSecrets(resolved, referenced));
  if (problems.length > 0) throw new ConfigError(problems);

  const result = gatewayConfigSchema.safeParse(resolved);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  return result.data;
}

/**
 * `redis.url` defaults to the REDIS_URL environment variable. It goes in as a reference, so it is
 * resolved and checked like one written in the file.
 */
function withRedisUrlFromEnvironment(raw: unknown, env: ConfigSources['env']): unknown {
  if (!env.REDIS_URL || raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const root = raw as Record<string, unknown>;
  const redis = root.redis ?? {};
  if (redis === null || typeof redis !== 'object' || 'url' in redis) return raw;
  return { ...root, redis: { ...redis, url: '${REDIS_URL}' } };
}

function resolveReferences(
  node: unknown,
  path: string[],
  sources: ConfigSources,
  problems: string[],
  referenced: Set<string>,
): unknown {
  if (Array.isArray(node)) {
    return node.map((item, i) =>
      resolveReferences(item, [...path, String(i)], sources, problems, referenced),
    );
  }
  if (node !== null && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [
        key,
        resolveReferences(value, [...path, key], sources, problems, referenced),
      ]),
    );
  }
  if (typeof node !== 'string') return node;

  const where = path.join('.');
  const envName = ENV_REFERENCE.exec(node)?.[1];
  if (envName) {
    referenced.add(where);
    const value = sources.env[envName];
    if (value === undefined || value === '') {
      problems.push(`${where}: environment variable ${envName} is not set`);
    }
    return value;
  }
  const filePath = FILE_REFERENCE.exec(node)?.[1];
  if (filePath) {
    referenced.add(where);
    try {
      return sources.readFile(filePath).trim();
    } catch {
      problems.push(`${where}: cannot read secret file ${filePath}`);
      return undefined;
    }
  }
  return node;
}

function literalSecrets(config: unknown, referenced: Set<string>): string[] {
  return SECRET_PATHS.flatMap((pattern) =>
    concretePaths(config, pattern.split('.'), [])
      .filter((path) => !referenced.has(path))
      .map((path) => `${path}: a secret must be a \${ENV_VAR} or file: reference, not a literal`),
  );
}

/** Expands a pattern such as `teams.*.rainbond.token` to the paths present in `node`. */
function concretePaths(node: unknown, pattern: string[], prefix: string[]): string[] {
  if (pattern.length === 0) return [prefix.join('.')];
  if (node === null || typeof node !== 'object') return [];
  const [head, ...rest] = pattern;
  const record = node as Record<string, unknown>;
  const keys = head === '*' ? Object.keys(record) : head in record ? [head] : [];
  return keys.flatMap((key) => concretePaths(record[key], rest, [...prefix, key]));
}
