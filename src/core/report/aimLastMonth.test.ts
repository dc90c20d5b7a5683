import type { ChildRecord } from '../model';
import { normaliseAim } from '../aims/definition';
import { measureAim } from '../aims/measures';
import { child, day } from '../../../test/support/aims';
import { cellValue, checkSheet, parseRange, rangeValues } from '../../../test/support/planCheck';
import { lastMonthWeeks } from '../compare/lastPoints';
import { planAimSheet } from './aimSheet';
import { lastMonthNote, movedPoints, MOVED_HEADING, type LastMonthOnSheet } from './aimLastMonth';

const AS_OF = day('2024-03-31');
const LAST_AS_OF = day('2024-02-29');
const aim = normaliseAim({ id: 'aim2', name: 'Accommodation to permanence recommendation', start: 'firstAccommodated', end: 'permanenceRecommendation', targetWeeks: 26, targetPercent: 90 });

/** Last month: C5 26.0 weeks, C7 35.7, C12 10.7, C9 waiting, C14 a point (taken off this month), C3 ceased long ago (outside). */
const last: ChildRecord[] = [
  child({ row: 5, dates: { firstAccommodated: '2022-04-01', permanenceRecommendation: '2022-09-30' } }),
  child({ row: 7, dates: { firstAccommodated: '2022-05-10', permanenceRecommendation: '2023-01-15' } }),
  child({ row: 12, dates: { firstAccommodated: '2022-08-01', permanenceRecommendation: '2022-10-15' } }),
  child({ row: 9, dates: { firstAccommodated: '2023-06-01' } }),
  child({ row: 14, dates: { firstAccommodated: '2022-06-01', permanenceRecommendation: '2022-12-01' } }),
];

/** This month: C7's recommendation dated 14 days earlier (2 weeks shorter), C14's blanked, C9 reached (new, not moved), C20 added. */
const now: ChildRecord[] = [
  child({ row: 5, dates: { firstAccommodated: '2022-04-01', permanenceRecommendation: '2022-09-30' } }),
  child({ row: 7, dates: { firstAccommodated: '2022-05-10', permanenceRecommendation: '2023-01-01' } }),
  child({ row: 12, dates: { firstAccommodated: '2022-08-01', permanenceRecommendation: '2022-10-15' } }),
  child({ row: 9, dates: { firstAccommodated: '2023-06-01', permanenceRecommendation: '2024-03-10' } }),
  child({ row: 14, dates: { firstAccommodated: '2022-06-01' } }),
  child({ row: 20, dates: { firstAccommodated: '2023-01-01', permanenceRecommendation: '2023-05-01' } }),
];

function lastMonthOf(records: ChildRecord[] = last, lastIdOf?: (id: string) => string | undefined): LastMonthOnSheet {
  const [weeks] = lastMonthWeeks(records, now, [aim], LAST_AS_OF, { lastIdOf });
  return { name: 'February.xlsx', asOf: LAST_AS_OF, weeks };
}

describe('last month’s points (lastMonthWeeks)', () => {
  it('gives every matched child last month’s weeks, null where it was not a point, and leaves the unmatched out', () => {
    const { weeks } = lastMonthOf();
    expect(weeks.get('C5')).toEqual({ row: 5, weeks: 182 / 7 });
    expect(weeks.get('C7')?.weeks).toBeCloseTo(250 / 7, 9);
    expect(weeks.get('C9')).toEqual({ row: 9, weeks: null });
    expect(weeks.has('C20')).toBe(false);
    expect([...weeks.keys()].sort()).toEqual(['C12', 'C14', 'C5', 'C7', 'C9']);
  });

  it('matches by the same function the comparison uses (pseudonyms in last month’s copy)', () => {
    const pseudonymised = last.map((r) => ({ ...r, childId: `P-${r.childId}` }));
    const { weeks } = lastMonthOf(pseudonymised, (id) => `P-${id}`);
    expect(weeks.get('C5')).toEqual({ row: 5, weeks: 182 / 7 });
    expect(weeks.size).toBe(5);
  });
});

