/**
 * The `inspect` use-case: which sheet, which row holds the headings, which
 * column is which field (cli-contract.md, "inspect").
 */
import { UserFacingError } from './errors';
import type { SheetGrid, WorkbookGrid } from './grid';
import type { ColumnMapping, SheetLayout } from './model';
import { detectLayout, isOutputSheetName, pickSheet } from './layout/detect';
import { findTitleAsOf } from './dates/titleAsOf';
import { isoFromDay } from './dates/serial';

export interface InspectResult {
  sheet: string;
  headerRow: number;
  firstDataRow: number;
  lastDataRow: number;
  date1904: boolean;
  table: string | null;
  columns: { field: string; header: string; column: string; confidence: number }[];
  unmapped: { header: string; column: string; looksLikeDates: boolean }[];
  /** The as-of date the title rows above the header offer (yyyy-mm-dd), or null. */
  titleAsOf: string | null;
}

const EXAMPLE_HEADINGS = "for example 'Child ID', 'Date became looked after', 'Permanence recommendation'";

function hasAnyValue(grid: SheetGrid): boolean {
  return grid.values.some((row) => row.some((v) => v !== null && v !== '' && !(typeof v === 'string' && v.trim() === '')));
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** The layout as the command line prints it (confidence to two decimals, fields in sheet order). */
export function inspectResultFromLayout(layout: SheetLayout, titleAsOf: string | null = null): InspectResult {
  return {
    sheet: layout.sheet,
    headerRow: layout.headerRow,
    firstDataRow: layout.firstDataRow,
    lastDataRow: layout.lastDataRow,
    date1904: layout.date1904,
    table: layout.table,
    columns: layout.columns.map((c) => ({ field: c.field, header: c.header, column: c.column, confidence: round2(c.confidence) })),
    unmapped: layout.unmapped.map((u) => ({ header: u.header, column: u.column, looksLikeDates: u.looksLikeDates })),
    titleAsOf,
  };
}

/** The same, under the name the command line uses. */
export const inspectJson: (layout: SheetLayout, titleAsOf?: string | null) => InspectResult = inspectResultFromLayout;

/**
 * Finds the PACE sheet (or reads the named one) and its layout. Throws
 * UserFacingError when the workbook is empty, the sheet is missing, or no
 * row of headings looks like a PACE tracker.
 */
export function inspectLayout(workbook: WorkbookGrid, sheetName?: string, savedColumns?: ColumnMapping[]): SheetLayout {
  const filled = workbook.sheets.filter(hasAnyValue);
  if (sheetName !== undefined) {
    const grid = workbook.sheets.find((s) => s.sheetName === sheetName) ?? workbook.sheets.find((s) => s.sheetName.toLowerCase() === sheetName.toLowerCase());
    if (!grid) {
      const names = workbook.sheets.map((s) => `'${s.sheetName}'`).join(', ');
      throw new UserFacingError(
        'sheetNotFound',
        `There is no sheet called '${sheetName}' in this workbook. The sheets are: ${names || 'none'}. Check the spelling of the sheet name.`,
      );
    }
    if (!hasAnyValue(grid)) throw new UserFacingError('noHeader', `The sheet '${grid.sheetName}' is empty. Choose the sheet that holds the children's rows.`);
    if (grid.ownedByAddIn === true) {
      throw new UserFacingError('noHeader', `The sheet '${grid.sheetName}' is a report sheet the add-in wrote, not a tracking sheet. Choose the sheet that holds the children's rows.`);
    }
    const layout = detectLayout(grid, workbook.date1904, savedColumns);
    if (!layout) {
      throw new UserFacingError(
        'noHeader',
        `The sheet '${grid.sheetName}' has no row of column headings that looks like a PACE tracker (${EXAMPLE_HEADINGS}) in its first 30 rows. Check it is the right sheet, or rename the headings so at least two of them name a child ID or a milestone date.`,
      );
    }
    return layout;
  }
  if (filled.length === 0) {
    throw new UserFacingError('emptyWorkbook', 'This workbook has no data in any sheet. Open the workbook that holds your PACE tracker.');
  }
  const chosen = pickSheet(filled.filter((s) => !isOutputSheetName(s.sheetName)));
  const grid = chosen === null ? undefined : filled.find((s) => s.sheetName === chosen);
  const layout = grid ? detectLayout(grid, workbook.date1904, savedColumns) : null;
  if (!layout) {
    throw new UserFacingError(
      'noHeader',
      `No sheet in this workbook has a row of column headings that looks like a PACE tracker (${EXAMPLE_HEADINGS}). Check you opened the right file, or name the sheet to read, and make sure its headings are within the first 30 rows.`,
    );
  }
  return layout;
}

/** `pace-tracker inspect`: the picked (or named) sheet's layout as contract JSON. */
export function inspectWorkbook(workbook: WorkbookGrid, sheetName?: string): InspectResult {
  const layout = inspectLayout(workbook, sheetName);
  const grid = workbook.sheets.find((s) => s.sheetName === layout.sheet);
  const title = grid ? findTitleAsOf(grid, layout.headerRow, workbook.date1904) : null;
  return inspectResultFromLayout(layout, title === null ? null : isoFromDay(title.day));
}
