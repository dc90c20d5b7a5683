/**
 * Reads an .xlsx file into the grid the core expects, exactly as Office.js
 * would hand it over from `range.values` / `range.numberFormat`: dates as
 * serials in the workbook's date system, error cells as "#N/A"-style text,
 * formulas as their cached results, empty cells as "".
 */
import { readFile } from 'fs/promises';
import { basename } from 'path';
import ExcelJS from './exceljs';
import JSZip from './jszip';
import type { WorkbookGrid } from '../core/grid';
import { UserFacingError } from '../core/errors';
import { ownedSheetNames } from './ownership';
import { checkPackage, loadZip, MAIN_NS, notXlsxMessage, partHead } from './packageCheck';
import { readStoredEntries } from './zipPackage';
import { damagedPackageMessage, parseXml, withNamespaceAsDefault } from './xmlDom';
export { dateToSerial, toGridValue, sheetToGrid, workbookToGrid } from './toGrid';
import { readGrid } from './formulaResults';

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
  return (await loadWorkbookAndZip(buf, name)).workbook;
}

/** The loaded workbook and its package (formula results are read from the package: formulaResults.ts). */
async function loadWorkbookAndZip(buf: Uint8Array, name: string): Promise<{ workbook: ExcelJS.Workbook; zip: JSZip }> {
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
  return { workbook, zip };
}

export async function readWorkbookBuffer(buf: Uint8Array, name = ''): Promise<WorkbookGrid> {
  const { workbook, zip } = await loadWorkbookAndZip(buf, name);
  let grid: WorkbookGrid;
  try {
    grid = await readGrid(workbook, zip);
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
