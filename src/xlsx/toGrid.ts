/**
 * An exceljs workbook as the grid the core expects, exactly as Office.js would
 * hand it over (dates as serials, errors as text, formulas as cached results).
 * Kept apart from read.ts (which needs Node: fs, zlib) so the task pane can
 * read last month's file in the browser with the same conversion.
 */
import ExcelJS from './exceljs';
import type { CellValue, SheetGrid, WorkbookGrid } from '../core/grid';
const MS_PER_DAY = 86400000;
/** Serial of 1970-01-01 in the 1900 date system (exceljs's own constant). */
const UNIX_EPOCH_SERIAL_1900 = 25569;
/** The 1904 system starts 1462 days later. */
const DATE1904_OFFSET = 1462;

/**
 * The serial Excel stores for a date exceljs decoded (the exact inverse of
 * exceljs's excelToDate, so serials round-trip, including 1 = 01/01/1900).
 */
export function dateToSerial(date: Date, date1904: boolean): number {
  const serial = date.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL_1900 - (date1904 ? DATE1904_OFFSET : 0);
  // exceljs rounds to whole milliseconds; undo the float noise that leaves.
  return Math.round(serial * 1e8) / 1e8;
}

/** Text of a rich-text value (runs joined). */
function richText(value: { richText: { text: string }[] }): string {
  return value.richText.map((r) => r.text).join('');
}

/** One cell's value as Office.js would give it. */
export function toGridValue(value: ExcelJS.CellValue, date1904: boolean): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  if (value instanceof Date) return dateToSerial(value, date1904);
  if (typeof value === 'object') {
    if ('error' in value) return String(value.error);
    if ('richText' in value) return richText(value as ExcelJS.CellRichTextValue);
    if ('hyperlink' in value) {
      const text = (value as ExcelJS.CellHyperlinkValue).text as unknown;
      if (text && typeof text === 'object' && 'richText' in (text as object)) return richText(text as ExcelJS.CellRichTextValue);
      return text === undefined || text === null ? '' : String(text);
    }
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue | undefined;
      return toGridValue(result === undefined ? null : result, date1904);
    }
  }
  return '';
}

/** Number format of a cell, "General" when none is set. */
function formatOf(cell: ExcelJS.Cell): string {
  const fmt = cell.numFmt;
  return typeof fmt === 'string' && fmt !== '' ? fmt : 'General';
}

function isEmpty(value: ExcelJS.CellValue): boolean {
  return value === null || value === undefined || value === '';
}

/** A1 range "B3:F20" → bounds; null if not a range. */
function parseRange(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return null;
  const col = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const top = Number(m[2]);
  const left = col(m[1]);
  return { top, left, bottom: m[4] ? Number(m[4]) : top, right: m[3] ? col(m[3]) : left };
}

/** The largest Excel Table on the sheet (the data table), or null. */
function mainTable(ws: ExcelJS.Worksheet): { name: string; area: number } | null {
  let best: { name: string; area: number } | null = null;
  const tables = (ws as unknown as { tables?: Record<string, { table?: { name?: string; tableRef?: string; ref?: string } }> }).tables ?? {};
  for (const [key, t] of Object.entries(tables)) {
    const model = t.table ?? {};
    const range = parseRange(model.tableRef ?? model.ref ?? '');
    const area = range ? (range.bottom - range.top + 1) * (range.right - range.left + 1) : 0;
    const name = model.name ?? key;
    if (!best || area > best.area) best = { name, area };
  }
  return best;
}

/** A formula cell whose result exceljs read as a date: its address and its place in the grid's values. */
export interface FormulaDateCell {
  address: string;
  row: number;
  column: number;
}

function isFormulaDate(value: ExcelJS.CellValue): boolean {
  return typeof value === 'object' && value !== null && ('formula' in value || 'sharedFormula' in value) && (value as ExcelJS.CellFormulaValue).result instanceof Date;
}

/**
 * One worksheet as a grid: the block from the first to the last cell holding
 * a value. `formulaDates` collects the formula cells whose result exceljs
 * made a date, for formulaResults.ts to check against the sheet's XML.
 */
export function sheetToGrid(ws: ExcelJS.Worksheet, date1904: boolean, formulaDates?: FormulaDateCell[]): SheetGrid {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge && cell.master !== cell) return;
      if (isEmpty(cell.value)) return;
      if (rowNumber < top) top = rowNumber;
      if (rowNumber > bottom) bottom = rowNumber;
      if (colNumber < left) left = colNumber;
      if (colNumber > right) right = colNumber;
    });
  });
  const table = mainTable(ws)?.name ?? null;
  if (bottom === 0) return { sheetName: ws.name, firstRow: 1, firstColumn: 1, values: [], numberFormats: [], table };

  const width = right - left + 1;
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  for (let r = top; r <= bottom; r++) {
    const rowValues: CellValue[] = new Array(width).fill('');
    const rowFormats: string[] = new Array(width).fill('General');
    const row = ws.findRow(r);
    if (row) {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (c < left || c > right) return;
        // Merged cells: only the top-left one holds the value (as in Office.js).
        if (cell.type === ExcelJS.ValueType.Merge && cell.master !== cell) {
          rowFormats[c - left] = formatOf(cell);
          return;
        }
        rowValues[c - left] = toGridValue(cell.value, date1904);
        if (formulaDates && isFormulaDate(cell.value)) formulaDates.push({ address: cell.address, row: r - top, column: c - left });
        rowFormats[c - left] = formatOf(cell);
      });
    }
    values.push(rowValues);
    numberFormats.push(rowFormats);
  }
  return { sheetName: ws.name, firstRow: top, firstColumn: left, values, numberFormats, table };
}

/** Every worksheet of a loaded workbook, in tab order; `formulaDates` (by sheet name) as for sheetToGrid. */
export function workbookToGrid(workbook: ExcelJS.Workbook, formulaDates?: Map<string, FormulaDateCell[]>): WorkbookGrid {
  const date1904 = workbook.properties?.date1904 === true;
  const sheets: SheetGrid[] = [];
  workbook.eachSheet((ws) => {
    const found: FormulaDateCell[] | undefined = formulaDates ? [] : undefined;
    sheets.push(sheetToGrid(ws, date1904, found));
    if (found && found.length > 0) formulaDates?.set(ws.name, found);
  });
  return { sheets, date1904 };
}
