/**
 * The plan of one aim's sheet: title, aim sentence, headline figures, the
 * per-child table with the run chart's helper columns, the waiting children
 * table and bar chart, the monthly table and its "% within target" run chart.
 *
 * Layout (rows): 1 title, 2 aim sentence, 3 as-of line, 5-6 headline figures,
 * 7 how to read it, 8 section headings, 9 table headers (frozen), data from 10.
 * Columns: the children table from A, then the charts stacked in a band of
 * CHART_COLUMNS columns, then the waiting table, then the monthly table, each
 * separated by one empty column so nothing overlaps.
 */
import type { CellValue } from '../grid';
import { columnLetter } from '../grid';
import type { AimDefinition, AimResult, DayNumber, RunChart, TestOfChange } from '../model';
import { fieldLabel } from '../fields';
import { dayFromIso, serialFromDay, ukFromDay } from '../dates';
import { computeRunChart, runChartSignals } from '../runchart';
import { aimStatement } from '../aims/definition';
import type { CellBlock, PlannedChart, PlannedSeries, PlannedSheet, PlannedTable } from './plan';
import { DATE_FORMAT, PERCENT_FORMAT, WEEKS_FORMAT } from './plan';
import { asOfLine, type PopulationCount } from './exclusions';

export const MONTH_FORMAT = 'mmm yyyy';
export const TABLE_STYLE = 'TableStyleMedium2';
const CHART_COLUMNS = 12;
const CHART_COLUMN_WIDTH = 9;
const HEADING_ROW = 8;
const HEADER_ROW = 9;
const RUN_CHART_ROWS = 24;
const MONTHLY_CHART_ROWS = 20;

const COLOURS = {
  weeks: '#1F4E79',
  median: '#404040',
  rephased: '#2E7D32',
  target: '#C00000',
  signal: '#ED7D31',
  change: '#7030A0',
  withinTarget: '#5B9BD5',
  pastTarget: '#C00000',
};

// ───────────────────────────── Small layout helpers (shared with the summary) ─────────────────────────────

/** One column of a planned table: its header, number format, width and values (one per data row). */
export interface TableColumn {
  header: string;
  values: CellValue[];
  format?: string | null;
  width: number;
}

/**
 * A table column's width in characters: as planned, but never narrower than
 * its header plus room for the Table's filter button, so no header is cut.
 */
export function columnWidth(column: TableColumn): number {
  return Math.max(column.width, column.header.length + 3);
}

/** A1 range of rows × columns from a top-left corner (1-based). */
export function rangeA1(firstRow: number, firstColumn: number, lastRow: number, lastColumn: number): string {
  return `${columnLetter(firstColumn)}${firstRow}:${columnLetter(lastColumn)}${lastRow}`;
}

/** The data range (header excluded) of column `offset` (0-based) of a table whose header is at headerRow. */
export function columnDataRange(headerRow: number, column: number, rows: number): string {
  return rangeA1(headerRow + 1, column, headerRow + rows, column);
}

/** A table's cell block (header row + data rows) at a header row and first column. */
export function tableBlock(headerRow: number, firstColumn: number, columns: readonly TableColumn[]): CellBlock {
  const rows = columns.length === 0 ? 0 : columns[0].values.length;
  const values: CellValue[][] = [columns.map((c) => c.header)];
  for (let r = 0; r < rows; r++) values.push(columns.map((c) => c.values[r] ?? null));
  return { at: `${columnLetter(firstColumn)}${headerRow}`, values, columnFormats: columns.map((c) => c.format ?? null), style: 'normal' };
}

export function plannedTable(name: string, headerRow: number, firstColumn: number, columns: readonly TableColumn[]): PlannedTable {
  const rows = columns[0].values.length;
  return { name, range: rangeA1(headerRow, firstColumn, headerRow + rows, firstColumn + columns.length - 1), style: TABLE_STYLE };
}

/** Sets widths for columns first..first+n-1 (index 0 = column A), growing the array as needed. */
export function setWidths(widths: number[], firstColumn: number, values: readonly number[]): void {
  values.forEach((w, i) => {
    const index = firstColumn - 1 + i;
    while (widths.length < index) widths.push(CHART_COLUMN_WIDTH);
    widths[index] = w;
  });
}

