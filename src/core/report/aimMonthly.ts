/**
 * The monthly section of an aim sheet: children reaching the end milestone
 * by month (or quarter), % within target, median weeks, children waiting at
 * the period's end, and the run chart of the % (small months kept apart).
 */
import { columnLetter } from '../grid';
import type { AimDefinition, AimResult, RunChart } from '../model';
import { median, roundTo1 } from '../dates';
import { computeRunChart } from '../runchart';
import { percentOf } from '../aims/measures';
import { PERCENT_FORMAT, WEEKS_FORMAT, type CellBlock, type PlannedChart, type PlannedSeries } from './plan';
import { columnDataRange, columnWidth, plannedTable, tableBlock, type TableColumn } from './table';
import { COLOURS, DEFAULT_SMALL_NUMBER, MONTH_FORMAT, MONTH_NAMES, endLabelOf, figure, labelSide, monthName, serialOfIso, type AimSheetContext, type Names, type Section, type TablePlace } from './aimParts';

/** Centre line of the monthly % run chart, one value per month: blank months carry the centre of the month before. */
export function monthlyCentre(percentages: readonly (number | null)[], chart: RunChart): (number | null)[] {
  const out: (number | null)[] = [];
  let k = 0;
  let current: number | null = chart.points[0]?.centre ?? null;
  for (const p of percentages) {
    if (p !== null) {
      current = chart.points[k]?.centre ?? current;
      k++;
    }
    out.push(current);
  }
  return out;
}

/** One row of the monthly (or quarterly) table. */
export interface PeriodRow {
  /** yyyy-mm of the period's first month. */
  month: string;
  /** "Jan–Mar 2023" for a quarter; absent for a month (shown as a date). */
  label?: string;
  completed: number;
  withinTarget: number;
  percentWithinTarget: number | null;
  medianWeeks: number | null;
  waitingAtEnd: number;
}

/**
 * The monthly rows grouped by calendar quarter: children and those within
 * target added up, the % and the median worked out again from the children
 * (a median of medians would be wrong), waiting as at the quarter's last month.
 */
export function quarterlyRows(result: AimResult, hasTarget: boolean): PeriodRow[] {
  const quarters = new Map<string, PeriodRow>();
  const weeks = new Map<string, number[]>();
  const quarterOf = (month: string) => {
    const q = Math.floor((Number(month.slice(5, 7)) - 1) / 3);
    return `${month.slice(0, 4)}-${String(q * 3 + 1).padStart(2, '0')}`;
  };
  for (const m of result.monthly) {
    const key = quarterOf(m.month);
    const first = Number(key.slice(5, 7)) - 1;
    const row = quarters.get(key) ?? {
      month: key,
      label: `${MONTH_NAMES[first]}–${MONTH_NAMES[first + 2]} ${key.slice(0, 4)}`,
      completed: 0,
      withinTarget: 0,
      percentWithinTarget: null,
      medianWeeks: null,
      waitingAtEnd: 0,
    };
    row.completed += m.completed;
    row.withinTarget += m.withinTarget;
    row.waitingAtEnd = m.waitingAtMonthEnd;
    quarters.set(key, row);
  }
  for (const c of result.children) {
    const key = quarterOf(c.endDate.slice(0, 7));
    const list = weeks.get(key) ?? [];
    list.push(c.weeks);
    weeks.set(key, list);
  }
  return [...quarters.values()].map((row) => {
    const middle = median(weeks.get(row.month) ?? []);
    return { ...row, percentWithinTarget: hasTarget ? percentOf(row.withinTarget, row.completed) : null, medianWeeks: middle === null ? null : roundTo1(middle) };
  });
}

function periodRows(result: AimResult, ctx: AimSheetContext, hasTarget: boolean): PeriodRow[] {
  if (ctx.period === 'quarter') return quarterlyRows(result, hasTarget);
  return result.monthly.map((m) => ({
    month: m.month,
    completed: m.completed,
    withinTarget: m.withinTarget,
    percentWithinTarget: m.percentWithinTarget,
    medianWeeks: m.medianWeeks,
    waitingAtEnd: m.waitingAtMonthEnd,
  }));
}

