import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { configIssueMessage } from './config-issue-messages';
import { ConfigProblems } from './config-problems';
import { isKnownWeakKeyHash } from './known-weak-keys';
import {
  FILE_PATHS,
  gatewayConfigSchema,
  SECRET_PATHS,
  type GatewayConfig,
} from './gateway-config.schema';

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

export interface LoadOptions {
  /** Sandbox mode only: accept API keys from the known-weak list (the demo key is one). */
  allowKnownWeakKeys?: boolean;
}

export function loadConfigFile(
  path: string,
  sources: ConfigSources = { env: process.env, readFile: (p) => readFileSync(p, 'utf8') },
  options: LoadOptions = {},
): GatewayConfig {
  let text: string;
  try {
    text = sources.readFile(path);
  } catch {
    throw new ConfigError([`cannot read configuration file ${path}`]);
  }
  return parseConfig(text, sources, options);
}

/**
 * YAML text → references resolved → secret fields, schema, cross-references and API keys checked
 * → validated config. Every fault is collected before it throws, so one round names them all.
 */
export function parseConfig(
  yamlText: string,
  sources: ConfigSources,
  options: LoadOptions = {},
): GatewayConfig {
  const document = parseDocument(yamlText);
  if (document.errors.length > 0) {
    throw new ConfigError(document.errors.map((error) => `not valid YAML: ${error.message}`));
  }
  const problems = new ConfigProblems();
  const references = new Map<string, 'env' | 'file'>();
  const resolved = resolveReferences(
    withRedisFromEnvironment(document.toJS(), sources.env),
    [],
    sources,
    problems,
    references,
  );
  literalProblems(resolved, references, problems);
  if (!options.allowKnownWeakKeys) weakKeyProblems(resolved, problems);

  const result = gatewayConfigSchema.safeParse(resolved, {
    error: (issue) => configIssueMessage(issue),
  });
  for (const issue of result.error?.issues ?? []) problems.addIssue(issue);
  if (!problems.empty) throw new ConfigError(problems.lines());
  return result.data!;
}

/**
 * `redis.url` defaults to the REDIS_URL environment variable, `redis.password` to the file that
 * REDIS_PASSWORD_FILE names (a Docker secret). They go in as references, so they are resolved and
 * checked like ones written in the file.
 */
function withRedisFromEnvironment(raw: unknown, env: ConfigSources['env']): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const root = raw as Record<string, unknown>;
  const redis = root.redis ?? {};
  if (redis === null || typeof redis !== 'object') return raw;
  const defaults = {
    ...(env.REDIS_URL && { url: '${REDIS_URL}' }),
    ...(env.REDIS_PASSWORD_FILE && { password: `file:${env.REDIS_PASSWORD_FILE}` }),
  };
  return { ...root, redis: { ...defaults, ...redis } };
}

function resolveReferences(
  node: unknown,
  path: string[],
  sources: ConfigSources,
  problems: ConfigProblems,
  references: Map<string, 'env' | 'file'>,
): unknown {
  if (Array.isArray(node)) {
    return node.map((item, i) =>
      resolveReferences(item, [...path, String(i)], sources, problems, references),
    );
  }
  if (node !== null && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [
        key,
        resolveReferences(value, [...path, key], sources, problems, references),
      ]),
    );
  }
  if (typeof node !== 'string') return node;

  const where = path.join('.');
  const envName = ENV_REFERENCE.exec(node)?.[1];
  if (envName) {
    references.set(where, 'env');
    const value = sources.env[envName];
    if (value === undefined || value === '') {
      problems.add(where, `environment variable ${envName} is not set`);
    }
    return value;
  }
  const filePath = FILE_REFERENCE.exec(node)?.[1];
  if (filePath) {
    references.set(where, 'file');
    try {
      return sources.readFile(filePath).trim();
    } catch {
      problems.add(where, `cannot read file ${filePath}`);
      return undefined;
    }
  }
  return node;
}

function literalProblems(
  config: unknown,
  references: Map<string, 'env' | 'file'>,
  problems: ConfigProblems,
): void {
  for (const path of pathsOf(config, SECRET_PATHS)) {
    if (!references.has(path)) {
      problems.add(path, 'a secret must be a ${ENV_VAR} or file: reference, not a literal');
    }
  }
  for (const path of pathsOf(config, FILE_PATHS)) {
    if (references.get(path) !== 'file')
      problems.add(path, 'must be a file: reference to a PEM file');
  }
  const proxyUrl = (config as { proxy?: { url?: unknown } } | null)?.proxy?.url;
  if (typeof proxyUrl === 'string' && proxyUrl.includes('@') && !references.has('proxy.url')) {
    problems.add('proxy.url', 'holds credentials, so it must be a ${ENV_VAR} or file: reference');
  }
}

/** Names the caller, never the key: the key is public already, its owner is what to fix. */
function weakKeyProblems(config: unknown, problems: ConfigProblems): void {
  const callers = (config as { callers?: unknown } | null)?.callers;
  if (!Array.isArray(callers)) return;
  callers.forEach((caller: { name?: unknown; keys?: unknown } | null, i) => {
    const keys = Array.isArray(caller?.keys) ? caller.keys : [];
    keys.forEach((hash, j) => {
      if (typeof hash !== 'string' || !isKnownWeakKeyHash(hash)) return;
      const name = typeof caller?.name === 'string' ? `"${caller.name}"` : `number ${i + 1}`;
      problems.add(
        `callers.${i}.keys.${j}`,
        `caller ${name} uses a well-known key (test, password, a demo key, ...); give it a random key of 32 bytes or more`,
      );
    });
  });
}

/** The paths present in `config` that `patterns` (with `*` for any key or index) name. */
export function pathsOf(config: unknown, patterns: readonly string[]): string[] {
  return patterns.flatMap((pattern) => concretePaths(config, pattern.split('.'), []));
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
