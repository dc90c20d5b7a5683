#!/usr/bin/env node
'use strict';
// `npm run bench`: speed and size, measured and printed (never asserted in tests).
// Runs the TypeScript directly (ts-node, transpile only) so it measures the same
// code the tests and the add-in use.
require('ts-node').register({ transpileOnly: true, compilerOptions: { module: 'commonjs' } });
require('./bench.ts')
  .main(process.argv.slice(2))
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
