/**
 * The plan of one aim's sheet, laid out for reading on screen and printing
 * on A4 landscape at 100%:
 *
 *  page 1  title, aim sentence, as-of line, headline figures, what the
 *          run chart shows and how to read it;
 *  page 2  the run chart (one point per child) filling the page;
 *  page 3  the children still waiting (bar chart);
 *  page 4  the monthly "% within target" run chart with the number of
 *          children behind each month, and its notes;
 *  then    the tables, side by side from one header row: the children, the
 *          children waiting, the months. Each table starts a new page
 *          across, and the heading and header rows repeat on every printed
 *          page (print titles), so a 225-row table prints as readable pages.
 *
 * One sheet per aim, not a chart sheet and a table sheet: the charts read
 * their own sheet's cells (a second sheet would make every chart reference
 * cross sheets, which both writers and a renamed sheet would have to follow).
 * Print titles only start repeating from the page where they are, so the
 * chart pages print without them.
 */
import type { CellValue } from '../grid';
import { columnLetter } from '../grid';
import type { AimDefinition, AimResult, DayNumber, Direction, RunChart, TestOfChange } from '../model';
import { dayFromIso, median, roundTo1, serialFromDay, ukFromDay, weeksBetween } from '../dates';
import { computeRunChart, runChartSignals } from '../runchart';
import { aimStatement } from '../aims/definition';
import { percentOf } from '../aims/measures';
import type { CellBlock, PlannedChart, PlannedSeries, PlannedSheet, PlannedTable, PrintSettings } from './plan';
import { DATE_FORMAT, PERCENT_FORMAT, WEEKS_FORMAT } from './plan';
import { asOfLine, type PopulationCount } from './exclusions';
import { lastColumnOnPage, noteLines, PAGE_MARGINS, PAGE_ROWS, pageBreakColumns, spareCharacters } from './printLayout';
import { MilestoneWords, milestoneWords } from './words';

export const MONTH_FORMAT = 'mmm yyyy';
export const TABLE_STYLE = 'TableStyleMedium2';
const CHART_COLUMN_WIDTH = 9;
/** Months (or quarters) with fewer children than this are drawn small and grey and kept out of the monthly median. */
export const DEFAULT_SMALL_NUMBER = 5;
/** Characters of note text (11 point italic) that fit across a printed page; the aim sentence is larger. */
const NOTE_LINE = 120;
const SUBTITLE_LINE = 100;
/** A chart on a page of its own leaves this many rows under it for its notes. */
const CHART_NOTE_ROWS = 5;

