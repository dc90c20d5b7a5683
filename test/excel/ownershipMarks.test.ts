/**
 * Report sheets carry the command line's hidden `PaceTracker_Owned` name, so
 * either twin replaces the other's report; each report sheet prints landscape,
 * one page wide.
 */
import { createFakeExcel, FakeExcel } from '../fake-excel';
import { writeReport } from '../../src/excel/writeReport';
import { listSheets } from '../../src/excel/reader';
import { keptMarkedIds, OWNED_SHEET_NAME, ownedSheetIds, ownedSheetKinds, ownershipComment } from '../../src/excel/ownership';
import type { OwnershipMark } from '../../src/core/report/ownership';
import { OWNED_SHEET_NAME as XLSX_OWNED_SHEET_NAME } from '../../src/xlsx/ownership';
import { envOf } from './helpers';
import { aimSheetName, reportPlan } from './planFixture';

const TRACKER = { name: 'Tracker', values: [['PACE'], [], ['Child ID', 'Date LAC'], ['C1', 43000]] };
const liveNames = (fake: FakeExcel) => fake.workbook.liveSheets().map((s) => s.name);
const marks = (fake: FakeExcel, sheet: string) => fake.snapshot(sheet).names;

describe('ownership marks shared with the command line', () => {
  it('uses the same name as the .xlsx writer', () => {
    expect(OWNED_SHEET_NAME).toBe(XLSX_OWNED_SHEET_NAME);
  });

  it('marks every sheet it writes with a hidden name on A1, and no other sheet', async () => {
    const fake = createFakeExcel({ sheets: [TRACKER] });
    await writeReport(envOf(fake), reportPlan(1));
    expect(marks(fake, 'PACE Summary')).toEqual([`PaceTracker_Owned (hidden) ='PACE Summary'!$A$1 // ${ownershipComment('PACE Summary', 'report')}`]);
    expect(marks(fake, aimSheetName(1))).toEqual([`PaceTracker_Owned (hidden) ='${aimSheetName(1)}'!$A$1 // ${ownershipComment(aimSheetName(1), 'report')}`]);
    expect(marks(fake, 'Tracker')).toEqual([]);
    // Written again: the new sheets are marked once each.
    await writeReport(envOf(fake), reportPlan(1));
    expect(marks(fake, 'PACE Summary')).toHaveLength(1);
  });

  it('replaces report sheets the command line marked, instead of writing beside them', async () => {
    const fake = createFakeExcel({
      sheets: [
        TRACKER,
        { name: 'PACE Summary', values: [['old CLI summary']], names: [{ name: 'PaceTracker_Owned', formula: "='PACE Summary'!$A$1", visible: false }] },
        { name: 'PACE Issues', values: [['my own issues list']] },
      ],
    });
    const listed = await listSheets(envOf(fake));
    expect(listed.map((s) => [s.name, s.ownedByAddIn])).toEqual([
      ['Tracker', false],
      ['PACE Summary', true],
      ['PACE Issues', false],
    ]);
    const userIssues = fake.snapshot('PACE Issues');
    await writeReport(envOf(fake), reportPlan(1));
    expect(liveNames(fake)).toEqual(['Tracker', 'PACE Issues', 'PACE Summary', 'PACE Issues (PACE)', aimSheetName(1)]);
    expect(fake.sheet('PACE Summary').value(0, 0)).not.toBe('old CLI summary');
    expect(fake.snapshot('PACE Issues')).toEqual(userIssues);
  });

  it('finds the marks in the same sync as the sheet sizes', async () => {
    const fake = createFakeExcel({ sheets: [TRACKER, { name: 'A', values: [['a']] }, { name: 'B', values: [['b']] }] });
    await listSheets(envOf(fake));
    expect(fake.syncCount).toBe(2);
  });

  it('takes the mark off a report sheet the user renamed to keep, so the command line leaves it alone too', async () => {
    const fake = createFakeExcel({ sheets: [TRACKER] });
    await writeReport(envOf(fake), reportPlan(1));
    fake.sheet('PACE Issues').name = 'Issues March';
    const kept = fake.snapshot('Issues March');
    await writeReport(envOf(fake), reportPlan(1));
    expect(liveNames(fake)).toEqual(['Tracker', 'Issues March', 'PACE Summary', 'PACE Issues', aimSheetName(1)]);
    expect(marks(fake, 'Issues March')).toEqual([]);
    expect({ ...fake.snapshot('Issues March'), names: kept.names }).toEqual(kept);
    expect((await listSheets(envOf(fake))).find((s) => s.name === 'Issues March')?.ownedByAddIn).toBe(false);
    // Once the add-in's record has forgotten it, a mark left on it would have made it look owned.
    await writeReport(envOf(fake), reportPlan(1));
    expect(liveNames(fake)).toEqual(['Tracker', 'Issues March', 'PACE Summary', 'PACE Issues', aimSheetName(1)]);
  });
});

