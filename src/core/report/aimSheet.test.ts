import type { ChildRecord, RunChart } from '../model';
import { normaliseAim } from '../aims/definition';
import { measureAim } from '../aims/measures';
import { child, day } from '../aims/testing';
import { serialFromDay } from '../dates';
import { aimSheetName, columnWidth, planAimSheet, runChartColumns, runChartVerdict, safeSheetName } from './aimSheet';
import { DATE_FORMAT } from './plan';
import { cellValue, checkSheet, parseRange, rangeValues } from './planCheck.test-helper';

const AS_OF = day('2024-03-31');
const aim = normaliseAim({
  id: 'aim2',
  name: 'Accommodation to permanence recommendation',
  start: 'firstAccommodated',
  end: 'permanenceRecommendation',
  targetWeeks: 26,
  targetPercent: 90,
});

function ctx(extra: Partial<Parameters<typeof planAimSheet>[2]> = {}): Parameters<typeof planAimSheet>[2] {
  return { asOf: AS_OF, date1904: false, sourceSheet: 'Tracker', index: 1, changes: [], tablePrefix: 'PACE_Aim1_', ...extra };
}

const small: ChildRecord[] = [
  child({ row: 5, dates: { firstAccommodated: '2022-04-01', permanenceRecommendation: '2022-09-30' } }), // 26.0 weeks
  child({ row: 7, dates: { firstAccommodated: '2022-05-10', permanenceRecommendation: '2023-01-15' } }), // 35.7 weeks
  child({ row: 12, dates: { firstAccommodated: '2022-08-01', permanenceRecommendation: '2022-10-15' } }), // 10.7 weeks
  child({ row: 9, dates: { firstAccommodated: '2023-06-01' } }), // waiting 43.4, past target
  child({ row: 11, dates: { firstAccommodated: '2023-11-01' } }), // waiting 21.6, within target
];

/** A long series, dates a week apart: 12 slow children (baseline), 9 quick ones (a re-phase), then 7 above the new median (a shift). */
function longSeries(): ChildRecord[] {
  const records: ChildRecord[] = [];
  for (let i = 0; i < 28; i++) {
    const end = day('2022-01-03') + i * 7;
    const weeks = i < 12 ? 30 + (i % 4) : i < 21 ? 10 + (i % 3) : 15;
    records.push(child({ row: i + 2, dates: { firstAccommodated: isoOf(end - weeks * 7), permanenceRecommendation: isoOf(end) } }));
  }
  return records;
}

function isoOf(d: number): string {
  return new Date(d * 86400000).toISOString().slice(0, 10);
}

