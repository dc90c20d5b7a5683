/**
 * Sheet kinds on the strict fake: a full report replaces only the earlier
 * report's sheets, a timeline only its own subject's sheet, a comparison
 * only the changes sheet; sheets the user made (even named like ours) are
 * never touched; marks written before kinds existed still work.
 */
import * as fs from 'fs';
import { createFakeExcel, fakeFromGrid, FakeExcel } from '../fake-excel';
import { createExcelPort } from '../../src/excel';
import { writeReport } from '../../src/excel/writeReport';
import { createPaceSession } from '../../src/core/usecases/session';
import { ownershipComment } from '../../src/core/report/ownership';
import type { PlannedSheet, ReportPlan } from '../../src/core/report/plan';
import { readWorkbookFile } from '../../src/xlsx/read';
import { readWorkbookInBrowser } from '../../src/xlsx/readInBrowser';
import { envOf } from './helpers';
import { aimSheetName, reportPlan } from './planFixture';

const SAMPLE = `${__dirname}/../../samples/pace-sample.xlsx`;
const liveNames = (fake: FakeExcel) => fake.workbook.liveSheets().map((s) => s.name);
const marks = (fake: FakeExcel, sheet: string) => fake.snapshot(sheet).names;

describe('report, timeline, compare, report again (pane, sample workbook)', () => {
  it('keeps the timeline and changes sheets, replaces the report sheets, never duplicates, and leaves the user\'s "PACE Summary" alone', async () => {
    const workbook = await readWorkbookFile(SAMPLE);
    const mine = { sheetName: 'PACE Summary', firstRow: 1, firstColumn: 1, values: [['My own summary, typed by me']], numberFormats: [['General']], table: null };
    const fake = fakeFromGrid({ ...workbook, sheets: [...workbook.sheets, mine] });
    const userSummary = fake.snapshot('PACE Summary');
    const session = createPaceSession(createExcelPort(fake.Excel, fake.Office), { readWorkbook: readWorkbookInBrowser });
    const opened = await session.open();
    if (!opened.ok) throw new Error(opened.problem.message);

    const first = await session.writeReport('2024-03-31');
    if (!first.ok) throw new Error(first.problem.message);
    const reportSheets = first.value.sheets;
    expect(reportSheets).toContain('PACE Summary (PACE)');
    expect(marks(fake, reportSheets[0])).toEqual([`PaceTracker_Owned (hidden) ='${reportSheets[0]}'!$A$1 // ${ownershipComment(reportSheets[0], 'report')}`]);

    const team = session.timelineGroups().find((g) => g.column === 'team');
    if (!team) throw new Error('the sample has a team column');
    const timeline = await session.writeTimeline('2024-03-31', { kind: 'group', column: 'team', value: team.values[0].value }, 'calendar');
    if (!timeline.ok) throw new Error(timeline.problem.message);
    expect(marks(fake, timeline.value.sheet)).toEqual([`PaceTracker_Owned (hidden) ='${timeline.value.sheet}'!$A$1 // ${ownershipComment(timeline.value.sheet, 'timeline')}`]);

    const compared = await session.compareWith({ name: 'pace-sample.xlsx', bytes: new Uint8Array(fs.readFileSync(SAMPLE)) }, '2024-03-31');
    if (!compared.ok) throw new Error(compared.problem.message);
    expect(compared.value.sheet).toBe('PACE Changes');
    expect(marks(fake, 'PACE Changes')).toEqual([`PaceTracker_Owned (hidden) ='PACE Changes'!$A$1 // ${ownershipComment('PACE Changes', 'changes')}`]);
    const timelineSheet = fake.sheet(timeline.value.sheet);
    const changesSheet = fake.sheet('PACE Changes');
    const reportModels = reportSheets.map((n) => fake.sheet(n));
    const before = liveNames(fake);

    const again = await session.writeReport('2024-03-31');
    if (!again.ok) throw new Error(again.problem.message);
    expect(again.value.sheets).toEqual(reportSheets);
    // The same sheets by name, each once; the timeline and changes sheets are the very ones written before.
    expect([...liveNames(fake)].sort()).toEqual([...before].sort());
    expect(new Set(liveNames(fake).map((n) => n.toLowerCase())).size).toBe(liveNames(fake).length);
    expect(fake.sheet(timeline.value.sheet)).toBe(timelineSheet);
    expect(fake.sheet('PACE Changes')).toBe(changesSheet);
    expect(timelineSheet.deleted).toBe(false);
    expect(changesSheet.deleted).toBe(false);
    reportModels.forEach((old) => expect(old.deleted).toBe(true));
    expect(fake.snapshot('PACE Summary')).toEqual(userSummary);

    // The timeline again: only its own sheet is replaced.
    const timelineAgain = await session.writeTimeline('2024-03-31', { kind: 'group', column: 'team', value: team.values[0].value }, 'start');
    if (!timelineAgain.ok) throw new Error(timelineAgain.problem.message);
    expect(timelineAgain.value.sheet).toBe(timeline.value.sheet);
    expect(timelineSheet.deleted).toBe(true);
    expect(changesSheet.deleted).toBe(false);
    expect([...liveNames(fake)].sort()).toEqual([...before].sort());
    expect(fake.snapshot('PACE Summary')).toEqual(userSummary);
  }, 60_000);
});

