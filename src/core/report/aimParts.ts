/**
 * What the sections of an aim sheet share: the context the sheet is planned
 * in, its colours and line lengths, a section's shape, and small helpers for
 * dates, chart labels and figures. aimSheet.ts puts the sections together.
 */
import type { CellValue } from '../grid';
import type { DayNumber, TestOfChange } from '../model';
import { dayFromIso, roundTo1, serialFromDay } from '../dates';
import type { CellBlock, PlannedChart, PlannedSeries, PlannedTable } from './plan';
import type { PopulationCount } from './exclusions';
import type { MilestoneWords } from './words';
import type { LastMonthOnSheet } from './aimLastMonth';

export const MONTH_FORMAT = 'mmm yyyy';
/** Months (or quarters) with fewer children than this are drawn small and grey and kept out of the monthly median. */
export const DEFAULT_SMALL_NUMBER = 5;
/** Characters of note text (11 point italic) that fit across a printed page; the aim sentence is larger. */
export const NOTE_LINE = 120;
export const SUBTITLE_LINE = 100;
/** A chart on a page of its own leaves this many rows under it for its notes. */
export const CHART_NOTE_ROWS = 5;

export const COLOURS = {
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
  lastMonth: '#7F7F7F',
  lastMonthFill: '#BFBFBF',
};

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
  /** Last month's points, drawn beside this month's (report --last; the pane's "Show last month's points"). */
  lastMonth?: LastMonthOnSheet;
}

/**
 * dayFromIso with a memo: an aim sheet converts tens of thousands of dates
 * drawn from a few thousand distinct days, and parsing is the slow part.
 */
const dayMemo = new Map<string, DayNumber | null>();
export function dayOf(iso: string): DayNumber | null {
  let day = dayMemo.get(iso);
  if (day === undefined) {
    day = dayFromIso(iso);
    if (dayMemo.size > 100_000) dayMemo.clear();
    dayMemo.set(iso, day);
  }
  return day;
}

export function serialOfIso(iso: string, date1904: boolean): number | null {
  const day = dayOf(iso);
  return day === null ? null : serialFromDay(day, date1904);
}

export const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Mar 2023" from "2023-03…". */
export function monthName(iso: string): string {
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
export function endLabelOf(text: string, position: 'above' | 'below', values: readonly (CellValue | undefined)[]): PlannedSeries['endLabel'] {
  const point = endLabelPoint(values);
  return point < 0 ? undefined : { text, position, point };
}

/** Where a line's label goes: above when the line is the higher of the two that may meet, below otherwise. */
export function labelSide(value: number, other: number | null): 'above' | 'below' {
  return other === null || value >= other ? 'above' : 'below';
}

/** "27.5" (one decimal, none when whole). */
export function figure(value: number): string {
  return String(roundTo1(value));
}

/** One part of the aim sheet: its heading and table, their widths, and its chart once its page is known. */
export interface Section {
  blocks: CellBlock[];
  tables: PlannedTable[];
  widths: number[];
  /** Columns used, starting at the section's first column. */
  columnCount: number;
  /** The section's chart, anchored once its page is known. */
  chart?: { make(anchor: { from: string; to: string }): PlannedChart; notes?: string[] };
}

/** The aim's two milestones in the user's words. */
export interface Names {
  start: MilestoneWords;
  end: MilestoneWords;
}

/** Where the tables go: their heading row (the header row is the next) and first columns. */
export interface TablePlace {
  headingRow: number;
  headerRow: number;
}
