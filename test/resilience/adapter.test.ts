/**
 * The same awkward workbooks in the add-in: the session (core) over the
 * Office.js adapter on the strict fake of Excel. Each either works or gives
 * the pane a plain problem to show; nothing on the user's sheets changes.
 */
import type { CellValue } from '../../src/core/grid';
import { analyseSheet, aimsOrPresets, planReport } from '../../src/core/usecases/pipeline';
import { dayFromIso } from '../../src/core/dates';
import { createFakeExcel, fakeFromGrid, PAYLOAD_LIMIT_BYTES } from '../fake-excel';
import { AS_OF, fakeSheetNames, openOrFail, paceGrid, sessionOn } from './helpers';

jest.setTimeout(120_000);

const BIG_ROWS = 200_000;

describe('refused plainly in the pane', () => {
  it('an empty workbook', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'Sheet1', values: [] }, { name: 'Sheet2', values: [] }] });
    const opened = await sessionOn(fake).open();
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.problem.kind).toBe('emptyWorkbook');
    expect(opened.problem.message).toMatch(/^This workbook is empty\. Open the workbook that holds your PACE tracking sheet/);
    expect(fakeSheetNames(fake)).toEqual(['Sheet1', 'Sheet2']);
  });

  it('a sheet with no recognisable header, picked or named', async () => {
    const values: CellValue[][] = [['Item', 'Price'], ['Milk', 1.2], ['Bread', 1.5]];
    const fake = createFakeExcel({ sheets: [{ name: 'Shopping', values }] });
    const before = fake.snapshot('Shopping');
    const session = sessionOn(fake);
    const picked = await session.open();
    expect(picked.ok).toBe(false);
    if (!picked.ok) {
      expect(picked.problem.kind).toBe('noHeader');
      expect(picked.problem.message).toMatch(/None of the sheets in this workbook has a row of column headings/);
    }
    const named = await session.open('Shopping');
    expect(named.ok).toBe(false);
    if (!named.ok) {
      expect(named.problem.kind).toBe('noHeader');
      expect(named.problem.message).toContain("Sheet 'Shopping'");
    }
    const missing = await session.open('Tracker');
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.problem.kind).toBe('sheetNotFound');
    expect(fake.snapshot('Shopping')).toEqual(before);
  });
});