describe('planAimSheet on a small aim', () => {
  const result = measureAim(small, aim, AS_OF);
  const changes = [{ date: '2022-10-01', label: 'Two-week planning meeting' }];
  const sheet = planAimSheet(result, aim, ctx({ changes }));

  test('is structurally sound (ranges, tables, overlaps, names)', () => {
    expect(() => checkSheet(sheet)).not.toThrow();
  });

  test('the as-of line says what the figures left out: an end date before the start, rows outside the population', () => {
    const withError = [...small, child({ row: 20, dates: { firstAccommodated: '2023-02-01', permanenceRecommendation: '2023-01-01' } })];
    const planned = planAimSheet(measureAim(withError, aim, AS_OF), aim, ctx({ population: { outside: 2, kept: false } }));
    expect(cellValue(planned, 'A3')).toBe(
      'As of 31/03/2024. 1 child is excluded from every figure because the end date is before the start date (row 20): correct the dates and run the report again. 2 rows outside the PACE population (ceased to be looked after more than a year before the as-of date) are left out.',
    );
    // The headline is the same as without the excluded child: 3 completed.
    expect(cellValue(planned, 'A6')).toBe(3);
  });

  test('name, title, sentence, as-of line and headline figures', () => {
    expect(sheet.name).toBe('PACE Aim 1 Accom to Rec');
    expect(sheet.role).toBe('aim');
    expect(cellValue(sheet, 'A1')).toBe('Accommodation to permanence recommendation');
    expect(cellValue(sheet, 'A2')).toMatch(/^90% of children will have a permanence recommendation within 26 weeks/);
    expect(cellValue(sheet, 'A3')).toBe('As of 31/03/2024');
    expect(rangeValues(sheet, 'A5:A5')).toEqual(['Completed']);
    expect([5, 6].map((r) => ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((c) => cellValue(sheet, `${c}${r}`)))).toEqual([
      ['Completed', 'Within target', '% within target', 'Target %', 'Median weeks', 'Waiting', 'Waiting past target'],
      [3, 2, 66.7, 90, 26, 2, 1],
    ]);
    expect(sheet.freezeRows).toBe(9);
  });

  test('children table: one row per child in end-date order, dates as serials, exact weeks', () => {
    const table = sheet.tables.find((t) => t.name === 'PACE_Aim1_Children');
    expect(table).toBeDefined();
    expect(parseRange(table!.range)).toMatchObject({ top: 9, bottom: 12, left: 1 });
    const block = sheet.blocks.find((b) => b.at === 'A9')!;
    expect(block.values[0].slice(0, 6)).toEqual(['Child ID', 'Row', 'Start date', 'End date', 'Weeks', 'Within target']);
    expect(block.values.slice(1).map((r) => r[0])).toEqual(['C5', 'C12', 'C7']);
    expect(block.values[1][3]).toBe(serialFromDay(day('2022-09-30'), false));
    expect(block.values[2][4]).toBeCloseTo(75 / 7, 12);
    expect(block.values[3][5]).toBe('No');
    expect(block.columnFormats![2]).toBe(DATE_FORMAT);
  });

  test('run chart: categories are the end dates; weeks, medians, target and the test of change line up', () => {
    const chart = sheet.charts.find((c) => c.name === 'aim1RunChart')!;
    expect(chart.kind).toBe('line');
    expect(rangeValues(sheet, chart.categories)).toEqual(['2022-09-30', '2022-10-15', '2023-01-15'].map((d) => serialFromDay(day(d), false)));
    expect(chart.categoryFormat).toBe(DATE_FORMAT);
    expect(chart.xAxisTitle).toBe('Date permanence recommendation reached (one point per child)');
    expect(chart.yAxisTitle).toBe('Weeks from first accommodated away from home to permanence recommendation');
    const byName = new Map(chart.series.map((s) => [s.name, s]));
    expect([...byName.keys()]).toEqual(['Weeks', 'Median (baseline)', 'Median (extended)', 'Target (26 weeks)', 'Two-week planning meeting']);
    expect(rangeValues(sheet, byName.get('Target (26 weeks)')!.values)).toEqual([26, 26, 26]);
    // Fewer points than the baseline: every point is baseline, median of 26, 10.7, 35.7 = 26.
    expect(rangeValues(sheet, byName.get('Median (baseline)')!.values)).toEqual([26, 26, 26]);
    expect(byName.get('Median (extended)')!.line).toBe('dash');
    // First point on or after 01/10/2022 is the second child (15/10/2022).
    const marker = byName.get('Two-week planning meeting')!;
    expect(marker.dataLabels).toBe('seriesName');
    expect(marker.line).toBe('none');
    expect(rangeValues(sheet, marker.values)).toEqual([null, 75 / 7, null]);
  });

  test('waiting bar chart: longest first, past-target bars in their own series', () => {
    const chart = sheet.charts.find((c) => c.name === 'aim1WaitingChart')!;
    expect(chart.kind).toBe('bar');
    expect(chart.stacked).toBe(true);
    expect(chart.reverseCategories).toBe(true);
    expect(rangeValues(sheet, chart.categories)).toEqual(['C9', 'C11']);
    expect(chart.series.map((s) => s.name)).toEqual(['Waiting, within target', 'Waiting, past target']);
    expect(rangeValues(sheet, chart.series[0].values)).toEqual([null, 151 / 7]);
    expect(rangeValues(sheet, chart.series[1].values)).toEqual([304 / 7, null]);
    expect(chart.series[0].color).not.toBe(chart.series[1].color);
  });

  test('monthly table and % chart with median and target lines', () => {
    const table = sheet.tables.find((t) => t.name === 'PACE_Aim1_Monthly')!;
    const r = parseRange(table.range);
    expect(r.bottom - r.top).toBe(19); // Sep 2022 … Mar 2024
    const chart = sheet.charts.find((c) => c.name === 'aim1MonthlyChart')!;
    expect(chart.series.map((s) => s.name)).toEqual(['% within target', 'Median', 'Target (90%)']);
    const percents = rangeValues(sheet, chart.series[0].values);
    expect(percents[0]).toBe(100); // Sep 2022: 1 of 1
    expect(percents[1]).toBe(100); // Oct 2022
    expect(percents[2]).toBeNull(); // Nov 2022: none completed
    expect(percents[4]).toBe(0); // Jan 2023
    // Median of the monthly percentages 100, 100, 0 = 100, carried over empty months.
    expect(new Set(rangeValues(sheet, chart.series[1].values))).toEqual(new Set([100]));
    expect(chart.categoryFormat).toBe('mmm yyyy');
    expect(rangeValues(sheet, chart.categories)[0]).toBe(serialFromDay(day('2022-09-01'), false));
  });

  test('1904 date system shifts every serial', () => {
    const sheet1904 = planAimSheet(result, aim, ctx({ date1904: true }));
    const block = sheet1904.blocks.find((b) => b.at === 'A9')!;
    expect(block.values[1][3]).toBe(serialFromDay(day('2022-09-30'), true));
    expect(serialFromDay(day('2022-09-30'), true)).toBe(serialFromDay(day('2022-09-30'), false) - 1462);
  });
});

