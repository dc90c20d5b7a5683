/**
 * The children section of an aim sheet: one row per child who reached the
 * end milestone, and the run chart drawn from those rows (median lines,
 * signals, tests of change as helper columns the chart reads).
 */
import type { CellValue } from '../grid';
import type { AimDefinition, AimResult, Direction, RunChart, TestOfChange } from '../model';
import { ukFromDay } from '../dates';
import { DATE_FORMAT, WEEKS_FORMAT, type CellBlock, type PlannedChart, type PlannedSeries } from './plan';
import { columnDataRange, columnWidth, plannedTable, tableBlock, uniqueHeader, type TableColumn } from './table';
import { lastMonthColumn } from './aimLastMonth';
import { COLOURS, MONTH_FORMAT, endLabelOf, figure, labelSide, monthStep, serialOfIso, type AimSheetContext, type Names, type Section, type TablePlace } from './aimParts';

/** Helper columns that draw the run chart's centre lines, signals and tests of change, one value per child. */
export interface RunChartColumns {
  median: (number | null)[];
  extendedMedian: (number | null)[];
  rephasedMedian: (number | null)[] | null;
  /** Points of a shift or trend in the aim's wanted direction (null: none). */
  improvement: (number | null)[] | null;
  /** Points of a shift or trend against it. */
  deterioration: (number | null)[] | null;
  /** Points far from the rest (for judgement). */
  astronomical: (number | null)[] | null;
  changes: { label: string; values: (number | null)[] }[];
}

/**
 * Whether each point's shift or trend goes the wanted way: a shift by its
 * side of the centre line, a trend by where its run of points ends against
 * where it starts. null for a point in neither.
 */
export function signalDirections(chart: RunChart, direction: Direction): ('improvement' | 'deterioration' | null)[] {
  const points = chart.points;
  const better = (lower: boolean) => (direction === 'down' ? lower : !lower) ? 'improvement' : 'deterioration';
  return points.map((p, i) => {
    if (p.shift && p.centre !== null && p.value !== p.centre) return better(p.value < p.centre);
    if (!p.trend && !p.shift) return null;
    let first = i;
    let last = i;
    while (first > 0 && points[first - 1].trend) first--;
    while (last + 1 < points.length && points[last + 1].trend) last++;
    if (points[last].value === points[first].value) return null;
    return better(points[last].value < points[first].value);
  });
}

/**
 * The run chart's lines as columns: the baseline median solid over the
 * baseline points; the same median dashed from the last baseline point (so
 * the two join) to the end of its phase; each re-phased median over its own
 * phase; the points in a shift or trend, by direction; astronomical points;
 * a marker at the first point on or after each test of change.
 */
export function runChartColumns(chart: RunChart, changes: readonly TestOfChange[], direction: Direction = 'down'): RunChartColumns {
  const n = chart.points.length;
  const median: (number | null)[] = new Array(n).fill(null);
  const extendedMedian: (number | null)[] = new Array(n).fill(null);
  let rephasedMedian: (number | null)[] | null = null;
  const first = chart.phases[0];
  if (first) {
    const lastBaseline = Math.min(first.medianFrom[1], n - 1);
    for (let i = Math.max(0, first.medianFrom[0]); i <= lastBaseline; i++) median[i] = first.median;
    for (let i = lastBaseline; i <= first.lastIndex && i < n; i++) extendedMedian[i] = first.median;
  }
  for (const phase of chart.phases.slice(1)) {
    rephasedMedian = rephasedMedian ?? new Array(n).fill(null);
    for (let i = phase.firstIndex; i <= phase.lastIndex && i < n; i++) rephasedMedian[i] = phase.median;
  }
  const directions = signalDirections(chart, direction);
  const only = (keep: (i: number) => boolean) => {
    const values = chart.points.map((p, i) => (keep(i) ? p.value : null));
    return values.some((v) => v !== null) ? values : null;
  };
  const changeColumns: { label: string; values: (number | null)[] }[] = [];
  for (const change of changes) {
    const at = chart.points.findIndex((p) => p.date >= change.date);
    if (at < 0) continue;
    const values: (number | null)[] = new Array(n).fill(null);
    values[at] = chart.points[at].value;
    changeColumns.push({ label: change.label, values });
  }
  return {
    median,
    extendedMedian,
    rephasedMedian,
    improvement: only((i) => directions[i] === 'improvement'),
    deterioration: only((i) => directions[i] === 'deterioration'),
    astronomical: only((i) => chart.points[i].astronomical),
    changes: changeColumns,
  };
}

