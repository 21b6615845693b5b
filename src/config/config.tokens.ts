/**
 * DI token for the validated GatewayConfig as every module sees it: without the upstream
 * credentials (the teams' account secrets and the upstreams' TLS keys), which only the outbound
 * room reads.
 */
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

/**
 * DI token for the whole validated config, upstream credentials included. Only `src/upstream/`
 * injects it (an ESLint rule refuses the import anywhere else).
 */
export const UPSTREAM_CONFIG = Symbol('UPSTREAM_CONFIG');