/** Excel sheet names: at most 31 characters, none of []:*?/\ and no apostrophe at either end. */
export function safeSheetName(name: string): string {
  const cleaned = name.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim();
  return cleaned.slice(0, 31).replace(/^'+|'+$/g, '').trim();
}

/** Unique (case-insensitively, as Excel compares them) table headers: "Weeks", "Weeks (2)"… */
function uniqueHeader(wanted: string, taken: Set<string>): string {
  // A leading = + - @ would make a writer take the header for a formula; very long headers are cut.
  const cleaned = wanted.replace(/\s+/g, ' ').trim().replace(/^[=+\-@]+\s*/, '').slice(0, 80).trim();
  const base = cleaned === '' ? 'Column' : cleaned;
  let header = base;
  for (let n = 2; taken.has(header.toLowerCase()); n++) header = `${base} (${n})`;
  taken.add(header.toLowerCase());
  return header;
}

function lowerFirst(text: string): string {
  if (/^[A-Z]{2}/.test(text)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

// ───────────────────────────── The sheet ─────────────────────────────

export interface AimSheetContext {
  asOf: DayNumber;
  date1904: boolean;
  sourceSheet: string;
  /** 1-based position of the aim (the sheet is "PACE Aim N …"). */
  index: number;
  changes: TestOfChange[];
  /** Prefix making this sheet's table names unique in the workbook, e.g. "PACE_Aim1_". */
  tablePrefix: string;
  /** Labels of local milestones (id → the user's words). */
  localLabels?: ReadonlyMap<string, string>;
  /** Rows outside the PACE population, said on the sheet when there are any. */
  population?: PopulationCount;
}

/** "PACE Aim 2 Permanence recommendation to…", cut to Excel's 31 characters. */
/** Milestone words short enough for a sheet tab ("PACE Aim 1 Accom to Rec"). */
const TAB_WORDS: Record<string, string> = {
  lookedAfterStart: 'LAC',
  firstAccommodated: 'Accom',
  lastAccommodated: 'Last accom',
  permanenceRecommendation: 'Rec',
  panel: 'Panel',
  admDecision: 'ADM',
  finalPlacement: 'Final plac',
  courtApplication: 'Court',
  legalPermanence: 'Order',
  placementStart: 'Placement',
  legalStatusStart: 'Status',
  dateOfBirth: 'Birth',
  ceasedDate: 'Ceased',
};

/** Cuts text to at most `max` characters at a word boundary, never mid-word when a space allows. */
function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : text.slice(0, max)).trim();
}

/**
 * "PACE Aim 1 <aim name>" when the name fits Excel's 31 characters, else the
 * two milestones in tab words ("PACE Aim 1 Accom to Rec"): a name cut
 * mid-word reads as a mistake.
 */
export function aimSheetName(aim: AimDefinition, index: number, localLabels?: ReadonlyMap<string, string>): string {
  const prefix = `PACE Aim ${index} `;
  const room = 31 - prefix.length;
  const whole = safeSheetName(`${prefix}${aim.name}`);
  if (`${prefix}${aim.name}`.replace(/\s+/g, ' ').trim().length <= 31) return whole;
  const word = (field: string) => TAB_WORDS[field] ?? cutAtWord(localLabels?.get(field) ?? field, Math.floor((room - 4) / 2));
  return safeSheetName(`${prefix}${cutAtWord(`${word(String(aim.start))} to ${word(String(aim.end))}`, room)}`);
}

/**
 * dayFromIso with a memo: an aim sheet converts tens of thousands of dates
 * drawn from a few thousand distinct days, and parsing is the slow part.
 */
const dayMemo = new Map<string, DayNumber | null>();
function dayOf(iso: string): DayNumber | null {
  let day = dayMemo.get(iso);
  if (day === undefined) {
    day = dayFromIso(iso);
    if (dayMemo.size > 100_000) dayMemo.clear();
    dayMemo.set(iso, day);
  }
  return day;
}

function serialOfIso(iso: string, date1904: boolean): number | null {
  const day = dayOf(iso);
  return day === null ? null : serialFromDay(day, date1904);
}

