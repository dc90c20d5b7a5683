/**
 * The grid: what an adapter (Office.js or .xlsx) hands to the core. Values are
 * as Office.js returns them from `range.values`: numbers (dates are serials),
 * strings ("" for an empty cell, "#N/A" etc. for Excel error values), booleans.
 */
export type CellValue = string | number | boolean | null;

export interface SheetGrid {
  /** Worksheet name as the user sees it. */
  sheetName: string;
  /** 1-based worksheet row of values[0]. */
  firstRow: number;
  /** 1-based worksheet column of values[r][0]. */
  firstColumn: number;
  /** Rectangular block of cell values. */
  values: CellValue[][];
  /** Same shape as values: each cell's number format ("General", "dd/mm/yyyy"…); null when not read. */
  numberFormats: string[][] | null;
  /** Name of the Excel Table holding the data, or null for a plain range. */
  table: string | null;
  /** True when the add-in wrote this sheet (a report sheet from an earlier run); absent when the adapter does not know. */
  ownedByAddIn?: boolean;
}

export interface WorkbookGrid {
  sheets: SheetGrid[];
  /** True when the workbook uses the 1904 date system (serial 0 = 1 Jan 1904). */
  date1904: boolean;
}

/** 1-based column number to letters: 1 → "A", 27 → "AA". */
export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Letters to 1-based column number: "A" → 1, "AA" → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A1 address of a 1-based row and column. */
export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/** Parses "B7" (or "$B$7") into 1-based row and column; null if it is not a single-cell address. */
export function parseCellAddress(address: string): { row: number; column: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return null;
  return { row: Number(m[2]), column: columnNumber(m[1]) };
}

/** Quotes a sheet name for use in a formula or range reference: 'My sheet'!A1. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
