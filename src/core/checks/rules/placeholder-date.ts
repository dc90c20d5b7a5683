import { report } from '../context';
import { shownValue, ukDate } from '../format';
import type { CellRule } from '../types';

/** Excel shows serial 0 as 00/01/1900; the reader keeps it as 31/12/1899. */
const DAY_00_JAN_1900 = -25568;

/** A dummy date (00/01/1900, 01/01/1900, 31/12/9999…) standing in for an unknown one. */
export const placeholderDate: CellRule = {
  scope: 'cell',
  ids: ['placeholder-date'],
  readings: ['placeholder'],
  check(record, field, date, ctx, out) {
    const shown = typeof date.raw === 'string' || date.day === null ? shownValue(date.raw) : date.day === DAY_00_JAN_1900 ? '00/01/1900' : ukDate(date.day);
    report(
      out,
      record,
      'placeholder-date',
      'error',
      field,
      `${shown} in ${ctx.label(field)} is a placeholder, not a real date. Enter the real date as dd/mm/yyyy, or leave it blank if it is not known or has not happened.`,
    );
  },
};
