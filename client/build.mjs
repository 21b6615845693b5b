// `npm run build`: dist/esm (ES modules) and dist/cjs (CommonJS), each with its type declarations.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
rmSync('dist', { recursive: true, force: true });
for (const [dir, type] of [
  ['esm', 'module'],
  ['cjs', 'commonjs'],
]) {
  execFileSync(process.execPath, [tsc, '-p', `tsconfig.${dir}.json`], { stdio: 'inherit' });
  // Node reads the module kind of a .js file from the nearest package.json.
  writeFileSync(`dist/${dir}/package.json`, `${JSON.stringify({ type })}\n`);
}
