/**
 * A planned cell block cut into write requests: values padded to a
 * rectangle, number formats only where the plan sets one (text cells as
 * text), and rows grouped so no request passes Excel's payload limit.
 * Pure; no Office.js here.
 */
import type { CellValue } from '../core/grid';
import { cellAddress, parseCellAddress } from '../core/grid';
import type { CellBlock } from '../core/report/plan';
import { jsonBytes } from './chunks';

/** Rows padded to the block's widest row, so every write is rectangular. */
export function rectangular(values: CellValue[][]): CellValue[][] {
  // A loop, not Math.max(...rows): a block of 100,000+ rows would overflow the call stack.
  const width = values.reduce((w, r) => Math.max(w, r.length), 1);
  return values.map((row) => (row.length === width ? row : [...row, ...Array<CellValue>(width - row.length).fill('')]));
}

/** A1 range of `rows` × `columns` from a top-left cell, offset down by `rowOffset`. */
export function blockAddress(at: string, rowOffset: number, rows: number, columns: number): string {
  const start = parseCellAddress(at);
  if (!start) throw new Error(`The report plan has a block at "${at}", which is not a cell address.`);
  const first = cellAddress(start.row + rowOffset, start.column);
  const last = cellAddress(start.row + rowOffset + rows - 1, start.column + columns - 1);
  return first === last ? first : `${first}:${last}`;
}

export interface FormatRun {
  /** A1 range of consecutive columns of the piece sharing planned formats. */
  address: string;
  numberFormats: string[][];
}

export interface BlockPiece {
  address: string;
  values: CellValue[][];
  /** Number formats only where the plan sets one (unformatted columns stay General and cost nothing). */
  formatRuns: FormatRun[];
  bytes: number;
}

/** Maximal runs of consecutive columns that have a planned number format. */
export function formattedColumnRuns(columnFormats: (string | null)[] | undefined, width: number): { first: number; formats: string[] }[] {
  const runs: { first: number; formats: string[] }[] = [];
  for (let c = 0; c < width; c++) {
    const f = columnFormats?.[c];
    if (!f) continue;
    const last = runs[runs.length - 1];
    if (last && last.first + last.formats.length === c) last.formats.push(f);
    else runs.push({ first: c, formats: [f] });
  }
  return runs;
}

/** Excel's text number format: what is written to a cell formatted so stays exactly as written. */
export const TEXT_FORMAT = '@';

/**
 * The number format each cell is written with. Excel reads Range.values as
 * if typed, so text such as "000123", "-12", "=A1" or "2021-03-04" would
 * become a number, a formula or a date: every text cell gets the text
 * format (set before its value). Other cells keep the plan's column format,
 * or none (null: left General, costing nothing to send).
 */
export function cellNumberFormats(values: CellValue[][], columnFormats: (string | null)[] | undefined): (string | null)[][] {
  return values.map((row) => row.map((v, c) => (typeof v === 'string' && v !== '' ? TEXT_FORMAT : (columnFormats?.[c] ?? null))));
}

/** Maximal runs of consecutive columns where some cell has a number format. */
function columnsWithFormats(formats: (string | null)[][], width: number): { first: number; count: number }[] {
  const runs: { first: number; count: number }[] = [];
  for (let c = 0; c < width; c++) {
    if (!formats.some((row) => row[c] !== null)) continue;
    const last = runs[runs.length - 1];
    if (last && last.first + last.count === c) last.count++;
    else runs.push({ first: c, count: 1 });
  }
  return runs;
}

/** A block ready to be cut into pieces: rectangular rows, each cell's number format, the formatted column runs and each row's weight. */
export interface PreparedBlock {
  at: string;
  values: CellValue[][];
  width: number;
  /** Per cell: its number format, null where General is fine. */
  formats: (string | null)[][];
  runs: { first: number; count: number }[];
  /** JSON bytes of each row's values and number formats. */
  rowBytes: number[];
}

/** The formats of one row within a run, General where the cell needs none. */
function runFormats(row: (string | null)[], run: { first: number; count: number }): string[] {
  return row.slice(run.first, run.first + run.count).map((f) => f ?? 'General');
}

export function prepareBlock(block: CellBlock): PreparedBlock {
  const values = rectangular(block.values);
  const width = values[0]?.length ?? 0;
  const formats = cellNumberFormats(values, block.columnFormats ?? undefined);
  const runs = columnsWithFormats(formats, width);
  if (values.length > 0 && !parseCellAddress(block.at)) throw new Error(`The report plan has a block at "${block.at}", which is not a cell address.`);
  // Each row in a matrix also costs the comma that separates it from the next.
  const rowBytes = values.map((row, r) => jsonBytes(row) + 1 + runs.reduce((sum, run) => sum + jsonBytes(runFormats(formats[r], run)) + 1, 0));
  return { at: block.at, values, width, formats, runs, rowBytes };
}

/** The piece starting at row `start`: as many rows as fit in `maxBytes`, and always at least one. */
export function pieceAt(block: PreparedBlock, start: number, maxBytes: number): BlockPiece {
  const start0 = parseCellAddress(block.at) as { row: number; column: number };
  let end = start;
  let bytes = 0;
  while (end < block.values.length && (end === start || bytes + block.rowBytes[end] <= maxBytes)) bytes += block.rowBytes[end++];
  const slice = block.values.slice(start, end);
  return {
    address: blockAddress(block.at, start, slice.length, block.width),
    values: slice,
    formatRuns: block.runs.map((run) => ({
      address: blockAddress(cellAddress(start0.row, start0.column + run.first), start, slice.length, run.count),
      numberFormats: block.formats.slice(start, end).map((row) => runFormats(row, run)),
    })),
    bytes,
  };
}

/** A block cut into row pieces of at most `maxBytes` each (values + number formats). */
export function blockPieces(block: CellBlock, maxBytes: number): BlockPiece[] {
  const prepared = prepareBlock(block);
  if (prepared.values.length === 0) return [];
  const pieces: BlockPiece[] = [];
  for (let start = 0; start < prepared.values.length; start += pieces[pieces.length - 1].values.length) pieces.push(pieceAt(prepared, start, maxBytes));
  return pieces;
}
