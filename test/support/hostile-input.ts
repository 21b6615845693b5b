import type { TestGateway, TestResponse } from './test-gateway';

/** Largest problem body the gateway may write for any input. */
export const MAX_PROBLEM_BYTES = 16 * 1024;

/** Names of Object.prototype members (and `prototype`), which are never request fields. */
export const PROTOTYPE_NAMES = [
  'toString',
  'valueOf',
  'constructor',
  'prototype',
  'hasOwnProperty',
  '__defineGetter__',
  '__proto__',
];

/** Requests all simulators received since the last reset. */
export function upstreamCalls(gateway: TestGateway): number {
  return Object.values(gateway.sandbox.requestCounts()).reduce((sum, count) => sum + count, 0);
}

/**
 * Sends a body as raw JSON text (for keys JSON.stringify cannot produce, such as `__proto__`, and
 * bodies too large to build as objects).
 */
export async function sendRaw(
  gateway: TestGateway,
  method: string,
  path: string,
  body: string,
  key: string,
): Promise<TestResponse & { bytes: number }> {
  const response = await fetch(gateway.url.replace('[::1]', '127.0.0.1') + path, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body,
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : undefined,
    bytes: Buffer.byteLength(text),
  };
}

/** `{"versions":[0,0,…]}` of about `bytes` bytes (the 1 MB of array items). */
export function hugeArrayBody(bytes: number): string {
  return `{"versions":[${new Array(Math.floor(bytes / 2)).fill('0').join(',')}]}`;
}

/** An install body plus `count` unknown keys. */
export function manyKeysBody(count: number): string {
  const keys = Array.from({ length: count }, (_, i) => `"k${i}":1`).join(',');
  return `{"appModelId":"a","appModelVersion":"1",${keys}}`;
}
