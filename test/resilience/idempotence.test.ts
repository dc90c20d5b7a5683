/**
 * Running things twice changes nothing more than running them once: the same
 * sheets, the same source sheet, and sheets the add-in did not write (even
 * one the user called "PACE Summary") are left exactly as they were.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { CellValue } from '../../src/core/grid';
import { buildSampleBuffer } from '../support/sample';
import { createFakeExcel, fakeFromGrid } from '../fake-excel';
import { AS_OF, fakeSheetNames, loadXlsx, makeTempDir, openOrFail, paceGrid, removeDir, runCli, sheetCells, sessionOn } from './helpers';

jest.setTimeout(120_000);

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => removeDir(dir));

function sha(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

async function cliOk(argv: string[]): Promise<string> {
  const run = await runCli(argv);
  if (run.code !== 0) throw new Error(`${argv[0]} failed (${run.code}): ${run.err}`);
  return run.out;
}

/** Every sheet's name and cells (values and number formats), in tab order. */
async function workbookContents(file: string) {
  const workbook = await loadXlsx(file);
  return workbook.worksheets.map((ws) => ({ name: ws.name, cells: sheetCells(ws) }));
}

describe('.xlsx through the command line, twice', () => {
  let input: string;
  let trackerSheet: string;

  beforeAll(async () => {
    const { buffer, sample } = await buildSampleBuffer({ children: 60 });
    trackerSheet = sample.sheetName;
    // The user's own sheet whose name the report also wants.
    const workbook = await loadXlsxFromBuffer(buffer);
    const mine = workbook.addWorksheet('PACE Summary');
    mine.getCell('A1').value = 'My own summary for the team meeting';
    mine.getCell('B3').value = 42;
    mine.getCell('C4').value = new Date(Date.UTC(2024, 0, 15));
    mine.getCell('C4').numFmt = 'dd/mm/yyyy';
    input = path.join(dir, 'tracker.xlsx');
    await workbook.xlsx.writeFile(input);
  });

  it('check, report and submission never change the input, and give the same result each time', async () => {
    const before = sha(input);
    const inputContents = await workbookContents(input);

    const check1 = await cliOk(['check', input, '--as-of', AS_OF, '--json']);
    const check2 = await cliOk(['check', input, '--as-of', AS_OF, '--json']);
    expect(check2).toEqual(check1);

    const outA = path.join(dir, 'report-a.xlsx');
    const outB = path.join(dir, 'report-b.xlsx');
    await cliOk(['report', input, '-o', outA, '--as-of', AS_OF]);
    await cliOk(['report', input, '-o', outB, '--as-of', AS_OF]);
    const a = await workbookContents(outA);
    const b = await workbookContents(outB);
    expect(b.map((s) => s.name)).toEqual(a.map((s) => s.name));
    expect(b).toEqual(a);

    // The input's sheets are carried over cell for cell, the user's "PACE Summary" included.
    for (const sheet of inputContents) {
      const carried = a.find((s) => s.name === sheet.name);
      expect(carried?.cells).toEqual(sheet.cells);
    }
    const added = a.map((s) => s.name).filter((n) => !inputContents.some((s) => s.name === n));
    expect(added.length).toBeGreaterThan(2);
    expect(added.some((n) => n.startsWith('PACE Summary'))).toBe(true);

    // The report of the report: the same sheets again, the user's own "PACE Summary" untouched, no new copies.
    const outC = path.join(dir, 'report-c.xlsx');
    await cliOk(['report', outA, '-o', outC, '--as-of', AS_OF]);
    const c = await workbookContents(outC);
    expect(c.map((s) => s.name)).toEqual(a.map((s) => s.name));
    expect(c.find((s) => s.name === 'PACE Summary')?.cells).toEqual(inputContents.find((s) => s.name === 'PACE Summary')?.cells);
    expect(c.find((s) => s.name === trackerSheet)?.cells).toEqual(inputContents.find((s) => s.name === trackerSheet)?.cells);

    const key = path.join(dir, 'submission.key');
    const subA = path.join(dir, 'submission-a.xlsx');
    const subB = path.join(dir, 'submission-b.xlsx');
    await cliOk(['submission', input, '-o', subA, '--key-file', key, '--as-of', AS_OF, '--yes']);
    const keyText = fs.readFileSync(key, 'utf8');
    await cliOk(['submission', input, '-o', subB, '--key-file', key, '--as-of', AS_OF, '--yes']);
    expect(fs.readFileSync(key, 'utf8')).toBe(keyText);
    const sa = await workbookContents(subA);
    expect(await workbookContents(subB)).toEqual(sa);
    expect(sa.length).toBeGreaterThan(0);

    expect(sha(input)).toBe(before);
  });
});

