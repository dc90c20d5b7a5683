/**
 * Reads an .xlsx file into the grid the core expects, exactly as Office.js
 * would hand it over from `range.values` / `range.numberFormat`: dates as
 * serials in the workbook's date system, error cells as "#N/A"-style text,
 * formulas as their cached results, empty cells as "".
 */
import { readFile } from 'fs/promises';
import { basename } from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { CellValue, SheetGrid, WorkbookGrid } from '../core/grid';
import { UserFacingError } from '../core/errors';
import { ownedSheetNames } from './ownership';
import { checkPackage, loadZip, MAIN_NS, notXlsxMessage, partHead } from './packageCheck';
import { readStoredEntries } from './zipPackage';
import { damagedPackageMessage, parseXml, withNamespaceAsDefault } from './xmlDom';
// exceljs's own helper module: the same object its cell reader calls.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const exceljsUtils = require('exceljs/lib/utils/utils') as { excelToDate: (v: unknown, date1904?: boolean) => unknown; __paceKeepsNonNumbers?: boolean };

/**
 * exceljs turns the cached result of every formula in a date-formatted cell
 * into a Date, even when the formula returned text or an error (#N/A, "tbc"),
 * which leaves an Invalid Date and loses what the user sees. Only numbers are
 * serials: anything else is kept as it was, as Excel shows it.
 */
if (!exceljsUtils.__paceKeepsNonNumbers) {
  const excelToDate = exceljsUtils.excelToDate;
  exceljsUtils.excelToDate = (v: unknown, date1904?: boolean) => (typeof v === 'number' ? excelToDate(v, date1904) : v);
  exceljsUtils.__paceKeepsNonNumbers = true;
}

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

/** One worksheet as a grid: the block from the first to the last cell holding a value. */
export function sheetToGrid(ws: ExcelJS.Worksheet, date1904: boolean): SheetGrid {
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
        rowFormats[c - left] = formatOf(cell);
      });
    }
    values.push(rowValues);
    numberFormats.push(rowFormats);
  }
  return { sheetName: ws.name, firstRow: top, firstColumn: left, values, numberFormats, table };
}

/** Every worksheet of a loaded workbook, in tab order. */
export function workbookToGrid(workbook: ExcelJS.Workbook): WorkbookGrid {
  const date1904 = workbook.properties?.date1904 === true;
  const sheets: SheetGrid[] = [];
  workbook.eachSheet((ws) => {
    sheets.push(sheetToGrid(ws, date1904));
  });
  return { sheets, date1904 };
}

/** Worksheet children the reader has no use for, which exceljs may fail on (data validations, in the main and the 2009 extension form). */
const DATA_VALIDATIONS = /<(\w+:)?dataValidations\b[^>]*?(?:\/>|>[\s\S]*?<\/\1dataValidations>)/g;

/**
 * The package with what exceljs chokes on taken out of the worksheets (it
 * is not needed to read the cells): the fallback when exceljs cannot load a
 * package that is otherwise sound. Only this in-memory copy changes.
 */
export async function withoutDataValidations(zip: JSZip): Promise<Buffer> {
  const copy = await JSZip.loadAsync(await zip.generateAsync({ type: 'uint8array', compression: 'STORE' }));
  const sheets: string[] = [];
  copy.forEach((path) => {
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(path)) sheets.push(path);
  });
  for (const path of sheets) {
    const text = await (copy.file(path) as JSZip.JSZipObject).async('string');
    const stripped = text.replace(DATA_VALIDATIONS, '');
    if (stripped !== text) copy.file(path, stripped);
  }
  return copy.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}

const RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const escaped = (uri: string) => uri.replace(/[.]/g, '\\.');
/** A root element written with a prefix bound to the SpreadsheetML namespace: <x:worksheet xmlns:x="…/main">. */
const PREFIXED_MAIN_ROOT = new RegExp(`^(?:<\\?[\\s\\S]*?\\?>\\s*)?<(\\w+):\\w+\\b[^>]*\\bxmlns:\\1="${escaped(MAIN_NS)}"`);
/** The relationships namespace under a prefix other than r (exceljs looks for r:id as written). */
const OTHER_R_PREFIX = new RegExp(`xmlns:(?!r=)\\w+="${escaped(RELATIONSHIPS_NS)}"`);