/** Helper columns that draw the run chart's centre lines, signals and tests of change, one value per child. */
export interface RunChartColumns {
  median: (number | null)[];
  extendedMedian: (number | null)[];
  rephasedMedian: (number | null)[] | null;
  signal: (number | null)[] | null;
  changes: { label: string; values: (number | null)[] }[];
}

/**
 * The run chart's lines as columns: the baseline median solid over the
 * baseline points; the same median dashed from the last baseline point (so
 * the two join) to the end of its phase; each re-phased median over its own
 * phase; the points in a shift or trend; a marker at the first point on or
 * after each test of change.
 */
export function runChartColumns(chart: RunChart, changes: readonly TestOfChange[]): RunChartColumns {
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
  const flagged = chart.points.map((p) => (p.shift || p.trend ? p.value : null));
  const signal = flagged.some((v) => v !== null) ? flagged : null;
  const changeColumns: { label: string; values: (number | null)[] }[] = [];
  for (const change of changes) {
    const at = chart.points.findIndex((p) => p.date >= change.date);
    if (at < 0) continue;
    const values: (number | null)[] = new Array(n).fill(null);
    values[at] = chart.points[at].value;
    changeColumns.push({ label: change.label, values });
  }
  return { median, extendedMedian, rephasedMedian, signal, changes: changeColumns };
}

interface Section {
  blocks: CellBlock[];
  tables: PlannedTable[];
  widths: number[];
  /** Columns used, starting at the section's first column. */
  columnCount: number;
  /** The section's chart, anchored once the chart band's place is known. */
  chart?: { rows: number; make(anchor: { from: string; to: string }): PlannedChart };
}

interface Names {
  start: string;
  end: string;
}

function childrenSection(result: AimResult, aim: AimDefinition, ctx: AimSheetContext, names: Names): Section {
  const heading: CellBlock = { at: `A${HEADING_ROW}`, values: [[`Children who have reached ${names.end} (one row per child, in order of the date it was reached)`]], style: 'heading' };
  if (result.children.length === 0) {
    const note: CellBlock = {
      at: `A${HEADER_ROW}`,
      values: [[`No child in this aim had reached ${names.end} by ${ukFromDay(ctx.asOf)}, so there is no run chart yet. It will appear once children reach this milestone.`]],
      style: 'note',
    };
    return { blocks: [heading, note], tables: [], widths: [14, 8, 12, 12, 9, 10], columnCount: 6 };
  }
  const chart = result.runChart;
  const points = chart.points;
  const lines = runChartColumns(chart, ctx.changes);
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
    column('Start date', result.children.map((c) => serialOfIso(c.startDate, ctx.date1904)), 12, DATE_FORMAT),
    column('End date', result.children.map((c) => serialOfIso(c.endDate, ctx.date1904)), 12, DATE_FORMAT),
    // Exact weeks (shown to one decimal): the chart and any formula the user adds see the true value.
    column('Weeks', points.map((p) => p.value), 9, WEEKS_FORMAT),
  ];
  if (aim.targetWeeks !== null) columns.push(column('Within target', result.children.map((c) => (c.withinTarget ? 'Yes' : 'No')), 10));
  type SeriesSpec = Omit<PlannedSeries, 'values'> & { column: number };
  const series: SeriesSpec[] = [];
  const addSeries = (col: TableColumn, spec: Omit<PlannedSeries, 'values' | 'name'>) => {
    columns.push(col);
    series.push({ ...spec, name: col.header, column: columns.length - 1 });
  };
  series.push({ name: 'Weeks', column: 4, color: COLOURS.weeks, line: 'solid', lineWidth: 1.5, marker: 'circle', markerSize: 5 });
  addSeries(column('Median (baseline)', lines.median, 11, WEEKS_FORMAT), { color: COLOURS.median, line: 'solid', lineWidth: 2, marker: 'none' });
  addSeries(column('Median (extended)', lines.extendedMedian, 11, WEEKS_FORMAT), { color: COLOURS.median, line: 'dash', lineWidth: 1.5, marker: 'none' });
  if (lines.rephasedMedian) {
    addSeries(column('Re-phased median', lines.rephasedMedian, 11, WEEKS_FORMAT), { color: COLOURS.rephased, line: 'solid', lineWidth: 2, marker: 'none' });
  }
  if (aim.targetWeeks !== null) {
    const target = aim.targetWeeks;
    addSeries(column(`Target (${target} weeks)`, points.map(() => target), 11, WEEKS_FORMAT), { color: COLOURS.target, line: 'dash', lineWidth: 1.5, marker: 'none' });
  }
  if (lines.signal) {
    addSeries(column('Shift or trend', lines.signal, 10, WEEKS_FORMAT), { color: COLOURS.signal, line: 'none', marker: 'circle', markerSize: 9 });
  }
  for (const change of lines.changes) {
    addSeries(column(change.label, change.values, 12, WEEKS_FORMAT), { color: COLOURS.change, line: 'none', marker: 'diamond', markerSize: 10, dataLabels: 'seriesName' });
  }
  const rows = result.children.length;
  const range = (col: number) => columnDataRange(HEADER_ROW, col + 1, rows);
  const make = (anchor: { from: string; to: string }): PlannedChart => ({
    name: `aim${ctx.index}RunChart`,
    kind: 'line',
    title: `${aim.name}: weeks per child`,
    xAxisTitle: `Date ${names.end} reached (one point per child)`,
    yAxisTitle: `Weeks from ${names.start} to ${names.end}`,
    categories: range(3),
    categoryFormat: DATE_FORMAT,
    series: series.map(({ column: col, ...rest }) => ({ ...rest, values: range(col) })),
    anchor,
    yAxisMin: 0,
    showLegend: true,
  });
  return {
    blocks: [heading, tableBlock(HEADER_ROW, 1, columns)],
    tables: [plannedTable(`${ctx.tablePrefix}Children`, HEADER_ROW, 1, columns)],
    widths: columns.map(columnWidth),
    columnCount: columns.length,
    chart: { rows: RUN_CHART_ROWS, make },
  };
}

