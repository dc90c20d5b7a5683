/**
 * Last month's file in the pane, read by the pane's own browser reader:
 * Compare with… when it is the submission copy this workbook made
 * (pseudonymised IDs, dates of birth cut to month) and this month's sheet is
 * the full tracker, the children are matched through the key kept in the
 * workbook's settings, so nothing is reported that did not change; and the
 * Report step's "Show last month's points" draws them on the run charts.
 */
import { webcrypto } from 'crypto';
import * as fs from 'fs';
import { fakeFromGrid, type FakeExcel } from '../fake-excel';
import { createExcelPort } from '../../src/excel';
import { createPaceSession } from '../../src/core/usecases/session';
import type { PaceSessionApi } from '../../src/core/usecases/types';
import { writePlanToNewWorkbook } from '../../src/xlsx/newWorkbook';
import { readWorkbookInBrowser } from '../../src/xlsx/readInBrowser';
import { readWorkbookFile } from '../../src/xlsx/read';
import { AUTHORITY_HEADER, authorityRows, TITLE_ROWS } from '../support/submissionFixtures';
import { sheetGrid } from '../support/submission';

if (!(globalThis as { crypto?: Crypto }).crypto?.subtle) {
  Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });
}

const AS_OF = '2024-03-31';
const SAMPLE = `${__dirname}/../../samples/pace-sample.xlsx`;

async function session(fake: FakeExcel, sheet?: string): Promise<PaceSessionApi> {
  const s = createPaceSession(createExcelPort(fake.Excel, fake.Office), { buildWorkbook: writePlanToNewWorkbook, readWorkbook: readWorkbookInBrowser });
  const opened = await s.open(sheet);
  if (!opened.ok) throw new Error(opened.problem.message);
  return s;
}

/** The copy the pane made, as the bytes the user would choose next month. */
async function submissionCopy(fake: FakeExcel, s: PaceSessionApi, asOf = AS_OF): Promise<Uint8Array> {
  const prepared = await s.prepareSubmission();
  if (!prepared.ok) throw new Error(prepared.problem.message);
  const made = await s.makeSubmission({ drop: prepared.value.columns.map((c) => c.column), dob: 'month', asOf });
  if (!made.ok) throw new Error(made.problem.message);
  return new Uint8Array(Buffer.from(fake.createdWorkbooks[fake.createdWorkbooks.length - 1], 'base64'));
}

describe('Compare with… last month’s submission copy (pseudonyms, key in the workbook)', () => {
  it('matches every child of an authority’s tracker to its own copy and reports nothing changed', async () => {
    const { rows } = authorityRows(12);
    const fake = fakeFromGrid(sheetGrid(AUTHORITY_HEADER, rows, TITLE_ROWS));
    const s = await session(fake, 'Tracker');
    const copy = await submissionCopy(fake, s);
    const out = await s.compareWith({ name: 'PACE submission 2024-03-31.xlsx', bytes: copy }, AS_OF);
    if (!out.ok) throw new Error(out.problem.message);
    expect(out.value.matchedBy).toBe('pseudonym');
    expect(out.value.matched).toBe(12);
    expect(out.value.total).toBe(0);
  });

  it('matches the sample’s children to its copy, leaving out the child a copy leaves out, and finds a date changed since', async () => {
    const fake = fakeFromGrid(await readWorkbookFile(SAMPLE));
    const s = await session(fake);
    const copy = await submissionCopy(fake, s);
    const same = await s.compareWith({ name: 'copy.xlsx', bytes: copy }, AS_OF);
    if (!same.ok) throw new Error(same.problem.message);
    expect(same.value.matchedBy).toBe('pseudonym');
    // The copy's month of birth is not a date: that column is not compared, rather than every child flagged.
    expect(same.value.notCompared).toEqual(['Date of birth']);
    // SYN0001 ceased in 2020, outside the PACE population: the copy leaves it out, and it is not "added".
    expect(same.value.leftOutOfLast).toBe(1);
    expect(same.value.total).toBe(0);
    // Every other child is matched: as many as the tracker against itself, by ID, less that one.
    const itself = await s.compareWith({ name: 'pace-sample.xlsx', bytes: new Uint8Array(fs.readFileSync(SAMPLE)) }, AS_OF);
    if (!itself.ok) throw new Error(itself.problem.message);
    expect(itself.value.matchedBy).toBe('childId');
    expect(same.value.matched).toBe(itself.value.matched - 1);
    const opened = await s.open();
    if (!opened.ok) throw new Error(opened.problem.message);
    expect(same.value.counts.find((c) => c.kind === 'added')?.count).toBe(0);

    // This month a submitted date is corrected on the tracker: the one change, on the right child.
    const first = opened.value.layout.firstDataRow;
    const changedId = String(fake.sheet('Tracker').values[first]?.[0] ?? '');
    await fake.Excel.run(async (context) => {
      const cell = context.workbook.worksheets.getItem('Tracker').getRange(`H${first + 1}`);
      cell.load('values');
      await context.sync();
      cell.values = [[(cell.values[0][0] as number) + 30]];
      await context.sync();
    });
    expect((await s.open()).ok).toBe(true);
    const moved = await s.compareWith({ name: 'copy.xlsx', bytes: copy }, AS_OF);
    if (!moved.ok) throw new Error(moved.problem.message);
    expect(moved.value.total).toBe(1);
    expect(moved.value.toCheck).toEqual([expect.objectContaining({ childId: changedId, cell: `H${first + 1}`, severity: 'warning' })]);
  });
});

