#!/usr/bin/env node
'use strict';
// The command-line twin of the add-in. The TypeScript is compiled to dist/node by
// `npm install` (the "prepare" script); say so plainly if it has not been.
let main;
try {
  ({ main } = require('../dist/node/cli/main.js'));
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND') {
    process.stderr.write('pace-tracker is not built yet: run "npm install" (or "npm run prepare") in the project folder first.\n');
    process.exit(2);
  }
  throw err;
}
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