/** Hands out vertical places in the chart band, one chart under the other. */
interface ChartSlot {
  take(rows: number): { from: string; to: string };
}

function chartSlot(firstColumn: number): ChartSlot {
  let row = HEADER_ROW;
  return {
    take(rows: number) {
      const anchor = { from: `${columnLetter(firstColumn)}${row}`, to: `${columnLetter(firstColumn + CHART_COLUMNS)}${row + rows}` };
      row += rows + 2;
      return anchor;
    },
  };
}

function waitingSection(result: AimResult, aim: AimDefinition, ctx: AimSheetContext, firstColumn: number, names: Names): Section {
  const heading: CellBlock = {
    at: `${columnLetter(firstColumn)}${HEADING_ROW}`,
    values: [[`Children still waiting for ${names.end} (longest wait first)`]],
    style: 'heading',
  };
  const waiting = result.waitingChildren;
  if (waiting.length === 0) {
    const note: CellBlock = {
      at: `${columnLetter(firstColumn)}${HEADER_ROW}`,
      values: [[`No child in this aim is waiting for ${names.end} on ${ukFromDay(ctx.asOf)}.`]],
      style: 'note',
    };
    return { blocks: [heading, note], tables: [], widths: [14, 7, 12, 10, 10], columnCount: 5 };
  }
  // Exact weeks waited, for the bars; the JSON's weeksWaiting is the same figure rounded.
  const exact = waiting.map((w) => (ctx.asOf - (dayOf(w.startDate) as number)) / 7);
  const hasTarget = aim.targetWeeks !== null;
  const columns: TableColumn[] = [
    { header: 'Child ID', values: waiting.map((w) => w.childId ?? `(no ID, row ${w.row})`), width: 14 },
    { header: 'Row', values: waiting.map((w) => w.row), width: 7 },
    { header: 'Start date', values: waiting.map((w) => serialOfIso(w.startDate, ctx.date1904)), width: 12, format: DATE_FORMAT },
    { header: 'Weeks waiting', values: exact, width: 10, format: WEEKS_FORMAT },
  ];
  if (hasTarget) {
    columns.push({ header: 'Past target', values: waiting.map((w) => (w.beyondTarget ? 'Yes' : 'No')), width: 10 });
    columns.push({ header: 'Waiting, within target', values: exact.map((v, i) => (waiting[i].beyondTarget ? null : v)), width: 12, format: WEEKS_FORMAT });
    columns.push({ header: 'Waiting, past target', values: exact.map((v, i) => (waiting[i].beyondTarget ? v : null)), width: 12, format: WEEKS_FORMAT });
  } else {
    columns.push({ header: 'Waiting', values: exact, width: 12, format: WEEKS_FORMAT });
  }
  const rows = waiting.length;
  const range = (offset: number) => columnDataRange(HEADER_ROW, firstColumn + offset, rows);
  const series: PlannedSeries[] = hasTarget
    ? [
        { name: 'Waiting, within target', values: range(5), color: COLOURS.withinTarget, line: 'none', marker: 'none' },
        { name: 'Waiting, past target', values: range(6), color: COLOURS.pastTarget, line: 'none', marker: 'none' },
      ]
    : [{ name: 'Waiting', values: range(4), color: COLOURS.withinTarget, line: 'none', marker: 'none' }];
  // About one row of sheet per bar keeps every child's label readable.
  const height = Math.min(400, Math.max(16, Math.ceil(rows * 0.9) + 6));
  const make = (anchor: { from: string; to: string }): PlannedChart => ({
    name: `aim${ctx.index}WaitingChart`,
    kind: 'bar',
    stacked: true,
    title: `Children waiting for ${names.end} on ${ukFromDay(ctx.asOf)}: ${rows}`,
    xAxisTitle: 'Child (longest wait at the top)',
    yAxisTitle: `Weeks since ${names.start}`,
    categories: range(0),
    series,
    anchor,
    reverseCategories: true,
    yAxisMin: 0,
    showLegend: hasTarget,
  });
  return {
    blocks: [heading, tableBlock(HEADER_ROW, firstColumn, columns)],
    tables: [plannedTable(`${ctx.tablePrefix}Waiting`, HEADER_ROW, firstColumn, columns)],
    widths: columns.map(columnWidth),
    columnCount: columns.length,
    chart: { rows: height, make },
  };
}

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

