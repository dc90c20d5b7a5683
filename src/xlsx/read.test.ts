import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { readWorkbookBuffer, readWorkbookFile, dateToSerial, toGridValue } from './read';
import { buildSampleBuffer, dayToSerial, isoToDay, SampleResult } from '../../test/support/sample';
import { UserFacingError } from '../core/errors';
import { writeReportBuffer } from './writeReport';
import { fixturePlan } from '../../test/support/planFixture';
import type { SheetGrid } from '../core/grid';

const cellOf = (grid: SheetGrid, row: number, column: number) => grid.values[row - grid.firstRow][column - grid.firstColumn];
const formatOf = (grid: SheetGrid, row: number, column: number) => grid.numberFormats![row - grid.firstRow][column - grid.firstColumn];
const colNo = (sample: SampleResult, key: string) => sample.columns.indexOf(key as never) + 1;

async function bufferOf(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('dateToSerial', () => {
  it('inverts exceljs date decoding in both date systems, 1900 placeholder included', () => {
    expect(dateToSerial(new Date(Date.UTC(2024, 2, 31)), false)).toBe(45382);
    expect(dateToSerial(new Date(Date.UTC(2024, 2, 31)), true)).toBe(43920);
    expect(dateToSerial(new Date(Date.UTC(1899, 11, 31)), false)).toBe(1);
    expect(dateToSerial(new Date(Date.UTC(2024, 2, 31, 12)), false)).toBe(45382.5);
  });
});

describe('toGridValue', () => {
  it('maps every exceljs value shape to what Office.js gives', () => {
    expect(toGridValue(null, false)).toBe('');
    expect(toGridValue(3, false)).toBe(3);
    expect(toGridValue(true, false)).toBe(true);
    expect(toGridValue('x', false)).toBe('x');
    expect(toGridValue({ error: '#REF!' } as ExcelJS.CellErrorValue, false)).toBe('#REF!');
    expect(toGridValue({ richText: [{ text: 'ab' }, { text: 'c' }] }, false)).toBe('abc');
    expect(toGridValue({ text: 'link', hyperlink: 'http://x' }, false)).toBe('link');
    expect(toGridValue({ formula: 'A1', result: 7 } as ExcelJS.CellFormulaValue, false)).toBe(7);
    expect(toGridValue({ formula: 'A1', result: { error: '#N/A' } } as ExcelJS.CellFormulaValue, false)).toBe('#N/A');
    expect(toGridValue({ formula: 'A1' } as ExcelJS.CellFormulaValue, false)).toBe('');
  });
});

describe('readWorkbookBuffer on the sample', () => {
  let sample: SampleResult;
  let grid: SheetGrid;
  let date1904: boolean;
  let sheetNames: string[];
  beforeAll(async () => {
    const built = await buildSampleBuffer();
    sample = built.sample;
    const wb = await readWorkbookBuffer(built.buffer, 'pace-sample.xlsx');
    grid = wb.sheets[0];
    date1904 = wb.date1904;
    sheetNames = wb.sheets.map((s) => s.sheetName);
  });

  it('reads every sheet, the title from A1 and the header row', () => {
    expect(sheetNames).toEqual(['Tracker', 'Notes']);
    expect(date1904).toBe(false);
    expect(grid.firstRow).toBe(1);
    expect(grid.firstColumn).toBe(1);
    expect(grid.table).toBeNull();
    expect(String(cellOf(grid, 1, 1))).toContain('Synthetic data – fictional children');
    expect(cellOf(grid, 2, 1)).toBe('');
    expect(grid.values[2].slice(0, 4)).toEqual(['CLAS ID', 'DOB', 'Gender', 'Date became looked after']);
    expect(grid.values).toHaveLength(sample.lastDataRow);
    expect(grid.values.every((r) => r.length === sample.columns.length)).toBe(true);
    expect(grid.numberFormats).toHaveLength(grid.values.length);
  });

  it('gives dates as serials with their dd/mm/yyyy format, and blanks as ""', () => {
    const first = sample.children[0];
    const dob = (first.cells.dateOfBirth as { day: number }).day;
    expect(cellOf(grid, 4, colNo(sample, 'dateOfBirth'))).toBe(dayToSerial(dob, false));
    expect(formatOf(grid, 4, colNo(sample, 'dateOfBirth'))).toBe('dd/mm/yyyy');
    expect(formatOf(grid, 4, colNo(sample, 'gender'))).toBe('General');
    const blankRow = sample.children.findIndex((c) => c.cells.panel === null) + sample.firstDataRow;
    expect(cellOf(grid, blankRow, colNo(sample, 'panel'))).toBe('');
  });

  it('keeps the planted errors as Excel would show them', () => {
    const at = (kind: string) => sample.plantedErrors.find((p) => p.kind === kind)!;
    const read = (kind: string) => {
      const p = at(kind);
      return cellOf(grid, p.row, colNo(sample, p.field));
    };
    expect(read('textDate')).toMatch(/^\d\d\/\d\d\/\d{4}$/);
    expect(read('placeholder')).toBe(1);
    expect(formatOf(grid, at('placeholder').row, colNo(sample, 'finalPlacement'))).toBe('dd/mm/yyyy');
    expect(read('errorValue')).toBe('#N/A');
    expect(read('yearNumber')).toBe(2023);
    expect(read('missingId')).toBe('');
    expect(read('futureDate')).toBe(dayToSerial(isoToDay(sample.asOf) + 75, false));
  });
});

describe('readWorkbookBuffer on variants', () => {
  it('reads 1904 workbooks as 1904 serials', async () => {
    const { buffer, sample } = await buildSampleBuffer({ date1904: true, children: 40 });
    const wb = await readWorkbookBuffer(buffer);
    expect(wb.date1904).toBe(true);
    const dob = (sample.children[0].cells.dateOfBirth as { day: number }).day;
    expect(cellOf(wb.sheets[0], sample.firstDataRow, colNo(sample, 'dateOfBirth'))).toBe(dayToSerial(dob, true));
  });

  it('names the Excel Table holding the data', async () => {
    const { buffer, sample } = await buildSampleBuffer({ asTable: true, children: 30, wording: 'alternative' });
    const wb = await readWorkbookBuffer(buffer);
    expect(wb.sheets[0].table).toBe('PermanenceData');
    expect(cellOf(wb.sheets[0], sample.headerRow, 4)).toBe('Start of episode');
    const dob = (sample.children[2].cells.dateOfBirth as { day: number }).day;
    expect(cellOf(wb.sheets[0], sample.firstDataRow + 2, 2)).toBe(dayToSerial(dob, false));
    expect(wb.sheets[1].table).toBeNull();
  });

  it('reads a used block that does not start at A1, formulas, rich text, links and merges', async () => {
    const buf = await bufferOf((wb) => {
      const ws = wb.addWorksheet('Data');
      ws.getCell('C5').value = 'Header';
      ws.mergeCells('C5:D5');
      ws.getCell('C6').value = { formula: 'DATE(2021,4,3)', result: new Date(Date.UTC(2021, 3, 3)) } as ExcelJS.CellFormulaValue;
      ws.getCell('C6').numFmt = 'dd/mm/yyyy';
      ws.getCell('D6').value = { richText: [{ text: 'Rich ', font: { bold: true } }, { text: 'text' }] };
      ws.getCell('C7').value = { text: 'A link', hyperlink: 'https://example.org' };
      ws.getCell('D7').value = true;
      ws.getCell('E8').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
      wb.addWorksheet('Empty');
    });
    const wb = await readWorkbookBuffer(buf);
    const g = wb.sheets[0];
    expect([g.firstRow, g.firstColumn]).toEqual([5, 3]);
    expect(g.values).toEqual([
      ['Header', '', ''],
      [44289, 'Rich text', ''],
      ['A link', true, ''],
      ['', '', '#DIV/0!'],
    ]);
    expect(g.numberFormats![1][0]).toBe('dd/mm/yyyy');
    expect(wb.sheets[1]).toEqual({ sheetName: 'Empty', firstRow: 1, firstColumn: 1, values: [], numberFormats: [], table: null, ownedByAddIn: false });
  });
});

describe('report sheets from an earlier run', () => {
  it('are flagged as the add-in\'s, the user\'s sheets are not', async () => {
    const { buffer } = await buildSampleBuffer({ children: 10 });
    const report = await writeReportBuffer(buffer, fixturePlan());
    const wb = await readWorkbookBuffer(report);
    expect(wb.sheets.map((s) => [s.sheetName, s.ownedByAddIn])).toEqual([
      ['Tracker', false],
      ['Notes', false],
      ['PACE Summary', true],
      ['PACE Issues', true],
      ['PACE Aim 2', true],
    ]);
  });
});

describe('unreadable files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pace-read-'));

  async function problem(p: Promise<unknown>): Promise<UserFacingError> {
    try {
      await p;
    } catch (err) {
      expect(err).toBeInstanceOf(UserFacingError);
      return err as UserFacingError;
    }
    throw new Error('expected a UserFacingError');
  }

  it('says plainly that a non-xlsx file cannot be opened', async () => {
    const path = join(dir, 'notes.xlsx');
    writeFileSync(path, 'this is not a workbook');
    const err = await problem(readWorkbookFile(path));
    expect(err.kind).toBe('unreadableFile');
    expect(err.message).toBe('"notes.xlsx" could not be opened as an Excel workbook (.xlsx): it is not a workbook. Open it in Excel, save it as Excel Workbook (.xlsx) and use the copy.');
    expect(err.message).not.toContain('password');
  });

  it('says "password" only for an encrypted package (a compound file with an EncryptionInfo stream)', async () => {
    const bytes = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes);
    const old = await problem(readWorkbookBuffer(Buffer.from(bytes), 'old.xlsx'));
    expect(old.message).toContain('older Excel file (.xls)');
    expect(old.message).not.toContain('password');
    Buffer.from('EncryptionInfo', 'utf16le').copy(bytes, 600);
    const err = await problem(readWorkbookBuffer(bytes, 'locked.xlsx'));
    expect(err.kind).toBe('unreadableFile');
    expect(err.message).toContain('password-protected');
    expect(err.message).toContain('"locked.xlsx"');
  });

  it('turns a damaged zip into the same plain message', async () => {
    const { buffer } = await buildSampleBuffer({ children: 5 });
    const err = await problem(readWorkbookBuffer(buffer.subarray(0, 2000), 'cut.xlsx'));
    expect(err.message).toContain('"cut.xlsx" could not be opened as an Excel workbook (.xlsx): it is empty or damaged');
  });

  it('says when the file is not there', async () => {
    const err = await problem(readWorkbookFile(join(dir, 'missing.xlsx')));
    expect(err.message).toContain('was not found');
  });
});
