/**
 * Finding the PACE table on a sheet: which row holds the column headings,
 * which column is which field, where the children's rows start and end, and
 * which other columns hold dates (candidates for local milestones).
 */
import { FIELD_BY_ID, MILESTONES, type CanonicalFieldId } from '../fields';
import { columnLetter, columnNumber, type CellValue, type SheetGrid } from '../grid';
import type { ColumnMapping, SheetLayout, UnmappedColumn } from '../model';
import { decodeDateCell, isDateReading } from '../dates/decode';
import { matchHeader, MIN_CONFIDENCE } from './headers';

/** Headings are looked for in the first rows only: titles above them are short. */
export const HEADER_SEARCH_ROWS = 30;
/** A row needs this many child-ID or milestone headings to count as a PACE header. */
export const MIN_KEY_FIELDS = 2;
/** Enough cells to judge what a column holds without reading 20,000 rows. */
const SAMPLE_CELLS = 400;

const KEY_FIELDS: ReadonlySet<string> = new Set<string>(['childId', ...MILESTONES]);

interface Candidate {
  column: number; // 0-based index into the grid row
  field: CanonicalFieldId;
  confidence: number;
}

interface RowAssessment {
  rowIndex: number;
  assigned: Candidate[];
  score: number;
  keyFields: number;
}

export function isBlankCell(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** Heading text of a cell ("" when the cell is not a heading). */
function headerText(value: CellValue | undefined): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

function candidatesOfRow(row: CellValue[] | undefined): Candidate[] {
  const candidates: Candidate[] = [];
  if (!row) return candidates;
  for (let c = 0; c < row.length; c++) {
    const value = row[c];
    if (typeof value !== 'string') continue;
    for (const match of matchHeader(value)) candidates.push({ column: c, field: match.field, confidence: match.confidence });
  }
  return candidates;
}

/**
 * Each column at most one field, each field at most one column: the most
 * confident pairs win, ties going to the leftmost column.
 */
function assignFields(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => b.confidence - a.confidence || a.column - b.column);
  const usedColumns = new Set<number>();
  const usedFields = new Set<string>();
  const assigned: Candidate[] = [];
  for (const candidate of sorted) {
    if (candidate.confidence < MIN_CONFIDENCE) continue;
    if (usedColumns.has(candidate.column) || usedFields.has(candidate.field)) continue;
    usedColumns.add(candidate.column);
    usedFields.add(candidate.field);
    assigned.push(candidate);
  }
  return assigned.sort((a, b) => a.column - b.column);
}

function assessRow(grid: SheetGrid, rowIndex: number): RowAssessment {
  const assigned = assignFields(candidatesOfRow(grid.values[rowIndex]));
  let score = 0;
  let keyFields = 0;
  for (const a of assigned) {
    score += a.confidence;
    if (KEY_FIELDS.has(a.field)) keyFields++;
  }
  return { rowIndex, assigned, score, keyFields };
}

/** The row that looks most like PACE headings, or null when none does. */
function bestHeaderRow(grid: SheetGrid): RowAssessment | null {
  let best: RowAssessment | null = null;
  const rows = Math.min(HEADER_SEARCH_ROWS, grid.values.length);
  for (let r = 0; r < rows; r++) {
    const assessment = assessRow(grid, r);
    if (assessment.keyFields < MIN_KEY_FIELDS) continue;
    if (best === null || assessment.score > best.score) best = assessment;
  }
  return best;
}

function formatAt(grid: SheetGrid, r: number, c: number): string | null {
  return grid.numberFormats?.[r]?.[c] ?? null;
}

interface ColumnContent {
  nonBlank: number;
  dates: number;
}

/** What a sample of a column's data cells holds: how many are filled and how many read as dates. */
function sampleColumn(grid: SheetGrid, c: number, fromIndex: number, toIndex: number, date1904: boolean): ColumnContent {
  let nonBlank = 0;
  let dates = 0;
  for (let r = fromIndex; r <= toIndex && nonBlank < SAMPLE_CELLS; r++) {
    const value = grid.values[r]?.[c];
    if (isBlankCell(value)) continue;
    nonBlank++;
    const reading = decodeDateCell(value ?? null, formatAt(grid, r, c), date1904).reading;
    if (isDateReading(reading) || reading === 'placeholder') dates++;
  }
  return { nonBlank, dates };
}

/**
 * Lowers a match whose column holds the wrong kind of data (a "Panel
 * recommendation" column of text, a "Placement" column of dates), so that
 * the right column wins when two headings compete for a field.
 */
function adjustForContent(candidate: Candidate, content: ColumnContent): Candidate {
  if (content.nonBlank < 3) return candidate;
  const kind = FIELD_BY_ID.get(candidate.field)?.kind;
  const dateShare = content.dates / content.nonBlank;
  const wrongKind = ((kind === 'date' || kind === 'milestone') && dateShare < 0.25) || (kind === 'text' && dateShare > 0.75);
  return wrongKind ? { ...candidate, confidence: candidate.confidence * 0.7 } : candidate;
}

/** Index of the last grid row after `fromIndex` with a value in any of the columns; fromIndex - 1 when none. */
function lastFilledRow(grid: SheetGrid, columns: number[], fromIndex: number): number {
  for (let r = grid.values.length - 1; r >= fromIndex; r--) {
    const row = grid.values[r];
    if (!row) continue;
    for (const c of columns) if (!isBlankCell(row[c])) return r;
  }
  return fromIndex - 1;
}