function monthlySection(result: AimResult, aim: AimDefinition, ctx: AimSheetContext, firstColumn: number, names: Names): Section {
  const heading: CellBlock = {
    at: `${columnLetter(firstColumn)}${HEADING_ROW}`,
    values: [[`By month ${names.end} was reached`]],
    style: 'heading',
  };
  const months = result.monthly;
  if (months.length === 0) {
    const note: CellBlock = { at: `${columnLetter(firstColumn)}${HEADER_ROW}`, values: [['No months to show yet: no child has reached this milestone.']], style: 'note' };
    return { blocks: [heading, note], tables: [], widths: [10, 10, 10, 10, 10, 10], columnCount: 6 };
  }
  const hasTarget = aim.targetWeeks !== null;
  const monthSerial = (m: string) => serialOfIso(`${m}-01`, ctx.date1904);
  const columns: TableColumn[] = [
    { header: 'Month', values: months.map((m) => monthSerial(m.month)), width: 10, format: MONTH_FORMAT },
    { header: 'Completed', values: months.map((m) => m.completed), width: 10 },
  ];
  if (hasTarget) {
    columns.push({ header: 'Within target', values: months.map((m) => m.withinTarget), width: 10 });
    columns.push({ header: '% within target', values: months.map((m) => m.percentWithinTarget), width: 10, format: PERCENT_FORMAT });
  }
  columns.push({ header: 'Median weeks', values: months.map((m) => m.medianWeeks), width: 10, format: WEEKS_FORMAT });
  columns.push({ header: 'Waiting at month end', values: months.map((m) => m.waitingAtMonthEnd), width: 12 });
  const percentages = months.map((m) => m.percentWithinTarget);
  const hasPercent = hasTarget && percentages.some((p) => p !== null);
  let chart: Section['chart'];
  if (hasPercent) {
    const monthlyChart = computeRunChart(
      months.filter((m) => m.percentWithinTarget !== null).map((m) => ({ date: `${m.month}-01`, value: m.percentWithinTarget as number })),
      { baseline: { points: 12 }, rephaseRun: aim.rephaseRun, direction: 'up', rules: aim.rules },
    );
    columns.push({ header: 'Median of %', values: monthlyCentre(percentages, monthlyChart), width: 10, format: PERCENT_FORMAT });
    if (aim.targetPercent !== null) {
      const targetPercent = aim.targetPercent;
      columns.push({ header: 'Target %', values: months.map(() => targetPercent), width: 9, format: PERCENT_FORMAT });
    }
    const rows = months.length;
    const range = (header: string) => columnDataRange(HEADER_ROW, firstColumn + columns.findIndex((c) => c.header === header), rows);
    const series: PlannedSeries[] = [
      { name: '% within target', values: range('% within target'), color: COLOURS.weeks, line: 'solid', lineWidth: 1.5, marker: 'circle', markerSize: 5 },
      { name: 'Median', values: range('Median of %'), color: COLOURS.median, line: 'solid', lineWidth: 2, marker: 'none' },
    ];
    if (aim.targetPercent !== null) series.push({ name: `Target (${aim.targetPercent}%)`, values: range('Target %'), color: COLOURS.target, line: 'dash', lineWidth: 1.5, marker: 'none' });
    const make = (anchor: { from: string; to: string }): PlannedChart => ({
      name: `aim${ctx.index}MonthlyChart`,
      kind: 'line',
      title: `% within ${aim.targetWeeks} weeks, by month ${names.end} was reached`,
      xAxisTitle: 'Month',
      yAxisTitle: '% within target',
      categories: range('Month'),
      categoryFormat: MONTH_FORMAT,
      series,
      anchor,
      yAxisMin: 0,
      yAxisMax: 100,
      showLegend: true,
    });
    chart = { rows: MONTHLY_CHART_ROWS, make };
  }
  return {
    blocks: [heading, tableBlock(HEADER_ROW, firstColumn, columns)],
    tables: [plannedTable(`${ctx.tablePrefix}Monthly`, HEADER_ROW, firstColumn, columns)],
    widths: columns.map(columnWidth),
    columnCount: columns.length,
    chart,
  };
}

