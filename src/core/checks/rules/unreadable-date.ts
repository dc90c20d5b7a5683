import { report } from '../context';
import { shownValue } from '../format';
import type { CellRule } from '../types';

/** Text in a date column that is not a date ("tbc", "N/A", "31/02/2020"). */
export const unreadableDate: CellRule = {
  scope: 'cell',
  ids: ['unreadable-date'],
  readings: ['unreadable'],
  check(record, field, date, ctx, out) {
    const isMilestone = field !== 'dateOfBirth' && field !== 'ceasedDate';
    const ifBlank = isMilestone ? 'if it has not happened yet' : 'if it is not known';
    report(
      out,
      record,
      'unreadable-date',
      'error',
      field,
      `'${shownValue(date.raw)}' in ${ctx.label(field)} is not a date. Enter the date as dd/mm/yyyy, or leave it blank ${ifBlank}.`,
    );
  },
};
