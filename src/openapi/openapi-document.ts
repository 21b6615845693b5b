import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
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
          'Every error is RFC 9457 application/problem+json.',
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
  return forTypedClients(document);
}

/** The committed form: two-space JSON with a final newline, so diffs stay readable. */
export function serializeOpenApiDocument(document: OpenAPIObject): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