/** What the run chart shows, in a data lead's words (empty when there is no chart). */
export function runChartVerdict(chart: RunChart, aim: AimDefinition): string {
  if (chart.points.length === 0) return '';
  const signals = runChartSignals(chart);
  const parts: string[] = [];
  if (chart.baselineFallback && 'before' in aim.baseline) {
    parts.push(`No child reached this milestone before ${ukFromDay(dayFromIso(aim.baseline.before) as number)}, so the first ${chart.phases[0].medianFrom[1] + 1} children form the baseline instead.`);
  }
  const signs: string[] = [];
  if (signals.shift) signs.push(chart.rules === 'anhoej' ? 'a run longer than expected on one side of the median' : 'a shift (6 or more children in a row on one side of the median)');
  if (signals.trend) signs.push('a trend (5 or more children in a row each going the same way)');
  if (signals.runs) {
    const r = chart.runs;
    signs.push(r.tooFew ? `too few runs (${r.runs}; at least ${r.lower} expected)` : `too many runs (${r.runs}; at most ${r.upper} expected)`);
  }
  if (chart.rules === 'anhoej' && chart.anhoej.signal && !signals.shift) signs.push('fewer crossings of the median than expected');
  parts.push(
    signs.length === 0
      ? 'Run chart: no sign of non-random change yet.'
      : `Run chart: signs of non-random change: ${signs.join('; ')}.`,
  );
  const rephases = chart.phases.length - 1;
  if (rephases > 0) parts.push(`The median was re-phased ${rephases === 1 ? 'once' : `${rephases} times`} after ${aim.rephaseRun} children in a row improved on it.`);
  if (signals.astronomical) parts.push('Some children are far from the rest: check those dates.');
  return parts.join(' ');
}

