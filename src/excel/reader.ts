/**
 * Reading the open workbook into SheetGrids. Reading changes nothing: only
 * loads, never a write.
 */
import type { CellValue, SheetGrid } from '../core/grid';
import { cellAddress } from '../core/grid';
import type { SheetSummary } from '../core/port';
import { UserFacingError } from '../core/errors';
import { isDateNumberFormat } from '../core/dates';
import type { ExcelEnv } from './env';
import { READ_API, requireExcelApi } from './env';
import { OWNED_SHEETS_KEY, OwnedSheet, queueSettingRead } from './settings';
import { ESTIMATED_BYTES_PER_CELL, estimateBytesPerRow, jsonBytes, nextBytesPerRow, rowsPerRequest, splitRows, TARGET_REQUEST_BYTES, PROBE_ROWS } from './chunks';
import { runExcel } from './run';
import { DateSample, inferDate1904 } from './date1904';
import { ownedSheetIds, queueOwnershipMarks } from './ownership';

/** A block of the sheet: 0-based first row/column and size. */
interface Area {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

export function sheetNotFound(sheet: string): UserFacingError {
  return new UserFacingError('sheetNotFound', `There is no sheet called "${sheet}" in this workbook. Pick a sheet from the list.`);
}

/**
 * A block of cells by 0-based position, as an A1 range: getRange(address)
 * is ExcelApi 1.1, where getRangeByIndexes would need 1.7 and reading only
 * asks for 1.4.
 */
export function rangeAt(worksheet: Excel.Worksheet, area: Area): Excel.Range {
  const first = cellAddress(area.rowIndex + 1, area.columnIndex + 1);
  const last = cellAddress(area.rowIndex + area.rowCount, area.columnIndex + area.columnCount);
  return worksheet.getRange(first === last ? first : `${first}:${last}`);
}

function emptyGrid(sheet: string, table: string | null): SheetGrid {
  return { sheetName: sheet, firstRow: 1, firstColumn: 1, values: [], numberFormats: [], table };
}

/** Every sheet with size and state: two syncs whatever the number of sheets. */
export async function listSheets(env: ExcelEnv): Promise<SheetSummary[]> {
  requireExcelApi(env, READ_API, 'read this workbook');
  return runExcel(env, async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name,items/id,items/visibility,items/protection/protected');
    const owned = queueSettingRead<OwnedSheet[]>(context, OWNED_SHEETS_KEY);
    await context.sync();
    const used = sheets.items.map((s) => s.getUsedRangeOrNullObject(true).load('rowCount,columnCount'));
    const marks = queueOwnershipMarks(sheets.items);
    await context.sync();
    const ownedIds = ownedSheetIds(owned.value(), sheets.items, marks.marked());
    return sheets.items.map((s, i) => ({
      name: s.name,
      rowCount: used[i].isNullObject ? 0 : used[i].rowCount,
      columnCount: used[i].isNullObject ? 0 : used[i].columnCount,
      visible: s.visibility === 'Visible',
      protected: s.protection.protected,
      ownedByAddIn: ownedIds.has(s.id),
    }));
  });
}

/** True for Office's "item not found" error (a sheet that does not exist). */
export function isItemNotFound(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'ItemNotFound';
}

/** context.sync(), turning a missing sheet into a plain-words error. */
export async function syncForSheet(context: Excel.RequestContext, sheet: string): Promise<void> {
  try {
    await context.sync();
  } catch (err) {
    if (isItemNotFound(err)) throw sheetNotFound(sheet);
    throw err;
  }
}

/** Queues the sheet, its used range and its tables (one sync, via syncForSheet). */
function queueSheetShape(context: Excel.RequestContext, sheet: string) {
  // getItem, not getItemOrNullObject: nothing may be chained on a null object.
  const worksheet = context.workbook.worksheets.getItem(sheet);
  const used = worksheet.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
  const tables = worksheet.tables.load('items/name');
  return {
    worksheet,
    tables,
    /** After sync: the used area, or null for an empty sheet. */
    usedArea(): Area | null {
      return used.isNullObject ? null : { rowIndex: used.rowIndex, columnIndex: used.columnIndex, rowCount: used.rowCount, columnCount: used.columnCount };
    },
  };
}

