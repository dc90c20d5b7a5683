/**
 * Writes a report plan into a NEW workbook (nothing of the user's file is
 * carried over): used for the de-identified submission copy, which must hold
 * only what the plan says. Values, number formats, fonts, column widths and
 * frozen headings; the plan must not ask for charts, links or tables.
 */
import ExcelJS from './exceljs';
import { parseCellAddress } from '../core/grid';
import type { PlannedSheet, ReportPlan } from '../core/report/plan';
// From reportStyles, not writeReport: this module is bundled into the task pane, where fs and path do not exist.
import { STYLE_FONTS } from './reportStyles';

export interface NewWorkbookOptions {
  /** Write dates in the 1904 date system (the plan's serials must be for it). Default false. */
  date1904?: boolean;
}

function argb(hex: string): string {
  return `FF${hex.replace(/^#/, '').toUpperCase()}`;
}

function fillSheet(ws: ExcelJS.Worksheet, sheet: PlannedSheet): void {
  if (sheet.charts.length > 0 || sheet.links.length > 0 || sheet.tables.length > 0) {
    // A defect in the caller, not the user's doing: this writer would silently lose them.
    throw new Error(`Sheet "${sheet.name}" has charts, links or tables, which a new workbook from writePlanToNewWorkbook cannot hold`);
  }
  sheet.columnWidths.forEach((w, i) => {
    if (w > 0) ws.getColumn(i + 1).width = w;
  });
  for (const block of sheet.blocks) {
    const at = parseCellAddress(block.at);
    if (!at) throw new Error(`Block at "${block.at}" on "${sheet.name}" is not a cell address`);
    const font = STYLE_FONTS[block.style ?? 'normal'];
    block.values.forEach((row, r) => {
      row.forEach((value, c) => {
        const cell = ws.getCell(at.row + r, at.column + c);
        cell.value = value === null || value === '' ? null : value;
        const fmt = block.columnFormats?.[c];
        if (fmt) cell.numFmt = fmt;
        if (font) cell.font = font;
        if (block.wrap) cell.alignment = { wrapText: true, vertical: 'top' };
      });
    });
  }
  if (sheet.freezeRows > 0) ws.views = [{ state: 'frozen', xSplit: 0, ySplit: sheet.freezeRows, topLeftCell: `A${sheet.freezeRows + 1}` }];
  if (sheet.tabColor) ws.properties.tabColor = { argb: argb(sheet.tabColor) };
}

/** The plan's sheets, in order, as a new .xlsx (bytes; plain Uint8Array so it also runs in the browser). */
export async function writePlanToNewWorkbook(plan: ReportPlan, options: NewWorkbookOptions = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  // No user name or file path in the document properties: the copy leaves the authority.
  wb.creator = 'PACE Permanence Tracker';
  wb.lastModifiedBy = 'PACE Permanence Tracker';
  const now = new Date();
  wb.created = now;
  wb.modified = now;
  if (options.date1904) wb.properties.date1904 = true;
  for (const sheet of plan.sheets) fillSheet(wb.addWorksheet(sheet.name), sheet);
  // exceljs gives a Buffer in Node and an ArrayBuffer in the browser.
  const written = (await wb.xlsx.writeBuffer()) as ArrayBuffer | Uint8Array;
  return written instanceof Uint8Array ? new Uint8Array(written.buffer, written.byteOffset, written.byteLength) : new Uint8Array(written);
}
