import { report, trustedDay } from '../context';
import { ukDate } from '../format';
import type { RecordRule } from '../types';

/**
 * The link between the two chains of milestones. A permanence recommendation
 * is made for a looked-after child, so it cannot come before the child became
 * looked after (error). Before first accommodation it is unusual but possible
 * (the child was looked after at home first): a warning. When both are broken
 * the error alone is said (one finding per problem).
 */
export const recommendationBeforeLookedAfter: RecordRule = {
  scope: 'record',
  ids: ['recommendation-before-looked-after', 'recommendation-before-first-accommodated'],
  check(record, ctx, out) {
    const recommendation = trustedDay(record, 'permanenceRecommendation', ctx.asOf);
    if (recommendation === null) return;
    const started = trustedDay(record, 'lookedAfterStart', ctx.asOf);
    if (started !== null && recommendation < started) {
      report(
        out,
        record,
        'recommendation-before-looked-after',
        'error',
        'permanenceRecommendation',
        `The permanence recommendation (${ukDate(recommendation)}) is before the date the child became looked after (${ukDate(started)}). A recommendation is made for a looked-after child: check both dates (the start should be that of the current episode of care).`,
        'lookedAfterStart',
      );
      return;
    }
    const accommodated = trustedDay(record, 'firstAccommodated', ctx.asOf);
    if (accommodated !== null && recommendation < accommodated) {
      report(
        out,
        record,
        'recommendation-before-first-accommodated',
        'warning',
        'permanenceRecommendation',
        `The permanence recommendation (${ukDate(recommendation)}) is before the first accommodation away from home (${ukDate(accommodated)}). That is possible when the child was looked after at home first; otherwise check both dates. Measures from accommodation to recommendation leave this child out.`,
        'firstAccommodated',
      );
    }
  },
};
