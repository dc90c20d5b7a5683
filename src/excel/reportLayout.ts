/**
 * Small pure decisions the Excel writer must make that the plan cannot:
 * free sheet and table names beside the user's own, and translating the
 * plan's words (styles, widths, markers) into Excel's. No Office.js here.
 */
import type { CellValue } from '../core/grid';
import { cellAddress, columnLetter, parseCellAddress, quoteSheetName } from '../core/grid';
import type { BlockStyle, CellBlock, MarkerShape, PlannedChart, PlannedSeries, PrintSettings } from '../core/report/plan';
import { jsonBytes } from './chunks';

export const MAX_SHEET_NAME = 31;

/** Names to try for a planned sheet whose name a user sheet already has: "X (PACE)", then "X (2)", "X (3)"… within 31 characters. */
export function alternativeSheetNames(wanted: string, count = 50): string[] {
  const fit = (suffix: string): string => wanted.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd().replace(/'+$/, '') + suffix;
  const names = [fit(' (PACE)')];
  for (let n = 2; names.length < count; n++) names.push(fit(` (${n})`));
  return names;
}

/**
 * A planned sheet name Excel accepts. The core guarantees this; checking
 * before touching the workbook means a faulty plan changes nothing.
 */
export function assertPlannedSheetName(name: string): void {
  if (name.trim() === '' || name.length > MAX_SHEET_NAME || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new Error(`The report plan has a sheet name Excel does not accept: "${name}".`);
  }
}

export interface ExistingSheet {
  name: string;
  ownedByAddIn: boolean;
}

export interface SheetNaming {
  /** The name each planned sheet gets, in plan order. */
  names: string[];
  /** Planned name → name used, for sheets that had to be renamed. */
  renamed: Map<string, string>;
  /** Plain-words notes for the user, one per renamed sheet. */
  notes: string[];
}

/**
 * Planned names, keeping clear of sheets the add-in did not make. The
 * add-in's own sheets are replaced, so their names are free.
 */
export function chooseSheetNames(planned: string[], existing: ExistingSheet[]): SheetNaming {
  const taken = new Set(existing.filter((s) => !s.ownedByAddIn).map((s) => s.name.toLowerCase()));
  const names: string[] = [];
  const renamed = new Map<string, string>();
  const notes: string[] = [];
  for (const wanted of planned) {
    let name = wanted;
    if (taken.has(wanted.toLowerCase())) {
      name = alternativeSheetNames(wanted).find((n) => !taken.has(n.toLowerCase())) ?? wanted;
      renamed.set(wanted, name);
      notes.push(`A sheet called "${wanted}" already exists and was not made by the add-in, so it was left alone and the report was written to "${name}".`);
    }
    taken.add(name.toLowerCase());
    names.push(name);
  }
  return { names, renamed, notes };
}

/** Temporary names for new sheets while the old ones are still there (never clashing). */
export function temporaryNames(count: number, existing: string[]): string[] {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const names: string[] = [];
  for (let i = 1; names.length < count; i++) {
    const name = `PACE new ${i}`;
    if (!taken.has(name.toLowerCase())) names.push(name);
  }
  return names;
}

/** A Table name clear of the user's tables: "Name", then "Name_2"… */
export function freeTableName(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${wanted}_${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** Splits "'My sheet'!H17" into sheet and cell; null when there is no sheet part. */
export function splitReference(reference: string): { sheet: string; cell: string } | null {
  const bang = reference.lastIndexOf('!');
  if (bang < 0) return null;
  let sheet = reference.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, cell: reference.slice(bang + 1) };
}

/** A link target pointing at a renamed planned sheet follows the rename. */
export function retarget(reference: string, renamed: Map<string, string>): string {
  const parts = splitReference(reference);
  if (!parts) return reference;
  const to = renamed.get(parts.sheet);
  return to === undefined ? reference : `${quoteSheetName(to)}!${parts.cell}`;
}

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

export interface FontStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
}

/** How each block style looks. */
export function fontFor(style: BlockStyle | undefined): FontStyle | null {
  switch (style) {
    case 'title':
      return { bold: true, size: 16 };
    case 'subtitle':
      return { size: 12 };
    case 'headline':
      return { bold: true, size: 14 };
    case 'heading':
      return { bold: true, size: 12 };
    case 'label':
      return { bold: true };
    case 'note':
      return { italic: true, color: '#595959' };
    default:
      return null;
  }
}

/** Column width in points from characters: about 7 pixels a character plus 5 of padding, at 0.75 pt per pixel. */
export function columnWidthPoints(characters: number): number {
  return Math.round((Math.max(0, characters) * 7 + 5) * 0.75 * 100) / 100;
}

export type ExcelChartTypeName = 'LineMarkers' | 'BarClustered' | 'BarStacked' | 'ColumnClustered' | 'ColumnStacked';

export function chartTypeName(chart: Pick<PlannedChart, 'kind' | 'stacked'>): ExcelChartTypeName {
  if (chart.kind === 'line') return 'LineMarkers';
  if (chart.kind === 'bar') return chart.stacked ? 'BarStacked' : 'BarClustered';
  return chart.stacked ? 'ColumnStacked' : 'ColumnClustered';
}

export type ExcelLineStyleName = 'Continuous' | 'Dash' | 'RoundDot' | 'DashDot' | 'None';

/** Excel's names for the plan's line styles (ChartLineStyle, ExcelApi 1.7); round dots stay visible in greyscale print. */
export function lineStyleName(line: PlannedSeries['line']): ExcelLineStyleName {
  const names = { solid: 'Continuous', dash: 'Dash', dot: 'RoundDot', dashDot: 'DashDot', none: 'None' } as const;
  return names[line];
}

export type ExcelMarkerStyleName = 'Circle' | 'Square' | 'Diamond' | 'Triangle' | 'X' | 'None';

export function markerStyleName(marker: MarkerShape): ExcelMarkerStyleName {
  const names = { circle: 'Circle', square: 'Square', diamond: 'Diamond', triangle: 'Triangle', x: 'X', none: 'None' } as const;
  return names[marker];
}

/** Excel marker sizes run 2-72. */
export function markerSize(size: number | undefined): number {
  return Math.min(72, Math.max(2, Math.round(size ?? 7)));
}

/** A planned page set-up in Excel's terms: margins in points, whole-row print titles, the cell each new page starts at. */
export interface ExcelPrintSettings {
  scale: number;
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** "$9:$10" (PageLayout.setPrintTitleRows needs whole rows), or null. */
  titleRows: string | null;
  /** Cells a new page starts above (horizontal breaks) and left of (vertical breaks). */
  rowBreaks: string[];
  columnBreaks: string[];
}

export function printLayoutSettings(print: PrintSettings): ExcelPrintSettings {
  const points = (inches: number) => Math.round(inches * 72 * 100) / 100;
  const m = print.margins;
  return {
    scale: 100,
    margins: { left: points(m.left), right: points(m.right), top: points(m.top), bottom: points(m.bottom), header: points(m.header), footer: points(m.footer) },
    titleRows: print.titleRows ? `$${print.titleRows.first}:$${print.titleRows.last}` : null,
    rowBreaks: [...new Set(print.rowBreaks)].filter((r) => r > 1).map((r) => `A${r}`),
    columnBreaks: [...new Set(print.columnBreaks)].filter((c) => c > 1).map((c) => `${columnLetter(c)}1`),
  };
}
