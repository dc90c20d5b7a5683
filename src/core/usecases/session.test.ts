/**
 * The session keeps one check result per sheet and as-of date (issue 13,
 * point 5): checking, marking, the PACE Issues sheet, the report and the
 * submission copy share one run of the rules, and each operation's output is
 * of the as-of date it was asked with. Driven over an in-memory port; the
 * work is measured by counting calls to the rules pass and the aims pass.
 */
import type { CellValue, SheetGrid } from '../grid';
import type { AimsFile } from '../model';
import type { ReportPlan } from '../report/plan';
import * as runChecksModule from '../checks/runChecks';
import * as aimIntervals from '../checks/aimIntervals';
import * as measures from '../aims/measures';
import { dayFromIso } from '../dates';
import { planIssuesSheet } from '../report/issuesSheet';
import { buildSampleGrid } from '../../../test/support/sampleGrid';
import { memoryWorkbook } from '../../../test/support/memoryPort';
import { aimsOrPresets, analyseSheet, planReport, runCheck } from './pipeline';
import { sheetChecks } from './sheetChecks';
import { makeSubmissionCopy } from './submission';
import { createPaceSession, SETTING_AIMS } from './session';
import type { PaceSessionApi } from './types';

const AS_OF = '2024-03-31';
/** A year earlier: many of the sample's dates are then in the future, so the findings differ. */
const EARLIER = '2023-03-31';

function day(iso: string): number {
  const d = dayFromIso(iso);
  if (d === null) throw new Error(`bad test date ${iso}`);
  return d;
}

/** The sample sheet and a session on it whose submission copies are kept as plans (no .xlsx is built). */
async function openedSession(grid: SheetGrid = buildSampleGrid().grid) {
  const workbook = memoryWorkbook([grid]);
  const copies: ReportPlan[] = [];
  const session = createPaceSession(workbook.port, {
    buildWorkbook: async (plan) => {
      copies.push(plan);
      return new Uint8Array([copies.length]);
    },
  });
  const opened = await session.open();
  if (!opened.ok) throw new Error(opened.problem.message);
  return { session, workbook, copies };
}

function value<T>(outcome: { ok: true; value: T } | { ok: false; problem: { message: string } }): T {
  if (!outcome.ok) throw new Error(outcome.problem.message);
  return outcome.value;
}

/** How many times the rules ran over the sheet, and how many times the aims' findings were added. */
function countChecks() {
  const rules = jest.spyOn(runChecksModule, 'ruleFindings');
  const aims = jest.spyOn(aimIntervals, 'withAimFindings');
  return { rules: () => rules.mock.calls.length, aims: () => aims.mock.calls.length };
}

afterEach(() => jest.restoreAllMocks());

async function everyOperation(session: PaceSessionApi, asOf: string) {
  const check = value(await session.check(asOf));
  const marked = value(await session.markFindings(check.findings));
  const issues = value(await session.writeIssuesSheet(asOf));
  const report = value(await session.writeReport(asOf));
  const copy = value(await session.makeSubmission({ drop: [], dob: 'month', asOf }));
  return { check, marked, issues, report, copy };
}