async function loadXlsxFromBuffer(buffer: Buffer) {
  const file = path.join(dir, `seed-${crypto.randomUUID()}.xlsx`);
  fs.writeFileSync(file, buffer);
  return loadXlsx(file);
}

describe('the add-in on the strict fake, twice', () => {
  function workbookWithUserSheets() {
    const grid = paceGrid(50);
    grid.values[5][2] = 'tbc'; // C6: a finding to mark
    grid.values[8][6] = grid.values[8][5] === '' ? '' : (grid.values[8][5] as number) - 40; // ADM before panel on row 9
    grid.values[10][0] = grid.values[11][0]; // a duplicate ID
    const tracker = fakeFromGrid(grid).snapshot('Tracker');
    const mine: CellValue[][] = [['My own summary'], [], ['Children', 50]];
    return createFakeExcel({
      sheets: [
        {
          name: 'Tracker',
          values: tracker.values,
          numberFormats: tracker.numberFormats,
          // The user's own formatting and rule must survive marking and clearing.
          cellFormats: { C6: { fill: '#FFFF00' }, A1: { bold: true } },
          conditionalFormats: [{ range: 'B4:B53', formula: '=B4>45000', fill: '#00FF00' }],
        },
        { name: 'Notes', values: [['Nothing to see']] },
        { name: 'PACE Summary', values: mine },
      ],
    });
  }

  it('check, issues sheet, marks, clear and report, each twice: same sheets, user sheets untouched', async () => {
    const fake = workbookWithUserSheets();
    const userSheets = ['Tracker', 'Notes', 'PACE Summary'];
    const before = Object.fromEntries(userSheets.map((n) => [n, fake.snapshot(n)]));
    const session = sessionOn(fake);
    expect((await openOrFail(session)).sheet).toBe('Tracker');

    const check1 = await session.check(AS_OF);
    const check2 = await session.check(AS_OF);
    if (!check1.ok) throw new Error(check1.problem.message);
    expect(check2).toEqual(check1);
    expect(check1.value.findings.length).toBeGreaterThan(0);

    const issues1 = await session.writeIssuesSheet(AS_OF);
    const namesAfterIssues = fakeSheetNames(fake);
    const issues2 = await session.writeIssuesSheet(AS_OF);
    expect(issues2).toEqual(issues1);
    expect(fakeSheetNames(fake)).toEqual(namesAfterIssues);

    for (let round = 0; round < 2; round++) {
      const marked = await session.markFindings(check1.value.findings);
      expect(marked).toEqual({ ok: true, value: check1.value.findings.length });
      expect(await session.hasMarks()).toBe(true);
      expect(fake.snapshot('Tracker')).not.toEqual(before.Tracker);
      expect((await session.clearMarks()).ok).toBe(true);
      expect(await session.hasMarks()).toBe(false);
      expect(fake.snapshot('Tracker')).toEqual(before.Tracker);
    }

    const report1 = await session.writeReport(AS_OF);
    if (!report1.ok) throw new Error(report1.problem.message);
    const namesAfterReport = fakeSheetNames(fake);
    const report2 = await session.writeReport(AS_OF);
    expect(report2).toEqual(report1);
    expect(fakeSheetNames(fake)).toEqual(namesAfterReport);

    // The user's "PACE Summary" kept its name and contents; the report's summary went beside it.
    const added = namesAfterReport.filter((n) => !userSheets.includes(n));
    expect(added.length).toBe(report1.value.sheets.length);
    expect(added.some((n) => n.startsWith('PACE Summary ('))).toBe(true);
    // The pane lists the names the sheets really have, not the planned ones.
    expect([...report1.value.sheets].sort()).toEqual([...added].sort());
    for (const name of userSheets) expect(fake.snapshot(name)).toEqual(before[name]);
    expect(namesAfterReport.slice(0, 3)).toEqual(userSheets);

    // A new pane on the same workbook opens the tracker, and one more report changes nothing else.
    const later = sessionOn(fake);
    expect((await openOrFail(later)).sheet).toBe('Tracker');
    expect((await later.writeReport(AS_OF)).ok).toBe(true);
    expect(fakeSheetNames(fake)).toEqual(namesAfterReport);
    for (const name of userSheets) expect(fake.snapshot(name)).toEqual(before[name]);
  });
});
