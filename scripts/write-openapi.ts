import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGatewayApp } from '../src/app.factory';
import { startSandboxRuntime } from '../sandbox/sandbox-runtime';
import { createOpenApiDocument, serializeOpenApiDocument } from '../src/openapi/openapi-document';

/** `npm run openapi`: writes openapi.json at the repository root from the app's own routes. */
async function writeOpenApi(): Promise<void> {
  const runtime = await startSandboxRuntime();
  const config = { ...runtime.config, logging: { level: 'warn' as const, pretty: false } };
  const app = await createGatewayApp(config);
  try {
    await app.init();
    const target = join(__dirname, '..', 'openapi.json');
    writeFileSync(target, serializeOpenApiDocument(createOpenApiDocument(app, config)));
    console.log(`wrote ${target}`);
  } finally {
    await app.close();
    await runtime.sandbox.stop();
  }
}

void writeOpenApi();
