import { shownValue } from '../format';
import { report } from '../context';
import type { RecordRule } from '../types';

/** Respite episodes are left out of the aims by default: said on the row so it is no surprise. */
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
      'warning',
      'respite',
      `Row ${record.row} is marked as a respite episode${shown}, so it is left out of the aims. If this child is not in respite care, change the respite column.`,
    );
  },
};