describe('Report with last month’s points, from the pane', () => {
  it('draws last month’s submission copy as grey discs on every run chart, matched through the workbook’s key', async () => {
    const fake = fakeFromGrid(await readWorkbookFile(SAMPLE));
    const s = await session(fake);
    const copy = await submissionCopy(fake, s);
    const out = await s.writeReport(AS_OF, undefined, { lastMonth: { name: 'PACE submission February.xlsx', bytes: copy } });
    if (!out.ok) throw new Error(out.problem.message);
    expect(out.value.lastMonth).toEqual({ name: 'PACE submission February.xlsx', asOf: '2024-02-29', matched: expect.any(Number), matchedBy: 'pseudonym' });
    expect(out.value.lastMonth!.matched).toBeGreaterThan(250);
    const aimSheets = out.value.sheets.filter((n) => n.startsWith('PACE Aim'));
    const withRuns = aimSheets.filter((n) => fake.sheet(n).charts.some((c) => !c.deleted && /RunChart$/.test(c.name)));
    expect(withRuns.length).toBeGreaterThanOrEqual(4);
    for (const name of withRuns) {
      const run = fake.sheet(name).charts.find((c) => !c.deleted && /RunChart$/.test(c.name))!;
      const [ring, weeks] = run.series.filter((x) => !x.deleted);
      expect([ring.name, ring.markerBackgroundColor, ring.lineStyle]).toEqual(['Last month (as of 29/02/2024)', '#BFBFBF', 'None']);
      expect(weeks.name).toBe('Weeks');
    }
  });

  it('lists the point a changed date moved, and draws nothing of last month without the choice', async () => {
    const fake = fakeFromGrid(await readWorkbookFile(SAMPLE));
    const s = await session(fake);
    const lastMonth = { name: 'February.xlsx', bytes: new Uint8Array(fs.readFileSync(SAMPLE)) };
    const opened = await s.open();
    if (!opened.ok) throw new Error(opened.problem.message);
    // This month one child's permanence recommendation (column G, after accommodation in E, no date ceased in T) is dated 30 days later.
    const tracker = fake.sheet('Tracker').values;
    const index = tracker.findIndex((v, i) => i >= opened.value.layout.firstDataRow - 1 && typeof v[6] === 'number' && typeof v[4] === 'number' && v[6] > v[4] && !v[19]);
    const row = index + 1;
    const movedId = String(tracker[index][0]);
    await fake.Excel.run(async (context) => {
      const cell = context.workbook.worksheets.getItem('Tracker').getRange(`G${row}`);
      cell.load('values');
      await context.sync();
      cell.values = [[(cell.values[0][0] as number) + 30]];
      await context.sync();
    });
    expect((await s.open()).ok).toBe(true);
    const out = await s.writeReport(AS_OF, undefined, { lastMonth });
    if (!out.ok) throw new Error(out.problem.message);
    const aim1 = fake.sheet(out.value.sheets.find((n) => n.startsWith('PACE Aim 1'))!);
    const heading = aim1.values.flatMap((row, r) => row.map((v, c) => ({ v, r, c }))).find((x) => typeof x.v === 'string' && x.v.startsWith('Points that moved since last month'));
    expect(heading).toBeDefined();
    const ids: string[] = [];
    for (let r = heading!.r + 2; aim1.values[r]?.[heading!.c]; r++) ids.push(String(aim1.values[r][heading!.c]));
    expect(ids).toEqual([movedId]);
    expect(String(aim1.values[heading!.r + 2][heading!.c + 5])).toMatch(/^4\.3 weeks longer than last month$/);

    const plain = await s.writeReport(AS_OF);
    if (!plain.ok) throw new Error(plain.problem.message);
    expect(plain.value.lastMonth).toBeUndefined();
    const run = fake.sheet(plain.value.sheets.find((n) => n.startsWith('PACE Aim 1'))!).charts.find((c) => !c.deleted && /RunChart$/.test(c.name))!;
    expect(run.series.filter((x) => !x.deleted)[0].name).toBe('Weeks');
  });
});
