import { ceasedOutsidePopulation, populationStart } from '../../population';
import { report } from '../context';
import { ukDate } from '../format';
import type { RecordRule } from '../types';

/**
 * A child who ceased to be looked after more than a year before the as-of
 * date is outside the PACE population: a warning on the ceased cell (the row
 * may simply be old data), and the figures leave the row out by default.
 */
export const outsidePopulation: RecordRule = {
  scope: 'record',
  ids: ['outside-population'],
  check(record, ctx, out) {
    const ceased = ceasedOutsidePopulation(record, ctx.asOf);
    if (ceased === null) return;
    report(
      out,
      record,
      'outside-population',
      'warning',
      'ceasedDate',
      `This child ceased to be looked after on ${ukDate(ceased)}, more than a year before the as-of date (${ukDate(ctx.asOf)}), so the row should not be in this month's data: the PACE population takes only children who ceased on or after ${ukDate(populationStart(ctx.asOf))}. Unless you choose to keep such rows, it is left out of the aims and the submission copy; remove it from the sheet, or correct the date if it is wrong.`,
    );
  },
};