/**
 * exceljs matches names as written, so a producer that writes the
 * SpreadsheetML namespace with a prefix (<x:row>) or relationship ids under
 * another prefix (rel:id) would read as empty. Such parts are rewritten with
 * the prefixes exceljs expects, in a copy for exceljs only; null when no part
 * needs it.
 */
export async function withMainNamespaceUnprefixed(zip: JSZip, buf: Uint8Array): Promise<Buffer | null> {
  const parts: string[] = [];
  zip.forEach((path, file) => {
    if (!file.dir && /^xl\/.*\.xml$/i.test(path)) parts.push(path);
  });
  // Only the start of each part is looked at (a worksheet can be tens of megabytes).
  const stored = readStoredEntries(buf);
  const rewritten = new Map<string, string>();
  for (const path of parts) {
    const head = partHead(stored, path) ?? (await (zip.file(path) as JSZip.JSZipObject).async('string')).slice(0, 4096);
    if (!PREFIXED_MAIN_ROOT.test(head) && !OTHER_R_PREFIX.test(head)) continue;
    const doc = parseXml(await (zip.file(path) as JSZip.JSZipObject).async('string'));
    rewritten.set(path, withNamespaceAsDefault(doc, MAIN_NS, { [RELATIONSHIPS_NS]: 'r' }));
  }
  if (rewritten.size === 0) return null;
  const copy = await JSZip.loadAsync(await zip.generateAsync({ type: 'uint8array', compression: 'STORE' }));
  for (const [path, text] of rewritten) copy.file(path, text);
  return copy.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}

async function exceljsLoad(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  return workbook;
}

/**
 * Loads .xlsx bytes with exceljs; anything that cannot be opened becomes one
 * plain UserFacingError saying why. The package is checked first (damaged,
 * encrypted, Strict, hostile XML), so exceljs never sees a document type
 * declaration.
 */
export async function loadWorkbook(buf: Uint8Array, name = ''): Promise<ExcelJS.Workbook> {
  const zip = await loadZip(buf, name);
  await checkPackage(zip, buf, name);
  const bytes = (await withMainNamespaceUnprefixed(zip, buf)) ?? buf;
  let workbook: ExcelJS.Workbook;
  try {
    workbook = await exceljsLoad(bytes);
  } catch {
    // A sound package exceljs cannot load: read it without the parts it fails on.
    try {
      workbook = await exceljsLoad(await withoutDataValidations(bytes === buf ? zip : await JSZip.loadAsync(bytes)));
    } catch {
      throw new UserFacingError('unreadableFile', damagedPackageMessage(name));
    }
  }
  // A workbook always has at least one sheet.
  if (workbook.worksheets.length === 0) throw new UserFacingError('unreadableFile', notXlsxMessage(name, false));
  return workbook;
}

export async function readWorkbookBuffer(buf: Uint8Array, name = ''): Promise<WorkbookGrid> {
  const workbook = await loadWorkbook(buf, name);
  let grid: WorkbookGrid;
  try {
    grid = workbookToGrid(workbook);
  } catch {
    throw new UserFacingError('unreadableFile', damagedPackageMessage(name));
  }
  // Report sheets from an earlier run are marked so the sheet picker can leave them out.
  const owned = new Set(await ownedSheetNames(buf));
  for (const sheet of grid.sheets) sheet.ownedByAddIn = owned.has(sheet.sheetName);
  return grid;
}

export async function readWorkbookFile(path: string): Promise<WorkbookGrid> {
  const name = basename(path);
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'was not found' : code === 'EISDIR' ? 'is a folder, not a file' : 'could not be read';
    throw new UserFacingError('unreadableFile', `"${path}" ${why}. Check the file name and try again.`);
  }
  return readWorkbookBuffer(buf, name);
}
