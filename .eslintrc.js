/** Lint: type-aware rules live in tsc (strict); eslint adds React hooks rules and a few hygiene checks. */
module.exports = {
  root: true,
  parser: '@typescript-eslint/parser',
  parserOptions: { ecmaVersion: 2021, sourceType: 'module', ecmaFeatures: { jsx: true } },
  plugins: ['@typescript-eslint', 'react-hooks'],
  extends: ['eslint:recommended', 'plugin:@typescript-eslint/recommended'],
  env: { es2021: true, node: true, browser: true, jest: true },
  rules: {
    'react-hooks/rules-of-hooks': 'error',
    'react-hooks/exhaustive-deps': 'warn',
    '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    '@typescript-eslint/no-var-requires': 'off',
    '@typescript-eslint/no-require-imports': 'off',
    'no-console': 'off',
  },
  overrides: [
    {
      // The core stays pure: nothing from Office, the DOM or Node.
      files: ['src/core/**/*.ts'],
      excludedFiles: ['**/*.test.ts'],
      env: { browser: false, node: false },
      rules: {
        'no-restricted-imports': ['error', { patterns: ['fs', 'path', 'crypto', 'node:*', 'exceljs', 'react', '*/excel/*', '*/xlsx/*', '*/taskpane/*'] }],
        'no-restricted-globals': ['error', 'Office', 'Excel', 'window', 'document', 'Buffer', 'process', 'require'],
      },
    },
  ],
  // src/wasm is AssemblyScript (its own types: i32, f64, usize); asc checks it as it compiles it.
  ignorePatterns: ['dist/', 'node_modules/', 'test-artifacts/', 'coverage/', 'src/wasm/'],
};
