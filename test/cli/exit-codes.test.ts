/**
 * Exit status (cli-contract.md): 0 when the command did its job, even with
 * findings; 1 for --fail-on when findings of that severity (or worse) exist;
 * 2 for a usage error or an unreadable file, with exactly one plain line on
 * stderr and no stack trace.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { CliRun, makeTempDir, removeDir, runCli, writeSample, writeText } from './helpers';

let dir: string;
let withErrors: string;
let clean: string;
let quiet: string;

beforeAll(async () => {
  dir = makeTempDir('exit');
  withErrors = (await writeSample(dir, 'planted')).file;
  clean = (await writeSample(dir, 'clean', { plantErrors: false })).file;
  // Ten children: no planted errors and no respite rows, so no warnings either.
  quiet = (await writeSample(dir, 'quiet', { plantErrors: false, children: 10 })).file;
});

afterAll(() => removeDir(dir));

/** One line, starting with the program's name, no stack trace. */
function expectOneLineError(run: CliRun, mentions?: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/^pace-tracker: [^\n]+\n$/);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stderr).not.toMatch(/unexpected problem/);
  if (mentions) expect(run.stderr).toMatch(mentions);
}

describe('exit 0: the command did its job', () => {
  it('check exits 0 with error findings when --fail-on is not given', async () => {
    const run = await runCli(['check', withErrors, '--as-of', '2024-03-31', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).counts.error).toBeGreaterThan(0);
    expect(run.stderr).toBe('');
  });

  it.each([['inspect'], ['aims'], ['report']])('%s exits 0 on the planted sample', async (command) => {
    const args = command === 'report' ? [command, withErrors, '-o', path.join(dir, 'r0.xlsx'), '--as-of', '2024-03-31'] : [command, withErrors, '--as-of', '2024-03-31'];
    const run = await runCli(command === 'inspect' ? [command, withErrors] : args);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('--help exits 0 and prints the usage', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('pace-tracker check FILE');
  });
});

describe('--fail-on', () => {
  it('exits 1 with --fail-on error when errors exist, still printing the JSON', async () => {
    const run = await runCli(['check', withErrors, '--as-of', '2024-03-31', '--fail-on', 'error', '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).counts.error).toBeGreaterThan(0);
  });

  it('exits 0 with --fail-on error on a clean sample (no planted errors)', async () => {
    const run = await runCli(['check', clean, '--as-of', '2024-03-31', '--fail-on', 'error', '--json']);
    const json = JSON.parse(run.stdout);
    expect(json.counts.error).toBe(0);
    expect(run.code).toBe(0);
  });

  it('--fail-on warning fails on warnings (the planted sample has text dates read by assumption)', async () => {
    const run = await runCli(['check', withErrors, '--as-of', '2024-03-31', '--fail-on', 'warning', '--json']);
    const json = JSON.parse(run.stdout);
    expect(json.counts.warning).toBeGreaterThan(0);
    expect(run.code).toBe(1);
  });

  it('--fail-on warning passes the clean sample: its respite rows are notes, not warnings', async () => {
    const run = await runCli(['check', clean, '--as-of', '2024-03-31', '--fail-on', 'warning', '--json']);
    const json = JSON.parse(run.stdout);
    expect(json.counts).toMatchObject({ error: 0, warning: 0 });
    expect(json.findings.filter((f: { rule: string }) => f.rule === 'respite-row').every((f: { severity: string }) => f.severity === 'info')).toBe(true);
    expect(json.findings.some((f: { rule: string }) => f.rule === 'respite-row')).toBe(true);
    expect(run.code).toBe(0);
  });

  it('--fail-on warning also fails on errors', async () => {
    const run = await runCli(['check', withErrors, '--as-of', '2024-03-31', '--fail-on', 'warning']);
    expect(run.code).toBe(1);
  });

  it('--fail-on warning exits 0 when there are neither errors nor warnings, and --fail-on info then fails on information', async () => {
    const warning = await runCli(['check', quiet, '--as-of', '2024-03-31', '--fail-on', 'warning', '--json']);
    const json = JSON.parse(warning.stdout);
    expect(json.counts.error).toBe(0);
    expect(json.counts.warning).toBe(0);
    expect(warning.code).toBe(0);
    // The unused local column "Legal advice meeting" is always noted as information.
    expect(json.counts.info).toBeGreaterThan(0);
    const info = await runCli(['check', quiet, '--as-of', '2024-03-31', '--fail-on', 'info', '--json']);
    expect(info.code).toBe(1);
  });
});

describe('exit 2: usage errors, one line on stderr', () => {
  it('no command at all', async () => {
    expectOneLineError(await runCli([]));
  });

  it('unknown command', async () => {
    expectOneLineError(await runCli(['chekc', withErrors]), /chekc/);
  });

  it('unknown option', async () => {
    const run = await runCli(['check', withErrors, '--as-off', '2024-03-31']);
    expectOneLineError(run, /--as-off/);
    expect(run.stdout).toBe('');
  });

  it('option without its value', async () => {
    expectOneLineError(await runCli(['check', withErrors, '--as-of']), /--as-of/);
  });

  it('missing file', async () => {
    expectOneLineError(await runCli(['check', path.join(dir, 'nope.xlsx')]), /nope\.xlsx/);
  });

  it('no file given', async () => {
    expectOneLineError(await runCli(['inspect']));
  });

  it.each([['2024-02-30'], ['03/31/2024'], ['yesterday']])('bad --as-of %s', async (asOf) => {
    expectOneLineError(await runCli(['check', withErrors, '--as-of', asOf]), new RegExp(asOf.replace(/\//g, '\\/')));
  });

  it('bad --fail-on value', async () => {
    expectOneLineError(await runCli(['check', withErrors, '--fail-on', 'errors']), /errors/);
  });

  it('a sheet that does not exist', async () => {
    expectOneLineError(await runCli(['check', withErrors, '--sheet', 'Nope']), /Nope/);
  });

  it('a missing aims file and an aims file that is not JSON', async () => {
    expectOneLineError(await runCli(['aims', withErrors, '--aims', path.join(dir, 'none.json')]), /none\.json/);
    const bad = writeText(dir, 'bad-aims.json', '{ "aims": [ ');
    expectOneLineError(await runCli(['aims', withErrors, '--aims', bad]), /bad-aims\.json/);
  });

  it('an aims file naming a milestone the sheet does not have', async () => {
    const file = writeText(dir, 'odd-aims.json', JSON.stringify({ aims: [{ id: 'x', start: 'firstAccommodated', end: 'bedtimeStory' }] }));
    expectOneLineError(await runCli(['aims', withErrors, '--aims', file]), /bedtimeStory/);
  });

  it('runchart options that contradict each other or are out of range', async () => {
    const csv = writeText(dir, 'ok.csv', 'date,value\n2023-01-01,1\n');
    expectOneLineError(await runCli(['runchart', csv, '--baseline', '5', '--baseline-before', '2023-01-01']));
    expectOneLineError(await runCli(['runchart', csv, '--rephase', '9', '--no-rephase']));
    expectOneLineError(await runCli(['runchart', csv, '--direction', 'sideways']), /sideways/);
    expectOneLineError(await runCli(['runchart', csv, '--rules', 'western-electric']), /western-electric/);
    expectOneLineError(await runCli(['runchart', csv, '--baseline', 'twelve']), /twelve/);
  });
});

describe('exit 2: unreadable files', () => {
  it('a text file named .xlsx', async () => {
    const file = writeText(dir, 'notes.xlsx', 'this is not a workbook\n');
    expectOneLineError(await runCli(['check', file]), /notes\.xlsx/);
  });

  it('an empty file', async () => {
    const file = writeText(dir, 'empty.xlsx', '');
    expectOneLineError(await runCli(['inspect', file]), /empty\.xlsx/);
  });

  it('a zip that is not a workbook', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'hello');
    const file = path.join(dir, 'zipped.xlsx');
    fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    // Said plainly in one line (this reader says the workbook holds no data).
    expectOneLineError(await runCli(['aims', file]));
  });

  it('a password-protected workbook (an OLE compound file): says so', async () => {
    const file = path.join(dir, 'locked.xlsx');
    // An encrypted package is a compound file with an EncryptionInfo stream (named in UTF-16).
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from('EncryptionInfo', 'utf16le')]));
    expectOneLineError(await runCli(['check', file]), /password/);
  });

  it('a workbook with no sheet like a PACE tracker (no --sheet)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Budget');
    ws.getCell('A1').value = 'Spend by month';
    ws.getRow(2).values = ['Month', 'Amount'];
    const file = path.join(dir, 'budget.xlsx');
    await wb.xlsx.writeFile(file);
    expectOneLineError(await runCli(['inspect', file, '--json']));
  });

  it('a folder given as the file', async () => {
    expectOneLineError(await runCli(['check', dir]));
  });

  it('a workbook with no PACE sheet', async () => {
    const { file } = await writeSample(dir, 'notes-only', { children: 5 });
    expectOneLineError(await runCli(['check', file, '--sheet', 'Notes']), /Notes/);
  });

  it('a missing series file', async () => {
    expectOneLineError(await runCli(['runchart', path.join(dir, 'none.csv')]), /none\.csv/);
  });
});