describe('one check result per sheet and as-of date', () => {
  test('check, mark, issues sheet, report and submission copy run the rules once and the aims once', async () => {
    const { session, workbook } = await openedSession();
    const count = countChecks();
    const done = await everyOperation(session, AS_OF);

    // Before the session kept its result: the rules ran 4 times (check, issues sheet, report, copy) and the aims 3.
    expect(count.rules()).toBe(1);
    expect(count.aims()).toBe(1);
    // The sheet was read once, when it was opened; no operation read it again.
    expect(workbook.reads.get(buildSampleGrid().grid.sheetName)).toBe(1);

    expect(done.check.findings.length).toBeGreaterThan(0);
    expect(done.marked).toBe(done.check.findings.length);
    // The issues sheet and the report count exactly the findings the check showed.
    const issuesPlan = workbook.written[0];
    expect(issuesPlan.asOf).toBe(AS_OF);
    expect(done.report.counts).toEqual(done.check.counts);
  });

  test('what each operation writes is what the pipeline gives when it checks the sheet afresh', async () => {
    const shared = await openedSession();
    await everyOperation(shared.session, AS_OF);

    // The same work straight through the pipeline, checking the sheet each time as the session used to.
    const sheet = analyseSheet(buildSampleGrid().grid, false);
    const file = aimsOrPresets(null);
    const issues = planIssuesSheet(runCheck(sheet, day(AS_OF), file), sheet.layout.sheet, { date1904: false, localLabels: sheet.localLabels });
    expect(shared.workbook.written[0]).toEqual({ asOf: AS_OF, sheets: [issues], replaceEarlierReport: false });
    expect(shared.workbook.written[1]).toEqual(planReport(sheet, file, day(AS_OF)).plan);
    // The copy, made with the same key (a new memory workbook's first), holds the rules' own findings, without the aims'.
    const host = memoryWorkbook([]);
    const made = await makeSubmissionCopy(host.port as Parameters<typeof makeSubmissionCopy>[0], async () => new Uint8Array(), {
      sheet,
      drop: [],
      dob: 'month',
      asOf: day(AS_OF),
    });
    expect(shared.copies[0]).toEqual(made.plan);
  });

  test('a different as-of date gives a new result, and each operation is of the date it was asked with', async () => {
    const { session, workbook, copies } = await openedSession();
    // What the pipeline gives at each date, checking afresh (worked out before the counting starts).
    const sheet = analyseSheet(buildSampleGrid().grid, false);
    const file = aimsOrPresets(null);
    const expectedIssues = planIssuesSheet(runCheck(sheet, day(EARLIER), file), sheet.layout.sheet, { date1904: false, localLabels: sheet.localLabels });
    const expectedReport = planReport(sheet, file, day(AS_OF)).plan;
    const count = countChecks();

    const now = value(await session.check(AS_OF));
    const then = value(await session.check(EARLIER));
    expect(count.rules()).toBe(2);
    expect(now.asOf).toBe(AS_OF);
    expect(then.asOf).toBe(EARLIER);
    // A year earlier, later dates are in the future: the results really differ.
    const future = (findings: { rule: string }[]) => findings.filter((f) => f.rule === 'future-date').length;
    expect(future(then.findings)).toBeGreaterThan(future(now.findings));

    // The issues sheet asked for the earlier date is of that date, though the check before it was too...
    value(await session.writeIssuesSheet(EARLIER));
    expect(workbook.written[0].asOf).toBe(EARLIER);
    expect(workbook.written[0].sheets[0]).toEqual(expectedIssues);
    expect(count.rules()).toBe(2);

    // ...and the report asked for today's date is of today's, whatever the last operation used.
    const report = value(await session.writeReport(AS_OF));
    expect(workbook.written[1].asOf).toBe(AS_OF);
    expect(report.counts).toEqual(now.counts);
    expect(workbook.written[1]).toEqual(expectedReport);
    expect(count.rules()).toBe(3);

    const copy = value(await session.makeSubmission({ drop: [], dob: 'month', asOf: EARLIER }));
    expect(copy.fileName).toBe(`PACE submission ${EARLIER}.xlsx`);
    expect(copies[0].asOf).toBe(EARLIER);
    expect(count.rules()).toBe(4);
  });

  test('a changed sheet, opened again, gives a new result with the change in it', async () => {
    const sample = buildSampleGrid();
    const { session, workbook } = await openedSession(sample.grid);
    const count = countChecks();
    const before = value(await session.check(AS_OF));
    expect(count.rules()).toBe(1);

    // The user types "tbc" over the first child's date became looked after.
    const column = sample.fieldColumns.lookedAfterStart;
    const row = sample.childRows[0];
    const changed: CellValue[][] = sample.grid.values.map((r) => [...r]);
    const c = column.charCodeAt(0) - 'A'.charCodeAt(0);
    changed[row - sample.grid.firstRow][c] = 'tbc';
    workbook.setSheet({ ...sample.grid, values: changed });

    // Until the sheet is opened again the session works on what it read (as it always has).
    expect(value(await session.check(AS_OF))).toBe(before);
    expect(count.rules()).toBe(1);

    value(await session.open());
    const after = value(await session.check(AS_OF));
    expect(count.rules()).toBe(2);
    const cell = `${column}${row}`;
    expect(before.findings.some((f) => f.cell === cell && f.rule === 'unreadable-date')).toBe(false);
    expect(after.findings.some((f) => f.cell === cell && f.rule === 'unreadable-date')).toBe(true);
  });

  test('saved aims give a new result from the same run of the rules', async () => {
    const { session, workbook } = await openedSession();
    const count = countChecks();
    value(await session.check(AS_OF));
    const presets = aimsOrPresets(null);
    const mine: AimsFile = { aims: [presets.aims[0]], changes: [] };
    value(await session.saveAims(mine));
    value(await session.writeIssuesSheet(AS_OF));
    expect(count.rules()).toBe(1);
    expect(count.aims()).toBe(2);
    expect(workbook.settings.get(SETTING_AIMS)).toBeDefined();
    // The issues sheet is that of the saved aims, as if checked afresh with them.
    const sheet = analyseSheet(buildSampleGrid().grid, false);
    const expected = planIssuesSheet(runCheck(sheet, day(AS_OF), aimsOrPresets(workbook.settings.get(SETTING_AIMS) as AimsFile)), sheet.layout.sheet, {
      date1904: false,
      localLabels: sheet.localLabels,
    });
    expect(workbook.written[0].sheets[0]).toEqual(expected);
  });
});