describe('planAimSheet: long series with a re-phase and signals', () => {
  const result = measureAim(longSeries(), aim, AS_OF);
  const sheet = planAimSheet(result, aim, ctx({ index: 3, tablePrefix: 'PACE_Aim3_' }));

  test('is structurally sound', () => {
    expect(() => checkSheet(sheet)).not.toThrow();
    expect(result.runChart.phases.length).toBeGreaterThan(1);
  });

  test('solid baseline median joins the dashed extension; re-phased median over its phase; signals marked', () => {
    const chart = sheet.charts.find((c) => c.name === 'aim3RunChart')!;
    const values = (name: string) => rangeValues(sheet, chart.series.find((s) => s.name === name)!.values);
    const base = result.runChart.phases[0];
    const solid = values('Median (baseline)');
    const dashed = values('Median (extended)');
    expect(solid.slice(0, 12).every((v) => v === base.median)).toBe(true);
    expect(solid.slice(12).every((v) => v === null)).toBe(true);
    expect(dashed[11]).toBe(base.median); // the join
    expect(dashed.slice(0, 11).every((v) => v === null)).toBe(true);
    expect(dashed.slice(12, base.lastIndex + 1).every((v) => v === base.median)).toBe(true);
    const rephased = values('Re-phased median');
    const second = result.runChart.phases[1];
    expect(rephased[second.firstIndex]).toBe(second.median);
    expect(rephased[second.firstIndex - 1]).toBeNull();
    const signals = values('Shift or trend');
    result.runChart.points.forEach((p, i) => expect(signals[i]).toBe(p.shift || p.trend ? p.value : null));
    expect(signals.some((v) => v !== null)).toBe(true);
  });
});

