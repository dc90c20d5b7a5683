import { report } from '../context';
import { shownValue, ukDate } from '../format';
import type { CellRule } from '../types';

/** Text with a two-digit year: the century was assumed, so it may be wrong. */
export const twoDigitYear: CellRule = {
  scope: 'cell',
  ids: ['two-digit-year'],
  readings: ['textTwoDigitYear'],
  check(record, field, date, ctx, out) {
    if (date.day === null) return;
    report(
      out,
      record,
      'two-digit-year',
      'warning',
      field,
      `'${shownValue(date.raw)}' in ${ctx.label(field)} has a two-digit year and was read as ${ukDate(date.day)}. Check the year and enter the date as dd/mm/yyyy.`,
    );
  },
};
