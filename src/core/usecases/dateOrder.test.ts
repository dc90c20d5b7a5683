import type { CellValue, SheetGrid } from '../grid';
import { UserFacingError } from '../errors';
import { dayFromParts, isoFromDay } from '../dates/serial';
import { aimsOrPresets, analyseSheet, lastMonthPoints, runAims, runCheck, withDateOrderOf } from './pipeline';
import { compareSheets } from './compare';
import { resolveDateOrder } from './dateOrder';
import { planIssuesSheet } from '../report/issuesSheet';

const AS_OF = dayFromParts(2024, 3, 31);

/**
 * Column E holds permanence recommendations typed the US way as text; C and D
 * are UK text dates (a day above 12 in each, so plainly day first).
 * Worked by hand, month first: C1 15/01/2023 → 20/03/2023 is 64 days (9.1 weeks),
 * C2 20/02/2023 → 05/04/2023 is 44 days (6.3 weeks), C3 13/06/2022 → 30/01/2023
 * is 231 days (33.0 weeks, past 26).
 */
function usSheet(): SheetGrid {
  const values: CellValue[][] = [
    ['PACE tracker – data as at 31/03/2024', null, null, null, null],
    ['Child ID', 'Date of birth', 'Date became looked after', 'Date first accommodated', 'Permanence recommendation'],
    ['C1', '14/05/2015', '15/01/2023', '15/01/2023', '03/20/2023'],
    ['C2', '14/05/2016', '20/02/2023', '20/02/2023', '04/05/2023'],
    ['C3', '14/05/2017', '13/06/2022', '13/06/2022', '01/30/2023'],
  ];
  return { sheetName: 'Tracker', firstRow: 1, firstColumn: 1, values, numberFormats: null, table: null };
}

function problemOf(fn: () => unknown): UserFacingError {
  try {
    fn();
  } catch (err) {
    if (err instanceof UserFacingError) return err;
    throw err;
  }
  throw new Error('expected a UserFacingError');
}

const firstAim = (order?: Record<string, 'dmy' | 'mdy'>) => {
  const sheet = analyseSheet(usSheet(), false, undefined, order);
  return runAims(sheet, aimsOrPresets(null), AS_OF).aims[0].result;
};

describe('a column typed month/day/year', () => {
  test('is found, with its evidence and no order yet', () => {
    const sheet = analyseSheet(usSheet(), false);
    expect(sheet.monthFirstColumns).toEqual([
      { column: 'E', field: 'permanenceRecommendation', header: 'Permanence recommendation', monthFirstOnly: 2, ambiguous: 1, example: '03/20/2023', order: null },
    ]);
  });

  test('gives one finding for the column, not one per cell', () => {
    const result = runCheck(analyseSheet(usSheet(), false), AS_OF);
    const inE = result.findings.filter((f) => f.cell.startsWith('E'));
    expect(inE).toHaveLength(1);
    expect(inE[0]).toMatchObject({ rule: 'month-first-column', severity: 'error', cell: 'E2', row: 2, field: 'permanenceRecommendation', childId: null });
    expect(inE[0].message).toContain('Column E looks month/day/year');
    expect(inE[0].message).toContain("'03/20/2023'");
    expect(inE[0].message).toContain('its 3 text dates that could be read either way are not used');
    expect(result.counts.error).toBe(result.findings.filter((f) => f.severity === 'error').length);
  });

  test('the PACE Issues sheet carries the one finding for the column', () => {
    const sheet = analyseSheet(usSheet(), false);
    const issues = planIssuesSheet(runCheck(sheet, AS_OF), 'Tracker');
    const rows = issues.blocks.find((b) => b.at === 'A5')?.values ?? [];
    const aboutE = rows.filter((r) => typeof r[1] === 'string' && r[1].startsWith('E'));
    expect(aboutE).toHaveLength(1);
    expect(aboutE[0].slice(0, 5)).toEqual(['Error', 'E2', '', 'Permanence recommendation', 'Column of month/day/year dates']);
  });

  test('holds back the aims until the order is confirmed, naming the column', () => {
    const problem = problemOf(() => firstAim());
    expect(problem.kind).toBe('dateOrderUnconfirmed');
    expect(problem.message).toBe(
      "Column E ('Permanence recommendation') looks month/day/year, so the aims are held back until the date order is confirmed for it (month/day/year or day/month/year).",
    );
  });

  test('confirmed month first (by letter or field id), reads every text date month first', () => {
    for (const key of ['E', 'e', 'permanenceRecommendation']) {
      const aim = firstAim({ [key]: 'mdy' });
      expect(aim.children.map((c) => [c.childId, c.endDate, c.weeks, c.withinTarget])).toEqual([
        ['C3', '2023-01-30', 33, false],
        ['C1', '2023-03-20', 9.1, true],
        ['C2', '2023-04-05', 6.3, true],
      ]);
      expect(aim.percentWithinTarget).toBe(66.7);
    }
  });

  test('once confirmed, the check says so once as a note and the cells get no day-first notes', () => {
    const sheet = analyseSheet(usSheet(), false, undefined, { E: 'mdy' });
    expect(sheet.monthFirstColumns[0].order).toBe('mdy');
    const inE = runCheck(sheet, AS_OF).findings.filter((f) => f.cell.startsWith('E'));
    expect(inE).toHaveLength(1);
    expect(inE[0]).toMatchObject({ rule: 'month-first-column', severity: 'info', cell: 'E2' });
    expect(inE[0].message).toBe(
      "Column E ('Permanence recommendation') is read month/day/year, as confirmed: 3 dates typed as text were read month first (for example '03/20/2023' as 20/03/2023). Entering them as real dates lets Excel sort and filter them.",
    );
  });

  test('confirmed day first, the hold is lifted and the cells are read the UK way', () => {
    const aim = firstAim({ E: 'dmy' });
    // Only C2's 04/05/2023 reads day first (4 May: 73 days, 10.4 weeks); the others are no dates.
    expect(aim.children.map((c) => [c.childId, c.endDate, c.weeks])).toEqual([['C2', '2023-05-04', 10.4]]);
    const rules = runCheck(analyseSheet(usSheet(), false, undefined, { E: 'dmy' }), AS_OF).findings.filter((f) => f.cell.startsWith('E')).map((f) => f.rule);
    expect(rules.sort()).toEqual(['text-date', 'unreadable-date', 'unreadable-date']);
  });

  test('the title offers its as-of date without it being used', () => {
    const sheet = analyseSheet(usSheet(), false);
    expect(sheet.titleAsOf && isoFromDay(sheet.titleAsOf.day)).toBe('2024-03-31');
    expect(sheet.titleAsOf?.text).toBe('as at 31/03/2024');
  });
});

