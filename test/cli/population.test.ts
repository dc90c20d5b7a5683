/**
 * The command line says what the figures leave out and why: rows outside the
 * PACE population (--include-outside-population keeps them) and children
 * whose end date is before the start date; the check names the aim.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { makeTempDir, removeDir, runCli, runJson, writeSample, writeText } from './helpers';

jest.setTimeout(60_000); // several runs of the command line; the machine may be busy

const SAMPLE_FILE = path.join(__dirname, '..', '..', 'samples', 'pace-sample.xlsx');

let dir: string;
beforeAll(() => {
  dir = makeTempDir('population');
});
afterAll(() => removeDir(dir));

describe('aims in words', () => {
  it('says how many rows were left out and why, and which children each aim excluded', async () => {
    const run = await runCli(['aims', SAMPLE_FILE, '--as-of', '2024-03-31']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '1 row left out of the figures: the child ceased to be looked after more than a year before the as-of date, so is outside the PACE population. Use --include-outside-population to keep them.',
    );
    expect(run.stdout).toContain('Excluded from every figure: 1 child whose end date is before the start date (row 5).');
    expect(run.stdout).toContain('Excluded from every figure: 1 child whose end date is before the start date (row 189).');
  });

  it('--include-outside-population keeps the row and says so', async () => {
    const run = await runCli(['aims', SAMPLE_FILE, '--as-of', '2024-03-31', '--include-outside-population']);
    expect(run.stdout).toContain('1 row outside the PACE population (ceased to be looked after more than a year before the as-of date) is kept in the figures, as you asked.');
  });
});

describe('check with the user’s own aims', () => {
  it('names the aim a wrong-way-round child is left out of', async () => {
    const aims = writeText(dir, 'mine.json', JSON.stringify({ aims: [{ id: 'mine', name: 'Start to recommendation', start: 'lookedAfterStart', end: 'permanenceRecommendation' }] }));
    const { json } = await runJson(['check', SAMPLE_FILE, '--as-of', '2024-03-31', '--aims', aims, '--json']);
    const row5 = json.findings.filter((f: { row: number; severity: string }) => f.row === 5 && f.severity !== 'info');
    expect(row5.map((f: { rule: string }) => f.rule)).toEqual(['recommendation-before-looked-after']);
    expect(row5[0].message).toContain("The child is left out of the aim 'Start to recommendation' until the dates are corrected.");
  });
});

describe('report and submission leave the row out by default', () => {
  it('report says so in its summary lines', async () => {
    const { file } = await writeSample(dir, 'report-in');
    const run = await runCli(['report', file, '-o', path.join(dir, 'report-out.xlsx'), '--as-of', '2024-03-31']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 row left out of the figures');
    expect(run.stdout).toMatch(/Accommodation to permanence recommendation: \d+ completed, .*, 1 excluded \(end date before start date\)\./);
  });

  it('submission leaves the row out of the copy, and keeps it with --include-outside-population', async () => {
    const { file, sample } = await writeSample(dir, 'submission-in');
    const key = path.join(dir, 'test.key');
    const out = path.join(dir, 'copy.xlsx');
    const run = await runCli(['submission', file, '-o', out, '--key-file', key, '--as-of', '2024-03-31', '--yes']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Left out 1 row outside the PACE population (ceased to be looked after more than a year before the as-of date)');
    const rowsOf = async (f: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(f);
      return (wb.getWorksheet('PACE data') as ExcelJS.Worksheet).actualRowCount - 1;
    };
    const children = sample.lastDataRow - sample.firstDataRow + 1;
    expect(await rowsOf(out)).toBe(children - 1);
    const kept = path.join(dir, 'copy-kept.xlsx');
    const again = await runCli(['submission', file, '-o', kept, '--key-file', key, '--as-of', '2024-03-31', '--yes', '--include-outside-population']);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain('Left out');
    expect(await rowsOf(kept)).toBe(children);
    expect(fs.existsSync(key)).toBe(true);
  });
});
