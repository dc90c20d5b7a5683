/**
 * Looks up what the plan puts in a cell or range of a planned sheet, so chart
 * caches and Excel Tables are filled from the same values the blocks write.
 *
 * Values sit in rows of columns (1-based, sparse) rather than a map keyed by
 * address text: a report sheet holds hundreds of thousands of cells, and
 * building a key string per cell was a large part of the writing time.
 */
import type { CellValue } from '../core/grid';
import { parseCellAddress } from '../core/grid';
import type { PlannedSheet } from '../core/report/plan';
import { parseRange } from './ooxml';

/** values[row][column], both 1-based; undefined where nothing is written. */
export interface CellGrid {
  values: CellValue[][];
}

/** The value at a cell, or undefined where nothing is written. */
export function cellAt(grid: CellGrid, row: number, column: number): CellValue | undefined {
  return grid.values[row]?.[column];
}

/** Every value the sheet's blocks write, by cell (a later block wins). */
export function plannedCells(sheet: PlannedSheet): CellGrid {
  const values: CellValue[][] = [];
  for (const block of sheet.blocks) {
    const at = parseCellAddress(block.at);
    if (!at) throw new Error(`Block at "${block.at}" on "${sheet.name}" is not a cell address`);
    block.values.forEach((line, r) => {
      const row = (values[at.row + r] ??= []);
      line.forEach((v, c) => {
        row[at.column + c] = v;
      });
    });
  }
  return { values };
}

/** Values of a range, row by row ("" where nothing is written). */
export function rangeValues(grid: CellGrid, range: string): CellValue[] {
  const r = parseRange(range);
  const out: CellValue[] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const line = grid.values[row];
    for (let col = r.left; col <= r.right; col++) {
      const v = line?.[col];
      out.push(v === undefined || v === null ? '' : v);
    }
  }
  return out;
}

/** Values of a range as rows (null where nothing is written). */
export function rangeRows(grid: CellGrid, range: string): CellValue[][] {
  const r = parseRange(range);
  const rows: CellValue[][] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const line = grid.values[row];
    const out: CellValue[] = [];
    for (let col = r.left; col <= r.right; col++) {
      const v = line?.[col];
      out.push(v === undefined ? null : v);
    }
    rows.push(out);
  }
  return rows;
}
