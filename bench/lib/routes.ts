import { INSTALL_EXAMPLE, PUBLISH_EXAMPLES } from '../../src/applications/applications.examples';
import type { BenchRequest } from './load';
import { BENCH_API_KEY, BENCH_SECRETS } from './gateway-setup';

const jsonPost = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  ({
    method: 'POST',
    path,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  }) satisfies BenchRequest;

const asCaller = { authorization: `Bearer ${BENCH_API_KEY}` };

/** What the direct and raw-proxy targets are sent: the upstream's own install call. */
export const UPSTREAM_INSTALL: BenchRequest = jsonPost(
  '/openapi/v1/teams/o19p6wen/regions/region-1/apps/1/install',
  {
    market_url: 'https://hub.grapps.cn',
    market_domain: 'rainbond',
    market_type: 'rainstore',
    app_model_id: 'a1b2c3d4e5f6',
    app_model_version: '1.0.0',
  },
  { authorization: BENCH_SECRETS.BENCH_RAINBOND_TOKEN },
);

/** The gateway routes measured, each with the request the Swagger examples show. */
export const GATEWAY_ROUTES: Record<string, BenchRequest> = {
  'rainbond install': jsonPost(
    '/v1/teams/acme/applications/rainbond:region-1:1/install',
    INSTALL_EXAMPLE.value,
    asCaller,
  ),
  'publish, cached IAM token': jsonPost(
    '/v1/teams/acme/applications',
    PUBLISH_EXAMPLES.appCenter.value,
    asCaller,
  ),
  'publish, AK/SK signed': jsonPost(
    '/v1/teams/globex/applications',
    PUBLISH_EXAMPLES.appWarehouse.value,
    asCaller,
  ),
};
