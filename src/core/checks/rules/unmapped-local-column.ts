import type { SheetRule } from '../types';

/** Columns the add-in does not use, listed so nothing is ignored silently. */
export const unmappedLocalColumn: SheetRule = {
  scope: 'sheet',
  ids: ['unmapped-local-column'],
  check(_records, ctx, out) {
    const { headerRow } = ctx.layout;
    for (const column of ctx.layout.unmapped) {
      const header = column.header.trim() === '' ? 'no heading' : `'${column.header.trim()}'`;
      const message = column.looksLikeDates
        ? `Column ${column.column} (${header}) holds dates but is not used. To track it in aims, map it as a local milestone.`
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
