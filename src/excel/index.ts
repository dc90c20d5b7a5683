/**
 * The Office.js adapter: the open workbook as a WorkbookPort. The only code
 * in the project that touches Office.js; thin on purpose (all decisions are
 * in src/core).
 */
import type { WorkbookPort } from '../core/port';
import type { ExcelEnv } from './env';
import { globalEnv } from './env';
import { detectDate1904, listSheets, readPreviews, readSheet } from './reader';
import { loadSetting, saveSetting } from './settings';
import { writeReport } from './writeReport';
import { selectCell } from './select';
import { selectedRows } from './selection';
import { clearMarks, hasMarks, markCells } from './marks';
import { createHmacSha256Hex, openNewWorkbook, randomKeyHex } from './submission';

export type { ExcelEnv } from './env';

/**
 * The port over Excel. Defaults to the globals inside Office; tests pass the
 * fake's namespaces (`createExcelPort(fake.Excel, fake.Office)`). The
 * globals are looked up on first use, so the port can be made before
 * Office.onReady.
 */
export function createExcelPort(excel?: typeof Excel, office?: typeof Office): WorkbookPort {
  let env: ExcelEnv | null = excel ? { excel, office: office ?? (globalThis as { Office?: typeof Office }).Office } : null;
  // Methods are async so that even "not inside Excel" arrives as a rejected promise.
  const e = (): ExcelEnv => (env ??= globalEnv());
  const hmacSha256Hex = createHmacSha256Hex();
  return {
    listSheets: async () => listSheets(e()),
    readPreviews: async (sheets, rows) => readPreviews(e(), sheets, rows),
    readSheet: async (sheet, onProgress) => readSheet(e(), sheet, onProgress),
    detectDate1904: async (sheet) => detectDate1904(e(), sheet),
    loadSetting: async <T>(key: string) => loadSetting<T>(e(), key),
    saveSetting: async <T>(key: string, value: T) => saveSetting<T>(e(), key, value),
    writeReport: async (plan, onProgress) => writeReport(e(), plan, onProgress),
    selectCell: async (sheet, cell) => selectCell(e(), sheet, cell),
    selectedRows: async () => selectedRows(e()),
    markCells: async (sheet, marks) => markCells(e(), sheet, marks),
    clearMarks: async (sheet) => clearMarks(e(), sheet),
    hasMarks: async (sheet) => hasMarks(e(), sheet),
    randomKeyHex: () => randomKeyHex(),
    hmacSha256Hex: (keyHex, message) => hmacSha256Hex(keyHex, message),
    openNewWorkbook: async (xlsx) => openNewWorkbook(e(), xlsx),
  };
}