describe('resolveDateOrder', () => {
  const columns = analyseSheet(usSheet(), false).layout.columns;
  test('a key that is no date column, or an order that is neither, is refused plainly', () => {
    expect(problemOf(() => resolveDateOrder({ A: 'mdy' }, columns)).message).toContain('"A" is not a date column on this sheet');
    expect(problemOf(() => resolveDateOrder({ Z: 'mdy' }, columns)).kind).toBe('usage');
    expect(problemOf(() => resolveDateOrder({ E: 'ymd' as 'mdy' }, columns)).message).toBe(
      'The date order for E must be mdy (month/day/year) or dmy (day/month/year), not "ymd".',
    );
  });
  test('month first can be set on a column that did not look it', () => {
    const sheet = analyseSheet(usSheet(), false, undefined, { E: 'mdy', C: 'mdy' });
    expect(sheet.monthFirstColumns.map((c) => [c.column, c.order])).toEqual([
      ['E', 'mdy'],
      ['C', 'mdy'],
    ]);
    // 15/01/2023 cannot be read month first: it is not a date, and its own finding says so.
    expect(sheet.records[0].dates.lookedAfterStart).toEqual({ reading: 'unreadable', day: null, raw: '15/01/2023' });
    const onC3 = runCheck(sheet, AS_OF).findings.filter((f) => f.cell === 'C3');
    expect(onC3.map((f) => f.rule)).toEqual(['unreadable-date']);
  });

  test('a cell that is no date either way keeps its own finding in a column waiting for its order', () => {
    const grid = usSheet();
    grid.values[4][4] = '02/30/2023';
    grid.values.push(['C4', '14/05/2017', '13/06/2022', '13/06/2022', '01/31/2023']);
    const inE = runCheck(analyseSheet(grid, false), AS_OF).findings.filter((f) => f.cell.startsWith('E'));
    expect(inE.map((f) => [f.rule, f.cell])).toEqual([
      ['month-first-column', 'E2'],
      ['unreadable-date', 'E5'],
    ]);
  });
});

describe("last month's file beside a sheet whose month-first column is confirmed", () => {
  // Last month's copy of the same sheet, its order never confirmed (the CLI's LAST, or a file read in the pane).
  const now = () => analyseSheet(usSheet(), false, undefined, { E: 'mdy' });
  const lastMonth = () => analyseSheet(usSheet(), false);

  test('is read with this month’s order, field by field', () => {
    const carried = withDateOrderOf(lastMonth(), now());
    expect(carried.monthFirstColumns.map((c) => [c.field, c.order])).toEqual([['permanenceRecommendation', 'mdy']]);
    // C1's 03/20/2023 month first: 20/03/2023, as this month reads it.
    expect(isoFromDay(carried.records[0].dates.permanenceRecommendation?.day as number)).toBe('2023-03-20');
  });

  test('is left as it is when this month confirms nothing, or it already has its own order', () => {
    const last = lastMonth();
    expect(withDateOrderOf(last, analyseSheet(usSheet(), false))).toBe(last);
    const own = analyseSheet(usSheet(), false, undefined, { E: 'dmy' });
    expect(withDateOrderOf(own, now())).toBe(own);
  });

  test('compare finds no change between two copies of the same sheet', () => {
    const { comparison } = compareSheets({ last: lastMonth(), now: now(), thisAsOf: AS_OF, lastName: 'March.xlsx' });
    expect(comparison.changes).toEqual([]);
  });

  test('last month’s run-chart points sit on this month’s', () => {
    const sheet = now();
    const measured = runAims(sheet, aimsOrPresets(null), AS_OF);
    const points = lastMonthPoints(sheet, measured, AS_OF, { sheet: lastMonth(), name: 'March.xlsx', asOf: AS_OF });
    expect(points.matched).toBe(3);
    // 64, 44 and 231 days (worked above), last month as this month; read day first, C1 and C3 would be off the chart.
    expect(new Map([...points.aims[0].entries()].map(([id, p]) => [id, p.weeks]))).toEqual(
      new Map([
        ['C1', 64 / 7],
        ['C2', 44 / 7],
        ['C3', 231 / 7],
      ]),
    );
  });
});
