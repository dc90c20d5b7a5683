#!/usr/bin/env node
'use strict';
// Writes samples/pace-sample.xlsx: 300 fictional children, as of 31/03/2024.
// Usage: node scripts/make-sample.js [OUT.xlsx] [--children N] [--table] [--1904] [--alternative] [--extra] [--order reversed|shuffled] [--no-errors]
// The generator is test support (test/support/sample.ts), never built into dist/node: it runs
// from the TypeScript with ts-node (transpile only).
const path = require('path');
const fs = require('fs');

require('ts-node').register({ transpileOnly: true, compilerOptions: { module: 'commonjs' } });
const { buildSampleBuffer } = require('../test/support/sample.ts');

async function main(argv) {
  const options = {};
  let out = path.join(__dirname, '..', 'samples', 'pace-sample.xlsx');
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--children') options.children = Number(argv[++i]);
    else if (a === '--table') options.asTable = true;
    else if (a === '--1904') options.date1904 = true;
    else if (a === '--alternative') options.wording = 'alternative';
    else if (a === '--extra') options.extraLocalColumns = true;
    else if (a === '--order') options.columnOrder = argv[++i];
    else if (a === '--no-errors') options.plantErrors = false;
    else if (a === '--list') continue;
    else if (!a.startsWith('--')) out = path.resolve(a);
    else throw new Error(`Unknown option ${a}`);
  }
  const { buffer, sample } = await buildSampleBuffer(options);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, buffer);
  process.stdout.write(
    `Wrote ${out}: ${sample.children.length} fictional children on "${sample.sheetName}" (header row ${sample.headerRow}, rows ${sample.firstDataRow}-${sample.lastDataRow}), as of ${sample.asOf}, ${sample.plantedErrors.length} planted errors.\n`,
  );
  if (argv.includes('--list')) process.stdout.write(JSON.stringify(sample.plantedErrors, null, 2) + '\n');
}

main(process.argv.slice(2)).catch((err) => {
  process.stderr.write(`${err.message}\n`);
  process.exitCode = 1;
});
