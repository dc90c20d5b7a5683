/**
 * Reads an .xlsx file the user chose in the task pane (last month's tracker
 * or submission copy) into the grid the core expects, in the browser: the
 * bytes never leave the computer. The Node reader (read.ts) needs fs and
 * zlib, so this one does its own light checks with JSZip and the same
 * refusal of XML declarations, then the same grid conversion, formula
 * results included (readGrid in formulaResults.ts).
 */
import ExcelJS from './exceljs';
import JSZip from './jszip';
import type { WorkbookGrid } from '../core/grid';
import { UserFacingError } from '../core/errors';
import { damagedPackageMessage, hasDoctype, hostilePackageMessage } from './xmlDom';
import { readGrid } from './formulaResults';

/** Zip files start "PK"; an encrypted or old (.xls) Office file starts with the compound-file signature. */
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0];

export function notWorkbookMessage(name: string): string {
  const what = name ? `"${name}"` : 'The file';
  return `${what} could not be opened as an Excel workbook (.xlsx). Choose last month's tracker or submission copy saved as Excel Workbook (.xlsx); if it is an older .xls file or has a password, open it in Excel, save a copy as .xlsx without the password, and choose the copy.`;
}

export async function readWorkbookInBrowser(bytes: Uint8Array, name: string): Promise<WorkbookGrid> {
  if (bytes.length < 4 || COMPOUND_FILE.every((b, i) => bytes[i] === b) || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new UserFacingError('unreadableFile', notWorkbookMessage(name));
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new UserFacingError('unreadableFile', damagedPackageMessage(name));
  }
  if (!zip.file('xl/workbook.xml')) throw new UserFacingError('unreadableFile', notWorkbookMessage(name));
  // Nothing with a document type declaration reaches exceljs (the same rule as the command line).
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || !/\.(xml|rels)$/i.test(entry.name)) continue;
    if (hasDoctype(await entry.async('string'))) throw new UserFacingError('unreadableFile', hostilePackageMessage(name));
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw new UserFacingError('unreadableFile', damagedPackageMessage(name));
  }
  if (workbook.worksheets.length === 0) throw new UserFacingError('unreadableFile', notWorkbookMessage(name));
  try {
    return await readGrid(workbook, zip);
  } catch {
    throw new UserFacingError('unreadableFile', damagedPackageMessage(name));
  }
}
