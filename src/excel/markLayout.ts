/**
 * Pure parts of marking flagged cells: grouping by severity, the fill of
 * each severity, and cutting long address lists into pieces Excel accepts.
 */
import type { CellMark } from '../core/port';
import type { Severity } from '../core/model';

/** Excel's own "bad / neutral" light fills, and a light blue for notes. */
export const MARK_FILL: Record<Severity, string> = {
  error: '#FFC7CE',
  warning: '#FFEB9C',
  info: '#DDEBF7',
};

/** A rule true for every cell: the fill shows wherever the format applies. */
export const MARK_RULE = '=TRUE';

/** Address lists longer than this are split (Excel refuses very long multi-area addresses). */
export const MAX_ADDRESS_CHARS = 2_000;

/**
 * Cells by severity, each cell once at its most serious severity (a cell
 * with an error and a warning shows red), in severity order.
 */
export function cellsBySeverity(marks: CellMark[]): { severity: Severity; cells: string[] }[] {
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  const worst = new Map<string, Severity>();
  for (const mark of marks) {
    const cell = mark.cell.replace(/\$/g, '').toUpperCase();
    const seen = worst.get(cell);
    if (seen === undefined || rank[mark.severity] < rank[seen]) worst.set(cell, mark.severity);
  }
  return (['error', 'warning', 'info'] as Severity[])
    .map((severity) => ({ severity, cells: [...worst].filter(([, s]) => s === severity).map(([cell]) => cell) }))
    .filter((group) => group.cells.length > 0);
}

/** Comma-separated address lists, each at most `maxChars` long. */
export function addressLists(cells: string[], maxChars = MAX_ADDRESS_CHARS): string[] {
  const lists: string[] = [];
  let current = '';
  for (const cell of cells) {
    if (current && current.length + 1 + cell.length > maxChars) {
      lists.push(current);
      current = '';
    }
    current = current ? `${current},${cell}` : cell;
  }
  if (current) lists.push(current);
  return lists;
}
