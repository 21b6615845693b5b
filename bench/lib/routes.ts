import { INSTALL_EXAMPLE, PUBLISH_EXAMPLES } from '../../src/applications/applications.examples';
import type { InstallApplicationRequest } from '../../src/applications/dto/install-application.dto';
import { toInstallBody } from '../../src/rainbond/rainbond.mapper';
import type { BenchRequest } from './load';
import { BENCH_API_KEY, BENCH_RAINBOND, BENCH_SECRETS } from './gateway-setup';

const jsonPost = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  ({
    method: 'POST',
    path,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  }) satisfies BenchRequest;

const asCaller = { authorization: `Bearer ${BENCH_API_KEY}` };

/**
 * What the direct and baseline targets are sent: the upstream call the gateway makes for the
 * install route below, body and all.
 */
export const UPSTREAM_INSTALL: BenchRequest = jsonPost(
  `/openapi/v1/teams/${BENCH_RAINBOND.teamName}/regions/${BENCH_RAINBOND.region}/apps/1/install`,
  toInstallBody(INSTALL_EXAMPLE.value as InstallApplicationRequest),
  { authorization: BENCH_SECRETS.BENCH_RAINBOND_TOKEN },
);

/** The gateway routes measured, each with the request the Swagger examples show. */
export const GATEWAY_ROUTES: Record<string, BenchRequest> = {
  'rainbond install': jsonPost(
    `/v1/teams/acme/applications/rainbond:${BENCH_RAINBOND.region}:1/install`,
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