/** The children who reached the end milestone: their table and the run chart (one point per child). */
export function childrenSection(result: AimResult, aim: AimDefinition, ctx: AimSheetContext, names: Names, at: TablePlace): Section {
  const heading: CellBlock = {
    at: `A${at.headingRow}`,
    values: [[`Children with a ${names.end.noun} date (one row per child, earliest first)`]],
    style: 'heading',
  };
  if (result.children.length === 0) {
    const note: CellBlock = {
      at: `A${at.headerRow}`,
      values: [[`No child in this aim had a ${names.end.noun} by ${ukFromDay(ctx.asOf)}, so there is no run chart yet. It will appear once children reach this milestone.`]],
      style: 'note',
    };
    return { blocks: [heading, note], tables: [], widths: [14, 8, 12, 12, 9, 10], columnCount: 6 };
  }
  const chart = result.runChart;
  const points = chart.points;
  const lines = runChartColumns(chart, ctx.changes, aim.direction);
  const taken = new Set<string>();
  const column = (header: string, values: CellValue[], width: number, format?: string | null): TableColumn => ({
    header: uniqueHeader(header, taken),
    values,
    width,
    format,
  });
  const columns: TableColumn[] = [
    column('Child ID', result.children.map((c) => c.childId ?? ''), 14),
    column('Row', result.children.map((c) => c.row), 7),
    column(names.start.dateHeader, result.children.map((c) => serialOfIso(c.startDate, ctx.date1904)), 12, DATE_FORMAT),
    column(names.end.dateHeader, result.children.map((c) => serialOfIso(c.endDate, ctx.date1904)), 12, DATE_FORMAT),
    // Exact weeks (shown to one decimal): the chart and any formula the user adds see the true value.
    column('Weeks', points.map((p) => p.value), 9, WEEKS_FORMAT),
  ];
  const lastMonthAt = ctx.lastMonth ? columns.push(column('Weeks last month', lastMonthColumn(result, ctx.lastMonth), 10, WEEKS_FORMAT)) - 1 : -1;
  if (aim.targetWeeks !== null) columns.push(column('Within target', result.children.map((c) => (c.withinTarget ? 'Yes' : 'No')), 10));
  type SeriesSpec = Omit<PlannedSeries, 'values'> & { column: number };
  const series: SeriesSpec[] = [];
  // The legend says what a series is; its column header may say it more briefly (a narrower column prints on fewer pages).
  const addSeries = (col: TableColumn, spec: Omit<PlannedSeries, 'values' | 'name'>, legend = col.header) => {
    columns.push(col);
    series.push({ ...spec, name: legend, column: columns.length - 1 });
  };
  // Last month's points first, larger and grey, so this month's are drawn over them: an unmoved point is a dot on its grey disc.
  if (ctx.lastMonth) {
    series.push({ name: `Last month (as of ${ukFromDay(ctx.lastMonth.asOf)})`, column: lastMonthAt, color: COLOURS.lastMonth, line: 'none', marker: 'circle', markerSize: 8, markerFill: COLOURS.lastMonthFill });
  }
  series.push({ name: 'Weeks', column: 4, color: COLOURS.weeks, line: 'solid', lineWidth: 1.25, marker: 'circle', markerSize: 4 });
  const first = chart.phases[0];
  const lastPhase = chart.phases[chart.phases.length - 1];
  const carried = lines.extendedMedian.filter((v) => v !== null).length > 1;
  const target = aim.targetWeeks;
  // Each line's label sits on the side away from the line it might meet (the target and the latest median).
  const medianText = first ? `Median ${figure(first.median)} wks` : '';
  const medianSide = first ? labelSide(first.median, target) : 'above';
  addSeries(column('Median (baseline)', lines.median, 11, WEEKS_FORMAT), {
    color: COLOURS.median,
    line: 'solid',
    lineWidth: 2.25,
    marker: 'none',
    endLabel: first && !carried ? endLabelOf(medianText, medianSide, lines.median) : undefined,
  });
  addSeries(column('Median, carried forward', lines.extendedMedian, 11, WEEKS_FORMAT), {
    color: COLOURS.median,
    line: 'dash',
    lineWidth: 1.75,
    marker: 'none',
    endLabel: first && carried ? endLabelOf(medianText, medianSide, lines.extendedMedian) : undefined,
  });
  if (lines.rephasedMedian) {
    addSeries(column('Re-phased median', lines.rephasedMedian, 11, WEEKS_FORMAT), {
      color: COLOURS.rephased,
      line: 'dashDot',
      lineWidth: 2.25,
      marker: 'none',
      endLabel: endLabelOf(`Re-phased median ${figure(lastPhase.median)} wks`, labelSide(lastPhase.median, target), lines.rephasedMedian),
    });
  }
  if (target !== null) {
    addSeries(column(`Target (${target} weeks)`, points.map(() => target), 11, WEEKS_FORMAT), {
      color: COLOURS.target,
      line: 'dot',
      lineWidth: 2.25,
      marker: 'none',
      endLabel: endLabelOf(`Target ${figure(target)} wks`, lastPhase ? labelSide(target, lastPhase.median) : 'above', points.map(() => target)),
    });
  }
  if (lines.improvement) {
    addSeries(column('Improvement', lines.improvement, 11, WEEKS_FORMAT), { color: COLOURS.improvement, line: 'none', marker: 'triangle', markerSize: 9 }, 'Improvement: shift or trend');
  }
  if (lines.deterioration) {
    addSeries(column('Deterioration', lines.deterioration, 11, WEEKS_FORMAT), { color: COLOURS.deterioration, line: 'none', marker: 'square', markerSize: 8 }, 'Deterioration: shift or trend');
  }
  if (lines.astronomical) {
    addSeries(column('Far from the rest', lines.astronomical, 11, WEEKS_FORMAT), { color: COLOURS.astronomical, line: 'none', marker: 'x', markerSize: 11 }, 'Far from the rest (astronomical)');
  }
  for (const change of lines.changes) {
    addSeries(column(change.label, change.values, 12, WEEKS_FORMAT), { color: COLOURS.change, line: 'none', marker: 'diamond', markerSize: 10, dataLabels: 'seriesName' });
  }
  const rows = result.children.length;
  const range = (col: number) => columnDataRange(at.headerRow, col + 1, rows);
  const make = (anchor: { from: string; to: string }): PlannedChart => ({
    name: `aim${ctx.index}RunChart`,
    kind: 'line',
    title: `Weeks from ${names.start.noun} to ${names.end.noun}, one point per child`,
    xAxisTitle: `Date of ${names.end.noun}: one point per child, in date order`,
    yAxisTitle: `Weeks from ${names.start.noun} to ${names.end.noun}`,
    categories: range(3),
    categoryFormat: MONTH_FORMAT,
    dateAxis: { majorMonths: monthStep(result.children[0].endDate, result.children[result.children.length - 1].endDate) },
    series: series.map(({ column: col, ...rest }) => ({ ...rest, values: range(col) })),
    anchor,
    yAxisMin: 0,
    showLegend: true,
  });
  return {
    blocks: [heading, tableBlock(at.headerRow, 1, columns)],
    tables: [plannedTable(`${ctx.tablePrefix}Children`, at.headerRow, 1, columns)],
    widths: columns.map(columnWidth),
    columnCount: columns.length,
    chart: { make },
  };
}
