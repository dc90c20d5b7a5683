import { report } from '../context';
import { shownValue, ukDate } from '../format';
import type { CellRule } from '../types';

/** A plain number read as an Excel date serial because the cell has no date format. */
export const serialNumber: CellRule = {
  scope: 'cell',
  ids: ['serial-number'],
  readings: ['serialNumber'],
  check(record, field, date, ctx, out) {
    if (date.day === null) return;
    report(
      out,
      record,
      'serial-number',
      'warning',
      field,
      `The number ${shownValue(date.raw)} in ${ctx.label(field)} was read as ${ukDate(date.day)} (Excel's number for that date), but the cell is not formatted as a date. Check the date is right and format the column as a date.`,
    );
  },
};