function headline(result: AimResult, aim: AimDefinition, names: Names, ctx: AimSheetContext): CellBlock[] {
  const labels = ['Completed', 'Within target', '% within target', 'Target %', 'Median weeks', 'Waiting', 'Waiting past target'];
  const hasTarget = aim.targetWeeks !== null;
  const values: CellValue[] = [
    result.completed,
    hasTarget ? result.withinTarget : null,
    result.percentWithinTarget,
    aim.targetPercent,
    result.medianWeeks,
    result.waiting,
    hasTarget ? result.waitingBeyondTarget : null,
  ];
  const how = hasTarget
    ? `Weeks = days from ${names.start} to ${names.end} ÷ 7. Within target = ${aim.targetWeeks} weeks or fewer. `
    : `Weeks = days from ${names.start} to ${names.end} ÷ 7. This aim has no target. `;
  const baselineCount = result.runChart.phases[0] ? result.runChart.phases[0].medianFrom[1] + 1 : 0;
  const baseline =
    'before' in aim.baseline && !result.runChart.baselineFallback
      ? `the children who reached it before ${ukFromDay(dayFromIso(aim.baseline.before) as number)}`
      : `the first ${baselineCount || ('points' in aim.baseline ? aim.baseline.points : 12)} children`;
  return [
    { at: 'A5', values: [labels], style: 'label' },
    { at: 'A6', values: [values], style: 'headline', columnFormats: [null, null, PERCENT_FORMAT, PERCENT_FORMAT, WEEKS_FORMAT, null, null] },
    {
      at: 'A7',
      values: [[`${how}Run chart: one point per child, in date order; the median of ${baseline} is the solid line, dashed where carried forward; orange points are part of a shift or trend. Source: sheet '${ctx.sourceSheet}'.`]],
      style: 'note',
    },
  ];
}

/** The whole aim sheet. */
export function planAimSheet(result: AimResult, aim: AimDefinition, ctx: AimSheetContext): PlannedSheet {
  const names: Names = {
    start: lowerFirst(fieldLabel(aim.start, ctx.localLabels)),
    end: lowerFirst(fieldLabel(aim.end, ctx.localLabels)),
  };
  const charts: PlannedChart[] = [];
  const widths: number[] = [];
  const blocks: CellBlock[] = [
    { at: 'A1', values: [[aim.name]], style: 'title' },
    { at: 'A2', values: [[aimStatement(aim, ctx.localLabels)]], style: 'subtitle' },
    { at: 'A3', values: [[asOfLine(`As of ${ukFromDay(ctx.asOf)}`, result, ctx.population)]], style: 'subtitle' },
    ...headline(result, aim, names, ctx),
  ];
  const verdict = runChartVerdict(result.runChart, aim);
  if (verdict !== '') blocks.push({ at: 'A4', values: [[verdict]], style: 'note' });
  const tables: PlannedTable[] = [];

  // Children table from column A; the chart band right after it; then the waiting and monthly tables.
  const children = childrenSection(result, aim, ctx, names);
  const bandColumn = children.columnCount + 2;
  const waitingColumn = bandColumn + CHART_COLUMNS + 2;
  const waiting = waitingSection(result, aim, ctx, waitingColumn, names);
  const monthlyColumn = waitingColumn + waiting.columnCount + 1;
  const monthly = monthlySection(result, aim, ctx, monthlyColumn, names);
  const slot = chartSlot(bandColumn);
  for (const section of [children, waiting, monthly]) {
    if (section.chart) charts.push(section.chart.make(slot.take(section.chart.rows)));
  }

  for (const [section, column] of [
    [children, 1],
    [waiting, waitingColumn],
    [monthly, monthlyColumn],
  ] as const) {
    blocks.push(...section.blocks);
    tables.push(...section.tables);
    setWidths(widths, column, section.widths);
  }
  setWidths(widths, bandColumn, new Array(CHART_COLUMNS + 1).fill(CHART_COLUMN_WIDTH));
  // Headline labels sit in A..G: keep those columns wide enough to read them.
  for (let i = 0; i < 7; i++) widths[i] = Math.max(widths[i] ?? 0, 12);
  setWidths(widths, monthlyColumn + monthly.columnCount, [CHART_COLUMN_WIDTH]);
  return {
    name: aimSheetName(aim, ctx.index),
    role: 'aim',
    tabColor: '#2E75B6',
    blocks,
    tables,
    links: [],
    charts,
    columnWidths: widths,
    freezeRows: HEADER_ROW,
  };
}
