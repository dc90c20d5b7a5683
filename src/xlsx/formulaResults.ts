/**
 * Formula results in date-formatted cells, read as Excel shows them, by both
 * readers (the command line's read.ts and the pane's readInBrowser.ts) through
 * `readGrid`, so the two cannot drift.
 *
 * exceljs turns the cached result of every formula in a date-formatted cell
 * into a Date, even when the formula returned text, an error or TRUE/FALSE
 * (IF(F8="","tbc",F8+30), #N/A): text becomes an Invalid Date, TRUE the date
 * 01/01/1900, and what the user sees is lost. Only a number is a serial. The
 * cell's type in the worksheet XML (t="str", "e" or "b") says which results
 * were not numbers; those cells get their result back as written there.
 * Nothing is read from the XML unless a formula cell holds a date, and the
 * cells are found while the grid is made, so a workbook without formula
 * dates costs nothing more.
 */
import type ExcelJS from 'exceljs';
import type JSZip from 'jszip';
import type { CellValue, WorkbookGrid } from '../core/grid';
import { listWorksheetParts, unescapeXml } from './ooxml';
import { workbookToGrid, type FormulaDateCell } from './toGrid';

const NOT_NUMBER_TYPE = /\bt\s*=\s*["'](?:str|e|b)["']/;
const CELL = /<(?:[\w.-]+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/g;
const FORMULA = /<(?:[\w.-]+:)?f[\s>/]/;
const VALUE = /<(?:[\w.-]+:)?v>([\s\S]*?)<\/(?:[\w.-]+:)?v>/;

function attribute(attributes: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return m ? (m[1] ?? m[2]) : null;
}

/**
 * A formula cell's cached result as Office.js gives it, from the cell's XML:
 * text as text, an error as its text (#N/A), TRUE/FALSE as a boolean; null
 * when the result is a number (exceljs's date is then right).
 */
export function formulaResultOf(attributes: string, content: string): CellValue | null {
  const type = attribute(attributes, 't');
  if (type !== 'str' && type !== 'e' && type !== 'b') return null;
  if (!FORMULA.test(content)) return null;
  const v = VALUE.exec(content);
  const text = v ? unescapeXml(v[1]) : '';
  if (type === 'b') return text.trim() === '1' || text.trim().toLowerCase() === 'true';
  return text;
}

/** The results that were not numbers, from one worksheet's XML, for the cells asked about (A1 → value). */
export function correctionsInSheetXml(xml: string, cells: ReadonlySet<string>): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  // Every formula result a number: nothing to correct, and no scan of a large sheet.
  if (!NOT_NUMBER_TYPE.test(xml)) return out;
  for (const m of xml.matchAll(CELL)) {
    const attributes = m[1];
    if (!NOT_NUMBER_TYPE.test(attributes)) continue;
    const address = attribute(attributes, 'r')?.replace(/\$/g, '').toUpperCase();
    if (address === undefined || !cells.has(address)) continue;
    const value = formulaResultOf(attributes, m[2] ?? '');
    if (value !== null) out.set(address, value);
  }
  return out;
}

/**
 * The grid of a loaded workbook, with formula results as Excel shows them:
 * the one way both readers make a grid. The worksheet XML is read only for
 * sheets where a formula's result was read as a date.
 */
export async function readGrid(workbook: ExcelJS.Workbook, zip: JSZip): Promise<WorkbookGrid> {
  const formulaDates = new Map<string, FormulaDateCell[]>();
  const grid = workbookToGrid(workbook, formulaDates);
  if (formulaDates.size === 0) return grid;
  const workbookXml = await zip.file('xl/workbook.xml')?.async('string');
  const relsXml = await zip.file('xl/_rels/workbook.xml.rels')?.async('string');
  if (!workbookXml || !relsXml) return grid;
  for (const { name, path } of listWorksheetParts(workbookXml, relsXml)) {
    const cells = formulaDates.get(name);
    const part = cells ? zip.file(path) : null;
    const sheet = grid.sheets.find((s) => s.sheetName === name);
    if (!cells || !part || !sheet) continue;
    const results = correctionsInSheetXml(await part.async('string'), new Set(cells.map((c) => c.address)));
    for (const cell of cells) {
      const value = results.get(cell.address);
      if (value !== undefined) sheet.values[cell.row][cell.column] = value;
    }
  }
  return grid;
}
