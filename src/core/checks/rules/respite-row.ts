import { shownValue } from '../format';
import { report } from '../context';
import type { RecordRule } from '../types';

/**
 * Respite episodes are legitimate and only left out of the aims (by default):
 * a note on the row so that is no surprise, not a warning (nothing is wrong).
 */
export const respiteRow: RecordRule = {
  scope: 'record',
  ids: ['respite-row'],
  check(record, _ctx, out) {
    if (record.respite !== true) return;
    const shown = record.respiteRaw !== undefined ? ` ('${shownValue(record.respiteRaw)}')` : '';
    report(
      out,
      record,
      'respite-row',
      'info',
      'respite',
      `Row ${record.row} is marked as a respite episode${shown}, so it is left out of the aims (unless an aim is set to include respite). Nothing to correct; if this child is not in respite care, change the respite column.`,
    );
  },
};
