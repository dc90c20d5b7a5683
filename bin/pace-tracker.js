#!/usr/bin/env node
'use strict';
// The command-line twin of the add-in. The TypeScript is compiled to dist/node by
// `npm install` (the "prepare" script), with the dispatcher and the runchart
// command also in one file (dist/node/cli-bundle.js, quicker to load); say so
// plainly if it has not been built.
let main;
try {
  ({ main } = require('../dist/node/cli-bundle.js'));
} catch (err) {
  if (!err || err.code !== 'MODULE_NOT_FOUND' || !String(err.message).includes('cli-bundle.js')) throw err;
  try {
    ({ main } = require('../dist/node/cli/main.js'));
  } catch (err2) {
    if (err2 && err2.code === 'MODULE_NOT_FOUND') {
      process.stderr.write('pace-tracker is not built yet: run "npm install" (or "npm run prepare") in the project folder first.\n');
      process.exit(2);
    }
    throw err2;
  }
}
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