const COLOURS = {
  weeks: '#1F4E79',
  median: '#404040',
  rephased: '#00838F',
  target: '#C00000',
  improvement: '#2E7D32',
  deterioration: '#ED7D31',
  astronomical: '#000000',
  change: '#7030A0',
  withinTarget: '#5B9BD5',
  pastTarget: '#C00000',
  small: '#A6A6A6',
  count: '#D9D9D9',
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
  /** Months (quarters) with fewer children than this are greyed and left out of the monthly median (default 5). */
  smallNumber?: number;
  /** Group the monthly table and chart by quarter: steadier percentages for a small authority. */
  period?: 'month' | 'quarter';
}

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

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Mar 2023" from "2023-03…". */
function monthName(iso: string): string {
  return `${MONTH_NAMES[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

/**
 * Months between labels on a date axis from `firstIso` to `lastIso`: 1, 2,
 * 3, 6 or 12 (then whole multiples of a year), so about a dozen month labels
 * run along the axis whatever its span.
 */
export function monthStep(firstIso: string, lastIso: string, maxLabels = 14): number {
  const month = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
  const span = Math.max(1, month(lastIso) - month(firstIso) + 1);
  return [1, 2, 3, 6, 12].find((s) => span / s <= maxLabels) ?? 12 * Math.ceil(span / maxLabels / 12);
}

/**
 * The point a line's end label sits on: a few points back from its last
 * one, so the label (centred on its point) ends about where the line does
 * instead of running off the plot; never before the line's first point.
 */
export function endLabelPoint(values: readonly (CellValue | undefined)[]): number {
  let last = values.length - 1;
  while (last >= 0 && typeof values[last] !== 'number') last--;
  if (last < 0) return -1;
  let first = last;
  while (first > 0 && typeof values[first - 1] === 'number') first--;
  return Math.max(first, last - Math.ceil(values.length * 0.06));
}

/** A line's end label, or none when the line has no point. */
function endLabelOf(text: string, position: 'above' | 'below', values: readonly (CellValue | undefined)[]): PlannedSeries['endLabel'] {
  const point = endLabelPoint(values);
  return point < 0 ? undefined : { text, position, point };
}

/** Where a line's label goes: above when the line is the higher of the two that may meet, below otherwise. */
function labelSide(value: number, other: number | null): 'above' | 'below' {
  return other === null || value >= other ? 'above' : 'below';
}

/** "27.5" (one decimal, none when whole). */
function figure(value: number): string {
  return String(roundTo1(value));
}

interface Section {
  blocks: CellBlock[];
  tables: PlannedTable[];
  widths: number[];
  /** Columns used, starting at the section's first column. */
  columnCount: number;
  /** The section's chart, anchored once its page is known. */
  chart?: { make(anchor: { from: string; to: string }): PlannedChart; notes?: string[] };
}

interface Names {
  start: MilestoneWords;
  end: MilestoneWords;
}

/** Where the tables go: their heading row (the header row is the next) and first columns. */
interface TablePlace {
  headingRow: number;
  headerRow: number;
}

function childrenSection(result: AimResult, aim: AimDefinition, ctx: AimSheetContext, names: Names, at: TablePlace): Section {
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
  if (aim.targetWeeks !== null) columns.push(column('Within target', result.children.map((c) => (c.withinTarget ? 'Yes' : 'No')), 10));
  type SeriesSpec = Omit<PlannedSeries, 'values'> & { column: number };
  const series: SeriesSpec[] = [];
  // The legend says what a series is; its column header may say it more briefly (a narrower column prints on fewer pages).
  const addSeries = (col: TableColumn, spec: Omit<PlannedSeries, 'values' | 'name'>, legend = col.header) => {
    columns.push(col);
    series.push({ ...spec, name: legend, column: columns.length - 1 });
  };
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

function waitingSection(result: AimResult, aim: AimDefinition, ctx: AimSheetContext, firstColumn: number, names: Names, at: TablePlace): Section {
  const heading: CellBlock = {
    at: `${columnLetter(firstColumn)}${at.headingRow}`,
    values: [[`Children still waiting for ${names.end.waitingFor} (longest wait first)`]],
    style: 'heading',
  };
  const waiting = result.waitingChildren;
  if (waiting.length === 0) {
    const note: CellBlock = {
      at: `${columnLetter(firstColumn)}${at.headerRow}`,
      values: [[`No child in this aim is waiting for ${names.end.waitingFor} on ${ukFromDay(ctx.asOf)}.`]],
      style: 'note',
    };
    return { blocks: [heading, note], tables: [], widths: [14, 7, 12, 10, 10], columnCount: 5 };
  }
  // Exact weeks waited, for the bars; the JSON's weeksWaiting is the same figure rounded.
  const exact = waiting.map((w) => weeksBetween(dayOf(w.startDate) as number, ctx.asOf));
  const hasTarget = aim.targetWeeks !== null;
  const columns: TableColumn[] = [
    { header: 'Child ID', values: waiting.map((w) => w.childId ?? `(no ID, row ${w.row})`), width: 14 },
    { header: 'Row', values: waiting.map((w) => w.row), width: 7 },
    { header: names.start.dateHeader, values: waiting.map((w) => serialOfIso(w.startDate, ctx.date1904)), width: 12, format: DATE_FORMAT },
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
  const range = (offset: number) => columnDataRange(at.headerRow, firstColumn + offset, rows);
  const series: PlannedSeries[] = hasTarget
    ? [
        { name: 'Waiting, within target', values: range(5), color: COLOURS.withinTarget, line: 'none', marker: 'none' },
        { name: 'Waiting, past target', values: range(6), color: COLOURS.pastTarget, line: 'none', marker: 'none' },
      ]
    : [{ name: 'Waiting', values: range(4), color: COLOURS.withinTarget, line: 'none', marker: 'none' }];
  const make = (anchor: { from: string; to: string }): PlannedChart => ({
    name: `aim${ctx.index}WaitingChart`,
    kind: 'bar',
    stacked: true,
    title: `Children waiting for ${names.end.waitingFor} on ${ukFromDay(ctx.asOf)}: ${rows}`,
    xAxisTitle: 'Child (longest wait at the top)',
    yAxisTitle: `Weeks since ${names.start.noun}`,
    categories: range(0),
    series,
    anchor,
    reverseCategories: true,
    yAxisMin: 0,
    showLegend: hasTarget,
  });
  const notes = rows > 45 ? [`${rows} children: every child has a bar, and about one in ${Math.ceil(rows / 45)} is named down the side. The table further down names them all.`] : [];
  return {
    blocks: [heading, tableBlock(at.headerRow, firstColumn, columns)],
    tables: [plannedTable(`${ctx.tablePrefix}Waiting`, at.headerRow, firstColumn, columns)],
    widths: columns.map(columnWidth),
    columnCount: columns.length,
    chart: { make, notes },
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
function hasMonthlyChart(result: AimResult, aim: AimDefinition): boolean {
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

function monthlySection(result: AimResult, aim: AimDefinition, ctx: AimSheetContext, firstColumn: number, names: Names, at: TablePlace): Section {
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
  if (signals.astronomical) parts.push('Some children are far from the rest (black crosses): check those dates.');
  return parts.join(' ');
}

/** The headline figures: one label and its value a row, from `row` down (labels in A, values in B). */
function headline(result: AimResult, aim: AimDefinition, row: number): CellBlock[] {
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
  const formats: (string | null)[] = [null, null, PERCENT_FORMAT, PERCENT_FORMAT, WEEKS_FORMAT, null, null];
  return [
    { at: `A${row}`, values: labels.map((label) => [label]), style: 'label' },
    ...values.map((value, i): CellBlock => ({ at: `B${row + i}`, values: [[value]], style: 'headline', columnFormats: [formats[i]] })),
  ];
}

/** Width of column A that keeps every headline label clear of its value. */
function headlineLabelWidth(result: AimResult, aim: AimDefinition): number {
  return Math.max(...headline(result, aim, 1)[0].values.map((r) => String(r[0]).length)) + 3;
}

/** How to read the sheet, in words (the run chart's lines and markers). */
function howToRead(result: AimResult, aim: AimDefinition, names: Names, ctx: AimSheetContext): string {
  const hasTarget = aim.targetWeeks !== null;
  const how = hasTarget
    ? `Weeks = days from ${names.start.noun} to ${names.end.noun} ÷ 7. Within target = ${aim.targetWeeks} weeks or fewer. `
    : `Weeks = days from ${names.start.noun} to ${names.end.noun} ÷ 7. This aim has no target. `;
  const baselineCount = result.runChart.phases[0] ? result.runChart.phases[0].medianFrom[1] + 1 : 0;
  const baseline =
    'before' in aim.baseline && !result.runChart.baselineFallback
      ? `the children who reached it before ${ukFromDay(dayFromIso(aim.baseline.before) as number)}`
      : `the first ${baselineCount || ('points' in aim.baseline ? aim.baseline.points : 12)} children`;
  return (
    `${how}Run chart: one point per child, in date order. The median of ${baseline} is the solid grey line, dashed where carried forward, dash-dot once re-phased; ` +
    `${hasTarget ? 'the target is the dotted red line. ' : ''}Green triangles: a shift or trend the way the aim wants (improvement); orange squares: against it (deterioration); ` +
    `black crosses: a child far from the rest. Source: sheet '${ctx.sourceSheet}'.`
  );
}

/** Rows of a chart page: the chart from `top` to `bottom`, its notes from `notesAt`. */
interface ChartPage {
  top: number;
  bottom: number;
  notesAt: number;
}

/**
 * Pages for `count` charts after page 1 (the aim's figures and how to read
 * them), one chart a page. Each chart starts one row down its page: a
 * printer draws a drawing that starts right at a page break on the page
 * before too. Returns the pages, the row breaks and the first row after them.
 */
export function chartPages(count: number): { pages: ChartPage[]; rowBreaks: number[]; nextRow: number } {
  const pages: ChartPage[] = [];
  const rowBreaks: number[] = [];
  let pageStart = PAGE_ROWS + 1;
  for (let i = 0; i < count; i++) {
    rowBreaks.push(pageStart);
    const bottom = pageStart + PAGE_ROWS - 1 - CHART_NOTE_ROWS;
    pages.push({ top: pageStart + 1, bottom, notesAt: bottom + 1 });
    pageStart += PAGE_ROWS;
  }
  if (count > 0) rowBreaks.push(pageStart);
  return { pages, rowBreaks, nextRow: count > 0 ? pageStart : 0 };
}

/** Whole notes, cut into printed lines, as many as fit in `rows` (a note is never cut short). */
export function fittingNotes(notes: readonly string[], rows: number): string[] {
  const lines: string[] = [];
  for (const note of notes) {
    const cut = noteLines(note, NOTE_LINE);
    if (lines.length + cut.length > rows) break;
    lines.push(...cut);
  }
  return lines;
}

/** The whole aim sheet. */
export function planAimSheet(result: AimResult, aim: AimDefinition, ctx: AimSheetContext): PlannedSheet {
  const names: Names = { start: milestoneWords(aim.start, ctx.localLabels), end: milestoneWords(aim.end, ctx.localLabels) };
  const widths: number[] = [];
  const blocks: CellBlock[] = [{ at: 'A1', values: [[aim.name]], style: 'title' }];
  let row = 2;
  const lines = (text: string, max: number, style: CellBlock['style']) => {
    const cut = noteLines(text, max);
    if (cut.length > 0) blocks.push({ at: `A${row}`, values: cut.map((l) => [l]), style });
    row += cut.length;
  };
  lines(aimStatement(aim, ctx.localLabels), SUBTITLE_LINE, 'subtitle');
  // The as-of line also says what the figures left out (end before start, rows outside the population).
  lines(asOfLine(`As of ${ukFromDay(ctx.asOf)}`, result, ctx.population), SUBTITLE_LINE, 'subtitle');
  row += 1;
  const figures = headline(result, aim, row);
  blocks.push(...figures);
  row += figures[0].values.length + 1;
  lines(runChartVerdict(result.runChart, aim), NOTE_LINE, 'note');
  lines(howToRead(result, aim, names, ctx), NOTE_LINE, 'note');
  row += 1;

  // Charts first, one to a page; the tables after them, from one heading row.
  const chartCount = [result.children.length > 0, result.waitingChildren.length > 0, hasMonthlyChart(result, aim)].filter(Boolean).length;
  const layout = chartPages(chartCount);
  // Without charts the tables follow the notes on page 1.
  const headingRow = layout.nextRow || row;
  const place: TablePlace = { headingRow, headerRow: headingRow + 1 };

  const children = childrenSection(result, aim, ctx, names, place);
  setWidths(widths, 1, children.widths);
  // Headline labels sit in column A: wide enough to read them.
  widths[0] = Math.max(widths[0] ?? 0, headlineLabelWidth(result, aim));
  // Headline values (14 point bold) sit in column B.
  widths[1] = Math.max(widths[1] ?? 0, 12);
  // The charts span the columns of one printed page but its last: a chart whose edge lies on a page
  // break is drawn on the next page too. The column before that last one takes the page's spare width.
  const pageLastColumn = Math.max(2, lastColumnOnPage(widths, 1));
  setWidths(widths, 1, Array.from({ length: pageLastColumn }, (_, i) => widths[i] ?? CHART_COLUMN_WIDTH));
  const chartLastColumn = pageLastColumn - 1;
  widths[chartLastColumn - 1] += spareCharacters(widths.slice(0, pageLastColumn));
  const waitingColumn = Math.max(children.columnCount + 2, pageLastColumn + 1);
  const waiting = waitingSection(result, aim, ctx, waitingColumn, names, place);
  const monthlyColumn = waitingColumn + waiting.columnCount + 1;
  const monthly = monthlySection(result, aim, ctx, monthlyColumn, names, place);

  const charts: PlannedChart[] = [];
  const sections = [children, waiting, monthly].filter((s) => s.chart);
  sections.forEach((section, i) => {
    const page = layout.pages[i];
    const chart = section.chart as NonNullable<Section['chart']>;
    charts.push(chart.make({ from: `A${page.top}`, to: `${columnLetter(chartLastColumn)}${page.bottom}` }));
    const notes = fittingNotes(chart.notes ?? [], CHART_NOTE_ROWS);
    if (notes.length > 0) blocks.push({ at: `A${page.notesAt}`, values: notes.map((l) => [l]), style: 'note' });
  });

  const tables: PlannedTable[] = [];
  for (const [section, column] of [
    [children, 1],
    [waiting, waitingColumn],
    [monthly, monthlyColumn],
  ] as const) {
    blocks.push(...section.blocks);
    tables.push(...section.tables);
    setWidths(widths, column, section.widths);
  }
  widths[0] = Math.max(widths[0], headlineLabelWidth(result, aim));
  widths[1] = Math.max(widths[1], 12);
  const lastColumn = monthlyColumn + monthly.columnCount - 1;
  const print: PrintSettings = {
    orientation: 'landscape',
    margins: PAGE_MARGINS,
    titleRows: { first: place.headingRow, last: place.headerRow },
    rowBreaks: layout.rowBreaks,
    columnBreaks: pageBreakColumns(widths, [waitingColumn, monthlyColumn], lastColumn),
  };
  return {
    name: aimSheetName(aim, ctx.index),
    role: 'aim',
    tabColor: '#2E75B6',
    blocks,
    tables,
    links: [],
    charts,
    columnWidths: widths,
    // Charts come first: frozen header rows would hold half the screen. The tables' own headers stay in view as they scroll.
    freezeRows: 0,
    print,
  };
}
