/** Unit specs sit beside the code (src/, sandbox/); e2e specs boot the gateway against the simulators. */
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

// Specs are compiled exactly as the build compiles the code (.swcrc: legacy decorators with their
// metadata, define semantics for class fields, kept class names, es2022). Only `exclude` is left out:
// it keeps specs and test helpers out of dist/, and here they are the point. `swcrc: false` stops SWC
// from reading .swcrc again (and excluding them after all). Types are checked by `npm run typecheck`.
const { $schema, exclude, ...build } = JSON.parse(readFileSync(join(__dirname, '.swcrc'), 'utf8'));
const swcJest = ['@swc/jest', { ...build, swcrc: false }];
// The client's ES module sources import siblings as `./x.js`; Jest resolves them to `./x.ts`.
const moduleNameMapper = { '^(\\.{1,2}/.*)\\.js$': '$1' };

module.exports = {
  // Jest's default (one worker fewer than the cores) runs everything in one process on a 2-core
  // machine. Most e2e suites wait on sockets, timers and child processes, so one worker per core
  // keeps both cores busy. Measured on a shared 2-core machine: 194 s in one process, 98-106 s with
  // two workers, 100-110 s with three.
  maxWorkers: '100%',
  projects: [
    {
      displayName: 'unit',
      rootDir: '.',
      testEnvironment: 'node',
      testMatch: [
        '<rootDir>/src/**/*.spec.ts',
        '<rootDir>/sandbox/**/*.spec.ts',
        '<rootDir>/scripts/**/*.spec.ts',
        '<rootDir>/bench/**/*.spec.ts',
      ],
      transform: { '^.+\\.ts$': swcJest },
      moduleNameMapper,
    },
    {
      displayName: 'e2e',
      rootDir: '.',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      transform: { '^.+\\.ts$': swcJest },
      moduleNameMapper,
    },
  ],
};
