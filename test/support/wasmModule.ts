/**
 * The runchart command's WebAssembly module (src/wasm) compiled from the
 * current source into a temporary folder for one test file, so that its
 * tests never run an old build. Registers the file's beforeAll (compile) and
 * afterAll (remove); read `file` and `dir` in the tests' own hooks.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// A plain CommonJS script, also run by `npm run prepare`.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { buildWasm } = require('../../scripts/build-wasm.js') as { buildWasm: (outDir: string) => string };

export function moduleFromSource(): { readonly file: string; readonly dir: string } {
  const built = { file: '', dir: '' };
  beforeAll(() => {
    built.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pace-wasm-'));
    built.file = path.join(buildWasm(built.dir), 'runchart.wasm');
  }, 60000);
  afterAll(() => fs.rmSync(built.dir, { recursive: true, force: true }));
  return built;
}
