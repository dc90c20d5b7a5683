/** Taking the user to a flagged cell. */
import type { ExcelEnv } from './env';
import { syncForSheet } from './reader';
import { runExcel } from './run';

/** Activates the sheet and selects the cell (one sync). */
export async function selectCell(env: ExcelEnv, sheet: string, cell: string): Promise<void> {
  await runExcel(env, async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    worksheet.getRange(cell).select();
    await syncForSheet(context, sheet);
  });
}
