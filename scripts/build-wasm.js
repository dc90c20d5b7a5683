#!/usr/bin/env node
'use strict';
/**
 * Compiles the run-chart rules for the command line (src/wasm/rules.ts,
 * AssemblyScript) to dist/node/wasm/rules.wasm. Run by `npm run prepare`
 * after tsc; the command falls back to the TypeScript rules when the file
 * is not there.
 *
 *   node scripts/build-wasm.js [OUT.wasm]
 *
 * --runtime stub: the rules allocate nothing (the caller lays out memory),
 * so no garbage collector is compiled in. --noAssert: no checks the source
 * does not ask for. -O3: binaryen's full optimisation (the file is ~3 KB).
 */
const path = require('path');
const fs = require('fs');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');

function buildWasm(out = path.join(ROOT, 'dist', 'node', 'wasm', 'rules.wasm')) {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const asc = path.join(ROOT, 'node_modules', 'assemblyscript', 'bin', 'asc.js');
  const r = spawnSync(process.execPath, [asc, path.join(ROOT, 'src', 'wasm', 'rules.ts'), '-O3', '--runtime', 'stub', '--noAssert', '-o', out], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`asc could not compile src/wasm/rules.ts:\n${r.stdout}${r.stderr}`);
  return out;
}

module.exports = { buildWasm };

if (require.main === module) buildWasm(process.argv[2]);
