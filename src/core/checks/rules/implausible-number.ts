import { report } from '../context';
import { shownValue } from '../format';
import type { CellRule } from '../types';

/** A number in a date column that cannot be a date here (a year like 2019, a negative, a huge serial). */
export const implausibleNumber: CellRule = {
  scope: 'cell',
  ids: ['implausible-number'],
  readings: ['implausibleNumber'],
  check(record, field, date, ctx, out) {
    report(
      out,
      record,
      'implausible-number',
      'error',
      field,
      `The number ${shownValue(date.raw)} in ${ctx.label(field)} is not a date. Enter the full date as dd/mm/yyyy.`,
    );
  },
};
