import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The suite runs on the Node 24 the project pins (the `node` devDependency that npm scripts resolve
 * from node_modules/.bin), not on whatever older Node the machine has.
 */
const root = join(__dirname, '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
};
const [major, minor] = process.versions.node.split('.').map(Number);

describe('Node runtime', () => {
  it('runs the tests on Node 24 (24.9 or later, as engines says)', () => {
    expect({ major, minorAtLeast9: minor >= 9 }).toEqual({ major: 24, minorAtLeast9: true });
  });

  it('pins one Node 24 version for nvm users and for npm scripts alike', () => {
    const pinned = manifest.devDependencies.node;
    expect(readFileSync(join(root, '.nvmrc'), 'utf8').trim()).toBe(pinned);
    expect(pinned).toMatch(/^24\.\d+\.\d+$/);
    expect(manifest.engines.node).toBe('>=24.9.0 <25');
  });
});
