/**
 * Awkward but real workbooks through `pace-tracker` (main(), in-process) on
 * .xlsx files written with exceljs: each either works, or is refused with one
 * plain line on stderr and exit 2, never a stack trace.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { CheckResult } from '../../src/core/model';
import { buildSampleBuffer } from '../support/sample';
import { AS_OF, addGridSheet, expectPlainRefusal, makeTempDir, paceGrid, paceWorkbook, removeDir, runCli, saveWorkbook, sheetNamesOf } from './helpers';

jest.setTimeout(120_000);

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => { if (!process.env.KEEP) removeDir(dir); });

async function checkJson(file: string, ...extra: string[]): Promise<CheckResult> {
  const run = await runCli(['check', file, '--as-of', AS_OF, '--json', ...extra]);
  if (run.code !== 0) throw new Error(`check failed (${run.code}): ${run.err}`);
  expect(run.err).toBe('');
  return JSON.parse(run.out) as CheckResult;
}

async function inspectJson(file: string, ...extra: string[]): Promise<{ sheet: string; headerRow: number; firstDataRow: number; lastDataRow: number; columns: { field: string; column: string }[] }> {
  const run = await runCli(['inspect', file, '--json', ...extra]);
  if (run.code !== 0) throw new Error(`inspect failed (${run.code}): ${run.err}`);
  return JSON.parse(run.out);
}

describe('refused plainly: exit 2, one line on stderr, no stack trace, nothing written', () => {
  it('an empty workbook says the workbook is empty', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1');
    const file = await saveWorkbook(workbook, dir, 'empty.xlsx');
    for (const command of ['inspect', 'check', 'aims', 'report']) {
      const line = expectPlainRefusal(await runCli([command, file, '--as-of', AS_OF]));
      expect(line).toMatch(/no data in any sheet/i);
      expect(line).toMatch(/open the workbook that holds your PACE tracker/i);
    }
    expect(fs.existsSync(path.join(dir, 'empty-pace-report.xlsx'))).toBe(false);
  });

  it('a sheet with no recognisable header says what headings it looks for', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('Shopping');
    ws.addRows([['Item', 'Price', 'Shop'], ['Milk', 1.2, 'Corner'], ['Bread', 1.5, 'Baker'], [45000, 45001, 'x']]);
    const file = await saveWorkbook(workbook, dir, 'shopping.xlsx');
    const line = expectPlainRefusal(await runCli(['check', file, '--as-of', AS_OF]));
    expect(line).toMatch(/headings that looks like a PACE tracker/);
    expect(line).toMatch(/Child ID|looked after/);
    const named = expectPlainRefusal(await runCli(['check', file, '--sheet', 'Shopping']));
    expect(named).toContain("'Shopping'");
    const missing = expectPlainRefusal(await runCli(['check', file, '--sheet', 'Tracker']));
    expect(missing).toContain("There is no sheet called 'Tracker'");
    expect(missing).toContain("'Shopping'");
  });

  it('a password-protected (encrypted) file, an old .xls, a text file, a non-Excel zip and a cut-short file', async () => {
    // Encrypted .xlsx and .xls files are OLE compound files: this is their signature.
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096, 7), Buffer.from('EncryptionInfo', 'utf16le')]);
    fs.writeFileSync(path.join(dir, 'locked.xlsx'), ole);
    fs.writeFileSync(path.join(dir, 'notes.xlsx'), 'Child ID,Date became looked after\nC1,01/02/2020\n');
    const zip = new JSZip();
    zip.file('hello.txt', 'not a workbook');
    fs.writeFileSync(path.join(dir, 'other.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
    const good = Buffer.from(await paceWorkbook(20).xlsx.writeBuffer());
    fs.writeFileSync(path.join(dir, 'cut.xlsx'), good.subarray(0, Math.floor(good.length / 2)));
    fs.writeFileSync(path.join(dir, 'nothing.xlsx'), Buffer.alloc(0));

    const locked = expectPlainRefusal(await runCli(['check', path.join(dir, 'locked.xlsx')]));
    expect(locked).toMatch(/password-protected/);
    expect(locked).toMatch(/remove the password/i);
    for (const name of ['notes.xlsx', 'other.xlsx']) {
      const line = expectPlainRefusal(await runCli(['report', path.join(dir, name), '--as-of', AS_OF]));
      expect(line).toContain(`"${name}" could not be opened as an Excel workbook (.xlsx)`);
      expect(fs.existsSync(path.join(dir, name.replace('.xlsx', '-pace-report.xlsx')))).toBe(false);
    }
    // Empty and cut-short files say so (issue 15 point 6), and never mention a password.
    for (const name of ['cut.xlsx', 'nothing.xlsx']) {
      const line = expectPlainRefusal(await runCli(['report', path.join(dir, name), '--as-of', AS_OF]));
      expect(line).toContain(`${name}" is empty or damaged`);
      expect(line).not.toMatch(/password/i);
      expect(fs.existsSync(path.join(dir, name.replace('.xlsx', '-pace-report.xlsx')))).toBe(false);
    }
    const folder = expectPlainRefusal(await runCli(['check', dir]));
    expect(folder).toMatch(/folder|could not be opened|does not exist/);
    const absent = expectPlainRefusal(await runCli(['check', path.join(dir, 'absent.xlsx')]));
    expect(absent).toMatch(/does not exist|was not found/);
  });
});

describe('awkward sheets are read as they are', () => {
  it('a protected sheet is read and reported on (the report goes to a new file)', async () => {
    const workbook = paceWorkbook(30);
    await workbook.getWorksheet('Tracker')!.protect('secret', { selectLockedCells: true });
    const file = await saveWorkbook(workbook, dir, 'protected.xlsx');
    const before = fs.readFileSync(file);
    const check = await checkJson(file);
    expect(check.sheet).toBe('Tracker');
    const out = path.join(dir, 'protected-out.xlsx');
    const run = await runCli(['report', file, '-o', out, '--as-of', AS_OF]);
    expect(run.code).toBe(0);
    expect(run.out).toContain('30 children');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('merged cells across the title and header rows: the header row is still found', async () => {
    const workbook = new ExcelJS.Workbook();
    const grid = paceGrid(20);
    // Title on row 1 spanning the sheet, a group heading on row 2 over the milestone columns.
    grid.values[1][2] = 'Milestone dates';
    const ws = addGridSheet(workbook, grid);
    ws.mergeCells('A1:M1');
    ws.mergeCells('C2:I2');
    // A heading merged over two columns (the second is empty, as in Excel).
    ws.spliceColumns(14, 0, []);
    ws.getCell('N3').value = 'Comments';
    ws.mergeCells('N3:O3');
    ws.getCell('N4').value = 'first note';
    const file = await saveWorkbook(workbook, dir, 'merged.xlsx');
    const inspect = await inspectJson(file);
    expect(inspect.headerRow).toBe(3);
    expect(inspect.firstDataRow).toBe(4);
    expect(inspect.lastDataRow).toBe(23);
    const fields = Object.fromEntries(inspect.columns.map((c) => [c.field, c.column]));
    expect(fields).toMatchObject({ childId: 'A', lookedAfterStart: 'C', firstAccommodated: 'D', permanenceRecommendation: 'E', panel: 'F' });
    const check = await checkJson(file);
    expect(check.headerRow).toBe(3);
    // Findings are on the children's rows, or about a whole column (on its heading).
    for (const f of check.findings) {
      if (f.row === 3) expect(f.field).toBeNull();
      else expect(f.row >= 4 && f.row <= 23).toBe(true);
    }
    expect(check.findings.some((f) => f.row < 3)).toBe(false);
  });

  it('formulas in date columns read as their results: a date is a date, "" is blank, an error is an error finding', async () => {
    const build = (withFormulas: boolean): ExcelJS.Workbook => {
      const workbook = paceWorkbook(12);
      const ws = workbook.getWorksheet('Tracker')!;
      const d = ws.getCell('E5').value as number; // a serial; its date as the formula's cached result
      const asDate = new Date(Date.UTC(1899, 11, 30) + d * 86_400_000);
      if (withFormulas) {
        ws.getCell('E5').value = { formula: 'D5+150', result: asDate } as ExcelJS.CellFormulaValue;
        ws.getCell('H6').value = { formula: 'IF(G6="","",G6+30)', result: '' } as ExcelJS.CellFormulaValue;
        ws.getCell('F7').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
        ws.getCell('G8').value = { formula: 'IF(F8="","tbc",F8+30)', result: 'tbc' } as ExcelJS.CellFormulaValue;
      } else {
        ws.getCell('E5').value = asDate;
        ws.getCell('H6').value = null;
        ws.getCell('G8').value = 'tbc';
      }
      ws.getCell('E5').numFmt = 'dd/mm/yyyy';
      return workbook;
    };
    const withFormulas = await checkJson(await saveWorkbook(build(true), dir, 'formulas.xlsx'));
    const typed = await checkJson(await saveWorkbook(build(false), dir, 'typed.xlsx'));
    const errorFinding = withFormulas.findings.filter((f) => f.cell === 'F7');
    expect(errorFinding.map((f) => f.rule)).toContain('error-value');
    expect(errorFinding.find((f) => f.rule === 'error-value')?.message).toContain('#DIV/0!');
    // Apart from the error cell, the formulas give exactly what typing their results would.
    const notF7 = (r: CheckResult) => r.findings.filter((f) => f.row !== 7).map((f) => `${f.rule} ${f.cell} ${f.message}`);
    expect(notF7(withFormulas)).toEqual(notF7(typed));
    expect(withFormulas.findings.some((f) => f.cell === 'E5' || f.cell === 'H6')).toBe(false);
    // Text a formula returns in a date-formatted cell is read as that text.
    expect(withFormulas.findings.find((f) => f.cell === 'G8')?.message).toContain('tbc');
  });

  it('hidden and filtered rows are still read and counted: hiding is a view choice, not a deletion', async () => {
    const workbook = paceWorkbook(40);
    const ws = workbook.getWorksheet('Tracker')!;
    ws.autoFilter = 'A3:M43';
    for (const r of [5, 6, 7, 20]) ws.getRow(r).hidden = true;
    ws.getCell('C20').value = 'tbc'; // a problem on a hidden row is still reported
    const file = await saveWorkbook(workbook, dir, 'hidden.xlsx');
    const inspect = await inspectJson(file);
    expect(inspect.lastDataRow).toBe(43);
    const run = await runCli(['report', file, '-o', path.join(dir, 'hidden-out.xlsx'), '--as-of', AS_OF]);
    expect(run.code).toBe(0);
    expect(run.out).toContain('40 children');
    const check = await checkJson(file);
    expect(check.findings.some((f) => f.cell === 'C20')).toBe(true);
  });

  it('two PACE-like sheets: the more PACE-like one is picked, --sheet picks the other', async () => {
    const workbook = new ExcelJS.Workbook();
    const old = workbook.addWorksheet('Old list');
    old.addRows([['Child ID', 'Date became looked after', 'Comments'], ['X1', 43000, 'moved'], ['X2', 43100, '']]);
    old.getColumn(2).numFmt = 'dd/mm/yyyy';
    addGridSheet(workbook, paceGrid(25, 'Tracker 2024'));
    const file = await saveWorkbook(workbook, dir, 'two.xlsx');
    expect((await inspectJson(file)).sheet).toBe('Tracker 2024');
    const other = await inspectJson(file, '--sheet', 'Old list');
    expect(other.sheet).toBe('Old list');
    expect(other.headerRow).toBe(1);
    const report = await runCli(['report', file, '--sheet', 'Old list', '-o', path.join(dir, 'two-old.xlsx'), '--as-of', AS_OF]);
    expect(report.code).toBe(0);
    expect(report.out).toContain("Sheet 'Old list': 2 children");
  });

  it('text in a date column is reported on its cell with what to do, and the command still succeeds', async () => {
    const workbook = paceWorkbook(15);
    const ws = workbook.getWorksheet('Tracker')!;
    ws.getCell('C5').value = 'tbc';
    ws.getCell('D6').value = '12/13/2020';
    ws.getCell('E7').value = '3rd May 2021';
    ws.getCell('F8').value = '  ';
    const file = await saveWorkbook(workbook, dir, 'text-dates.xlsx');
    const check = await checkJson(file);
    for (const cell of ['C5', 'D6', 'E7']) {
      const found = check.findings.filter((f) => f.cell === cell);
      expect(found.length).toBeGreaterThan(0);
      for (const f of found) expect(f.message).not.toMatch(/undefined|NaN|\[object/);
    }
    expect(check.findings.find((f) => f.cell === 'C5')?.message).toContain('tbc');
    const report = await runCli(['report', file, '-o', path.join(dir, 'text-dates-out.xlsx'), '--as-of', AS_OF]);
    expect(report.code).toBe(0);
  });
});

describe("the add-in's own output fed back in", () => {
  it('check and report on a report pick the source sheet, and re-running leaves the same sheets, no "(2)" copies', async () => {
    const { buffer, sample } = await buildSampleBuffer({ children: 80 });
    const input = path.join(dir, 'sample.xlsx');
    fs.writeFileSync(input, buffer);
    const first = path.join(dir, 'report-1.xlsx');
    expect((await runCli(['report', input, '-o', first, '--as-of', AS_OF])).code).toBe(0);
    const names1 = await sheetNamesOf(first);
    expect(names1).toEqual(expect.arrayContaining([sample.sheetName, 'PACE Summary', 'PACE Issues']));

    // The report workbook as input: the tracker is found, never one of the report sheets.
    expect((await inspectJson(first)).sheet).toBe(sample.sheetName);
    const checkAgain = await checkJson(first);
    expect(checkAgain.sheet).toBe(sample.sheetName);
    expect(checkAgain).toEqual(await checkJson(input));

    const second = path.join(dir, 'report-2.xlsx');
    const third = path.join(dir, 'report-3.xlsx');
    expect((await runCli(['report', first, '-o', second, '--as-of', AS_OF])).code).toBe(0);
    expect((await runCli(['report', second, '-o', third, '--as-of', AS_OF])).code).toBe(0);
    expect(await sheetNamesOf(second)).toEqual(names1);
    expect(await sheetNamesOf(third)).toEqual(names1);
    expect(names1.some((n) => /\(\d+\)$/.test(n))).toBe(false);

    // Naming a report sheet is the user's explicit choice: it is refused plainly, not read as a tracker.
    const summary = expectPlainRefusal(await runCli(['check', first, '--sheet', 'PACE Summary', '--as-of', AS_OF]));
    expect(summary).toContain("'PACE Summary' is a report sheet the add-in wrote");
  });
});
