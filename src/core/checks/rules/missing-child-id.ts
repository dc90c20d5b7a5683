import { report } from '../context';
import type { RecordRule } from '../types';

/** Every child needs an ID to be counted and matched from one month to the next. */
export const missingChildId: RecordRule = {
  scope: 'record',
  ids: ['missing-child-id'],
  check(record, _ctx, out) {
    if (record.childId !== null && record.childId.trim() !== '') return;
    report(
      out,
      record,
      'missing-child-id',
      'error',
      'childId',
      `Row ${record.row} has no child ID. Enter the child's ID from the information system so the row can be counted.`,
    );
  },
};
