import { gatewayConfigSchema, type GatewayConfig } from '../config/gateway-config.schema';

/** A valid configuration with default upstream timeouts (longest: Rainbond's 60 s). */
export function configWith(idempotency: Record<string, unknown> = {}): GatewayConfig {
  return gatewayConfigSchema.parse({
    callers: [{ name: 'svc', keys: ['a'.repeat(64)], teams: [] }],
    teams: {},
    idempotency,
  });
}
