import type { ChildRecord, RunChart } from '../model';
import { normaliseAim } from '../aims/definition';
import { measureAim } from '../aims/measures';
import { child, day } from '../../../test/support/aims';
import { serialFromDay } from '../dates';
import { aimSheetName, fittingNotes, planAimSheet } from './aimSheet';
import { columnWidth, safeSheetName } from './table';
import { endLabelPoint, monthStep } from './aimParts';
import { runChartColumns, signalDirections } from './aimChildren';
import { medianStepNotes, quarterlyRows } from './aimMonthly';
import { runChartVerdict } from './aimHeadline';
import { noteLines, PAGE_ROWS } from './printLayout';

const noteLinesOf = (text: string) => noteLines(text, 120);
import { DATE_FORMAT } from './plan';
import { cellValue, checkSheet, parseRange, rangeValues } from '../../../test/support/planCheck';

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

/** The table called `name` and the block holding it (header row first). */
function tableOf(sheet: ReturnType<typeof planAimSheet>, name: string) {
  const table = sheet.tables.find((t) => t.name === name)!;
  const r = parseRange(table.range);
  const block = sheet.blocks.find((b) => {
    const at = parseRange(`${b.at}:${b.at}`);
    return at.top === r.top && at.left === r.left;
  })!;
  return { table, range: r, block };
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
    const asOfBlock = planned.blocks.find((b) => String(b.values[0]?.[0] ?? '').startsWith('As of'));
    expect(asOfBlock?.values.map((r) => r[0]).join(' ')).toBe(
      'As of 31/03/2024. 1 child is excluded from every figure because the end date is before the start date (row 20): correct the dates and run the report again. 2 rows outside the PACE population (ceased to be looked after more than a year before the as-of date) are left out.',
    );
    // The headline is the same as without the excluded child: 3 completed.
    const completed = planned.blocks.find((b) => b.style === 'label' && b.values[0]?.[0] === 'Completed');
    const row = Number(/\d+/.exec(completed?.at ?? '')?.[0]);
    expect(cellValue(planned, `B${row}`)).toBe(3);
  });

  test('name, title, sentence, as-of line and headline figures (a label and its value a row)', () => {
    expect(sheet.name).toBe('PACE Aim 1 Accom to Rec');
    expect(sheet.role).toBe('aim');
    expect(cellValue(sheet, 'A1')).toBe('Accommodation to permanence recommendation');
    expect(cellValue(sheet, 'A2')).toMatch(/^90% of children will have a permanence recommendation within 26 weeks/);
    const asOfRow = [2, 3, 4].find((r) => cellValue(sheet, `A${r}`) === 'As of 31/03/2024')!;
    expect(asOfRow).toBeDefined();
    const first = asOfRow + 2;
    const rows = [0, 1, 2, 3, 4, 5, 6].map((i) => [cellValue(sheet, `A${first + i}`), cellValue(sheet, `B${first + i}`)]);
    expect(rows).toEqual([
      ['Completed', 3],
      ['Within target', 2],
      ['% within target', 66.7],
      ['Target %', 90],
      ['Median weeks', 26],
      ['Waiting', 2],
      ['Waiting past target', 1],
    ]);
    // Charts come first, so no header rows are frozen.
    expect(sheet.freezeRows).toBe(0);
  });

  test('children table: one row per child in end-date order, dates as serials, exact weeks, headers in the aim\'s words', () => {
    const { range, block } = tableOf(sheet, 'PACE_Aim1_Children');
    expect(range.left).toBe(1);
    expect(range.bottom - range.top).toBe(3);
    expect(block.values[0].slice(0, 6)).toEqual(['Child ID', 'Row', 'Date first accommodated', 'Recommendation date', 'Weeks', 'Within target']);
    expect(block.values.slice(1).map((r) => r[0])).toEqual(['C5', 'C12', 'C7']);
    expect(block.values[1][3]).toBe(serialFromDay(day('2022-09-30'), false));
    expect(block.values[2][4]).toBeCloseTo(75 / 7, 12);
    expect(block.values[3][5]).toBe('No');
    expect(block.columnFormats![2]).toBe(DATE_FORMAT);
  });

  test('run chart: a date axis labelled by month; weeks, medians, target and the test of change line up', () => {
    const chart = sheet.charts.find((c) => c.name === 'aim1RunChart')!;
    expect(chart.kind).toBe('line');
    expect(rangeValues(sheet, chart.categories)).toEqual(['2022-09-30', '2022-10-15', '2023-01-15'].map((d) => serialFromDay(day(d), false)));
    expect(chart.categoryFormat).toBe('mmm yyyy');
    expect(chart.dateAxis).toEqual({ majorMonths: 1 });
    expect(chart.title).toBe('Weeks from first accommodation to permanence recommendation, one point per child');
    expect(chart.xAxisTitle).toBe('Date of permanence recommendation: one point per child, in date order');
    expect(chart.yAxisTitle).toBe('Weeks from first accommodation to permanence recommendation');
    const byName = new Map(chart.series.map((s) => [s.name, s]));
    expect([...byName.keys()]).toEqual(['Weeks', 'Median (baseline)', 'Median, carried forward', 'Target (26 weeks)', 'Two-week planning meeting']);
    expect(rangeValues(sheet, byName.get('Target (26 weeks)')!.values)).toEqual([26, 26, 26]);
    // Fewer points than the baseline: every point is baseline, median of 26, 10.7, 35.7 = 26.
    expect(rangeValues(sheet, byName.get('Median (baseline)')!.values)).toEqual([26, 26, 26]);
    // First point on or after 01/10/2022 is the second child (15/10/2022).
    const marker = byName.get('Two-week planning meeting')!;
    expect(marker.dataLabels).toBe('seriesName');
    expect(marker.line).toBe('none');
    expect(rangeValues(sheet, marker.values)).toEqual([null, 75 / 7, null]);
  });

  test('lines say what they are and differ in greyscale: labelled median and target, four line styles', () => {
    const chart = sheet.charts.find((c) => c.name === 'aim1RunChart')!;
    const byName = new Map(chart.series.map((s) => [s.name, s]));
    // Nothing is carried forward on 3 children, so the baseline median carries the label; the target is equal, so its label goes above.
    expect(byName.get('Median (baseline)')!.endLabel).toEqual({ text: 'Median 26 wks', position: 'above', point: 1 });
    expect(byName.get('Median, carried forward')!.endLabel).toBeUndefined();
    expect(byName.get('Target (26 weeks)')!.endLabel).toEqual({ text: 'Target 26 wks', position: 'above', point: 1 });
    expect(['Weeks', 'Median (baseline)', 'Median, carried forward', 'Target (26 weeks)'].map((n) => byName.get(n)!.line)).toEqual(['solid', 'solid', 'dash', 'dot']);
  });

  test('waiting bar chart: longest first, past-target bars in their own series', () => {
    const chart = sheet.charts.find((c) => c.name === 'aim1WaitingChart')!;
    expect(chart.kind).toBe('bar');
    expect(chart.stacked).toBe(true);
    expect(chart.reverseCategories).toBe(true);
    expect(chart.title).toBe('Children waiting for a permanence recommendation on 31/03/2024: 2');
    expect(rangeValues(sheet, chart.categories)).toEqual(['C9', 'C11']);
    expect(chart.series.map((s) => s.name)).toEqual(['Waiting, within target', 'Waiting, past target']);
    expect(rangeValues(sheet, chart.series[0].values)).toEqual([null, 151 / 7]);
    expect(rangeValues(sheet, chart.series[1].values)).toEqual([304 / 7, null]);
    expect(chart.series[0].color).not.toBe(chart.series[1].color);
  });

  test('monthly table and % chart: n as columns on a second axis, small months apart, labelled median and target', () => {
    const { range } = tableOf(sheet, 'PACE_Aim1_Monthly');
    expect(range.bottom - range.top).toBe(19); // Sep 2022 … Mar 2024
    const chart = sheet.charts.find((c) => c.name === 'aim1MonthlyChart')!;
    expect(chart.title).toBe('% within 26 weeks, by month of recommendation');
    expect(chart.series.map((s) => s.name)).toEqual(['Children (n), right-hand scale', '% within target', 'Fewer than 5 children (not in the median)', 'Median', 'Target (90%)']);
    const [n, charted, small, median, target] = chart.series;
    expect(n.secondaryColumns).toBe(true);
    expect(chart.secondaryAxisTitle).toBe('Children with a permanence recommendation (n)');
    expect(rangeValues(sheet, n.values).slice(0, 5)).toEqual([1, 1, 0, 0, 1]);
    // Every month here has fewer than 5 children: all drawn apart, none charted.
    expect(rangeValues(sheet, charted.values).every((v) => v === null)).toBe(true);
    const smallValues = rangeValues(sheet, small.values);
    expect(smallValues[0]).toBe(100); // Sep 2022: 1 of 1
    expect(smallValues[2]).toBeNull(); // Nov 2022: none completed
    expect(smallValues[4]).toBe(0); // Jan 2023
    expect(small.line).toBe('none');
    expect(median.endLabel).toBeUndefined(); // no median from no charted month
    expect(target.endLabel).toEqual({ text: 'Target 90%', position: 'above', point: 18 - 2 });
    expect(target.line).toBe('dot');
    expect(chart.categoryFormat).toBe('mmm yyyy');
    expect(rangeValues(sheet, chart.categories)[0]).toBe(serialFromDay(day('2022-09-01'), false));
  });

  test('a lower small-number threshold charts the months and their median', () => {
    const low = planAimSheet(result, aim, ctx({ smallNumber: 1 }));
    const chart = low.charts.find((c) => c.name === 'aim1MonthlyChart')!;
    expect(chart.series[2].name).toBe('Fewer than 1 children (not in the median)');
    const percents = rangeValues(low, chart.series[1].values);
    expect([percents[0], percents[1], percents[2], percents[4]]).toEqual([100, 100, null, 0]);
    // Median of the monthly percentages 100, 100, 0 = 100, carried over empty months.
    expect(new Set(rangeValues(low, chart.series[3].values))).toEqual(new Set([100]));
    expect(chart.series[3].endLabel).toMatchObject({ text: 'Median 100%', position: 'above' });
    expect(chart.series[4].endLabel).toMatchObject({ text: 'Target 90%', position: 'below' });
  });

  test('quarterly grouping adds up children and works out the % again', () => {
    const quarterly = planAimSheet(result, aim, ctx({ period: 'quarter', smallNumber: 1 }));
    const { block } = tableOf(quarterly, 'PACE_Aim1_Monthly');
    expect(block.values[0].slice(0, 6)).toEqual(['Quarter', 'Children (n)', 'Within target', '% within target', 'Median weeks', 'Waiting at quarter end']);
    // Jul–Sep 2022: 1 child (26 weeks, within); Oct–Dec 2022: 1 (10.7, within); Jan–Mar 2023: 1 (35.7, past).
    expect(block.values.slice(1, 4).map((r) => r.slice(0, 5))).toEqual([
      ['Jul–Sep 2022', 1, 1, 100, 26],
      ['Oct–Dec 2022', 1, 1, 100, 10.7],
      ['Jan–Mar 2023', 1, 0, 0, 35.7],
    ]);
    const chart = quarterly.charts.find((c) => c.name === 'aim1MonthlyChart')!;
    expect(chart.title).toBe('% within 26 weeks, by quarter of recommendation');
    expect(chart.categoryFormat).toBeUndefined();
  });

  test('prints at 100% on A4 landscape: charts a page each, tables after with repeated headers', () => {
    const print = sheet.print!;
    expect(print.orientation).toBe('landscape');
    const { range } = tableOf(sheet, 'PACE_Aim1_Children');
    // Header rows repeat: the tables' heading row and header row.
    expect(print.titleRows).toEqual({ first: range.top - 1, last: range.top });
    // Page 1 is the aim's figures; each of the three charts has a page; the tables start a page.
    expect(print.rowBreaks).toEqual([PAGE_ROWS + 1, 2 * PAGE_ROWS + 1, 3 * PAGE_ROWS + 1, 4 * PAGE_ROWS + 1]);
    expect(range.top - 1).toBe(4 * PAGE_ROWS + 1);
    for (const chart of sheet.charts) {
      const from = parseRange(`${chart.anchor.from}:${chart.anchor.from}`);
      const to = parseRange(`${chart.anchor.to}:${chart.anchor.to}`);
      const pageStart = [1, ...print.rowBreaks].filter((r) => r <= from.top).pop()!;
      const nextBreak = print.rowBreaks.find((r) => r > from.top)!;
      expect(from.top).toBe(pageStart + 1); // one row down: clear of the break above
      expect(to.top).toBeLessThan(nextBreak); // the chart ends on its page
      expect(to.top - from.top).toBeGreaterThanOrEqual(PAGE_ROWS - 8); // and fills most of it, notes under it
      expect(pageStart).toBeLessThanOrEqual(from.top);
      // The chart's columns are one printed page across but its last column: its edge is clear of the page break.
      expect(print.columnBreaks[0]).toBe(to.left + 2);
    }
    // Each table starts a page across.
    const waiting = tableOf(sheet, 'PACE_Aim1_Waiting').range.left;
    const monthly = tableOf(sheet, 'PACE_Aim1_Monthly').range.left;
    expect(print.columnBreaks).toEqual(expect.arrayContaining([waiting, monthly]));
  });

  test('1904 date system shifts every serial', () => {
    const sheet1904 = planAimSheet(result, aim, ctx({ date1904: true }));
    const { block } = tableOf(sheet1904, 'PACE_Aim1_Children');
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

  test('solid baseline median joins the dashed extension; re-phased median (dash-dot) over its phase, labelled', () => {
    const chart = sheet.charts.find((c) => c.name === 'aim3RunChart')!;
    const series = (name: string) => chart.series.find((s) => s.name === name)!;
    const values = (name: string) => rangeValues(sheet, series(name).values);
    const base = result.runChart.phases[0];
    const solid = values('Median (baseline)');
    const dashed = values('Median, carried forward');
    expect(solid.slice(0, 12).every((v) => v === base.median)).toBe(true);
    expect(solid.slice(12).every((v) => v === null)).toBe(true);
    expect(dashed[11]).toBe(base.median); // the join
    expect(dashed.slice(0, 11).every((v) => v === null)).toBe(true);
    expect(dashed.slice(12, base.lastIndex + 1).every((v) => v === base.median)).toBe(true);
    // Re-phased straight after the baseline, nothing is carried forward: the baseline median carries the label, above the target.
    expect(series('Median (baseline)').endLabel).toEqual({ text: 'Median 31.5 wks', position: 'above', point: 11 - 2 });
    expect(series('Median, carried forward').endLabel).toBeUndefined();
    const rephased = values('Re-phased median');
    const second = result.runChart.phases[1];
    expect(rephased[second.firstIndex]).toBe(second.median);
    expect(rephased[second.firstIndex - 1]).toBeNull();
    expect(series('Re-phased median').line).toBe('dashDot');
    expect(series('Re-phased median').endLabel!.text).toMatch(/^Re-phased median [\d.]+ wks$/);
  });

  test('signals by direction: the run of slower children after the re-phase is a deterioration, drawn as its own series', () => {
    const chart = sheet.charts.find((c) => c.name === 'aim3RunChart')!;
    const names = chart.series.map((s) => s.name);
    expect(names).toContain('Deterioration: shift or trend');
    expect(names).not.toContain('Improvement: shift or trend');
    expect(names).not.toContain('Shift or trend');
    const deterioration = chart.series.find((s) => s.name === 'Deterioration: shift or trend')!;
    expect(deterioration.marker).toBe('square');
    const worse = rangeValues(sheet, deterioration.values);
    result.runChart.points.forEach((p, i) => expect(worse[i]).toBe(p.shift || p.trend ? p.value : null));
    expect(worse.filter((v) => v !== null)).toEqual([12, 15, 15, 15, 15, 15, 15, 15]);
  });
});

