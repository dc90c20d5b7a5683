/**
 * A CSV export of the tracking sheet, read as the grid Office.js would hand
 * over for a sheet of text: every cell a string, dates as the text the
 * export wrote (31/03/2024), so the core reads them the UK way and runs the
 * same header detection, checks and aims as on a workbook.
 */
import type { SheetGrid, WorkbookGrid } from '../core/grid';

/**
 * Windows-1252 characters 0x80–0x9F (€, curly quotes, dashes…); the rest of
 * the code page is Latin-1. Spelled out because Node built without full ICU
 * decodes "windows-1252" as Latin-1 and loses them.
 */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return text;
}

/** Text of the file: UTF-8 (with or without BOM), UTF-16 with a BOM, or Windows-1252 as Excel's plain "CSV" saves. */
export function decodeCsvBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

/** The separator: comma, unless the first line holds more semicolons (European Excel) or tabs. */
export function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, Math.max(0, text.indexOf('\n')) || text.length);
  const count = (ch: string) => firstLine.split(ch).length - 1;
  const candidates = [',', ';', '\t'];
  return candidates.reduce((best, ch) => (count(ch) > count(best) ? ch : best), ',');
}

/** RFC 4180 rows: quoted fields may hold separators, doubled quotes and line breaks. */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The sheet's name: the file's name without .csv, as Excel names the one sheet of a CSV it opens (at most 31 characters). */
export function csvSheetName(fileName: string): string {
  const stem = fileName.replace(/\.[^.]*$/, '').replace(/[[\]:*?/\\]/g, '_').trim();
  return (stem === '' ? 'Sheet1' : stem).slice(0, 31);
}

/** Plain numbers without leading zeros, as Excel reads them when it opens a CSV ("00123" stays text, like an ID). */
const PLAIN_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** A CSV field as a cell value: numbers as numbers, everything else (dates included) as the text it is. */
export function csvCellValue(text: string): string | number {
  const trimmed = text.trim();
  return PLAIN_NUMBER.test(trimmed) && trimmed.length <= 15 ? Number(trimmed) : text;
}

/** One sheet from the CSV text: rectangular, trailing blank rows dropped. */
export function csvToWorkbook(text: string, fileName: string): WorkbookGrid {
  const rows = parseCsv(text);
  while (rows.length > 0 && rows[rows.length - 1].every((v) => v.trim() === '')) rows.pop();
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const values = rows.map((r) => {
    const cells: (string | number)[] = r.map(csvCellValue);
    while (cells.length < width) cells.push('');
    return cells;
  });
  const sheet: SheetGrid = { sheetName: csvSheetName(fileName), firstRow: 1, firstColumn: 1, values, numberFormats: null, table: null };
  return { sheets: [sheet], date1904: false };
}
