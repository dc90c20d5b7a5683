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
main(process.argv.slice(2)).then((code) => {
  // Leave as soon as the command is done: Node need not take the heap apart
  // piece by piece (10 ms or more after a large run chart). First let standard
  // output and error pass on anything still waiting (a pipe on Windows is not
  // written synchronously).
  process.exitCode = code;
  const waiting = [process.stdout, process.stderr].filter((stream) => stream.writableLength > 0);
  let left = waiting.length;
  if (left === 0) process.exit(code);
  for (const stream of waiting) stream.write('', () => { if (--left === 0) process.exit(code); });
});