const TRACKER = { name: 'Tracker', values: [['PACE'], [], ['Child ID', 'Date LAC'], ['C1', 43000]] };
const planned = (name: string, role: PlannedSheet['role']): PlannedSheet => ({
  name,
  role,
  blocks: [{ at: 'A1', values: [[name]], style: 'title' }],
  tables: [],
  links: [],
  charts: [],
  columnWidths: [20],
  freezeRows: 0,
});
const timelinePlan = (subject: string): ReportPlan => ({ asOf: '2024-03-31', sheets: [planned(`PACE Timeline ${subject}`, 'timeline')], replaceEarlierReport: false, kind: 'timeline' });
const changesPlan: ReportPlan = { asOf: '2024-03-31', sheets: [planned('PACE Changes', 'changes')], replaceEarlierReport: false, kind: 'changes' };

describe('sheet kinds (writeReport)', () => {
  it('a timeline replaces only its own subject; another subject sits beside it', async () => {
    const fake = createFakeExcel({ sheets: [TRACKER] });
    await writeReport(envOf(fake), timelinePlan('Team North'));
    await writeReport(envOf(fake), timelinePlan('Team South'));
    const south = fake.sheet('PACE Timeline Team South');
    await writeReport(envOf(fake), timelinePlan('Team North'));
    expect(liveNames(fake)).toEqual(['Tracker', 'PACE Timeline Team South', 'PACE Timeline Team North']);
    expect(south.deleted).toBe(false);
  });

  it('a renamed timeline or changes sheet is the user\'s: kept, its mark taken off, and a new one written', async () => {
    const fake = createFakeExcel({ sheets: [TRACKER] });
    await writeReport(envOf(fake), changesPlan);
    fake.sheet('PACE Changes').name = 'Changes February';
    await writeReport(envOf(fake), changesPlan);
    expect(liveNames(fake)).toEqual(['Tracker', 'Changes February', 'PACE Changes']);
    expect(marks(fake, 'Changes February')).toEqual([]);
    await writeReport(envOf(fake), reportPlan(1));
    expect(liveNames(fake)).toContain('Changes February');
    expect(liveNames(fake)).toContain('PACE Changes');
  });

  it('reads marks from before kinds: a sheet marked "report sheet" (or with no comment) is a report sheet, yet written again under its name it is replaced, not duplicated', async () => {
    const oldMark = (name: string, comment?: string) => ({ name: 'PaceTracker_Owned', formula: `='${name}'!$A$1`, visible: false, ...(comment === undefined ? {} : { comment }) });
    const fake = createFakeExcel({
      sheets: [
        TRACKER,
        { name: 'PACE Timeline Team North', values: [['old timeline']], names: [oldMark('PACE Timeline Team North', 'PACE Permanence Tracker report sheet, written as: PACE Timeline Team North')] },
        { name: 'PACE Changes', values: [['old changes']], names: [oldMark('PACE Changes')] },
        { name: 'PACE Timeline Team South', values: [['old timeline']], names: [oldMark('PACE Timeline Team South')] },
      ],
    });
    await writeReport(envOf(fake), timelinePlan('Team North'));
    await writeReport(envOf(fake), changesPlan);
    expect(liveNames(fake)).toEqual(['Tracker', 'PACE Timeline Team South', 'PACE Timeline Team North', 'PACE Changes']);
    expect(marks(fake, 'PACE Changes')).toEqual([`PaceTracker_Owned (hidden) ='PACE Changes'!$A$1 // ${ownershipComment('PACE Changes', 'changes')}`]);
    // A full report clears what those versions took for report sheets (the untouched old South timeline), and now keeps the rewritten ones.
    await writeReport(envOf(fake), reportPlan(1));
    expect(liveNames(fake)).toEqual(['Tracker', 'PACE Timeline Team North', 'PACE Changes', 'PACE Summary', 'PACE Issues', aimSheetName(1)]);
  });
});
