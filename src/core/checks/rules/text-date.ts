import { report } from '../context';
import { shownValue, ukDate } from '../format';
import type { CellRule } from '../types';

/** A date typed as text and read as day/month/year: noted so the user can see what was assumed. */
export const textDate: CellRule = {
  scope: 'cell',
  ids: ['text-date'],
  readings: ['text'],
  check(record, field, date, ctx, out) {
    if (date.day === null) return;
    report(
      out,
      record,
      'text-date',
      'info',
      field,
      `'${shownValue(date.raw)}' in ${ctx.label(field)} is text and was read as ${ukDate(date.day)} (day/month/year). Entering it as a real date lets Excel sort and filter it.`,
    );
  },
};
