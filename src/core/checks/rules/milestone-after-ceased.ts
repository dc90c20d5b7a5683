import { milestoneFields, phrase, report, trustedDay } from '../context';
import { ukDate } from '../format';
import type { RecordRule } from '../types';

/**
 * A milestone after the child ceased to be looked after: probably a wrong date
 * ceased, or a row mixing two episodes of care. On the same day is normal
 * (an adoption order or the end of a supervision order ends the episode).
 * One finding per child, on the date ceased, naming the latest milestone.
 */
export const milestoneAfterCeased: RecordRule = {
  scope: 'record',
  ids: ['milestone-after-ceased'],
  check(record, ctx, out) {
    const ceased = trustedDay(record, 'ceasedDate', ctx.asOf);
    if (ceased === null) return;
    const started = trustedDay(record, 'lookedAfterStart', ctx.asOf);
    // Ceasing before starting is its own error; every milestone would be "after" it.
    if (started !== null && ceased < started) return;
    let latest: { field: string; day: number } | null = null;
    for (const field of milestoneFields(record, ctx)) {
      const day = trustedDay(record, field, ctx.asOf);
      if (day !== null && day > ceased && (latest === null || day > latest.day)) latest = { field, day };
    }
    if (latest === null) return;
    report(
      out,
      record,
      'milestone-after-ceased',
      'warning',
      'ceasedDate',
      `The child ceased to be looked after on ${ukDate(ceased)}, but ${phrase(latest.field, ctx)} is later (${ukDate(latest.day)}). Check the date ceased, and that the row holds the child's current episode of care.`,
      latest.field,
    );
  },
};
