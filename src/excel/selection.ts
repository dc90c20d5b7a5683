/** The rows the user has selected, for a timeline of those children. */
import type { SelectedRows } from '../core/port';
import { UserFacingError } from '../core/errors';
import type { ExcelEnv } from './env';
import { runExcel } from './run';

/** The sheet an Office.js address names ("'PACE data'!A5:C7" → PACE data). */
export function sheetOfAddress(address: string): string {
  const bang = address.lastIndexOf('!');
  const name = bang < 0 ? '' : address.slice(0, bang);
  return name.startsWith("'") && name.endsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

/**
 * Reads the selection's position only (never its values: a whole-column
 * selection would be a million cells). One sync. Excel refuses
 * getSelectedRange when several blocks are selected; that becomes plain words.
 */
export async function selectedRows(env: ExcelEnv): Promise<SelectedRows> {
  try {
    return await runExcel(env, async (context) => {
      const range = context.workbook.getSelectedRange().load('address,rowIndex,rowCount');
      await context.sync();
      return { sheet: sheetOfAddress(range.address), firstRow: range.rowIndex + 1, rowCount: range.rowCount };
    });
  } catch (err) {
    if (err instanceof UserFacingError && err.kind !== 'unreadableFile') throw err;
    throw new UserFacingError(
      'usage',
      'The add-in could not read which rows are selected. Select the children’s rows on the tracking sheet as one block (click the first row, Shift+click the last), then choose Timeline again.',
    );
  }
}
