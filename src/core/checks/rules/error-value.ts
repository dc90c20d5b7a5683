import { report } from '../context';
import { shownValue } from '../format';
import type { CellRule } from '../types';

/** An Excel error value (#N/A, #REF!…) in a date column, usually a broken formula or lookup. */
export const errorValue: CellRule = {
  scope: 'cell',
  ids: ['error-value'],
  readings: ['error'],
  check(record, field, date, ctx, out) {
    report(
      out,
      record,
      'error-value',
      'error',
      field,
      `${shownValue(date.raw)} in ${ctx.label(field)} is an Excel error, not a date. Fix the formula or lookup behind it, or type the date as dd/mm/yyyy.`,
    );
  },
};
