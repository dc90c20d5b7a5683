import { birthDay, milestoneFields, phrase, report, trustedDay, whoIs } from '../context';
import { ukDate } from '../format';
import { ageInYears } from '../../dates/serial';
import type { RecordRule } from '../types';

/** Children are looked after up to 18: an age of 18 or more at a milestone suggests a wrong date of birth or milestone. */
export const ADULT_AGE = 18;
/** Aftercare ends at 26: no permanence milestone can happen at this age, so it cannot be right. */
export const IMPOSSIBLE_AGE = 26;

export const implausibleAge: RecordRule = {
  scope: 'record',
  ids: ['implausible-age'],
  check(record, ctx, out) {
    const dob = birthDay(record, ctx.asOf);
    if (dob === null) return;
    // One finding per child, at the first milestone reached as an adult: a wrong
    // date of birth would otherwise flag every milestone on the row.
    // Milestones are compared with the day itself; the age is only worked out for a finding.
    const adultFrom = dob + ADULT_AGE * 365;
    for (const field of milestoneFields(record, ctx)) {
      const day = trustedDay(record, field, ctx.asOf);
      if (day === null || day < adultFrom) continue;
      const age = ageInYears(dob, day);
      if (age < ADULT_AGE) continue;
      report(
        out,
        record,
        'implausible-age',
        age >= IMPOSSIBLE_AGE ? 'error' : 'warning',
        field,
        `${whoIs(record)} was ${age} at ${phrase(field, ctx)} (${ukDate(day)}), going by the date of birth ${ukDate(dob)}. Children are looked after until 18: check the date of birth and this date.`,
        'dateOfBirth',
      );
      return;
    }
  },
};
