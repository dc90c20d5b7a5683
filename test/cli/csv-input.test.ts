/* eslint-disable @typescript-eslint/no-explicit-any -- JSON documents under test are untyped on purpose. */
/**
 * Issue 15 point 6: a CSV export of the tracker is read directly, with UK
 * dates as text, and gives the same layout, figures and checks as the
 * workbook it was exported from. report on a CSV writes a new .xlsx (the
 * CSV's rows plus the report sheets); submission writes its copy as usual.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { readWorkbookFile } from '../../src/xlsx/read';
import { dayFromSerial, isDateNumberFormat, ukFromDay } from '../../src/core/dates';
import type { SheetGrid } from '../../src/core/grid';
import { makeTempDir, removeDir, runCli, runJson, writeSample } from './helpers';

let dir: string;
let xlsx: string;
let csv: string;

/** The sheet as Excel's "Save as CSV" writes it: dates as dd/mm/yyyy text, fields quoted when needed, rows from row 1. */
function exportCsv(grid: SheetGrid): string {
  const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines: string[] = [];
  for (let r = 1; r < grid.firstRow; r++) lines.push('');
  grid.values.forEach((row, r) => {
    const cells = new Array<string>(grid.firstColumn - 1).fill('');
    row.forEach((v, c) => {
      const fmt = grid.numberFormats?.[r]?.[c] ?? null;
      if (typeof v === 'number' && isDateNumberFormat(fmt)) {
        const day = dayFromSerial(v, false);
        cells.push(day === null ? String(v) : ukFromDay(day));
      } else cells.push(quote(v === null ? '' : String(v)));
    });
    lines.push(cells.join(','));
  });
  return `${lines.join('\r\n')}\r\n`;
}

beforeAll(async () => {
  dir = makeTempDir('csv');
  xlsx = (await writeSample(dir, 'tracker', { children: 120, seed: 11, notesSheet: false })).file;
  const workbook = await readWorkbookFile(xlsx);
  const grid = workbook.sheets.find((s) => s.sheetName === 'Tracker') as SheetGrid;
  csv = path.join(dir, 'Tracker.csv');
  fs.writeFileSync(csv, exportCsv(grid));
});
afterAll(() => removeDir(dir));

describe('a CSV export of the tracker', () => {
  it('inspect finds the same headings and columns', async () => {
    const a = (await runJson(['inspect', xlsx, '--json'])).json;
    const b = (await runJson(['inspect', csv, '--json'])).json;
    expect(b.sheet).toBe('Tracker');
    expect(b.headerRow).toBe(a.headerRow);
    expect(b.columns.map((c: any) => [c.field, c.column])).toEqual(a.columns.map((c: any) => [c.field, c.column]));
  });

  it('aims gives the same figures, children and waiting lists', async () => {
    const a = (await runJson(['aims', xlsx, '--as-of', '31/03/2024', '--json'])).json;
    const b = (await runJson(['aims', csv, '--as-of', '31/03/2024', '--json'])).json;
    expect(b.aims.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
  });

  it('check finds the same errors and warnings in the same cells, without a "text date" note on every date', async () => {
    const a = (await runJson(['check', xlsx, '--as-of', '2024-03-31', '--json'])).json;
    const b = (await runJson(['check', csv, '--as-of', '2024-03-31', '--json'])).json;
    expect(b.findings.filter((f: any) => f.rule === 'text-date')).toEqual([]);
    // The workbook's one date typed as text is flagged there; in a CSV every date is text, so that note is not given.
    const serious = (j: any) => j.findings.filter((f: any) => f.severity !== 'info' && f.rule !== 'text-date').map((f: any) => `${f.rule} ${f.cell}`).sort();
    expect(serious(a).length).toBeGreaterThan(0);
    expect(serious(b)).toEqual(serious(a));
  });

  it('says once, in the text output, how a CSV was read', async () => {
    const run = await runCli(['check', csv, '--as-of', '31/03/2024']);
    expect(run.stdout.split('\n')[0]).toBe('Read as a CSV file: its dates are text and were read day first (dd/mm/yyyy), as UK dates are written.');
  });

  it('report writes a new .xlsx holding the CSV rows and the report sheets; the CSV is unchanged', async () => {
    const before = fs.readFileSync(csv);
    const run = await runCli(['report', csv, '--as-of', '2024-03-31']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = path.join(dir, 'Tracker-pace-report.xlsx');
    expect(run.stdout).toContain(`Wrote ${out}`);
    expect(fs.readFileSync(csv).equals(before)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const names = wb.worksheets.map((w) => w.name);
    expect(names[0]).toBe('Tracker');
    expect(names.length).toBeGreaterThan(2);
    // The report of the CSV measures what the report of the workbook measures.
    const a = (await runJson(['aims', xlsx, '--as-of', '2024-03-31', '--json'])).json;
    const b = (await runJson(['aims', out, '--as-of', '2024-03-31', '--json'])).json;
    expect(b).toEqual(a);
  });

  it('submission writes the de-identified copy from a CSV', async () => {
    const out = path.join(dir, 'copy.xlsx');
    const run = await runCli(['submission', csv, '-o', out, '--yes', '--key-file', path.join(dir, 'test.key'), '--as-of', '2024-03-31']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
  });

  it('reads semicolon-separated, quoted, Windows-1252 text', async () => {
    const text = 'Child ID;Date became looked after;Date first accommodated;Permanence recommendation;Notes\r\nC1;01/04/2022;03/04/2022;01/09/2022;"Seen by G. O\'Brien; caf\xe9 visit"\r\nC2;05/05/2022;05/05/2022;;x\r\n';
    const file = path.join(dir, 'semi.csv');
    fs.writeFileSync(file, Buffer.from(text, 'latin1'));
    const { json } = await runJson(['inspect', file, '--json']);
    expect(json.columns.map((c: any) => c.field)).toEqual(expect.arrayContaining(['childId', 'lookedAfterStart', 'firstAccommodated', 'permanenceRecommendation']));
    const aims = (await runJson(['aims', file, '--as-of', '2024-03-31', '--json'])).json;
    const first = aims.aims.find((a: any) => a.start === 'firstAccommodated' && a.end === 'permanenceRecommendation');
    expect(first.completed).toBe(1);
    expect(first.children[0]).toMatchObject({ childId: 'C1', startDate: '2022-04-03', endDate: '2022-09-01' });
    expect(first.waiting).toBe(1);
  });

  it('an empty CSV is empty or damaged', async () => {
    const file = path.join(dir, 'blank.csv');
    fs.writeFileSync(file, '\r\n\r\n');
    const run = await runCli(['check', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^pace-tracker: "[^"]*blank\.csv" is empty or damaged[^\n]*\n$/);
  });
});
