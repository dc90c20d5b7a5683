/**
 * The pane's Timeline and Compare flows on the strict fake: the selection is
 * read through the Office.js adapter (position only, one sync), and both
 * flows write only their own sheet.
 */
import * as fs from 'fs';
import ExcelJS from 'exceljs';
import { createFakeExcel, fakeFromGrid } from '../fake-excel';
import { createExcelPort } from '../../src/excel';
import { selectedRows, sheetOfAddress } from '../../src/excel/selection';
import { createPaceSession } from '../../src/core/usecases/session';
import { readWorkbookBuffer, readWorkbookFile } from '../../src/xlsx/read';
import { withPlacementsSheet } from '../support/placements';
import { readWorkbookInBrowser } from '../../src/xlsx/readInBrowser';
import { envOf } from './helpers';

const SAMPLE = `${__dirname}/../../samples/pace-sample.xlsx`;

async function select(fake: ReturnType<typeof createFakeExcel>, sheet: string, address: string): Promise<void> {
  await fake.Excel.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(address).select();
    await context.sync();
  });
  fake.resetCounters();
}

describe('selectedRows (Workbook.getSelectedRange)', () => {
  it('gives the sheet and the 1-based rows of the selected block in one sync', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'Notes', values: [['n']] }, { name: "Mo's Tracker", values: [['Child ID'], ['C1'], ['C2'], ['C3']] }] });
    await select(fake, "Mo's Tracker", 'B2:D3');
    expect(await selectedRows(envOf(fake))).toEqual({ sheet: "Mo's Tracker", firstRow: 2, rowCount: 2 });
    expect(fake.syncCount).toBe(1);
  });

  it('says what to do when Excel cannot give the selection', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'Tracker', values: [['x']] }] });
    await expect(selectedRows(envOf(fake))).rejects.toEqual(expect.objectContaining({ kind: 'usage', message: expect.stringContaining('Select the children’s rows') }));
  });

  it('reads the sheet name from quoted and plain addresses', () => {
    expect(sheetOfAddress("'PACE data'!A5:C7")).toBe('PACE data');
    expect(sheetOfAddress("'Mo''s'!A1")).toBe("Mo's");
    expect(sheetOfAddress('Tracker!B2')).toBe('Tracker');
  });
});