describe('signalDirections', () => {
  const point = (value: number, centre: number, flags: { shift?: boolean; trend?: boolean } = {}) => ({
    date: '2022-01-01', value, centre, phase: 0, baseline: false, shift: !!flags.shift, trend: !!flags.trend, rephaseRun: false, astronomical: false,
  });
  const chartOf = (points: ReturnType<typeof point>[]): RunChart => ({
    rules: 'ihi', direction: 'down', points, phases: [],
    runs: { useful: 0, runs: 0, lower: null, upper: null, tooFew: false, tooMany: false, limitsFrom: null },
    anhoej: { longestRun: 0, longestRunLimit: null, crossings: 0, crossingsLimit: null, signal: false },
  });
  test('a shift by its side of the median; a trend by where it ends; the aim\'s direction decides which is better', () => {
    const chart = chartOf([
      point(10, 20, { shift: true }),
      point(30, 20, { shift: true }),
      point(5, 20),
      point(40, 20, { trend: true }),
      point(30, 20, { trend: true }),
      point(25, 20, { trend: true }),
    ]);
    expect(signalDirections(chart, 'down')).toEqual(['improvement', 'deterioration', null, 'improvement', 'improvement', 'improvement']);
    expect(signalDirections(chart, 'up')).toEqual(['deterioration', 'improvement', null, 'deterioration', 'deterioration', 'deterioration']);
  });
});

