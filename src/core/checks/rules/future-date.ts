import { Phrase, report } from '../context';
import { ukDate } from '../format';
import { DAY_READINGS, type CellRule } from '../types';

/** A date after the as-of date: nothing on the sheet can have happened yet. */
export const futureDate: CellRule = {
  scope: 'cell',
  ids: ['future-date'],
  readings: DAY_READINGS,
  check(record, field, date, ctx, out) {
    if (date.day === null || date.day <= ctx.asOf) return;
    report(
      out,
      record,
      'future-date',
      'error',
      field,
      `${Phrase(field, ctx)} (${ukDate(date.day)}) is after the as-of date (${ukDate(ctx.asOf)}). A date on the sheet cannot be in the future: check the year, or leave it blank until it happens.`,
    );
  },
};
