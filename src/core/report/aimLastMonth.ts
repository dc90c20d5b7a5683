/**
 * Last month beside this month on an aim sheet (when the report is given
 * last month's file): every matched child's point as it was last month,
 * drawn as a grey disc under this month's point, and a table of the points
 * that moved or came off the chart. A date changed after it was submitted
 * rewrites last month's figures; here the user sees which points it moved.
 */
import { columnLetter, type CellValue } from '../grid';
import type { AimResult, DayNumber } from '../model';
import { roundTo1, ukFromDay } from '../dates';
import { sameWeeks, type LastMonthWeeks } from '../compare/lastPoints';
import { WEEKS_FORMAT, type CellBlock } from './plan';
import { columnWidth, plannedTable, tableBlock, type TableColumn } from './table';
import type { AimSheetContext, Section, TablePlace } from './aimParts';

/** Last month's file as the aim sheets name it, and each matched child's point on this aim then. */
export interface LastMonthOnSheet {
  /** The file's name ("Tracker February 2024.xlsx"). */
  name: string;
  asOf: DayNumber;
  weeks: LastMonthWeeks;
}

/** A point that is not where it was last month. */
export interface MovedPoint {
  childId: string;
  row: number;
  weeksBefore: number;
  /** null: the child is no longer a point on this chart. */
  weeksAfter: number | null;
}

export const MOVED_HEADING = 'Points that moved since last month';

/** Last month's weeks for each child on this month's chart, in the chart's order (null: not matched, or not a point last month). */
export function lastMonthColumn(result: AimResult, lastMonth: LastMonthOnSheet): (number | null)[] {
  return result.children.map((c) => (c.childId === null ? null : lastMonth.weeks.get(c.childId)?.weeks ?? null));
}

/**
 * Points whose weeks changed since last month, and points of last month that
 * are not on this month's chart, by row. A point new this month (a milestone
 * reached) is the month's news, not a move, so it is not listed.
 */
export function movedPoints(result: AimResult, lastMonth: LastMonthOnSheet): MovedPoint[] {
  const now = new Map<string, number>();
  result.children.forEach((c, i) => {
    if (c.childId !== null && !now.has(c.childId)) now.set(c.childId, result.runChart.points[i].value);
  });
  const moved: MovedPoint[] = [];
  for (const [childId, last] of lastMonth.weeks) {
    if (last.weeks === null) continue;
    const after = now.get(childId) ?? null;
    if (sameWeeks(last.weeks, after)) continue;
    moved.push({ childId, row: last.row, weeksBefore: last.weeks, weeksAfter: after });
  }
  return moved.sort((a, b) => a.row - b.row);
}

function whatHappened(p: MovedPoint): string {
  if (p.weeksAfter === null) return 'No longer on this chart: a date was removed or changed, or the child left the figures';
  const by = roundTo1(Math.abs(p.weeksAfter - p.weeksBefore));
  return p.weeksAfter > p.weeksBefore ? `${by} weeks longer than last month` : `${by} weeks shorter than last month`;
}

/** The note under the run chart saying what the grey discs are and where the moved points are listed. */
export function lastMonthNote(lastMonth: LastMonthOnSheet, moved: readonly MovedPoint[], tableColumn: number): string {
  const rings = `Grey discs: each child's weeks in last month's file (${lastMonth.name}, as of ${ukFromDay(lastMonth.asOf)}), drawn at this month's date under this month's dot; a dot off its disc has moved.`;
  if (moved.length === 0) return `${rings} No point moved since last month.`;
  const off = moved.filter((p) => p.weeksAfter === null).length;
  const count = moved.length - off;
  const parts = [
    ...(count > 0 ? [`${count} ${count === 1 ? 'point moved' : 'points moved'}`] : []),
    ...(off > 0 ? [`${off} came off the chart`] : []),
  ];
  return `${rings} Since last month ${parts.join(' and ')}: see '${MOVED_HEADING}' from column ${columnLetter(tableColumn)}.`;
}

/** The table of moved points, from `firstColumn` on the tables' heading row. */
export function movedSection(moved: readonly MovedPoint[], lastMonth: LastMonthOnSheet, ctx: AimSheetContext, firstColumn: number, at: TablePlace): Section {
  const heading: CellBlock = { at: `${columnLetter(firstColumn)}${at.headingRow}`, values: [[`${MOVED_HEADING} (${lastMonth.name})`]], style: 'heading' };
  if (moved.length === 0) {
    const note: CellBlock = {
      at: `${columnLetter(firstColumn)}${at.headerRow}`,
      values: [[`Every child's point is where it was in last month's file (as of ${ukFromDay(lastMonth.asOf)}).`]],
      style: 'note',
    };
    return { blocks: [heading, note], tables: [], widths: [14, 7, 19, 12, 16, 36], columnCount: 6 };
  }
  const columns: TableColumn[] = [
    { header: 'Child ID', values: moved.map((p) => p.childId), width: 14 },
    { header: 'Row', values: moved.map((p) => p.row), width: 7 },
    { header: 'Weeks last month', values: moved.map((p) => p.weeksBefore), width: 11, format: WEEKS_FORMAT },
    { header: 'Weeks now', values: moved.map((p): CellValue => p.weeksAfter), width: 11, format: WEEKS_FORMAT },
    { header: 'Moved (weeks)', values: moved.map((p) => (p.weeksAfter === null ? null : p.weeksAfter - p.weeksBefore)), width: 11, format: WEEKS_FORMAT },
    { header: 'What happened', values: moved.map(whatHappened), width: 36 },
  ];
  // The table fits one printed page across; a long "what happened" wraps in its cell.
  return {
    blocks: [heading, { ...tableBlock(at.headerRow, firstColumn, columns), wrap: true }],
    tables: [plannedTable(`${ctx.tablePrefix}Moved`, at.headerRow, firstColumn, columns)],
    widths: columns.map(columnWidth),
    columnCount: columns.length,
  };
}
