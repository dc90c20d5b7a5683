#!/usr/bin/env node
'use strict';
/**
 * Compiles the command line's WebAssembly (src/wasm, AssemblyScript): the
 * runchart command's module (runchart.ts: the plain SERIES.csv reader, the
 * rules of a chart and the charts' JSON) to dist/node/wasm/runchart.wasm.
 * Run by `npm run prepare` after tsc; the command runs its TypeScript when
 * the file is not there.
 *
 *   node scripts/build-wasm.js [OUT_DIR]
 *
 * --runtime stub: neither allocates anything (the caller lays out memory),
 * so no garbage collector is compiled in. --noAssert: no checks the source
 * does not ask for. -O3: binaryen's full optimisation (the file is ~3 KB).
 */
const path = require('path');
const fs = require('fs');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');

/** The modules, by name: src/wasm/NAME.ts (with what it imports) to OUT_DIR/NAME.wasm. */
const MODULES = ['runchart'];

/** Compiles every module into `outDir`; returns the directory. */
function buildWasm(outDir = path.join(ROOT, 'dist', 'node', 'wasm')) {
  fs.mkdirSync(outDir, { recursive: true });
  const asc = path.join(ROOT, 'node_modules', 'assemblyscript', 'bin', 'asc.js');
  for (const name of MODULES) {
    const source = path.join(ROOT, 'src', 'wasm', `${name}.ts`);
    const r = spawnSync(process.execPath, [asc, source, '-O3', '--runtime', 'stub', '--noAssert', '-o', path.join(outDir, `${name}.wasm`)], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`asc could not compile src/wasm/${name}.ts:\n${r.stdout}${r.stderr}`);
  }
  return outDir;
}

module.exports = { buildWasm };

if (require.main === module) buildWasm(process.argv[2]);