describe('astronomical points are marked on the chart', () => {
  test('a child far from the rest gets a cross of its own', () => {
    const records = longSeries();
    const end = day('2022-01-03') + 40 * 7;
    records.push(child({ row: 99, dates: { firstAccommodated: isoOf(end - 400 * 7), permanenceRecommendation: isoOf(end) } }));
    const result = measureAim(records, aim, AS_OF);
    expect(result.runChart.points.some((p) => p.astronomical)).toBe(true);
    const sheet = planAimSheet(result, aim, ctx());
    const chart = sheet.charts.find((c) => c.name === 'aim1RunChart')!;
    const far = chart.series.find((s) => s.name === 'Far from the rest (astronomical)')!;
    expect(far.marker).toBe('x');
    expect(rangeValues(sheet, far.values).filter((v) => v !== null)).toEqual(result.runChart.points.filter((p) => p.astronomical).map((p) => p.value));
  });
});

describe('run chart verdict in plain words', () => {
  /** The note lines of a sheet's first page, joined. */
  const pageOneNotes = (sheet: ReturnType<typeof planAimSheet>) =>
    sheet.blocks
      .filter((b) => b.style === 'note' && parseRange(`${b.at}:${b.at}`).top < PAGE_ROWS)
      .flatMap((b) => b.values.map((r) => String(r[0])))
      .join(' ');
  test('long series: the shift and the re-phase are told on the first page, in lines that fit it', () => {
    const result = measureAim(longSeries(), aim, AS_OF);
    const sheet = planAimSheet(result, aim, ctx());
    const verdict = pageOneNotes(sheet);
    expect(verdict).toMatch(/signs of non-random change: .*a shift \(6 or more children in a row/);
    expect(verdict).toMatch(/re-phased once after 9 children in a row/);
    for (const b of sheet.blocks.filter((x) => x.style === 'note')) for (const r of b.values) expect(String(r[0]).length).toBeLessThanOrEqual(120);
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
    expect(pageOneNotes(sheet)).not.toMatch(/non-random/);
  });
});

describe('planAimSheet: empty cases', () => {
  test('nobody completed and nobody waiting: notes, no tables, no charts, no chart pages', () => {
    const result = measureAim([], aim, AS_OF);
    const sheet = planAimSheet(result, aim, ctx());
    expect(() => checkSheet(sheet)).not.toThrow();
    expect(sheet.tables).toEqual([]);
    expect(sheet.charts).toEqual([]);
    expect(sheet.print!.rowBreaks).toEqual([]);
    const notes = sheet.blocks.filter((b) => b.style === 'note').map((b) => String(b.values[0][0]));
    expect(notes.some((n) => n.startsWith('No child in this aim had a permanence recommendation by 31/03/2024'))).toBe(true);
    expect(notes.some((n) => n.startsWith('No child in this aim is waiting for a permanence recommendation'))).toBe(true);
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
    expect(run.series.map((s) => s.name)).toEqual(['Weeks', 'Median (baseline)', 'Median, carried forward']);
    expect(run.title).toBe('Weeks from becoming looked after to legal permanence, one point per child');
    expect(sheet.charts.find((c) => c.name === 'aim1MonthlyChart')).toBeUndefined();
    const waiting = sheet.charts.find((c) => c.name === 'aim1WaitingChart')!;
    expect(waiting.series.map((s) => s.name)).toEqual(['Waiting']);
    expect(waiting.title).toMatch(/^Children waiting for legal permanence on/);
    const { block } = tableOf(sheet, 'PACE_Aim1_Children');
    expect(block.values[0]).not.toContain('Within target');
  });
});

describe('titles and headers in plain words', () => {
  test('no title or header bends a column label into a sentence', () => {
    const court = normaliseAim({ id: 'c', name: 'ADM decision to court application lodged', start: 'admDecision', end: 'courtApplication', targetWeeks: 16, targetPercent: 60 });
    const records = [
      child({ row: 2, dates: { admDecision: '2022-01-10', courtApplication: '2022-03-01' } }),
      child({ row: 3, dates: { admDecision: '2022-02-10', courtApplication: '2022-08-01' } }),
      child({ row: 4, dates: { admDecision: '2023-02-10' } }),
    ];
    const sheet = planAimSheet(measureAim(records, court, AS_OF), court, ctx());
    const monthly = sheet.charts.find((c) => c.name === 'aim1MonthlyChart')!;
    expect(monthly.title).toBe('% within 16 weeks, by month of application');
    expect(sheet.charts.find((c) => c.name === 'aim1RunChart')!.title).toBe('Weeks from ADM decision to court application, one point per child');
    expect(sheet.charts.find((c) => c.name === 'aim1WaitingChart')!.title).toMatch(/^Children waiting for a court application on/);
    const words = [
      ...sheet.charts.flatMap((c) => [c.title, c.xAxisTitle, c.yAxisTitle, ...c.series.map((s) => s.name)]),
      ...sheet.blocks.filter((b) => b.style === 'heading').map((b) => String(b.values[0][0])),
      ...sheet.tables.flatMap((t) => tableOf(sheet, t.name).block.values[0].map(String)),
    ];
    for (const text of words) {
      expect(text).not.toMatch(/was reached|lodged|secured|Agency decision maker/);
    }
    expect(tableOf(sheet, 'PACE_Aim1_Children').block.values[0].slice(2, 4)).toEqual(['ADM decision date', 'Court application date']);
  });
});

describe('helper layout functions', () => {
  test('endLabelPoint: a few points back from the line\'s end, never before it starts', () => {
    const line = (last: number, n = 50) => Array.from({ length: n }, (_, i) => (i <= last ? 20 : null));
    expect(endLabelPoint(line(49))).toBe(46); // 6% of 50 points back
    expect(endLabelPoint(line(39))).toBe(36);
    expect(endLabelPoint([null, 5, 5])).toBe(1);
    expect(endLabelPoint([null, null])).toBe(-1);
  });

  test('fittingNotes keeps whole notes only', () => {
    const long = 'word '.repeat(60).trim(); // 299 characters: 3 lines
    expect(fittingNotes(['Short note.', long], 5)).toEqual(['Short note.', ...noteLinesOf(long)]);
    expect(fittingNotes(['Short note.', long, 'Another.'], 4)).toEqual(['Short note.', ...noteLinesOf(long)]);
    expect(fittingNotes([long], 2)).toEqual([]);
  });

  test('monthStep: about a dozen month labels along the axis', () => {
    expect(monthStep('2023-01-05', '2023-06-30')).toBe(1);
    expect(monthStep('2019-09-01', '2024-03-31')).toBe(6);
    expect(monthStep('2011-01-01', '2024-03-31')).toBe(12);
    expect(monthStep('2010-01-01', '2024-03-31')).toBe(24);
    expect(monthStep('1980-01-01', '2024-03-31')).toBe(48);
  });
  test('quarterlyRows on no months is empty', () => {
    expect(quarterlyRows(measureAim([], aim, AS_OF), true)).toEqual([]);
  });
  test('medianStepNotes says from what, to what and where', () => {
    const result = measureAim(longSeries(), aim, AS_OF);
    const labels = result.runChart.points.map((p) => p.date);
    const notes = medianStepNotes(result.runChart, labels, 9, 'children');
    expect(notes).toHaveLength(result.runChart.phases.length - 1);
    expect(notes[0]).toMatch(/^The median line steps from [\d.]+% to [\d.]+% at \d{4}-\d{2}-\d{2}: 9 children in a row were better than the old median/);
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
    expect(runChartColumns(empty, [{ date: '2022-01-01', label: 'x' }])).toEqual({ median: [], extendedMedian: [], rephasedMedian: null, improvement: null, deterioration: null, astronomical: null, changes: [] });
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
