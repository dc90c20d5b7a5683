/**
 * Reading the open workbook into SheetGrids. Reading changes nothing: only
 * loads, never a write.
 */
import type { CellValue, SheetGrid } from '../core/grid';
import type { SheetSummary } from '../core/port';
import { UserFacingError } from '../core/errors';
import { isDateNumberFormat } from '../core/dates';
import type { ExcelEnv } from './env';
import { READ_API, requireExcelApi } from './env';
import { OWNED_SHEETS_KEY, OwnedSheet, queueSettingRead } from './settings';
import { estimateBytesPerRow, jsonBytes, nextBytesPerRow, rowsPerRequest, splitRows, TARGET_REQUEST_BYTES, PROBE_ROWS } from './chunks';
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

function emptyGrid(sheet: string, table: string | null): SheetGrid {
  return { sheetName: sheet, firstRow: 1, firstColumn: 1, values: [], numberFormats: [], table };
}

/** Every sheet with size and state: two syncs whatever the number of sheets. */
export async function listSheets(env: ExcelEnv): Promise<SheetSummary[]> {
  requireExcelApi(env, READ_API, 'read this workbook');
  return env.excel.run(async (context) => {
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
 * The first rows of several sheets at once (picking the tracker): two syncs
 * whatever the number of sheets, never one per sheet.
 */
export async function readPreviews(env: ExcelEnv, sheets: string[], rows: number): Promise<SheetGrid[]> {
  requireExcelApi(env, READ_API, 'read this workbook');
  if (sheets.length === 0) return [];
  return env.excel.run(async (context) => {
    const shapes = sheets.map((sheet) => queueSheetShape(context, sheet));
    await syncForSheet(context, sheets.join(', '));
    const ranges = shapes.map((shape) => {
      const area = shape.usedArea();
      if (!area || rows < 1) return null;
      const range = shape.worksheet.getRangeByIndexes(area.rowIndex, area.columnIndex, Math.min(rows, area.rowCount), area.columnCount);
      return { area, range: range.load('values,numberFormat') };
    });
    if (ranges.some((r) => r !== null)) await context.sync();
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
  return env.excel.run(async (context) => {
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
        shape.worksheet.getRangeByIndexes(area!.rowIndex + chunk.start, area!.columnIndex, chunk.count, area!.columnCount).load('values,numberFormat'),
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

/** Cells sampled for the date system: enough to find dates, small enough for one quick request. */
export const DATE_SAMPLE_CELLS = 20_000;

/**
 * 1904 date system or not, inferred from displayed text next to values of
 * date-formatted cells at the top of the sheet (two syncs, no writes).
 */
export async function detectDate1904(env: ExcelEnv, sheet: string): Promise<boolean> {
  requireExcelApi(env, READ_API, 'read this workbook');
  return env.excel.run(async (context) => {
    const shape = queueSheetShape(context, sheet);
    await syncForSheet(context, sheet);
    const area = shape.usedArea();
    if (!area) return false;
    const rows = Math.max(1, Math.min(area.rowCount, Math.floor(DATE_SAMPLE_CELLS / area.columnCount)));
    const range = shape.worksheet.getRangeByIndexes(area.rowIndex, area.columnIndex, rows, area.columnCount).load('values,numberFormat,text');
    await context.sync();
    return inferDate1904(dateSamples(range.values as CellValue[][], range.numberFormat as string[][], range.text));
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