function normalisedHeading(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The user's saved mapping, when every saved heading is still on one row
 * (columns may have moved: they are found again by heading, the saved column
 * preferred when a heading repeats).
 */
function applySaved(grid: SheetGrid, saved: ColumnMapping[]): { rowIndex: number; columns: { column: number; mapping: ColumnMapping }[] } | null {
  if (saved.length === 0) return null;
  const rows = Math.min(HEADER_SEARCH_ROWS, grid.values.length);
  for (let r = 0; r < rows; r++) {
    const row = grid.values[r] ?? [];
    const headings = row.map((v) => normalisedHeading(headerText(v)));
    const used = new Set<number>();
    const found: { column: number; mapping: ColumnMapping }[] = [];
    for (const mapping of saved) {
      const wanted = normalisedHeading(mapping.header);
      if (wanted === '') break;
      const savedIndex = columnNumber(mapping.column) - grid.firstColumn;
      let at = savedIndex >= 0 && headings[savedIndex] === wanted && !used.has(savedIndex) ? savedIndex : -1;
      if (at < 0) at = headings.findIndex((h, i) => h === wanted && !used.has(i));
      if (at < 0) break;
      used.add(at);
      found.push({ column: at, mapping });
    }
    if (found.length === saved.length) return { rowIndex: r, columns: found };
  }
  return null;
}

function buildLayout(grid: SheetGrid, date1904: boolean, headerIndex: number, mapped: { column: number; mapping: ColumnMapping }[]): SheetLayout {
  const firstDataIndex = headerIndex + 1;
  const mappedIndexes = mapped.map((m) => m.column);
  const lastIndex = lastFilledRow(grid, mappedIndexes, firstDataIndex);
  const headerRow = grid.firstRow + headerIndex;
  const mappedSet = new Set(mappedIndexes);
  const unmapped: UnmappedColumn[] = [];
  const headerCells = grid.values[headerIndex] ?? [];
  for (let c = 0; c < headerCells.length; c++) {
    if (mappedSet.has(c)) continue;
    const header = headerText(headerCells[c]);
    if (header === '') continue;
    const content = sampleColumn(grid, c, firstDataIndex, lastIndex, date1904);
    unmapped.push({ header, column: columnLetter(grid.firstColumn + c), looksLikeDates: content.nonBlank > 0 && content.dates * 2 > content.nonBlank });
  }
  const columns = [...mapped].sort((a, b) => a.column - b.column).map((m) => m.mapping);
  return {
    sheet: grid.sheetName,
    headerRow,
    firstDataRow: headerRow + 1,
    lastDataRow: grid.firstRow + lastIndex,
    date1904,
    table: grid.table,
    columns,
    unmapped,
  };
}

/**
 * Finds the headings, maps columns to fields, and bounds the data. Null when
 * no row in the first 30 looks like PACE headings. Saved corrections are used
 * as they are (confidence 1) when their headings are all still there.
 */
export function detectLayout(grid: SheetGrid, date1904: boolean, savedColumns?: ColumnMapping[]): SheetLayout | null {
  if (savedColumns && savedColumns.length > 0) {
    const saved = applySaved(grid, savedColumns);
    if (saved) {
      const headerCells = grid.values[saved.rowIndex] ?? [];
      const mapped = saved.columns.map(({ column, mapping }) => ({
        column,
        mapping: {
          ...mapping,
          header: headerText(headerCells[column]),
          column: columnLetter(grid.firstColumn + column),
          confidence: 1,
        },
      }));
      return buildLayout(grid, date1904, saved.rowIndex, mapped);
    }
  }
  const best = bestHeaderRow(grid);
  if (!best) return null;
  const firstDataIndex = best.rowIndex + 1;
  const candidates = candidatesOfRow(grid.values[best.rowIndex]);
  const contentCache = new Map<number, ColumnContent>();
  const contentOf = (c: number): ColumnContent => {
    let content = contentCache.get(c);
    if (!content) {
      content = sampleColumn(grid, c, firstDataIndex, grid.values.length - 1, date1904);
      contentCache.set(c, content);
    }
    return content;
  };
  const assigned = assignFields(candidates.map((cand) => adjustForContent(cand, contentOf(cand.column))));
  const headerCells = grid.values[best.rowIndex] ?? [];
  const mapped = assigned.map((a) => ({
    column: a.column,
    mapping: {
      field: a.field,
      header: headerText(headerCells[a.column]),
      column: columnLetter(grid.firstColumn + a.column),
      confidence: a.confidence,
    } satisfies ColumnMapping,
  }));
  return buildLayout(grid, date1904, best.rowIndex, mapped);
}

/**
 * True for the add-in's own output sheets ("PACE Summary", "PACE Issues",
 * "PACE Aim 1…", with a writer's " (2)"-style suffix). Only these exact
 * shapes: an authority may well call its own tracker "PACE tracker".
 */
export function isOutputSheetName(name: string): boolean {
  return OUTPUT_SHEET_PATTERN.test(name);
}
const OUTPUT_SHEET_PATTERN = /^PACE (Summary|Issues|Aim \d+)\b/;

/** How much a sheet's first rows look like a PACE tracker: 0 when not at all, higher is better. */
export function scoreSheet(preview: SheetGrid): number {
  if (isOutputSheetName(preview.sheetName)) return 0;
  const best = bestHeaderRow(preview);
  return best === null ? 0 : best.score;
}

/** The sheet that looks most like a PACE tracker (first one on a tie), or null when none does. */
export function pickSheet(previews: SheetGrid[]): string | null {
  let bestName: string | null = null;
  let bestScore = 0;
  for (const preview of previews) {
    const score = scoreSheet(preview);
    if (score > bestScore) {
      bestScore = score;
      bestName = preview.sheetName;
    }
  }
  return bestName;
}
