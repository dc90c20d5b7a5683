/**
 * Looks up what the plan puts in a cell or range of a planned sheet, so chart
 * caches and Excel Tables are filled from the same values the blocks write.
 */
import type { CellValue } from '../core/grid';
import { parseCellAddress } from '../core/grid';
import type { PlannedSheet } from '../core/report/plan';
import { parseRange } from './ooxml';

export type CellMap = Map<string, CellValue>;

const key = (row: number, col: number) => `${row},${col}`;

/** Every value the sheet's blocks write, by cell (a later block wins). */
export function plannedCells(sheet: PlannedSheet): CellMap {
  const map: CellMap = new Map();
  for (const block of sheet.blocks) {
    const at = parseCellAddress(block.at);
    if (!at) throw new Error(`Block at "${block.at}" on "${sheet.name}" is not a cell address`);
    block.values.forEach((row, r) => row.forEach((v, c) => map.set(key(at.row + r, at.column + c), v)));
  }
  return map;
}

/** Values of a range, row by row ("" where nothing is written). */
export function rangeValues(cells: CellMap, range: string): CellValue[] {
  const r = parseRange(range);
  const out: CellValue[] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    for (let col = r.left; col <= r.right; col++) {
      const v = cells.get(key(row, col));
      out.push(v === undefined || v === null ? '' : v);
    }
  }
  return out;
}

/** Values of a range as rows. */
export function rangeRows(cells: CellMap, range: string): CellValue[][] {
  const r = parseRange(range);
  const rows: CellValue[][] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const line: CellValue[] = [];
    for (let col = r.left; col <= r.right; col++) {
      const v = cells.get(key(row, col));
      line.push(v === undefined ? null : v);
    }
    rows.push(line);
  }
  return rows;
}
