import { readFileSync } from 'node:fs';
import { z } from 'zod';
import {
  CONFIG_REFERENCE_FILE,
  renderConfigReference,
  renderSettingsTables,
} from './config-reference';

/** The table rows of a rendered reference, without headings and table heads. */
function rows(schema: z.ZodType, secretPaths: string[] = []): string[] {
  return renderSettingsTables(schema, secretPaths)
    .split('\n')
    .filter((line) => line.startsWith('| `'));
}

describe('configuration reference', () => {
  it('docs/configuration.md is what the generator makes of the current schema', () => {
    const committed = readFileSync(CONFIG_REFERENCE_FILE, 'utf8');
    if (committed !== renderConfigReference()) {
      throw new Error(
        'docs/configuration.md differs from the config schema: run `npm run docs:config` and commit the result',
      );
    }
  });

  it('marks exactly the SECRET_PATHS settings of the gateway as secrets', () => {
    const secretRows = renderConfigReference()
      .split('\n')
      .filter((line) => line.includes(' | yes | '))
      .map((line) => line.split(' | ')[0]);
    expect(secretRows).toEqual([
      '| `upstreams.rainbond.tls.key`',
      '| `upstreams.appCenter.tls.key`',
      '| `upstreams.appWarehouse.tls.key`',
      '| `upstreams.iam.tls.key`',
      '| `reads.cursorSecret`',
      '| `progress.ticketSecret`',
      '| `redis.url`',
      '| `redis.password`',
      '| `teams.<team>.rainbond.token`',
      '| `teams.<team>.workspace.auth.password` (when `type: password`)',
      '| `teams.<team>.workspace.auth.via.password` (when `type: agency`)',
      '| `teams.<team>.workspace.auth.accessKey` (when `type: aksk`)',
      '| `teams.<team>.workspace.auth.secretKey` (when `type: aksk`)',
      '| `teams.<team>.workspace.auth.securityToken` (when `type: aksk`)',
    ]);
  });

  it('writes one section per top-level key', () => {
    const schema = z.object({ a: z.string(), b: z.number() });
    const headings = renderSettingsTables(schema, [])
      .split('\n')
      .filter((line) => line.startsWith('## '));
    expect(headings).toEqual(['## `a`', '## `b`']);
  });

  it('lists nested objects by dotted path with type, default, range and description', () => {
    const schema = z.object({
      redis: z
        .object({
          url: z.url().describe('where Redis listens'),
          pool: z.object({ size: z.number().int().min(1).max(64).default(8) }).prefault({}),
        })
        .describe('shared state'),
    });
    expect(rows(schema)).toEqual([
      '| `redis` | object | required |  |  | shared state |',
      '| `redis.url` | URL | required |  |  | where Redis listens |',
      '| `redis.pool` | object | default `{}` |  |  |  |',
      '| `redis.pool.size` | integer | default `8` | 1–64 |  |  |',
    ]);
  });

  it('lists enums, optional, nullable and exclusive-bound settings', () => {
    const schema = z.object({
      tracing: z.object({
        exporter: z.enum(['otlp', 'none']).default('none'),
        sampleRatio: z.number().gt(0).lte(1).optional(),
        serviceName: z.string().max(40).nullable(),
      }),
    });
    expect(rows(schema)).toEqual([
      '| `tracing` | object | required |  |  |  |',
      '| `tracing.exporter` | string | default `none` | `otlp`, `none` |  |  |',
      '| `tracing.sampleRatio` | number | optional | > 0; ≤ 1 |  |  |',
      '| `tracing.serviceName` | string or null | required | length at most 40 |  |  |',
    ]);
  });

  it('lists the fields of list items under [] and of map entries under a placeholder named after the map', () => {
    const schema = z.object({
      rateLimits: z
        .array(
          z.object({
            routes: z.array(z.string().startsWith('/')).min(1).max(5),
            perMinute: z.number().int().positive(),
          }),
        )
        .describe('first match wins'),
      policies: z.record(
        z.string().regex(/^[a-z]+$/),
        z.object({ burst: z.number().int() }).describe('one policy'),
      ),
      labels: z.record(z.string(), z.string().min(1)),
    });
    expect(rows(schema)).toEqual([
      '| `rateLimits` | list of object | required |  |  | first match wins |',
      '| `rateLimits[].routes` | list of string | required | 1–5 items; each: pattern `^\\/.*` |  |  |',
      '| `rateLimits[].perMinute` | integer | required | > 0 |  |  |',
      '| `policies` | map of object | required | keys: pattern `^[a-z]+$` |  | each: one policy |',
      '| `policies.<policy>.burst` | integer | required |  |  |  |',
      '| `labels` | map of string | required | each: non-empty |  |  |',
    ]);
  });

  it('lists each variant of a discriminated union under its condition', () => {
    const schema = z.object({
      store: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('memory') }).describe('this process only'),
        z.object({ kind: z.literal('redis'), url: z.string() }),
      ]),
    });
    expect(rows(schema)).toEqual([
      '| `store` | object | required | by `kind`: `memory`, `redis` |  |  |',
      '| `store` (when `kind: memory`) | object |  |  |  | this process only |',
      '| `store.kind` (when `kind: memory`) | string | required | `memory` |  |  |',
      '| `store` (when `kind: redis`) | object |  |  |  |  |',
      '| `store.kind` (when `kind: redis`) | string | required | `redis` |  |  |',
      '| `store.url` (when `kind: redis`) | string | required |  |  |  |',
    ]);
  });

  it('numbers the object variants of a union without discriminator and names every type', () => {
    const schema = z.object({
      target: z.union([z.string(), z.object({ host: z.string() }), z.object({ path: z.string() })]),
    });
    expect(rows(schema)).toEqual([
      '| `target` | string or object | required |  |  |  |',
      '| `target` (when `variant 1`) | object |  |  |  |  |',
      '| `target.host` (when `variant 1`) | string | required |  |  |  |',
      '| `target` (when `variant 2`) | object |  |  |  |  |',
      '| `target.path` (when `variant 2`) | string | required |  |  |  |',
    ]);
  });

  it('marks the settings a secret path names, a wildcard matching any map key or list item', () => {
    const schema = z.object({
      clients: z.record(z.string(), z.object({ id: z.string(), secret: z.string() })),
      webhooks: z.array(z.object({ tokens: z.array(z.string()) })),
    });
    expect(rows(schema, ['clients.*.secret', 'webhooks.*.tokens.*'])).toEqual([
      '| `clients` | map of object | required |  |  |  |',
      '| `clients.<client>.id` | string | required |  |  |  |',
      '| `clients.<client>.secret` | string | required |  | yes |  |',
      '| `webhooks` | list of object | required |  |  |  |',
      '| `webhooks[].tokens` | list of string | required |  | yes |  |',
    ]);
  });

  it('refuses a secret path that names no setting, so SECRET_PATHS cannot drift from the schema', () => {
    const schema = z.object({ db: z.object({ password: z.string() }) });
    expect(() => renderSettingsTables(schema, ['db.pasword'])).toThrow(
      'secret paths naming no setting of the schema: db.pasword',
    );
  });

  it('escapes the pipes of patterns and descriptions so table cells stay whole', () => {
    const schema = z.object({
      mode: z
        .string()
        .regex(/^(a|b)$/)
        .describe('a | b'),
    });
    expect(rows(schema)).toEqual([
      '| `mode` | string | required | pattern `^(a\\|b)$` |  | a \\| b |',
    ]);
  });

  it('follows schemas registered with an id, which the JSON Schema holds as references', () => {
    const endpoint = z.object({ url: z.string() }).meta({ id: 'TestEndpoint' });
    const schema = z.object({ primary: endpoint, fallback: endpoint.optional() });
    expect(rows(schema)).toEqual([
      '| `primary` | object | required |  |  |  |',
      '| `primary.url` | string | required |  |  |  |',
      '| `fallback` | object | optional |  |  |  |',
      '| `fallback.url` | string | required |  |  |  |',
    ]);
  });
});
