import type { ChildRecord } from '../../model';
import { report } from '../context';
import type { SheetRule } from '../types';

const ROWS_LISTED = 10;

/** Same ID however it is typed: "c0123 " and "C0123" are the same child. */
export function childKey(childId: string): string {
  return childId.trim().toUpperCase();
}

/**
 * A child on more than one row. The repeats are errors; the first row is a
 * warning, since it may be the right one (or the repeat may be a mistyped ID).
 */
export const duplicateChildId: SheetRule = {
  scope: 'sheet',
  ids: ['duplicate-child-id'],
  check(records, _ctx, out) {
    const byId = new Map<string, ChildRecord[]>();
    for (const record of records) {
      if (record.childId === null || record.childId === '') continue;
      const key = childKey(record.childId);
      const group = byId.get(key);
      if (group) group.push(record);
      else byId.set(key, [record]);
    }
    for (const group of byId.values()) {
      if (group.length < 2) continue;
      const rows = group.map((r) => r.row).sort((a, b) => a - b);
      const listed = rows.length > ROWS_LISTED ? `${rows.slice(0, ROWS_LISTED).join(', ')}…` : rows.join(', ');
      const first = rows[0];
      for (const record of group) {
        report(
          out,
          record,
          'duplicate-child-id',
          record.row === first ? 'warning' : 'error',
          'childId',
          `Child ${record.childId} appears on ${rows.length} rows (${listed}). Each child should appear once: check for a duplicate row or a mistyped ID.`,
        );
      }
    }
  },
};
