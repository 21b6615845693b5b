import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { ParameterObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { GatewayConfig } from '../config/gateway-config.schema';
import { forTypedClients } from './client-document-rules';

/** The gateway's OpenAPI document, as served at /docs-json and committed as openapi.json. */
export function createOpenApiDocument(app: INestApplication, config: GatewayConfig): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Application gateway')
      .setDescription(
        'One normalized applications API over Rainbond and Huawei Cloud Workspace (App Center, App Warehouse). ' +
          'Every error is RFC 9457 application/problem+json. ' +
          edgeLimits(config),
      )
      .setVersion('1')
      .setLicense('UNLICENSED', 'https://gateway.internal/license')
      .addServer('/', 'this gateway')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Gateway API key' }, 'api-key')
      .addBearerAuth(
        {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: config.oidc
            ? `Access token of a signed-in user, issued by ${config.oidc.issuer} for audience ${[config.oidc.audience].flat().join(' or ')}`
            : 'Access token of a signed-in user: not enabled on this gateway (no oidc configuration)',
        },
        'oidc',
      )
      .build(),
  );
  orderParameters(document);
  return forTypedClients(document);
}

const LOCATION_ORDER = ['path', 'query', 'header', 'cookie'];

/**
 * Parameters in the order a reader meets them: path parameters as they appear in the path (team,
 * then id), then query, then headers. Nest lists them in decorator order, which is not that.
 */
function orderParameters(document: OpenAPIObject): void {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const operation of Object.values(item) as { parameters?: ParameterObject[] }[]) {
      if (!Array.isArray(operation.parameters)) continue;
      const rank = (parameter: ParameterObject) => [
        LOCATION_ORDER.indexOf(parameter.in),
        parameter.in === 'path' ? path.indexOf(`{${parameter.name}}`) : 0,
      ];
      operation.parameters.sort((a, b) => {
        const [locationA, positionA] = rank(a);
        const [locationB, positionB] = rank(b);
        return locationA - locationB || positionA - positionB;
      });
    }
  }
}

/** What the HTTP edge enforces before any route runs, with this configuration's values. */
function edgeLimits({ server, rateLimit }: GatewayConfig): string {
  return (
    `Request bodies: application/json (charset utf-8 only; otherwise 415), no Content-Encoding but identity (415), ` +
    `at most ${server.bodyLimitBytes} bytes (413) and ${server.jsonDepthLimit} levels of nested arrays and objects (400). ` +
    `Headers must arrive within ${server.headersTimeoutMs} ms and the whole request within ${server.requestTimeoutMs} ms (408); ` +
    `one Authorization header (400 ambiguous-credentials). An unsupported method on a known path is a 405 with Allow. ` +
    `Rate limit: ${rateLimit.requestsPerWindow} requests per ${rateLimit.windowSeconds} s per caller (or signed-in user) over all routes unless the caller has its own, ` +
    `each request costing 1 (429 with Retry-After; RateLimit-Limit, -Remaining and -Reset on every counted answer).`
  );
}

/** The committed form: two-space JSON with a final newline, so diffs stay readable. */
export function serializeOpenApiDocument(document: OpenAPIObject): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
