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

/**
 * The rule of every mark: true for every cell (N of text is 0), so the fill
 * shows wherever the format applies, and carrying the add-in's name so a
 * mark is recognised by what it is. Excel gives conditional formats no
 * stable key (ConditionalFormat.id is a position that shifts whenever a
 * format is added), so marks are never looked up by a stored id.
 */
export const MARK_RULE = '=N("PaceTracker mark")=0';

/** The rule marks had before they carried the add-in's name (cleared only where the old marks record says they exist). */
export const LEGACY_MARK_RULE = '=TRUE';

/** Formula text as compared: Excel may report it with other spacing or letter case. */
function normalisedFormula(formula: string | null | undefined): string {
  return (formula ?? '').replace(/\s+/g, '').toUpperCase();
}

/** True for a conditional format only the add-in writes: our rule and one of our fills. */
export function isMarkFormat(formula: string | null | undefined, fill: string | null | undefined, legacy = false): boolean {
  const fills = Object.values(MARK_FILL).map((f) => f.toUpperCase());
  if (!fills.includes((fill ?? '').toUpperCase())) return false;
  const rule = normalisedFormula(formula);
  return rule === normalisedFormula(MARK_RULE) || (legacy && rule === normalisedFormula(LEGACY_MARK_RULE));
}

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
