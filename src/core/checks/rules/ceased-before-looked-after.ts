import { report, trustedDay } from '../context';
import { ukDate } from '../format';
import type { RecordRule } from '../types';

/** Ceasing to be looked after before becoming looked after (on the same day is possible, if brief). */
export const ceasedBeforeLookedAfter: RecordRule = {
  scope: 'record',
  ids: ['ceased-before-looked-after'],
  check(record, ctx, out) {
    const ceased = trustedDay(record, 'ceasedDate', ctx.asOf);
    const started = trustedDay(record, 'lookedAfterStart', ctx.asOf);
    if (ceased === null || started === null || ceased >= started) return;
    report(
      out,
      record,
      'ceased-before-looked-after',
      'error',
      'ceasedDate',
      `The date the child ceased to be looked after (${ukDate(ceased)}) is before the date they became looked after (${ukDate(started)}). Check both dates: the start should be that of the current episode of care.`,
      'lookedAfterStart',
    );
  },
};