/** The first rows of one sheet's used range: two syncs. */
export async function readPreview(env: ExcelEnv, sheet: string, rows: number): Promise<SheetGrid> {
  return (await readPreviews(env, [sheet], rows))[0];
}

/**
 * Columns a preview reads at most: far more than any tracker's columns, and
 * what keeps a preview small when a stray value far out (column XFD) makes
 * the used range 16,384 columns wide.
 */
export const PREVIEW_MAX_COLUMNS = 256;

/**
 * The first rows of several sheets at once (picking the tracker): two syncs
 * whatever the number of sheets, never one per sheet, unless the previews
 * together would make a request too large; then they share as few syncs as
 * keep each near TARGET_REQUEST_BYTES.
 */
export async function readPreviews(env: ExcelEnv, sheets: string[], rows: number): Promise<SheetGrid[]> {
  requireExcelApi(env, READ_API, 'read this workbook');
  if (sheets.length === 0) return [];
  return runExcel(env, async (context) => {
    const shapes = sheets.map((sheet) => queueSheetShape(context, sheet));
    await syncForSheet(context, sheets.join(', '));
    let queuedBytes = 0;
    const ranges: ({ area: Area; range: Excel.Range } | null)[] = [];
    for (const shape of shapes) {
      const used = shape.usedArea();
      if (!used || rows < 1) {
        ranges.push(null);
        continue;
      }
      const area = { ...used, rowCount: Math.min(rows, used.rowCount), columnCount: Math.min(PREVIEW_MAX_COLUMNS, used.columnCount) };
      const bytes = area.rowCount * area.columnCount * ESTIMATED_BYTES_PER_CELL;
      if (queuedBytes > 0 && queuedBytes + bytes > TARGET_REQUEST_BYTES) {
        await context.sync();
        queuedBytes = 0;
      }
      queuedBytes += bytes;
      ranges.push({ area, range: rangeAt(shape.worksheet, area).load('values,numberFormat') });
    }
    if (queuedBytes > 0) await context.sync();
    return sheets.map((sheet, i) => {
      const table = shapes[i].tables.items[0]?.name ?? null;
      const read = ranges[i];
      if (!read) return emptyGrid(sheet, table);
      return {
        sheetName: sheet,
        firstRow: read.area.rowIndex + 1,
        firstColumn: read.area.columnIndex + 1,
        values: read.range.values as CellValue[][],
        numberFormats: read.range.numberFormat as string[][],
        table,
      };
    });
  });
}

/**
 * The whole used range, or the Excel Table holding the data, values and
 * number formats, in row chunks: each sync stays near TARGET_REQUEST_BYTES
 * (a fifth of Excel on the web's limit). The first data request is a small
 * probe that measures how heavy rows really are (long notes weigh more).
 * Syncs: chunks + 1 (+1 with a Table).
 */