describe('Timeline from the pane (sample workbook)', () => {
  it('writes a timeline sheet with a native chart for the selected rows, replaces it on re-run, and leaves the tracker alone', async () => {
    const fake = fakeFromGrid(await readWorkbookFile(SAMPLE));
    const before = fake.snapshot('Tracker');
    const session = createPaceSession(createExcelPort(fake.Excel, fake.Office));
    const opened = await session.open();
    if (!opened.ok) throw new Error(opened.problem.message);
    const first = opened.value.layout.firstDataRow;
    await select(fake, 'Tracker', `C${first}:E${first + 2}`);

    const out = await session.writeTimeline('2024-03-31', { kind: 'selection' }, 'calendar');
    if (!out.ok) throw new Error(out.problem.message);
    expect(out.value).toEqual(expect.objectContaining({ children: 3, subject: '3 children', align: 'calendar', charts: 1 }));
    expect(out.value.sheet).toBe('PACE Timeline 3 children');
    const sheet = fake.sheet(out.value.sheet);
    expect(sheet.charts.filter((c) => !c.deleted).length).toBe(1);
    const sheetsAfterFirst = fake.workbook.liveSheets().map((s) => s.name);

    const again = await session.writeTimeline('2024-03-31', { kind: 'selection' }, 'start');
    expect(again.ok).toBe(true);
    expect(fake.workbook.liveSheets().map((s) => s.name)).toEqual(sheetsAfterFirst);
    expect(fake.snapshot('Tracker')).toEqual(before);
  });

  it('offers the teams as groups and draws one team', async () => {
    const fake = fakeFromGrid(await readWorkbookFile(SAMPLE));
    const session = createPaceSession(createExcelPort(fake.Excel, fake.Office));
    expect((await session.open()).ok).toBe(true);
    const team = session.timelineGroups().find((g) => g.column === 'team');
    if (!team) throw new Error('the sample has a team column');
    const value = team.values[0];
    const out = await session.writeTimeline('2024-03-31', { kind: 'group', column: 'team', value: value.value }, 'calendar');
    if (!out.ok) throw new Error(out.problem.message);
    expect(out.value.children).toBe(value.children);
    expect(out.value.charts).toBe(Math.ceil(value.children / 50));
  });

  it('gives both charts of a team of more than 50 the same weeks axis (ChartAxis.minimum / maximum)', async () => {
    const fake = fakeFromGrid(await readWorkbookFile(SAMPLE));
    const session = createPaceSession(createExcelPort(fake.Excel, fake.Office));
    expect((await session.open()).ok).toBe(true);
    const out = await session.writeTimeline('2024-03-31', { kind: 'group', column: 'team', value: 'North' }, 'calendar');
    if (!out.ok) throw new Error(out.problem.message);
    expect(out.value).toEqual(expect.objectContaining({ children: 61, charts: 2 }));
    const axes = fake.sheet(out.value.sheet).charts.filter((c) => !c.deleted).map((c) => [c.valueAxis.minimum, c.valueAxis.maximum]);
    expect(axes).toHaveLength(2);
    expect(axes[0][0]).toBe(0);
    expect(axes[0][1]).toBeGreaterThan(0);
    expect(axes[1]).toEqual(axes[0]);
  });

  it('draws the placements sheet’s placements under the children’s bars, and leaves that sheet alone', async () => {
    const fake = fakeFromGrid(await readWorkbookBuffer(await withPlacementsSheet(fs.readFileSync(SAMPLE)), 'with-placements.xlsx'));
    const before = fake.snapshot('Placements');
    const session = createPaceSession(createExcelPort(fake.Excel, fake.Office));
    expect((await session.open()).ok).toBe(true);
    await select(fake, 'Tracker', 'A6:C10'); // SYN0003 … SYN0007
    const out = await session.writeTimeline('2024-03-31', { kind: 'selection' }, 'calendar');
    if (!out.ok) throw new Error(out.problem.message);
    expect(out.value).toEqual(expect.objectContaining({ sheet: 'PACE Timeline 5 children', children: 5, placementsSheet: 'Placements', childrenWithPlacements: 2, placementRowsLeftOut: 1 }));
    const sheet = fake.sheet('PACE Timeline 5 children');
    const chart = sheet.charts.filter((c) => !c.deleted)[0];
    const names = chart.series.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Foster care', 'Residential unit', 'Permanent foster care', 'Residential unit (placement 3)']));
    const tables = fake.workbook.liveTables().filter((t) => t.sheet === sheet).map((t) => t.name);
    expect(tables.some((n) => n.endsWith('Moves'))).toBe(true);
    expect(fake.snapshot('Placements')).toEqual(before);
  });

  it('draws the placements on the report’s longest waits timeline too, reading only that sheet more than without one, and leaves that sheet alone', async () => {
    const syncsOfReport = async (bytes: Uint8Array) => {
      const fake = fakeFromGrid(await readWorkbookBuffer(bytes, 'workbook.xlsx'));
      const session = createPaceSession(createExcelPort(fake.Excel, fake.Office));
      expect((await session.open()).ok).toBe(true);
      const before = fake.workbook.liveSheets().some((s) => s.name === 'Placements') ? fake.snapshot('Placements') : null;
      fake.resetCounters();
      const out = await session.writeReport('2024-03-31');
      if (!out.ok) throw new Error(out.problem.message);
      return { fake, syncs: fake.syncCount, before };
    };
    const plain = await syncsOfReport(fs.readFileSync(SAMPLE));
    const placed = await syncsOfReport(await withPlacementsSheet(fs.readFileSync(SAMPLE)));
    const names = (fake: typeof plain.fake) => fake.sheet('PACE Timeline longest waits').charts.filter((c) => !c.deleted).flatMap((c) => c.series.map((s) => s.name));
    expect(names(placed.fake)).toEqual(expect.arrayContaining(['Foster care', 'Residential unit', 'Residential unit (placement 3)']));
    expect(names(plain.fake)).not.toContain('Foster care');
    expect(placed.fake.snapshot('Placements')).toEqual(placed.before);
    // The other sheets' first rows were read when the pane found the tracker: the report looks through those, reading
    // no sheet's first rows again (it took 10 syncs when it did); only the placements sheet itself is more (its shape, then one chunk).
    expect(plain.syncs).toBeLessThanOrEqual(6);
    expect(placed.syncs - plain.syncs).toBeLessThanOrEqual(3);
  });

  it('finds the placements sheet for the report when the tracker was opened by name, its first rows not read at the start', async () => {
    const fake = fakeFromGrid(await readWorkbookBuffer(await withPlacementsSheet(fs.readFileSync(SAMPLE)), 'workbook.xlsx'));
    const session = createPaceSession(createExcelPort(fake.Excel, fake.Office));
    expect((await session.open('Tracker')).ok).toBe(true);
    const out = await session.writeReport('2024-03-31');
    if (!out.ok) throw new Error(out.problem.message);
    const names = fake.sheet('PACE Timeline longest waits').charts.filter((c) => !c.deleted).flatMap((c) => c.series.map((s) => s.name));
    expect(names).toEqual(expect.arrayContaining(['Foster care', 'Residential unit (placement 3)']));
  });

  it('refuses a selection on another sheet in plain words, writing nothing', async () => {
    const fake = fakeFromGrid(await readWorkbookFile(SAMPLE));
    const session = createPaceSession(createExcelPort(fake.Excel, fake.Office));
    expect((await session.open()).ok).toBe(true);
    await select(fake, 'Notes', 'A1');
    const names = fake.workbook.liveSheets().map((s) => s.name);
    const out = await session.writeTimeline('2024-03-31', { kind: 'selection' }, 'calendar');
    expect(out).toEqual({ ok: false, problem: expect.objectContaining({ kind: 'usage', message: expect.stringContaining("The selection is on sheet 'Notes'") }) });
    expect(fake.workbook.liveSheets().map((s) => s.name)).toEqual(names);
  });
});

