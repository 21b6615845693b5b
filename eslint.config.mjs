// @ts-check
import eslint from '@eslint/js';
import eslintPluginPrettierRecommended from 'eslint-plugin-prettier/recommended';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NO_SANDBOX = {
  regex: '^(\\.\\./)+sandbox(/|$)',
  message: 'src/ must not import the simulators (sandbox/ is not in the production build).',
};
const NO_UPSTREAM_CONFIG = {
  group: ['**/config/config.tokens'],
  importNames: ['UPSTREAM_CONFIG'],
  message:
    'Only src/upstream/ reads the upstream credentials; inject GATEWAY_CONFIG, which has none.',
};

export default tseslint.config(
  {
    ignores: [
      'eslint.config.mjs',
      'dist/**',
      'dist-bench/**',
      'dist-sandbox/**',
      'coverage/**',
      'node_modules/**',
      'client/dist/**',
      'client/src/schema.ts',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  eslintPluginPrettierRecommended,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.jest },
      sourceType: 'commonjs',
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unsafe-argument': 'warn',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // The gateway never depends on the simulators: the production build leaves sandbox/ out; and
    // only the outbound room (and the config that builds it) sees the upstream credentials.
    files: ['src/**/*.ts'],
    ignores: ['src/upstream/**', 'src/config/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_SANDBOX, NO_UPSTREAM_CONFIG] }] },
  },
  {
    files: ['src/upstream/**/*.ts', 'src/config/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_SANDBOX] }] },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
