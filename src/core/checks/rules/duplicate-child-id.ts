import type { ChildRecord } from '../../model';
import type { SheetRule } from '../types';

const ROWS_LISTED = 10;

/** Same ID however it is typed: "c0123 " and "C0123" are the same child. */
export function childKey(childId: string): string {
  return childId.trim().toUpperCase();
}

/**
 * A child on more than one row: one problem, so one finding (an error). It
 * blames the first repeat (the earlier row may be the right one) and its
 * message lists every row (`cells` stays on the finding's own row, as for
 * every other finding).
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
      const sorted = [...group].sort((a, b) => a.row - b.row);
      const repeat = sorted[1];
      const blamed = repeat.cells.childId;
      if (blamed === undefined) continue;
      const rows = sorted.map((r) => r.row);
      const listed = rows.length > ROWS_LISTED ? `${rows.slice(0, ROWS_LISTED).join(', ')}…` : rows.join(', ');
      out.push({
        rule: 'duplicate-child-id',
        severity: 'error',
        cell: blamed,
        row: repeat.row,
        field: 'childId',
        childId: repeat.childId,
        message: `Child ${sorted[0].childId?.trim()} appears on ${rows.length} rows (${listed}). Each child should appear once: keep the right row and delete or correct the others (a repeat may be a duplicate row or a mistyped ID).`,
      });
    }
  },
};
