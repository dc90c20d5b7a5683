/**
 * Shared builders for the resilience tests: temp folders, the command line
 * with captured output, .xlsx contents compared through exceljs, PACE-like
 * grids of any size, and the session over the strict fake of Excel.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { CellValue, SheetGrid } from '../../src/core/grid';
import { main } from '../../src/cli/main';
import { createExcelPort } from '../../src/excel';
import { createPaceSession } from '../../src/core/usecases/session';
import type { PaceSessionApi, SheetState } from '../../src/core/usecases/types';
import type { FakeExcel } from '../fake-excel';

export const AS_OF = '2024-03-31';

/** A fresh temp folder; remove it with removeDir in afterAll. */
export function makeTempDir(prefix = 'pace-resilience-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `pace-tracker` in-process with its output captured. */
export async function runCli(argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

/**
 * What the contract promises for a refusal: exit 2, nothing on stdout, one
 * plain line on stderr, no stack trace and no "unexpected problem" (a defect).
 */
export function expectPlainRefusal(run: CliRun): string {
  expect(run.code).toBe(2);
  expect(run.out).toBe('');
  const lines = run.err.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(1);
  expect(run.err).not.toMatch(/\n\s+at /);
  expect(run.err).not.toMatch(/unexpected problem/i);
  expect(run.err).not.toMatch(/TypeError|ReferenceError|undefined|\bnull\b/);
  return lines[0];
}

/** Writes an exceljs workbook to `dir/name` and returns the path. */
export async function saveWorkbook(workbook: ExcelJS.Workbook, dir: string, name: string): Promise<string> {
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

export async function loadXlsx(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

export async function sheetNamesOf(file: string): Promise<string[]> {
  const workbook = await loadXlsx(file);
  return workbook.worksheets.map((ws) => ws.name);
}

/** Every non-empty cell of a sheet: address → value (as JSON) and number format. */
export function sheetCells(ws: ExcelJS.Worksheet): Record<string, { value: string; numFmt: string }> {
  const cells: Record<string, { value: string; numFmt: string }> = {};
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      const value = cell.value instanceof Date ? { date: cell.value.toISOString() } : cell.value;
      cells[cell.address] = { value: JSON.stringify(value), numFmt: cell.numFmt ?? '' };
    });
  });
  return cells;
}

export async function sheetCellsOf(file: string, sheet: string): Promise<Record<string, { value: string; numFmt: string }>> {
  const ws = (await loadXlsx(file)).getWorksheet(sheet);
  if (!ws) throw new Error(`${file} has no sheet ${sheet}`);
  return sheetCells(ws);
}

/** Headings a PACE tracker typically has, with the kind of value each column holds. */
export const PACE_COLUMNS: readonly { header: string; kind: 'id' | 'date' | 'text' | 'flag' }[] = [
  { header: 'Child ID', kind: 'id' },
  { header: 'Date of birth', kind: 'date' },
  { header: 'Date became looked after', kind: 'date' },
  { header: 'Date 1st accommodated', kind: 'date' },
  { header: 'Perm rec date (LAC review)', kind: 'date' },
  { header: 'Panel date', kind: 'date' },
  { header: 'ADM date', kind: 'date' },
  { header: 'Final placement date', kind: 'date' },
  { header: 'Date order granted', kind: 'date' },
  { header: 'Permanence route', kind: 'text' },
  { header: 'Team', kind: 'text' },
  { header: 'Date ceased', kind: 'date' },
  { header: 'Respite', kind: 'flag' },
];

const DATE_FORMAT = 'dd/mm/yyyy';
/** Serial of 01/04/2019 in the 1900 system. */
const SERIAL_2019 = 43556;

/**
 * A clean PACE-like sheet of `rows` children (deterministic): a title row,
 * a blank row, the header on row 3, children from row 4, dates as serials
 * with a date format, journeys in order.
 */
export function paceGrid(rows: number, sheetName = 'Tracker'): SheetGrid {
  const header = PACE_COLUMNS.map((c) => c.header);
  const width = header.length;
  const values: CellValue[][] = [['PACE tracker', ...Array(width - 1).fill('')], Array(width).fill(''), header];
  const numberFormats: string[][] = [Array(width).fill('General'), Array(width).fill('General'), Array(width).fill('General')];
  for (let r = 0; r < rows; r++) {
    const start = SERIAL_2019 + ((r * 37) % 1500);
    const row: CellValue[] = [
      `C${String(r + 1).padStart(6, '0')}`,
      start - 2000 - (r % 3000),
      start,
      start + (r % 20),
      r % 4 === 0 ? '' : start + 150 + (r % 90),
      r % 4 < 2 ? '' : start + 250 + (r % 60),
      r % 4 < 2 ? '' : start + 280 + (r % 60),
      r % 4 < 3 ? '' : start + 330 + (r % 50),
      '',
      r % 4 === 0 ? '' : ['Fostering/Adoption', 'Kinship', 'Remaining at home'][r % 3],
      ['North', 'South'][r % 2],
      '',
      r % 97 === 5 ? 'Y' : 'N',
    ];
    values.push(row);
    numberFormats.push(PACE_COLUMNS.map((c) => (c.kind === 'date' ? DATE_FORMAT : 'General')));
  }
  return { sheetName, firstRow: 1, firstColumn: 1, values, numberFormats, table: null };
}

/** Writes a grid's values (serials as dates with their format) to a new worksheet. */
export function addGridSheet(workbook: ExcelJS.Workbook, grid: SheetGrid): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(grid.sheetName);
  grid.values.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v === null || v === '') return;
      const cell = ws.getCell(grid.firstRow + r, grid.firstColumn + c);
      cell.value = v;
      const fmt = grid.numberFormats?.[r]?.[c];
      if (fmt && fmt !== 'General') cell.numFmt = fmt;
    });
  });
  return ws;
}

/** A one-sheet workbook holding a PACE-like sheet of `rows` children. */
export function paceWorkbook(rows = 40, sheetName = 'Tracker'): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  addGridSheet(workbook, paceGrid(rows, sheetName));
  return workbook;
}

/** The session over the Office.js adapter on the strict fake. */
export function sessionOn(fake: FakeExcel): PaceSessionApi {
  return createPaceSession(createExcelPort(fake.Excel, fake.Office));
}

/** Opens (the named sheet or the picked one) and fails the test with the pane's message when it cannot. */
export async function openOrFail(session: PaceSessionApi, sheet?: string): Promise<SheetState> {
  const opened = await session.open(sheet);
  if (!opened.ok) throw new Error(`open failed: ${opened.problem.kind}: ${opened.problem.message}`);
  return opened.value;
}

/** Names of the fake workbook's live sheets, in tab order. */
export function fakeSheetNames(fake: FakeExcel): string[] {
  return fake.workbook.liveSheets().map((s) => s.name);
}