describe('run chart verdict in plain words', () => {
  test('long series: the shift and the re-phase are told on row 4', () => {
    const result = measureAim(longSeries(), aim, AS_OF);
    const sheet = planAimSheet(result, aim, ctx());
    const verdict = String(cellValue(sheet, 'A4'));
    expect(verdict).toMatch(/signs of non-random change: .*a shift \(6 or more children in a row/);
    expect(verdict).toMatch(/re-phased once after 9 children in a row/);
  });
  test('a short series shows no sign; a "before" baseline with nothing before it says so', () => {
    const result = measureAim(small, aim, AS_OF);
    expect(runChartVerdict(result.runChart, aim)).toBe('Run chart: no sign of non-random change yet.');
    const before = { ...aim, baseline: { before: '2020-01-01' } };
    const fallback = measureAim(small, before, AS_OF);
    expect(runChartVerdict(fallback.runChart, before)).toMatch(/^No child reached this milestone before 01\/01\/2020, so the first 3 children form the baseline instead\./);
  });
  test('no chart, no verdict line', () => {
    const sheet = planAimSheet(measureAim([], aim, AS_OF), aim, ctx());
    expect(cellValue(sheet, 'A4')).toBeUndefined();
  });
});

describe('planAimSheet: empty cases', () => {
  test('nobody completed and nobody waiting: notes, no tables, no charts', () => {
    const result = measureAim([], aim, AS_OF);
    const sheet = planAimSheet(result, aim, ctx());
    expect(() => checkSheet(sheet)).not.toThrow();
    expect(sheet.tables).toEqual([]);
    expect(sheet.charts).toEqual([]);
    const notes = sheet.blocks.filter((b) => b.style === 'note').map((b) => String(b.values[0][0]));
    expect(notes.some((n) => n.startsWith('No child in this aim had reached permanence recommendation by 31/03/2024'))).toBe(true);
    expect(notes.some((n) => n.startsWith('No child in this aim is waiting'))).toBe(true);
  });

  test('only waiting children: the bar chart and its table, no run chart', () => {
    const result = measureAim([child({ row: 2, dates: { firstAccommodated: '2023-01-01' } })], aim, AS_OF);
    const sheet = planAimSheet(result, aim, ctx());
    expect(() => checkSheet(sheet)).not.toThrow();
    expect(sheet.charts.map((c) => c.name)).toEqual(['aim1WaitingChart']);
    expect(sheet.tables.map((t) => t.name)).toEqual(['PACE_Aim1_Waiting']);
  });

  test('no target: no within-target columns, no target line, no monthly % chart, one waiting series', () => {
    const journey = normaliseAim({ id: 'j', start: 'lookedAfterStart', end: 'legalPermanence' });
    const records = [
      child({ row: 2, dates: { lookedAfterStart: '2021-01-01', legalPermanence: '2022-06-01' } }),
      child({ row: 3, dates: { lookedAfterStart: '2022-01-01' } }),
    ];
    const sheet = planAimSheet(measureAim(records, journey, AS_OF), journey, ctx());
    expect(() => checkSheet(sheet)).not.toThrow();
    const run = sheet.charts.find((c) => c.name === 'aim1RunChart')!;
    expect(run.series.map((s) => s.name)).toEqual(['Weeks', 'Median (baseline)', 'Median (extended)']);
    expect(sheet.charts.find((c) => c.name === 'aim1MonthlyChart')).toBeUndefined();
    expect(sheet.charts.find((c) => c.name === 'aim1WaitingChart')!.series.map((s) => s.name)).toEqual(['Waiting']);
    const children = sheet.blocks.find((b) => b.at === 'A9')!;
    expect(children.values[0]).not.toContain('Within target');
  });
});

describe('helpers', () => {
  test('sheet names: forbidden characters replaced, 31 characters at most', () => {
    expect(safeSheetName('PACE Aim 1 Panel [North]: kids/teens?')).toBe('PACE Aim 1 Panel North kids tee');
    expect(safeSheetName("'Quoted'")).toBe('Quoted');
    expect(aimSheetName(normaliseAim({ id: 'x', name: 'A*B', start: 'panel', end: 'admDecision' }), 12)).toBe('PACE Aim 12 A B');
    // A long name is not cut mid-word: the milestones' tab words stand in for it.
    const long = normaliseAim({ id: 'y', name: 'Accommodation to permanence recommendation', start: 'firstAccommodated', end: 'permanenceRecommendation' });
    expect(aimSheetName(long, 1)).toBe('PACE Aim 1 Accom to Rec');
    const local = normaliseAim({ id: 'z', name: 'A very long local aim name that will not fit', start: 'legalAdviceMeeting', end: 'courtApplication' });
    expect(aimSheetName(local, 2, new Map([['legalAdviceMeeting', 'Legal advice meeting']]))).toBe('PACE Aim 2 Legal to Court');
  });

  test('runChartColumns on an empty chart', () => {
    const empty: RunChart = { rules: 'ihi', direction: 'down', points: [], phases: [], runs: { useful: 0, runs: 0, lower: null, upper: null, tooFew: false, tooMany: false, limitsFrom: null }, anhoej: { longestRun: 0, longestRunLimit: null, crossings: 0, crossingsLimit: null, signal: false } };
    expect(runChartColumns(empty, [{ date: '2022-01-01', label: 'x' }])).toEqual({ median: [], extendedMedian: [], rephasedMedian: null, signal: null, changes: [] });
  });

  test('a test of change after the last point has no marker; duplicate labels get their own column', () => {
    const result = measureAim(small, aim, AS_OF);
    const sheet = planAimSheet(result, aim, ctx({ changes: [
      { date: '2022-01-01', label: 'Review' },
      { date: '2022-10-01', label: 'Review' },
      { date: '2025-01-01', label: 'Too late' },
    ] }));
    expect(() => checkSheet(sheet)).not.toThrow();
    const run = sheet.charts.find((c) => c.name === 'aim1RunChart')!;
    expect(run.series.map((s) => s.name).slice(-2)).toEqual(['Review', 'Review (2)']);
    const odd = planAimSheet(result, aim, ctx({ changes: [{ date: '2022-01-01', label: '=Weeks' }] }));
    expect(odd.charts.find((c) => c.name === 'aim1RunChart')!.series.map((s) => s.name).slice(-1)).toEqual(['Weeks (2)']);
  });
});

describe('columnWidth', () => {
  it('is never narrower than the header and its filter button', () => {
    expect(columnWidth({ header: 'Waiting past target', values: [], width: 12 })).toBe(22);
    expect(columnWidth({ header: 'Row', values: [], width: 8 })).toBe(8);
  });
});