describe('page layout of report sheets', () => {
  it('prints each report sheet landscape, all columns on one page wide', async () => {
    const fake = createFakeExcel({ sheets: [TRACKER] });
    await writeReport(envOf(fake), reportPlan(2));
    for (const name of ['PACE Summary', 'PACE Issues', aimSheetName(1), aimSheetName(2)]) {
      expect(fake.snapshot(name).pageLayout).toEqual({ orientation: 'Landscape', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
    }
    expect(fake.snapshot('Tracker').pageLayout.orientation).toBe('Portrait');
  });

  it('still writes the report where Excel has no page layout API (before ExcelApi 1.9)', async () => {
    const fake = createFakeExcel({ sheets: [TRACKER], apiVersion: '1.8' });
    await writeReport(envOf(fake), reportPlan(1));
    expect(liveNames(fake)).toContain('PACE Summary');
    expect(fake.snapshot('PACE Summary').pageLayout.orientation).toBe('Portrait');
    expect(marks(fake, 'PACE Summary')).toHaveLength(1);
  });
});

describe('ownedSheetIds / keptMarkedIds', () => {
  const sheets = [
    { id: '1', name: 'PACE Summary' },
    { id: '2', name: 'Issues March' },
    { id: '3', name: 'CLI sheet' },
    { id: '4', name: 'Mine' },
  ];
  const registry = [
    { id: '1', name: 'PACE Summary' },
    { id: '2', name: 'PACE Issues' },
  ];
  /** Marks without a written-as comment (the command line's, or an older add-in's). */
  const bare = (ids: string[]) => new Map<string, OwnershipMark>(ids.map((id) => [id, { kind: 'report', writtenAs: null }]));

  it('owns recorded sheets under their recorded name and marked sheets the record does not know', () => {
    expect([...ownedSheetIds(registry, sheets, bare(['1', '2', '3']))]).toEqual(['1', '3']);
    expect([...ownedSheetIds(null, sheets, bare(['3']))]).toEqual(['3']);
    expect([...ownedSheetIds(registry, sheets)]).toEqual(['1']);
  });

  it('lists marked sheets the user renamed to keep', () => {
    expect([...keptMarkedIds(registry, sheets, bare(['1', '2', '3']))]).toEqual(['2']);
    expect(keptMarkedIds(null, sheets, bare(['3'])).size).toBe(0);
  });

  it('reads the name a sheet was written under from its mark, with no record and whatever its id (Worksheet.id is not kept across sessions)', () => {
    const marks = new Map<string, OwnershipMark>([
      ['a', { kind: 'report', writtenAs: 'PACE Summary' }],
      ['b', { kind: 'report', writtenAs: 'PACE Issues' }],
      ['c', { kind: 'report', writtenAs: null }],
    ]);
    const fresh = [
      { id: 'a', name: 'pace summary' },
      { id: 'b', name: 'Issues March' },
      { id: 'c', name: 'CLI sheet' },
      { id: 'd', name: 'Mine' },
    ];
    expect([...ownedSheetIds(null, fresh, marks)]).toEqual(['a', 'c']);
    expect([...keptMarkedIds(null, fresh, marks)]).toEqual(['b']);
  });

  it('gives each owned sheet the kind its mark says; unmarked sheets from the old record are report sheets', () => {
    const marks = new Map<string, OwnershipMark>([
      ['t', { kind: 'timeline', writtenAs: 'PACE Timeline Team North' }],
      ['c', { kind: 'changes', writtenAs: 'PACE Changes' }],
    ]);
    const sheets = [
      { id: 't', name: 'PACE Timeline Team North' },
      { id: 'c', name: 'PACE Changes' },
      { id: 'r', name: 'PACE Summary' },
    ];
    expect([...ownedSheetKinds([{ id: 'r', name: 'PACE Summary' }], sheets, marks)]).toEqual([
      ['t', 'timeline'],
      ['c', 'changes'],
      ['r', 'report'],
    ]);
  });
});

describe('ownership after the workbook is closed and reopened (every sheet gets a new id)', () => {
  it('replaces its own report sheets, keeps one the user renamed, and never touches a sheet it did not make', async () => {
    const fake = createFakeExcel({ sheets: [TRACKER, { name: 'Notes', values: [['mine']] }] });
    await writeReport(envOf(fake), reportPlan(1));
    fake.sheet('PACE Issues').name = 'Issues March';
    const kept = fake.snapshot('Issues March');
    const notes = fake.snapshot('Notes');
    const idsBefore = fake.workbook.liveSheets().map((s) => s.id);
    fake.reopen();
    expect(fake.workbook.liveSheets().map((s) => s.id).some((id) => idsBefore.includes(id))).toBe(false);
    const listed = await listSheets(envOf(fake));
    expect(listed.filter((s) => s.ownedByAddIn).map((s) => s.name)).toEqual(['PACE Summary', aimSheetName(1)]);
    await writeReport(envOf(fake), reportPlan(1));
    expect(liveNames(fake)).toEqual(['Tracker', 'Notes', 'Issues March', 'PACE Summary', 'PACE Issues', aimSheetName(1)]);
    expect({ ...fake.snapshot('Issues March'), names: kept.names }).toEqual(kept);
    expect(marks(fake, 'Issues March')).toEqual([]);
    expect(fake.snapshot('Notes')).toEqual(notes);
    // Written once more after another reopen: still exactly one set of report sheets.
    fake.reopen();
    await writeReport(envOf(fake), reportPlan(1));
    expect(liveNames(fake)).toEqual(['Tracker', 'Notes', 'Issues March', 'PACE Summary', 'PACE Issues', aimSheetName(1)]);
  });

  it('notes the written name in the mark\'s comment', async () => {
    const fake = createFakeExcel({ sheets: [TRACKER] });
    await writeReport(envOf(fake), reportPlan(1));
    expect(marks(fake, 'PACE Summary')).toEqual([`PaceTracker_Owned (hidden) ='PACE Summary'!$A$1 // ${ownershipComment('PACE Summary', 'report')}`]);
  });
});
