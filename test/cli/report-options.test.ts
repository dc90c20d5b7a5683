/**
 * The report's options for small authorities: monthly charts grouped by
 * quarter, and the fewest children a month needs to count in the median.
 */
import * as path from 'path';
import ExcelJS from 'exceljs';
import { makeTempDir, removeDir, runCli, writeSample } from './helpers';

let dir = '';
beforeAll(() => {
  dir = makeTempDir('report-options');
});
afterAll(() => removeDir(dir));

/** The header row of the first aim sheet's monthly (or quarterly) table, found by its heading. */
async function periodHeaders(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.worksheets.find((w) => w.name.startsWith('PACE Aim 1'))!;
  let found: string[] = [];
  sheet.eachRow((row, r) => {
    row.eachCell((cell, c) => {
      if (typeof cell.value === 'string' && /^By (month|quarter) of /.test(cell.value)) {
        const header = sheet.getRow(r + 1);
        found = [0, 1, 2, 3, 4, 5, 6].map((i) => String(header.getCell(c + i).value ?? ''));
      }
    });
  });
  return found;
}

describe('pace-tracker report: monthly charts for small numbers', () => {
  it('groups by quarter with --by-quarter and counts months from --min-month-children', async () => {
    const { file } = await writeSample(dir, 'small', { children: 60, seed: 7 });
    const out = path.join(dir, 'small-report.xlsx');
    const run = await runCli(['report', file, '-o', out, '--as-of', '2024-03-31', '--by-quarter', '--min-month-children', '3']);
    expect(run.code).toBe(0);
    const headers = await periodHeaders(out);
    expect(headers.slice(0, 2)).toEqual(['Quarter', 'Children (n)']);
    expect(headers).toContain('% charted (3 or more children)');

    const monthly = path.join(dir, 'small-report-monthly.xlsx');
    expect((await runCli(['report', file, '-o', monthly, '--as-of', '2024-03-31'])).code).toBe(0);
    const byMonth = await periodHeaders(monthly);
    expect(byMonth[0]).toBe('Month');
    expect(byMonth).toContain('% charted (5 or more children)');
  });

  it('refuses a threshold below one, plainly', async () => {
    const { file } = await writeSample(dir, 'bad', { children: 10, seed: 3 });
    const run = await runCli(['report', file, '-o', path.join(dir, 'bad-out.xlsx'), '--min-month-children', '0']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('--min-month-children takes a whole number of 1 or more.');
  });
});
