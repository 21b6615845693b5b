import { pathsOf } from './config.loader';
import { UPSTREAM_SECRET_PATHS, type GatewayConfig } from './gateway-config.schema';

/**
 * A copy of the config without the upstream credentials (UPSTREAM_SECRET_PATHS): what every module
 * but the outbound room is given. Their fields are absent, not blanked, so a reader outside the
 * room gets nothing it could send.
 */
export function withoutUpstreamSecrets(config: GatewayConfig): GatewayConfig {
  const copy = structuredClone(config);
  for (const path of pathsOf(copy, UPSTREAM_SECRET_PATHS)) {
    const keys = path.split('.');
    const last = keys.pop()!;
    const parent = keys.reduce<Record<string, unknown>>(
      (node, key) => node[key] as Record<string, unknown>,
      copy as unknown as Record<string, unknown>,
    );
    delete parent[last];
  }
  return copy;
}