/** The monthly % chart exists when the aim has a target and some month has a %. */
export function hasMonthlyChart(result: AimResult, aim: AimDefinition): boolean {
  return aim.targetWeeks !== null && result.monthly.some((m) => m.percentWithinTarget !== null);
}

/** Sentences explaining each step of a re-phased median: from what, to what, where and why. */
export function medianStepNotes(chart: RunChart, labels: readonly string[], run: number | null, unit: string): string[] {
  const notes: string[] = [];
  for (let k = 1; k < chart.phases.length; k++) {
    const before = chart.phases[k - 1];
    const phase = chart.phases[k];
    notes.push(
      `The median line steps from ${figure(before.median)}% to ${figure(phase.median)}% at ${labels[phase.firstIndex] ?? 'a later point'}: ` +
        `${run ?? 'several'} ${unit} in a row were better than the old median, so it was re-phased (worked out again from those ${unit}).`,
    );
  }
  return notes;
}

/** The monthly (or quarterly) section: counts, % within target and median weeks by period, and the % run chart. */
export function monthlySection(result: AimResult, aim: AimDefinition, ctx: AimSheetContext, firstColumn: number, names: Names, at: TablePlace): Section {
  const quarterly = ctx.period === 'quarter';
  const unit = quarterly ? 'quarters' : 'months';
  const heading: CellBlock = {
    at: `${columnLetter(firstColumn)}${at.headingRow}`,
    values: [[`By ${quarterly ? 'quarter' : 'month'} of ${names.end.monthNoun}`]],
    style: 'heading',
  };
  if (result.monthly.length === 0) {
    const note: CellBlock = { at: `${columnLetter(firstColumn)}${at.headerRow}`, values: [[`No ${unit} to show yet: no child has a ${names.end.noun} date.`]], style: 'note' };
    return { blocks: [heading, note], tables: [], widths: [10, 10, 10, 10, 10, 10], columnCount: 6 };
  }
  const hasTarget = aim.targetWeeks !== null;
  const periods = periodRows(result, ctx, hasTarget);
  const smallNumber = Math.max(1, Math.floor(ctx.smallNumber ?? DEFAULT_SMALL_NUMBER));
  const periodHeader = quarterly ? 'Quarter' : 'Month';
  const columns: TableColumn[] = [
    quarterly
      ? { header: periodHeader, values: periods.map((p) => p.label ?? p.month), width: 13 }
      : { header: periodHeader, values: periods.map((p) => serialOfIso(`${p.month}-01`, ctx.date1904)), width: 10, format: MONTH_FORMAT },
    { header: 'Children (n)', values: periods.map((p) => p.completed), width: 10 },
  ];
  if (hasTarget) {
    columns.push({ header: 'Within target', values: periods.map((p) => p.withinTarget), width: 10 });
    columns.push({ header: '% within target', values: periods.map((p) => p.percentWithinTarget), width: 10, format: PERCENT_FORMAT });
  }
  columns.push({ header: 'Median weeks', values: periods.map((p) => p.medianWeeks), width: 10, format: WEEKS_FORMAT });
  columns.push({ header: `Waiting at ${quarterly ? 'quarter' : 'month'} end`, values: periods.map((p) => p.waitingAtEnd), width: 12 });
  let chart: Section['chart'];
  if (hasMonthlyChart(result, aim)) {
    const isSmall = (p: PeriodRow) => p.completed < smallNumber;
    // Months with a handful of children swing 0-100%: drawn apart and kept out of the median.
    const charted = periods.map((p) => (p.percentWithinTarget !== null && !isSmall(p) ? p.percentWithinTarget : null));
    const small = periods.map((p) => (p.percentWithinTarget !== null && isSmall(p) ? p.percentWithinTarget : null));
    const monthlyChart = computeRunChart(
      periods.flatMap((p, i) => (charted[i] === null ? [] : [{ date: `${p.month}-01`, value: charted[i] as number }])),
      { baseline: { points: 12 }, rephaseRun: aim.rephaseRun, direction: 'up', rules: aim.rules },
    );
    const smallHeader = `% from fewer than ${smallNumber} children`;
    columns.push({ header: `% charted (${smallNumber} or more children)`, values: charted, width: 12, format: PERCENT_FORMAT });
    columns.push({ header: smallHeader, values: small, width: 12, format: PERCENT_FORMAT });
    const centre = monthlyCentre(charted, monthlyChart);
    columns.push({ header: 'Median of %', values: centre, width: 10, format: PERCENT_FORMAT });
    if (aim.targetPercent !== null) {
      const targetPercent = aim.targetPercent;
      columns.push({ header: 'Target %', values: periods.map(() => targetPercent), width: 9, format: PERCENT_FORMAT });
    }
    const rows = periods.length;
    const range = (header: string) => columnDataRange(at.headerRow, firstColumn + columns.findIndex((c) => c.header === header), rows);
    const lastCentre = [...centre].reverse().find((v) => v !== null);
    const series: PlannedSeries[] = [
      { name: 'Children (n), right-hand scale', values: range('Children (n)'), color: COLOURS.count, line: 'none', marker: 'none', secondaryColumns: true },
      { name: '% within target', values: range(`% charted (${smallNumber} or more children)`), color: COLOURS.weeks, line: 'solid', lineWidth: 1.5, marker: 'circle', markerSize: 6 },
      { name: `Fewer than ${smallNumber} children (not in the median)`, values: range(smallHeader), color: COLOURS.small, line: 'none', marker: 'circle', markerSize: 5 },
      {
        name: 'Median',
        values: range('Median of %'),
        color: COLOURS.median,
        line: 'solid',
        lineWidth: 2.25,
        marker: 'none',
        endLabel: lastCentre === undefined || lastCentre === null ? undefined : endLabelOf(`Median ${figure(lastCentre)}%`, labelSide(lastCentre, aim.targetPercent), centre),
      },
    ];
    if (aim.targetPercent !== null) {
      series.push({ name: `Target (${aim.targetPercent}%)`, values: range('Target %'), color: COLOURS.target, line: 'dot', lineWidth: 2.25, marker: 'none', endLabel: endLabelOf(`Target ${figure(aim.targetPercent)}%`, labelSide(aim.targetPercent, lastCentre ?? null), periods.map(() => aim.targetPercent)) });
    }
    const byWhat = `${quarterly ? 'quarter' : 'month'} of ${names.end.monthNoun}`;
    const make = (anchor: { from: string; to: string }): PlannedChart => ({
      name: `aim${ctx.index}MonthlyChart`,
      kind: 'line',
      title: `% within ${aim.targetWeeks} weeks, by ${byWhat}`,
      xAxisTitle: `${quarterly ? 'Quarter' : 'Month'} of ${names.end.monthNoun}`,
      yAxisTitle: '% within target',
      secondaryAxisTitle: `Children with a ${names.end.noun} (n)`,
      categories: range(periodHeader),
      ...(quarterly ? {} : { categoryFormat: MONTH_FORMAT }),
      series,
      anchor,
      yAxisMin: 0,
      yAxisMax: 100,
      showLegend: true,
    });
    const labels = periods.filter((_, i) => charted[i] !== null).map((p) => p.label ?? monthName(p.month));
    const notes = [
      `Grey bars: children with a ${names.end.noun} in each ${quarterly ? 'quarter' : 'month'} (right-hand scale). ` +
        `${quarterly ? 'Quarters' : 'Months'} with fewer than ${smallNumber} children are small grey points, left out of the median: one child can swing the % from 0 to 100.`,
      ...medianStepNotes(monthlyChart, labels, aim.rephaseRun, unit),
    ];
    chart = { make, notes };
  }
  return {
    blocks: [heading, tableBlock(at.headerRow, firstColumn, columns)],
    tables: [plannedTable(`${ctx.tablePrefix}Monthly`, at.headerRow, firstColumn, columns)],
    widths: columns.map(columnWidth),
    columnCount: columns.length,
    chart,
  };
}