describe('a 200,000-row sheet', () => {
  it('core: analysed, checked and planned straight from the grid', () => {
    const started = Date.now();
    const grid = paceGrid(BIG_ROWS);
    const sheet = analyseSheet(grid, false);
    expect(sheet.records).toHaveLength(BIG_ROWS);
    const { check, plan } = planReport(sheet, aimsOrPresets(null), dayFromIso(AS_OF) as number);
    expect(check.sheet).toBe('Tracker');
    expect(plan.sheets.length).toBeGreaterThan(2);
    console.log(`resilience: 200,000-row sheet through the core (analyse, check, aims, plan) took ${Date.now() - started} ms`);
  });

  it('adapter: read in chunks, every request under the payload limit, then checked and reported', async () => {
    const fake = fakeFromGrid(paceGrid(BIG_ROWS));
    const session = sessionOn(fake);
    const progress: string[] = [];
    const started = Date.now();
    const opened = await session.open(undefined, (m) => progress.push(m));
    if (!opened.ok) throw new Error(opened.problem.message);
    expect(opened.value.childCount).toBe(BIG_ROWS);
    expect(opened.value.sizeNote).toContain('200,000 rows');
    expect(fake.requests.length).toBeGreaterThan(5);
    expect(fake.largestRequestBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    for (const bytes of fake.requests) expect(bytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    expect(progress.some((m) => m.includes('of 200,003 rows'))).toBe(true);

    const checked = await session.check(AS_OF);
    expect(checked.ok).toBe(true);
    fake.resetCounters();
    const written = await session.writeReport(AS_OF);
    if (!written.ok) throw new Error(written.problem.message);
    expect(written.value.children).toBe(BIG_ROWS);
    for (const bytes of fake.requests) expect(bytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    console.log(`resilience: 200,000-row sheet through the add-in on the strict fake (open, check, report) took ${Date.now() - started} ms in ${fake.syncCount} report syncs`);
  });
});

describe('awkward sheets in the add-in', () => {
  it('a protected sheet is read and reported on; marking is refused in plain words and nothing changes', async () => {
    const grid = paceGrid(30);
    grid.values[5][2] = 'tbc';
    const base = fakeFromGrid(grid);
    const fake = createFakeExcel({ sheets: [{ ...sheetInitOf(base, 'Tracker'), protected: true }] });
    const before = fake.snapshot('Tracker');
    const session = sessionOn(fake);
    const state = await openOrFail(session);
    expect(state.protected).toBe(true);
    const checked = await session.check(AS_OF);
    if (!checked.ok) throw new Error(checked.problem.message);
    expect(checked.value.findings.length).toBeGreaterThan(0);
    const marked = await session.markFindings(checked.value.findings);
    expect(marked.ok).toBe(false);
    if (!marked.ok) {
      expect(marked.problem.kind).toBe('protectedSheet');
      expect(marked.problem.message).toContain("'Tracker' is protected");
      expect(marked.problem.message).toMatch(/Unprotect Sheet/);
    }
    expect(await session.hasMarks()).toBe(false);
    const written = await session.writeReport(AS_OF);
    expect(written.ok).toBe(true);
    expect(fake.snapshot('Tracker')).toEqual(before);
  });

  it('merged title and group-heading cells above the header: the header row is still found', async () => {
    const grid = paceGrid(20);
    grid.values[1][2] = 'Milestone dates';
    const base = fakeFromGrid(grid);
    const fake = createFakeExcel({ sheets: [{ ...sheetInitOf(base, 'Tracker'), merged: ['A1:M1', 'C2:I2'] }] });
    const state = await openOrFail(sessionOn(fake));
    expect(state.layout.headerRow).toBe(3);
    expect(state.childCount).toBe(20);
  });

  it('formula results as Excel gives them: "" is blank, an error value is an error finding', async () => {
    const grid = paceGrid(12);
    grid.values[6][5] = '#DIV/0!'; // F7: =1/0
    grid.values[5][7] = ''; // H6: =IF(G6="","",G6+30)
    const fake = fakeFromGrid(grid);
    const session = sessionOn(fake);
    await openOrFail(session);
    const checked = await session.check(AS_OF);
    if (!checked.ok) throw new Error(checked.problem.message);
    const f7 = checked.value.findings.filter((f) => f.cell === 'F7');
    expect(f7.map((f) => f.rule)).toContain('error-value');
    expect(checked.value.findings.some((f) => f.cell === 'H6')).toBe(false);
  });

  it('two PACE-like sheets: the more PACE-like one is opened, and the other when named', async () => {
    const old: CellValue[][] = [['Child ID', 'Date became looked after', 'Comments'], ['X1', 43000, 'moved'], ['X2', 43100, '']];
    const big = fakeFromGrid(paceGrid(25, 'Tracker 2024'));
    const fake = createFakeExcel({ sheets: [{ name: 'Old list', values: old, numberFormats: [[], ['General', 'dd/mm/yyyy'], ['General', 'dd/mm/yyyy']] }, sheetInitOf(big, 'Tracker 2024')] });
    const session = sessionOn(fake);
    expect((await openOrFail(session)).sheet).toBe('Tracker 2024');
    const other = await openOrFail(session, 'Old list');
    expect(other.sheet).toBe('Old list');
    expect(other.childCount).toBe(2);
  });

  it("the add-in's own report sheets are never opened as the tracker, and a re-run leaves the same sheets", async () => {
    const fake = fakeFromGrid(paceGrid(60));
    const session = sessionOn(fake);
    await openOrFail(session);
    const first = await session.writeReport(AS_OF);
    if (!first.ok) throw new Error(first.problem.message);
    const names = fakeSheetNames(fake);
    expect(names).toEqual(['Tracker', ...first.value.sheets]);

    // A fresh pane on the workbook that now holds a report.
    const again = sessionOn(fake);
    const state = await openOrFail(again);
    expect(state.sheet).toBe('Tracker');
    expect(state.sheets.filter((s) => s.ownedByAddIn).map((s) => s.name).sort()).toEqual([...first.value.sheets].sort());
    const second = await again.writeReport(AS_OF);
    expect(second.ok).toBe(true);
    expect(fakeSheetNames(fake)).toEqual(names);
    expect(fakeSheetNames(fake).some((n) => /\(\d+\)$/.test(n))).toBe(false);
  });

  it('text in a date column is a finding on its cell', async () => {
    const grid = paceGrid(15);
    grid.values[4][2] = 'tbc'; // C5
    grid.values[5][3] = '12/13/2020'; // D6
    const session = sessionOn(fakeFromGrid(grid));
    await openOrFail(session);
    const checked = await session.check(AS_OF);
    if (!checked.ok) throw new Error(checked.problem.message);
    expect(checked.value.findings.find((f) => f.cell === 'C5')?.message).toContain('tbc');
    expect(checked.value.findings.some((f) => f.cell === 'D6')).toBe(true);
  });
});

/** A sheet of a fake built from a grid, as a sheet init to build another fake with extra options. */
function sheetInitOf(fake: ReturnType<typeof fakeFromGrid>, name: string) {
  const snap = fake.snapshot(name);
  return { name, values: snap.values, numberFormats: snap.numberFormats };
}
