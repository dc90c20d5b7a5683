/**
 * `--map FIELD=COLUMN`: the command line's way to say which column holds a
 * field when its heading was not recognised (the pane has a mapping screen;
 * a terminal has this). It amends the detected or saved mapping and is read
 * through the core's own saved-mapping path, so the sheet is read exactly as
 * the pane would read it with that mapping saved.
 */
import { UserFacingError } from '../core/errors';
import { cellAddress, columnNumber, type SheetGrid } from '../core/grid';
import type { ColumnMapping, SheetLayout } from '../core/model';
import { FIELDS } from '../core/fields';

export interface MapRequest {
  field: string;
  column: string;
}

/** "panel=H,admDecision=J" → requests; a plain message for anything else. */
export function parseMapOption(text: string): MapRequest[] {
  const requests: MapRequest[] = [];
  for (const part of text.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const m = /^([A-Za-z]+)\s*=\s*([A-Za-z]{1,3})$/.exec(part);
    if (!m) throw new UserFacingError('usage', `--map takes FIELD=COLUMN, e.g. --map panel=H, not "${part}".`);
    const field = FIELDS.find((f) => f.id.toLowerCase() === m[1].toLowerCase())?.id;
    if (!field) {
      throw new UserFacingError('usage', `--map: "${m[1]}" is not a field. The fields are: ${FIELDS.map((f) => f.id).join(', ')}.`);
    }
    const column = m[2].toUpperCase();
    if (requests.some((r) => r.field === field)) throw new UserFacingError('usage', `--map names ${field} twice.`);
    if (requests.some((r) => r.column === column)) throw new UserFacingError('usage', `--map gives column ${column} to two fields.`);
    requests.push({ field, column });
  }
  if (requests.length === 0) throw new UserFacingError('usage', '--map takes FIELD=COLUMN, e.g. --map panel=H.');
  return requests;
}

function headingAt(grid: SheetGrid, row: number, column: string): string {
  const value = grid.values[row - grid.firstRow]?.[columnNumber(column) - grid.firstColumn];
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/**
 * The layout's columns with the requests applied: each requested column is
 * taken from whatever field had it, and each requested field moves to its
 * column. Throws when a column has no heading on the header row (the
 * mapping is found again by its heading, as the pane's saved mapping is).
 */
export function applyMapRequests(grid: SheetGrid, layout: SheetLayout, requests: MapRequest[]): ColumnMapping[] {
  const columns = layout.columns.filter((c) => !requests.some((r) => r.field === c.field || r.column === c.column));
  for (const r of requests) {
    const header = headingAt(grid, layout.headerRow, r.column);
    if (header === '') {
      throw new UserFacingError(
        'usage',
        `--map ${r.field}=${r.column}: cell ${cellAddress(layout.headerRow, columnNumber(r.column))}, on the heading row of '${layout.sheet}', has no heading. Give the column a heading in the workbook, then map it.`,
      );
    }
    columns.push({ field: r.field, column: r.column, header, confidence: 1 });
  }
  return columns.sort((a, b) => columnNumber(a.column) - columnNumber(b.column));
}
