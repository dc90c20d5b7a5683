/** Jest runs every Node-only test: core, adapters against the strict fake, xlsx, CLI. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/test/browser/'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  // Workbook round trips (exceljs, LibreOffice) take seconds on a busy 2-core machine; 5 s made them flaky, not faster.
  testTimeout: 30000,
};
