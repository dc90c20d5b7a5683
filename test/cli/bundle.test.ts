/**
 * The fast entry (issue 12): dist/node/cli-bundle.js holds the dispatcher and
 * the runchart command in one file (scripts/bundle-cli.js, run by `npm run
 * prepare`). It must behave exactly as the separate modules do: the same
 * output, byte for byte, through the real standard output; and commands left
 * out of it (check, report, …) still load from dist/node and share its
 * modules, so their plain errors are still recognised as plain.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist', 'node');
const BUILT = path.join(DIST, 'cli', 'main.js');
// A plain CommonJS script, also run by `npm run prepare`.
const { bundle, staticRequires } = require('../../scripts/bundle-cli.js') as { bundle: (dist: string) => string; staticRequires: (source: string) => string[] };
const { makeSeriesCsv } = require('../../scripts/make-series.js') as { makeSeriesCsv: (o: object) => string };
const { buildWasm } = require('../../scripts/build-wasm.js') as { buildWasm: () => string };
const RUNCHART_WASM = path.join(DIST, 'wasm', 'runchart.wasm');

let dir: string;
let bundled: string;

beforeAll(() => {
  if (!fs.existsSync(BUILT)) {
    const tsc = require.resolve('typescript/bin/tsc');
    const build = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.cli.json')], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`Could not build dist/node: ${build.stdout}${build.stderr}`);
  }
  if (!fs.existsSync(RUNCHART_WASM)) buildWasm();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pace-bundle-'));
  // A bundle of this very build, beside the real one (it finds its modules from its own folder).
  bundled = path.join(DIST, `cli-bundle.test-${process.pid}.js`);
  fs.writeFileSync(bundled, bundle(DIST));
}, 120_000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(bundled, { force: true });
});

/** Runs a script in a fresh Node; stdout as bytes (the operating system's standard output). */
function node(script: string): { code: number | null; stdout: Buffer; stderr: string } {
  const result = spawnSync(process.execPath, ['-e', script], { cwd: ROOT });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

const run = (entry: string, args: string[]) =>
  node(`require(${JSON.stringify(entry)}).main(${JSON.stringify(args)}).then((code) => { process.exitCode = code; });`);

describe('scripts/bundle-cli.js', () => {
  it('finds the requires made at load time, not those made when a command runs', () => {
    const source = 'const a = require("./a");\nconst b = __importStar(require("../core/b"));\nreturn await (await Promise.resolve().then(() => __importStar(require(\'./later\')))).x();\n';
    expect(staticRequires(source)).toEqual(['./a', '../core/b']);
  });

  it('gives the bundled runchart its WebAssembly module, from where npm run prepare puts it', () => {
    const script = `require(${JSON.stringify(bundled)}); const { CompiledRunchart, RUNCHART_WASM } = require(${JSON.stringify(path.join(DIST, 'cli', 'compiledRunchart.js'))}); console.log(RUNCHART_WASM, CompiledRunchart.load() !== null);`;
    const result = node(script);
    expect(result.stderr).toBe('');
    expect(result.stdout.toString('utf8').trim()).toBe(`${RUNCHART_WASM} true`);
  });

  it('bundles the dispatcher and the run-chart engine, and nothing of the workbook side', () => {
    const ids = [...bundle(DIST).matchAll(/^"([^"]+)": function \(exports, require, module, __filename, __dirname\) \{$/gm)].map((m) => m[1]);
    expect(ids).toEqual(expect.arrayContaining(['cli/main.js', 'cli/runchart.js', 'core/runchart/chart.js', 'core/runchart/csv.js', 'core/runchart/jsonStream.js']));
    expect(ids.filter((id) => /xlsx|workbook|submission|usecases|report/.test(id))).toEqual([]);
  });

  it('gives byte for byte what the separate modules give, through the real standard output', () => {
    const csv = path.join(dir, 'series.csv');
    fs.writeFileSync(csv, makeSeriesCsv({ groups: 30, points: 70, seed: 12, vary: true }));
    for (const args of [['--json'], ['--pretty', '--rules', 'anhoej'], []]) {
      const fromBundle = run(bundled, ['runchart', csv, ...args]);
      const fromModules = run(BUILT, ['runchart', csv, ...args]);
      expect([fromBundle.code, fromBundle.stderr]).toEqual([0, '']);
      expect(fromBundle.stdout.length).toBeGreaterThan(1000);
      expect(fromBundle.stdout.equals(fromModules.stdout)).toBe(true);
    }
  });

  it('runs a command it does not hold from dist/node, sharing its modules (a plain error stays one plain line)', () => {
    const missing = run(bundled, ['check', path.join(dir, 'no-such-file.xlsx')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^pace-tracker: [^\n]*no-such-file\.xlsx[^\n]*\n$/);
    expect(missing.stderr).not.toMatch(/unexpected problem/);
    const check = run(bundled, ['check', path.join(ROOT, 'samples', 'pace-sample.xlsx'), '--as-of', '2024-03-31', '--json']);
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout.toString('utf8'))).toMatchObject({ sheet: 'Tracker', asOf: '2024-03-31' });
  });
});
