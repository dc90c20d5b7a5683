import { report } from '../context';
import { shownValue, ukDate } from '../format';
import type { CellRule } from '../types';

/**
 * Numbers-only text such as "03/04/2019" where both of the first two numbers
 * could be a month: read as 3 April by the UK assumption, but 4 March to
 * anyone who types dates the US way.
 */
const DAY_MONTH_BOTH_POSSIBLE = /^\s*(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*\d{2,4}\s*$/;

export function isAmbiguousDayMonth(raw: unknown): boolean {
  if (typeof raw !== 'string') return false;
  const m = DAY_MONTH_BOTH_POSSIBLE.exec(raw);
  return m !== null && Number(m[1]) <= 12 && Number(m[2]) <= 12 && m[1] !== m[2];
}

/**
 * A date typed as text and read as day/month/year. A warning when the reading
 * rests on the UK assumption (day and month could be swapped), otherwise a
 * note so the user can see what was read.
 */
export const textDate: CellRule = {
  scope: 'cell',
  ids: ['text-date'],
  readings: ['text'],
  check(record, field, date, ctx, out) {
    if (date.day === null) return;
    const shown = shownValue(date.raw);
    if (isAmbiguousDayMonth(date.raw)) {
      report(
        out,
        record,
        'text-date',
        'warning',
        field,
        `'${shown}' in ${ctx.label(field)} is text and was read as ${ukDate(date.day)}, taking the first number as the day. Check it is not month/day, then enter it as a real date (dd/mm/yyyy).`,
      );
      return;
    }
    report(
      out,
      record,
      'text-date',
      'info',
      field,
      `'${shown}' in ${ctx.label(field)} is text and was read as ${ukDate(date.day)} (day/month/year). Entering it as a real date lets Excel sort and filter it.`,
    );
  },
};
