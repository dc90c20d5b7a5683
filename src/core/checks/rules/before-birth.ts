import { birthDay, Phrase, report } from '../context';
import { ukDate } from '../format';
import { DAY_READINGS, type CellRule } from '../types';

/** A date before the child's date of birth (on the day of birth is fine: a baby can be looked after from birth). */
export const beforeBirth: CellRule = {
  scope: 'cell',
  ids: ['before-birth'],
  readings: DAY_READINGS,
  check(record, field, date, ctx, out) {
    // A future date is reported as such; one finding per problem.
    if (field === 'dateOfBirth' || date.day === null || date.day > ctx.asOf) return;
    const dob = birthDay(record, ctx.asOf);
    if (dob === null || date.day >= dob) return;
    report(
      out,
      record,
      'before-birth',
      'error',
      field,
      `${Phrase(field, ctx)} (${ukDate(date.day)}) is before the date of birth (${ukDate(dob)}). Check both dates.`,
      'dateOfBirth',
    );
  },
};
