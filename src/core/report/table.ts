/**
 * Tables on the report's sheets: a planned table's columns, its cells and
 * its Excel table, column widths, and the names Excel accepts for sheets
 * and table headers. Shared by every sheet plan (aims, summary, changes,
 * timeline, cohort); pure, like the rest of core/report.
 */
import type { CellValue } from '../grid';
import { columnLetter } from '../grid';
import type { CellBlock, PlannedTable } from './plan';

export const TABLE_STYLE = 'TableStyleMedium2';
/** Width of a column that only holds part of a chart (no table of its own). */
export const CHART_COLUMN_WIDTH = 9;

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

/** The Excel table over a planned table's cells (header row and data rows), in the report's table style. */
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
export function uniqueHeader(wanted: string, taken: Set<string>): string {
  // A leading = + - @ would make a writer take the header for a formula; very long headers are cut.
  const cleaned = wanted.replace(/\s+/g, ' ').trim().replace(/^[=+\-@]+\s*/, '').slice(0, 80).trim();
  const base = cleaned === '' ? 'Column' : cleaned;
  let header = base;
  for (let n = 2; taken.has(header.toLowerCase()); n++) header = `${base} (${n})`;
  taken.add(header.toLowerCase());
  return header;
}
