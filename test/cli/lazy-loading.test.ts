/**
 * Each command loads only what it needs (issue 12): `runchart` never loads
 * exceljs, the .xlsx reader and writers or the submission code, and
 * `--version` / `--help` load nothing but the dispatcher. Checked on the
 * compiled program (dist/node), in a fresh Node, by listing the modules it
 * loaded.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const BUILT = path.join(ROOT, 'dist', 'node', 'cli', 'main.js');

beforeAll(() => {
  // dist/node is built by `npm install` (the prepare script); build it if it is not there.
  if (!fs.existsSync(BUILT)) {
    const tsc = require.resolve('typescript/bin/tsc');
    const build = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.cli.json')], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`Could not build dist/node: ${build.stdout}${build.stderr}`);
  }
}, 120_000);

/** The modules (paths relative to the project, or package names) a fresh Node loaded to run the command, and what it printed. */
function loadedBy(args: string[]): { modules: string[]; out: string } {
  const script = `
    const { main } = require(${JSON.stringify(BUILT)});
    let out = '';
    main(${JSON.stringify(args)}, { out: (t) => (out += t), err: (t) => (out += t) }).then(() => {
      process.stdout.write(JSON.stringify({ modules: Object.keys(require.cache), out }));
    });`;
  const result = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
  const parsed = JSON.parse(result.stdout) as { modules: string[]; out: string };
  return { modules: parsed.modules.map((m) => path.relative(ROOT, m)), out: parsed.out };
}

describe('commands load only what they need', () => {
  it('runchart loads the run-chart engine and nothing of the workbook side', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pace-lazy-'));
    const csv = path.join(dir, 'series.csv');
    fs.writeFileSync(csv, 'date,value\n2023-01-01,3\n2023-01-08,4\n');
    try {
      const { modules, out } = loadedBy(['runchart', csv, '--json']);
      expect(JSON.parse(out).points).toHaveLength(2);
      expect(modules).toContain(path.join('dist', 'node', 'core', 'runchart', 'chart.js'));
      const heavy = modules.filter((m) => /node_modules|[\\/]xlsx[\\/]|submission|workbook|usecases|report/.test(m));
      expect(heavy).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  // The dispatcher: main, the plain-error type, each command's help text, the command-line wording of messages and standard output as bytes.
  const DISPATCHER = ['cli/help.js', 'cli/keyFile.js', 'cli/main.js', 'cli/stdout.js', 'cli/wording.js', 'core/errors.js'].map((f) => path.join('dist', 'node', ...f.split('/')));

  it('--version and --help load only the dispatcher', () => {
    const version = loadedBy(['--version']);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(version.out).toBe(`pace-tracker ${pkg.version}\n`);
    expect(version.modules.filter((m) => m.startsWith('dist')).sort()).toEqual(DISPATCHER);
    const help = loadedBy(['--help']);
    expect(help.out).toMatch(/^pace-tracker: read a PACE/);
    expect(help.modules.filter((m) => m.startsWith('dist')).sort()).toEqual(DISPATCHER);
    const commandHelp = loadedBy(['compare', '--help']);
    expect(commandHelp.out).toMatch(/^Usage: pace-tracker compare/);
    expect(commandHelp.modules.filter((m) => m.startsWith('dist')).sort()).toEqual(DISPATCHER);
  });

  it('a workbook command loads exceljs and JSZip as their one-file bundles and the one date-fns function it uses, not their hundreds of modules', () => {
    const sample = path.join(ROOT, 'samples', 'pace-sample.xlsx');
    const { modules, out } = loadedBy(['inspect', sample, '--json']);
    expect(JSON.parse(out).sheet).toBe('Tracker');
    const of = (name: string) => modules.filter((m) => m.includes(`node_modules${path.sep}${name}${path.sep}`));
    expect(of('exceljs')).toEqual([path.join('node_modules', 'exceljs', 'dist', 'exceljs.bare.min.js')]);
    expect(of('jszip')).toEqual([path.join('node_modules', 'jszip', 'dist', 'jszip.min.js')]);
    expect(of('date-fns')).toEqual([path.join('node_modules', 'date-fns', 'isExists.cjs')]);
  });
});
