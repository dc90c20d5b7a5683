/**
 * Guard for refactoring (issue 13): the committed sample's outputs, as of
 * 31/03/2024, must stay byte-identical. `check --json` and `inspect --json`
 * are kept whole; `aims --json` (450 kB) as a hash of the whole document and
 * one per top-level key, so a difference says where it is; the report as one
 * hash per part of the .xlsx package.
 *
 * A change that is meant to alter these outputs regenerates the fixtures with
 * UPDATE_SAMPLE_OUTPUTS=1 npx jest test/guard, and the diff shows what moved.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { makeTempDir, removeDir, runCli } from '../cli/helpers';

const ROOT = path.join(__dirname, '..', '..');
const SAMPLE = path.join(ROOT, 'samples', 'pace-sample.xlsx');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'sample-outputs');
const AS_OF = '2024-03-31';
const UPDATE = process.env.UPDATE_SAMPLE_OUTPUTS === '1';

const sha256 = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');

function expectFixture(name: string, actual: string): void {
  const file = path.join(FIXTURES, name);
  if (UPDATE) fs.writeFileSync(file, actual);
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}

async function stdoutOf(argv: string[]): Promise<string> {
  const run = await runCli(argv);
  if (run.code !== 0) throw new Error(`pace-tracker ${argv.join(' ')} exited ${run.code}: ${run.stderr}`);
  return run.stdout;
}

describe('the sample workbook gives the same outputs byte for byte', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir('guard');
    if (UPDATE) fs.mkdirSync(FIXTURES, { recursive: true });
  });
  afterAll(() => removeDir(dir));

  test.each(['check', 'inspect'])('%s --json', async (command) => {
    expectFixture(`${command}.json`, await stdoutOf([command, SAMPLE, '--as-of', AS_OF, '--json']));
  });

  test('aims --json (hashed: whole document and each top-level key)', async () => {
    const text = await stdoutOf(['aims', SAMPLE, '--as-of', AS_OF, '--json']);
    const doc = JSON.parse(text) as Record<string, unknown>;
    const hashes: Record<string, string> = { '(whole document)': sha256(text) };
    for (const key of Object.keys(doc)) hashes[key] = sha256(JSON.stringify(doc[key]));
    expectFixture('aims.sha256.json', JSON.stringify(hashes, null, 2) + '\n');
  });

  test('report: every part of the written .xlsx', async () => {
    const out = path.join(dir, 'report.xlsx');
    await stdoutOf(['report', SAMPLE, '--as-of', AS_OF, '-o', out]);
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir).sort();
    const hashes: Record<string, string> = {};
    for (const name of names) hashes[name] = sha256(await zip.files[name].async('nodebuffer'));
    expectFixture('report-parts.sha256.json', JSON.stringify(hashes, null, 2) + '\n');
  });
});