export async function readSheet(
  env: ExcelEnv,
  sheet: string,
  onProgress?: (rowsRead: number, totalRows: number, rowsComing?: number) => void,
): Promise<SheetGrid> {
  requireExcelApi(env, READ_API, 'read this workbook');
  return runExcel(env, async (context) => {
    const shape = queueSheetShape(context, sheet);
    await syncForSheet(context, sheet);
    let area = shape.usedArea();
    let table: string | null = null;
    if (shape.tables.items.length > 0) {
      const ranges = shape.tables.items.map((t) => t.getRange().load('rowIndex,columnIndex,rowCount,columnCount'));
      await context.sync();
      // The largest Table is the data; smaller ones are lookups or summaries.
      let best = 0;
      ranges.forEach((r, i) => {
        if (r.rowCount * r.columnCount > ranges[best].rowCount * ranges[best].columnCount) best = i;
      });
      table = shape.tables.items[best].name;
      const r = ranges[best];
      area = { rowIndex: r.rowIndex, columnIndex: r.columnIndex, rowCount: r.rowCount, columnCount: r.columnCount };
    }
    if (!area) return emptyGrid(sheet, table);

    const values: CellValue[][] = [];
    const numberFormats: string[][] = [];
    let bytesPerRow = estimateBytesPerRow(area.columnCount);
    const rowCount = area.rowCount;
    // The next request's size is known before it is sent, so progress can say which rows are on their way.
    const nextRows = () =>
      Math.min(values.length === 0 ? Math.min(PROBE_ROWS, rowsPerRequest(bytesPerRow, TARGET_REQUEST_BYTES)) : rowsPerRequest(bytesPerRow, TARGET_REQUEST_BYTES), rowCount - values.length);
    onProgress?.(0, rowCount, nextRows());
    while (values.length < area.rowCount) {
      const rows = nextRows();
      const chunks = splitRows(values.length, rows).map((chunk) =>
        rangeAt(shape.worksheet, { rowIndex: area!.rowIndex + chunk.start, columnIndex: area!.columnIndex, rowCount: chunk.count, columnCount: area!.columnCount }).load(
          'values,numberFormat',
        ),
      );
      await context.sync();
      let bytes = 0;
      for (const range of chunks) {
        values.push(...(range.values as CellValue[][]));
        numberFormats.push(...(range.numberFormat as string[][]));
        bytes += jsonBytes(range.values) + jsonBytes(range.numberFormat);
      }
      bytesPerRow = nextBytesPerRow(estimateBytesPerRow(area.columnCount), bytes, rows);
      onProgress?.(values.length, rowCount, nextRows());
    }
    return { sheetName: sheet, firstRow: area.rowIndex + 1, firstColumn: area.columnIndex + 1, values, numberFormats, table };
  });
}

/** Rows at the top of the sheet sampled for the date system: enough to find dates. */
export const DATE_SAMPLE_ROWS = 200;
/** Columns sampled (as for previews, a stray value far out must not make the request huge). */
export const DATE_SAMPLE_COLUMNS = PREVIEW_MAX_COLUMNS;

/**
 * 1904 date system or not, inferred from displayed text next to values of
 * date-formatted cells at the top of the sheet, without writing. Number
 * formats are read first; values and displayed text only of the columns
 * holding dates, so long notes elsewhere never travel (three syncs; two
 * when no date format is found).
 */
export async function detectDate1904(env: ExcelEnv, sheet: string): Promise<boolean> {
  requireExcelApi(env, READ_API, 'read this workbook');
  return runExcel(env, async (context) => {
    const shape = queueSheetShape(context, sheet);
    await syncForSheet(context, sheet);
    const used = shape.usedArea();
    if (!used) return false;
    const area = { ...used, rowCount: Math.min(DATE_SAMPLE_ROWS, used.rowCount), columnCount: Math.min(DATE_SAMPLE_COLUMNS, used.columnCount) };
    const formats = rangeAt(shape.worksheet, area).load('numberFormat');
    await context.sync();
    const numberFormats = formats.numberFormat as string[][];
    const dateColumns = Array.from({ length: area.columnCount }, (_, c) => c).filter((c) => numberFormats.some((row) => isDateNumberFormat(row[c] ?? null)));
    if (dateColumns.length === 0) return false;
    const columns = dateColumns.map((c) => rangeAt(shape.worksheet, { ...area, columnIndex: area.columnIndex + c, columnCount: 1 }).load('values,text'));
    await context.sync();
    const samples = columns.flatMap((range, i) =>
      dateSamples(
        range.values as CellValue[][],
        numberFormats.map((row) => [row[dateColumns[i]]]),
        range.text,
      ),
    );
    return inferDate1904(samples);
  });
}

/** Date-formatted number cells with their displayed text. */
export function dateSamples(values: CellValue[][], formats: string[][], texts: string[][]): DateSample[] {
  const samples: DateSample[] = [];
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v === 'number' && isDateNumberFormat(formats[r]?.[c] ?? null) && texts[r]?.[c]) samples.push({ serial: v, text: texts[r][c] });
    }),
  );
  return samples;
}
