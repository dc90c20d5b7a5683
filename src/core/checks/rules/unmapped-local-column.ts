import type { SheetRule } from '../types';
import { localMilestoneId } from '../../layout/localId';

/** Columns the add-in does not use, listed so nothing is ignored silently. */
export const unmappedLocalColumn: SheetRule = {
  scope: 'sheet',
  ids: ['unmapped-local-column'],
  check(_records, ctx, out) {
    const { headerRow } = ctx.layout;
    // The same ids the pipeline gives these columns when it reads them as local milestones.
    const taken = new Set(ctx.layout.columns.map((c) => String(c.field)));
    for (const column of ctx.layout.unmapped) {
      const header = column.header.trim() === '' ? 'no heading' : `'${column.header.trim()}'`;
      const readAsLocal = column.looksLikeDates && column.notUsed !== true;
      const localId = readAsLocal ? localMilestoneId(column.header, taken) : '';
      if (localId) taken.add(localId);
      const message = column.notUsed
        ? `Column ${column.column} (${header}) is set to 'Not used' in the saved mapping, so the checks and aims leave it out. To use it, map it on the Sheet step.`
        : readAsLocal
        ? `Column ${column.column} (${header}) holds dates that no standard milestone uses. It is read as a local milestone (id ${localId}), so an aim can start or end at it; to give it another name, map it on the Sheet step.`
        : `Column ${column.column} (${header}) is not used by the checks or aims.`;
      out.push({
        rule: 'unmapped-local-column',
        severity: 'info',
        cell: `${column.column}${headerRow}`,
        row: headerRow,
        field: null,
        childId: null,
        message,
      });
    }
  },
};