describe('points that moved since last month', () => {
  const result = measureAim(now, aim, AS_OF);
  const lastMonth = lastMonthOf();

  it('lists a point that moved and one that came off the chart, not a point new this month', () => {
    const moved = movedPoints(result, lastMonth);
    expect(moved.map((p) => [p.childId, p.row, p.weeksAfter === null ? null : Math.round((p.weeksAfter - p.weeksBefore) * 10) / 10])).toEqual([
      ['C7', 7, -2],
      ['C14', 14, null],
    ]);
  });

  it('says what the rings are and where the list is; says so when nothing moved', () => {
    expect(lastMonthNote(lastMonth, movedPoints(result, lastMonth), 30)).toBe(
      "Grey discs: each child's weeks in last month's file (February.xlsx, as of 29/02/2024), drawn at this month's date under this month's dot; a dot off its disc has moved. Since last month 1 point moved and 1 came off the chart: see 'Points that moved since last month' from column AD.",
    );
    expect(lastMonthNote(lastMonth, [], 30)).toMatch(/No point moved since last month\.$/);
  });
});

describe('the aim sheet with last month’s points', () => {
  const result = measureAim(now, aim, AS_OF);
  const base = { asOf: AS_OF, date1904: false, sourceSheet: 'Tracker', index: 1, changes: [], tablePrefix: 'PACE_Aim1_' };
  const without = planAimSheet(result, aim, base);
  const sheet = planAimSheet(result, aim, { ...base, lastMonth: lastMonthOf() });

  it('is structurally sound', () => {
    expect(() => checkSheet(sheet)).not.toThrow();
  });

  it('draws last month as grey discs with no line, first, so this month’s points sit on top', () => {
    const chart = sheet.charts.find((c) => c.name === 'aim1RunChart')!;
    expect(chart.series[0]).toMatchObject({ name: 'Last month (as of 29/02/2024)', line: 'none', marker: 'circle', markerFill: '#BFBFBF', color: '#7F7F7F' });
    expect(chart.series[1].name).toBe('Weeks');
    // One value per child on this month's chart, in its order: C5 26.0, C12 10.7, C7 (was 35.7), C20 (new: none), C9 (not a point last month).
    const ids = rangeValues(sheet, chart.categories.replace(/[A-Z]+(\d+):[A-Z]+(\d+)/, 'A$1:A$2'));
    expect(ids).toEqual(['C5', 'C12', 'C7', 'C20', 'C9']);
    const values = rangeValues(sheet, chart.series[0].values) as (number | null)[];
    expect(values.map((v) => (v === null ? null : Math.round(v * 10) / 10))).toEqual([26, 10.7, 35.7, null, null]);
    // Without the option the series are as before.
    expect(without.charts.find((c) => c.name === 'aim1RunChart')!.series.map((s) => s.name)).toEqual(chart.series.slice(1).map((s) => s.name));
  });

  it('lists the moved points in a table after the months, on a page of its own across, with the note under the chart', () => {
    const table = sheet.tables.find((t) => t.name === 'PACE_Aim1_Moved')!;
    const r = parseRange(table.range);
    const monthly = parseRange(sheet.tables.find((t) => t.name.endsWith('Monthly'))!.range);
    expect(r.left).toBe(monthly.right + 2);
    expect(sheet.print?.columnBreaks).toContain(r.left);
    expect(cellValue(sheet, `${table.range.split(':')[0].replace(/\d+/, '')}${r.top - 1}`)).toBe(`${MOVED_HEADING} (February.xlsx)`);
        const first = table.range.split(':')[0].replace(/\d+/, '');
    expect(rangeValues(sheet, `${first}${r.top + 1}:${first}${r.bottom}`)).toEqual(['C7', 'C14']);
    expect(cellValue(sheet, `${first}${r.top}`)).toBe('Child ID');
    const notes = sheet.blocks.filter((b) => b.style === 'note').flatMap((b) => b.values.map((v) => String(v[0])));
    expect(notes.join(' ')).toContain('Grey discs');
    expect(without.tables.some((t) => t.name === 'PACE_Aim1_Moved')).toBe(false);
  });
});

describe('the moved points’ table in print', () => {
  it('fits one A4 landscape page across (the widest column unit, as LibreOffice prints it)', async () => {
    const { columnPoints, PAGE_WIDTH_POINTS } = await import('./printLayout');
    const result = measureAim(now, aim, AS_OF);
    const sheet = planAimSheet(result, aim, { asOf: AS_OF, date1904: false, sourceSheet: 'Tracker', index: 1, changes: [], tablePrefix: 'PACE_Aim1_', lastMonth: lastMonthOf() });
    const r = parseRange(sheet.tables.find((t) => t.name === 'PACE_Aim1_Moved')!.range);
    const points = sheet.columnWidths.slice(r.left - 1, r.right).reduce((sum, w) => sum + columnPoints(w), 0);
    expect(points).toBeLessThanOrEqual(PAGE_WIDTH_POINTS);
  });
});
