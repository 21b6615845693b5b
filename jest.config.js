/** Unit specs sit beside the code (src/, sandbox/); e2e specs boot the gateway against the simulators. */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];
// The client's ES module sources import siblings as `./x.js`; Jest resolves them to `./x.ts`.
const moduleNameMapper = { '^(\\.{1,2}/.*)\\.js$': '$1' };

module.exports = {
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
      transform: { '^.+\\.ts$': tsJest },
      moduleNameMapper,
    },
    {
      displayName: 'e2e',
      rootDir: '.',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      transform: { '^.+\\.ts$': tsJest },
      moduleNameMapper,
    },
  ],
};