/**
 * Last month's file: the sample without its first child's row (so that child
 * is new this month), and the next child's permanence recommendation (column H)
 * a month earlier than this month says (a date changed after submission).
 */
async function lastMonthBytes(): Promise<{ bytes: Uint8Array; removedId: string; changedId: string }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(SAMPLE) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('Tracker');
  if (!ws) throw new Error('sample has a Tracker sheet');
  let headerRow = 0;
  ws.eachRow((row, n) => {
    if (!headerRow && /\bID\b/.test(String(row.getCell(1).value ?? ''))) headerRow = n;
  });
  if (!headerRow) throw new Error('sample has a Child ID heading in column A');
  const removedId = String(ws.getRow(headerRow + 1).getCell(1).value);
  const changed = ws.getRow(headerRow + 2);
  const changedId = String(changed.getCell(1).value);
  const was = changed.getCell(8).value as Date;
  changed.getCell(8).value = new Date(was.getTime() - 31 * 86400000);
  ws.spliceRows(headerRow + 1, 1);
  return { bytes: new Uint8Array(await wb.xlsx.writeBuffer()), removedId, changedId };
}

describe('Compare with… from the pane (sample workbook)', () => {
  it('reads last month in the pane, counts the changes and writes the PACE Changes sheet', async () => {
    const fake = fakeFromGrid(await readWorkbookFile(SAMPLE));
    const before = fake.snapshot('Tracker');
    const session = createPaceSession(createExcelPort(fake.Excel, fake.Office), { readWorkbook: readWorkbookInBrowser });
    expect((await session.open()).ok).toBe(true);
    // The sample against itself: nothing changed (the baseline for how many children match).
    const same = await session.compareWith({ name: 'pace-sample.xlsx', bytes: new Uint8Array(fs.readFileSync(SAMPLE)) }, '2024-03-31');
    if (!same.ok) throw new Error(same.problem.message);
    expect(same.value.total).toBe(0);
    const { bytes, removedId, changedId } = await lastMonthBytes();
    const out = await session.compareWith({ name: 'February.xlsx', bytes }, '2024-03-31');
    if (!out.ok) throw new Error(out.problem.message);
    expect(out.value.sheet).toBe('PACE Changes');
    expect(out.value.lastName).toBe('February.xlsx');
    expect(out.value.lastAsOf).toBe('2024-02-29');
    expect(out.value.matchedBy).toBe('childId');
    expect(out.value.counts.find((c) => c.kind === 'added')?.count).toBe(1);
    expect(out.value.matched).toBe(same.value.matched - 1);
    expect(fake.sheet('PACE Changes').deleted).toBe(false);
    expect(fake.snapshot('Tracker')).toEqual(before);
    expect(out.value.counts.find((c) => c.kind === 'dateChanged')?.count).toBe(1);
    expect(out.value.total).toBe(2);
    // Moved by a month, more than the 7 days allowed: listed as one to check.
    expect(out.value.toCheck).toEqual([expect.objectContaining({ childId: changedId, severity: 'warning' })]);
    expect(removedId).toBe('SYN0001');
  });

  it('says plainly when the chosen file is not a workbook, writing nothing', async () => {
    const fake = fakeFromGrid(await readWorkbookFile(SAMPLE));
    const session = createPaceSession(createExcelPort(fake.Excel, fake.Office), { readWorkbook: readWorkbookInBrowser });
    expect((await session.open()).ok).toBe(true);
    const names = fake.workbook.liveSheets().map((s) => s.name);
    const out = await session.compareWith({ name: 'notes.txt', bytes: new TextEncoder().encode('hello') }, '2024-03-31');
    expect(out).toEqual({ ok: false, problem: expect.objectContaining({ kind: 'unreadableFile', message: expect.stringContaining('"notes.txt" could not be opened as an Excel workbook') }) });
    expect(fake.workbook.liveSheets().map((s) => s.name)).toEqual(names);
  });
});
