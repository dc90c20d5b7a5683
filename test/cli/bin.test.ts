/**
 * The real program, as a user or a script runs it: `node bin/pace-tracker.js`
 * (the package.json "bin"), against the compiled dist/node. Exit status,
 * stdout and stderr are the operating system's here, not captured callbacks.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'pace-tracker.js');
const BUILT = path.join(ROOT, 'dist', 'node', 'cli', 'main.js');
const SAMPLE = path.join(ROOT, 'samples', 'pace-sample.xlsx');

function pace(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  // dist/node is built by `npm install` (the prepare script); build it if it is not there.
  if (!fs.existsSync(BUILT)) {
    const tsc = require.resolve('typescript/bin/tsc');
    const build = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.cli.json')], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`Could not build dist/node: ${build.stdout}${build.stderr}`);
  }
}, 120_000);

describe('node bin/pace-tracker.js', () => {
  // One test on purpose: each spawn costs a Node start-up; the in-process tests cover the rest.
  it('is the package bin; prints one JSON document, exits 1 on --fail-on error, and 2 with one stderr line for a missing file', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.bin['pace-tracker']).toBe('bin/pace-tracker.js');

    const check = pace(['check', SAMPLE, '--as-of', '2024-03-31', '--json', '--fail-on', 'error']);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(1);
    const json = JSON.parse(check.stdout);
    expect(json).toMatchObject({ sheet: 'Tracker', headerRow: 3, asOf: '2024-03-31' });
    expect(json.counts.error).toBeGreaterThanOrEqual(10);

    const missing = pace(['check', path.join(ROOT, 'samples', 'no-such-file.xlsx'), '--json']);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/^pace-tracker: [^\n]*no-such-file\.xlsx[^\n]*\n$/);
  });
});