describe('one set of aims figures per sheet, as-of date and population switch', () => {
  test('the report reuses the figures the Aims step measured, and its sheets are as if measured afresh', async () => {
    const { session, workbook } = await openedSession();
    const sheet = analyseSheet(buildSampleGrid().grid, false);
    const file = aimsOrPresets(null);
    const expected = planReport(sheet, file, day(AS_OF)).plan;
    const expectedKept = planReport(sheet, file, day(AS_OF), { includeOutsidePopulation: true }).plan;
    const measured = jest.spyOn(measures, 'measureAim');
    const aims = file.aims.length;

    const figures = value(await session.measureAims(AS_OF));
    expect(figures.aims).toHaveLength(aims);
    expect(measured.mock.calls.length).toBe(aims);
    value(await session.writeReport(AS_OF));
    value(await session.writeReport(AS_OF));
    // Before the session kept its figures: each aim was measured again for every report (3 × aims here).
    expect(measured.mock.calls.length).toBe(aims);
    expect(workbook.written[0]).toEqual(expected);
    // The second report is the first again: nothing changed the figures they share.
    expect(workbook.written[1]).toEqual(expected);

    // Keeping the rows outside the population is other figures, measured once and written as such.
    const kept = value(await session.measureAims(AS_OF, { includeOutsidePopulation: true }));
    expect(kept.population.kept).toBe(true);
    value(await session.writeReport(AS_OF, undefined, { includeOutsidePopulation: true }));
    expect(measured.mock.calls.length).toBe(2 * aims);
    expect(workbook.written[2]).toEqual(expectedKept);
    expect(expectedKept).not.toEqual(expected);

    // Another as-of date is measured again, at that date.
    const earlier = value(await session.measureAims(EARLIER));
    expect(measured.mock.calls.length).toBe(3 * aims);
    expect(earlier.aims).not.toEqual(figures.aims);
  });
});

describe('sheetChecks', () => {
  const sheet = analyseSheet(buildSampleGrid().grid, false);

  test('gives the result of the date asked, and the same object again for the same date and aims', () => {
    const checks = sheetChecks(sheet);
    const file = aimsOrPresets(null);
    const a = checks.check(day(AS_OF), file);
    expect(checks.check(day(AS_OF), file)).toBe(a);
    expect(a).toEqual(runCheck(sheet, day(AS_OF), file));
    const b = checks.check(day(EARLIER), file);
    expect(b.asOf).toBe(EARLIER);
    expect(b).toEqual(runCheck(sheet, day(EARLIER), file));
    expect(checks.check(day(EARLIER))).toEqual(runCheck(sheet, day(EARLIER)));
  });

  test('with keepFinding the result is made from the kept rules but not kept itself', () => {
    const count = countChecks();
    const checks = sheetChecks(sheet);
    const keep = (f: { rule: string }) => f.rule !== 'future-date';
    const first = checks.check(day(AS_OF), undefined, keep);
    const second = checks.check(day(AS_OF), undefined, keep);
    expect(count.rules()).toBe(1);
    expect(second).not.toBe(first);
    expect(first).toEqual(runCheck(sheet, day(AS_OF), undefined, keep));
  });

  test('results of another sheet are refused (a defect, not the user\'s problem)', () => {
    const other = analyseSheet(buildSampleGrid({ children: 12 }).grid, false);
    expect(() => planReport(sheet, aimsOrPresets(null), day(AS_OF), {}, sheetChecks(other))).toThrow('another sheet');
  });
});
