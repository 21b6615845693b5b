import { createHash } from 'node:crypto';

/**
 * API keys anyone would guess first: placeholders, the keys of old examples and tests, and the
 * sandbox's documented development key. Outside sandbox mode a caller whose key hash is one of
 * these stops the start: its hash is public, so the key opens the gateway to anyone.
 */
const KNOWN_WEAK_KEYS = [
  '',
  'test',
  'test1',
  'test2',
  'testing',
  'password',
  'passw0rd',
  'changeme',
  'change-me',
  'secret',
  'admin',
  'root',
  'default',
  'demo',
  'demo-key',
  'example',
  'key',
  'apikey',
  'api-key',
  'letmein',
  'qwerty',
  '123456',
  '12345678',
  'sandbox-demo-key',
];

const KNOWN_WEAK_KEY_HASHES: ReadonlySet<string> = new Set(
  KNOWN_WEAK_KEYS.map((key) => createHash('sha256').update(key).digest('hex')),
);

export function isKnownWeakKeyHash(sha256Hex: string): boolean {
  return KNOWN_WEAK_KEY_HASHES.has(sha256Hex.toLowerCase());
}
