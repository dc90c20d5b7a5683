import { addEvidence, emptyEvidence } from '../../dates/dateOrder';
import type { ChildRecord, Finding, SheetLayout } from '../../model';
import { ukDate } from '../format';
import type { SheetRule } from '../types';

interface ColumnMarks {
  field: string;
  letters: string;
  pending: number;
  mdy: number;
  /** A month-first-only cell read month first, to show what happened ("'04/23/2019' as 23/04/2019"). */
  shown: { raw: string; day: number } | null;
}

function lettersOf(cell: string): string {
  return cell.replace(/[0-9$]/g, '');
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * One finding per column whose dates typed as numbers-only text look
 * month/day/year (the records carry the marks: see usecases/dateOrder.ts),
 * instead of one per cell: an error while the order is not confirmed (those
 * dates are not used, and the aims wait), a note once it is read month first.
 */
export const monthFirstColumn: SheetRule = {
  scope: 'sheet',
  ids: ['month-first-column'],
  check(records, ctx, out) {
    const byField = new Map<string, ColumnMarks>();
    for (const record of records) {
      for (const field in record.dates) {
        const date = record.dates[field];
        if (date.order === undefined) continue;
        const cell = record.cells[field];
        if (cell === undefined) continue;
        let marks = byField.get(field);
        if (!marks) byField.set(field, (marks = { field, letters: lettersOf(cell), pending: 0, mdy: 0, shown: null }));
        if (date.order === 'pending') marks.pending += 1;
        else {
          marks.mdy += 1;
          if (marks.shown === null && date.day !== null && typeof date.raw === 'string') marks.shown = { raw: date.raw.trim(), day: date.day };
        }
      }
    }
    const { headerRow } = ctx.layout;
    for (const marks of byField.values()) {
      const header = headerOf(marks.letters, marks.field, ctx.layout);
      const named = header ? ` ('${header}')` : '';
      const base: Omit<Finding, 'severity' | 'message'> = {
        rule: 'month-first-column',
        cell: `${marks.letters}${headerRow}`,
        row: headerRow,
        field: marks.field,
        childId: null,
      };
      if (marks.pending > 0) {
        const evidence = emptyEvidence();
        for (const record of records) addEvidence(evidence, record.dates[marks.field]?.raw ?? null);
        const example = evidence.example ? ` (for example '${evidence.example}')` : '';
        out.push({
          ...base,
          severity: 'error',
          message:
            `Column ${marks.letters} looks month/day/year${named}: ${plural(evidence.monthFirstOnly, 'date typed as text only makes', 'dates typed as text only make')} sense month first${example}, and none only day first. ` +
            `Until the order is confirmed for this column, its ${plural(marks.pending, 'text date', 'text dates')} that could be read either way ${marks.pending === 1 ? 'is' : 'are'} not used and the aims are held back. ` +
            'Confirm month/day/year to read them month first (or day/month/year to keep reading them day first); entering them as real dates (dd/mm/yyyy) settles it for good.',
        });
      } else {
        const example = marks.shown ? ` (for example '${marks.shown.raw}' as ${ukDate(marks.shown.day)})` : '';
        out.push({
          ...base,
          severity: 'info',
          message: `Column ${marks.letters}${named} is read month/day/year, as confirmed: ${plural(marks.mdy, 'date typed as text was', 'dates typed as text were')} read month first${example}. Entering them as real dates lets Excel sort and filter them.`,
        });
      }
    }
  },
};

/** The column's heading: mapped columns by field, local milestones read from unmapped columns by letters. */
function headerOf(letters: string, field: string, layout: SheetLayout): string {
  const header =
    layout.columns.find((c) => String(c.field) === field)?.header ?? layout.unmapped.find((u) => u.column === letters)?.header ?? '';
  return header.trim();
}

/** Per-cell findings that the column's one finding replaces: the cell's own words would misstate it. */
const FOLDED_RULES: ReadonlySet<string> = new Set(['unreadable-date', 'text-date']);

/**
 * The check's findings without the per-cell ones on cells marked with an
 * order (a pending cell is "not a date" only because its order is unknown;
 * a month-first cell's text-date note would say it was read day first).
 */
export function foldMonthFirstCells(findings: readonly Finding[], records: readonly ChildRecord[]): Finding[] {
  const marked = new Set<string>();
  for (const record of records) {
    for (const field in record.dates) {
      if (record.dates[field].order === undefined) continue;
      const cell = record.cells[field];
      if (cell !== undefined) marked.add(cell);
    }
  }
  if (marked.size === 0) return [...findings];
  return findings.filter((f) => !(FOLDED_RULES.has(f.rule) && marked.has(f.cell)));
}
