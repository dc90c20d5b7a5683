/** Taking the user to a flagged cell. */
import type { ExcelEnv } from './env';
import { syncForSheet } from './reader';

/** Activates the sheet and selects the cell (one sync). */
export async function selectCell(env: ExcelEnv, sheet: string, cell: string): Promise<void> {
  await env.excel.run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    worksheet.getRange(cell).select();
    await syncForSheet(context, sheet);
  });
}
