/* eslint-disable @typescript-eslint/no-explicit-any -- JSON documents under test are untyped on purpose. */
/**
 * Issue 15 points 5 and 6: the command line never puts the user's file at
 * risk and says the real cause when it cannot read one.
 * - -o reaching the input through a symbolic link, a hard link or another
 *   spelling is refused, and the input's checksum is unchanged;
 * - a second `report` keeps the first (… (2).xlsx), --force replaces;
 * - -o must end in .xlsx (report and submission);
 * - missing, folder, no permission, name too long, empty, cut short: each
 *   its own plain sentence, one line, exit 2.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { makeTempDir, removeDir, runCli, writeSample } from './helpers';

let dir: string;
let input: string;
let checksum: string;

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

beforeAll(async () => {
  dir = makeTempDir('files');
  input = (await writeSample(dir, 'tracker', { children: 40, seed: 5 })).file;
  checksum = sha(input);
});
afterAll(() => removeDir(dir));

function expectOneLine(run: { code: number; stderr: string; stdout: string }, mentions: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/^pace-tracker: [^\n]+\n$/);
  expect(run.stderr).toMatch(mentions);
  expect(run.stderr).not.toMatch(/unexpected problem/);
}

describe('-o never reaches the input', () => {
  const cases: [string, () => string][] = [
    ['a symbolic link to the input', () => {
      const link = path.join(dir, 'link-to-input.xlsx');
      if (!fs.existsSync(link)) fs.symlinkSync(input, link);
      return link;
    }],
    ['a hard link to the input', () => {
      const link = path.join(dir, 'hard-link.xlsx');
      if (!fs.existsSync(link)) fs.linkSync(input, link);
      return link;
    }],
    ['the input through a linked folder', () => {
      const folder = path.join(dir, 'linked-folder');
      if (!fs.existsSync(folder)) fs.symlinkSync(dir, folder, 'dir');
      return path.join(folder, 'tracker.xlsx');
    }],
  ];

  it.each(cases)('report -o %s: refused, input unchanged', async (_label, make) => {
    const target = make();
    const run = await runCli(['report', input, '-o', target, '--as-of', '2024-03-31', '--force']);
    expectOneLine(run, /your workbook/);
    expect(run.stdout).toBe('');
    expect(sha(input)).toBe(checksum);
  });

  it.each(cases)('submission -o %s: refused, input unchanged', async (_label, make) => {
    const target = make();
    const run = await runCli(['submission', input, '-o', target, '--yes', '--force', '--key-file', path.join(dir, 'k.key')]);
    expectOneLine(run, /your workbook/);
    expect(sha(input)).toBe(checksum);
    expect(fs.existsSync(path.join(dir, 'k.key'))).toBe(false);
  });

  it('the input given through a link is still refused as -o under its own name', async () => {
    const link = path.join(dir, 'input-via-link.xlsx');
    fs.symlinkSync(input, link);
    const run = await runCli(['report', link, '-o', input, '--as-of', '2024-03-31', '--force']);
    expectOneLine(run, /your workbook/);
    expect(sha(input)).toBe(checksum);
  });

  it('-o must end in .xlsx', async () => {
    for (const name of ['out.csv', 'out', 'out.xls', 'out.xlsx.bak']) {
      const run = await runCli(['report', input, '-o', path.join(dir, name), '--as-of', '2024-03-31']);
      expectOneLine(run, /must name an \.xlsx file/);
      expect(fs.existsSync(path.join(dir, name))).toBe(false);
    }
    const upper = await runCli(['report', input, '-o', path.join(dir, 'UPPER.XLSX'), '--as-of', '2024-03-31']);
    expect(upper.code).toBe(0);
  });
});

describe('a second report never silently replaces the first', () => {
  let sub: string;
  let tracker: string;
  beforeAll(() => {
    sub = path.join(dir, 'reruns');
    fs.mkdirSync(sub);
    tracker = path.join(sub, 'tracker.xlsx');
    fs.copyFileSync(input, tracker);
  });

  it('writes … (2).xlsx, then … (3).xlsx, leaving the earlier reports as they were', async () => {
    const first = await runCli(['report', tracker, '--as-of', '2024-03-31']);
    expect(first.code).toBe(0);
    const one = path.join(sub, 'tracker-pace-report.xlsx');
    const before = sha(one);
    const second = await runCli(['report', tracker, '--as-of', '2024-03-31']);
    expect(second.code).toBe(0);
    const two = path.join(sub, 'tracker-pace-report (2).xlsx');
    expect(second.stdout).toContain(`Wrote ${two}`);
    expect(sha(one)).toBe(before);
    const third = await runCli(['report', tracker, '--as-of', '2024-03-31']);
    expect(third.stdout).toContain(`Wrote ${path.join(sub, 'tracker-pace-report (3).xlsx')}`);
    expect(sha(tracker)).toBe(checksum);
  });

  it('an -o that exists is refused without --force and replaced with it', async () => {
    const out = path.join(sub, 'chosen.xlsx');
    fs.writeFileSync(out, 'an earlier file');
    const refused = await runCli(['report', tracker, '-o', out, '--as-of', '2024-03-31']);
    expectOneLine(refused, /exists already.*--force/);
    expect(fs.readFileSync(out, 'utf8')).toBe('an earlier file');
    const forced = await runCli(['report', tracker, '-o', out, '--as-of', '2024-03-31', '--force']);
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('--force through a symbolic link replaces the link, never the file it points to', async () => {
    const other = path.join(sub, 'someone-else.xlsx');
    fs.writeFileSync(other, 'not mine');
    const link = path.join(sub, 'points-elsewhere.xlsx');
    fs.symlinkSync(other, link);
    const run = await runCli(['report', tracker, '-o', link, '--as-of', '2024-03-31', '--force']);
    expect(run.code).toBe(0);
    expect(fs.readFileSync(other, 'utf8')).toBe('not mine');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(false);
  });

  it('submission -o that exists: refused without --force, replaced with it', async () => {
    const out = path.join(sub, 'copy.xlsx');
    fs.writeFileSync(out, 'last month');
    const key = path.join(sub, 'test.key');
    const refused = await runCli(['submission', tracker, '-o', out, '--yes', '--key-file', key, '--as-of', '2024-03-31']);
    expectOneLine(refused, /exists already/);
    expect(fs.readFileSync(out, 'utf8')).toBe('last month');
    const forced = await runCli(['submission', tracker, '-o', out, '--yes', '--key-file', key, '--as-of', '2024-03-31', '--force']);
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });
});

describe('the real cause when a file cannot be read', () => {
  it('a missing file says it does not exist', async () => {
    expectOneLine(await runCli(['check', path.join(dir, 'nowhere.xlsx')]), /nowhere\.xlsx" does not exist/);
  });

  it('a folder says it is a folder', async () => {
    expectOneLine(await runCli(['inspect', dir]), /is a folder, not a file/);
  });

  it('a zero-byte file is empty or damaged', async () => {
    const empty = path.join(dir, 'empty.xlsx');
    fs.writeFileSync(empty, '');
    const run = await runCli(['check', empty]);
    expectOneLine(run, /is empty or damaged/);
    expect(run.stderr).not.toMatch(/password/i);
  });

  it('a workbook cut short is empty or damaged, not "password-protected"', async () => {
    const cut = path.join(dir, 'cut.xlsx');
    const whole = fs.readFileSync(input);
    fs.writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    const run = await runCli(['aims', cut]);
    expectOneLine(run, /is empty or damaged.*cut short/);
    expect(run.stderr).not.toMatch(/password/i);
  });

  it('a file without permission says so', async () => {
    if (process.platform === 'win32' || process.getuid?.() === 0) {
      // root reads every file whatever its mode: the code's answer to EACCES is checked directly below.
      const { fileProblem } = await import('../../src/cli/inputFile');
      expect(fileProblem('locked.xlsx', 'EACCES').message).toMatch(/you do not have permission to read it/);
      return;
    }
    const locked = path.join(dir, 'locked.xlsx');
    fs.copyFileSync(input, locked);
    fs.chmodSync(locked, 0o000);
    expectOneLine(await runCli(['check', locked]), /you do not have permission to read it/);
  });

  it('a name too long for the system says so', async () => {
    const long = path.join(dir, `${'x'.repeat(300)}.xlsx`);
    expectOneLine(await runCli(['check', long]), /too long/);
  });

  it('a text file named .xlsx is not called password-protected', async () => {
    const text = path.join(dir, 'notes.xlsx');
    fs.writeFileSync(text, 'Child ID,Date\nC1,01/02/2020\n');
    const run = await runCli(['check', text]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^pace-tracker: [^\n]+\n$/);
  });
});
