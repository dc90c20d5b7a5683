/**
 * The report's bytes for either kind of input. An .xlsx is copied as it is
 * with the report sheets added (src/xlsx/writeReport). A CSV has no workbook
 * to copy, so the report is a new .xlsx: the CSV's rows, as text exactly as
 * they were in the file, on a sheet named after it (the sheet the Issues
 * links point to), plus the report sheets. The CSV itself is not changed.
 */
import * as path from 'path';
import ExcelJS from '../xlsx/exceljs';
import type { ReportPlan } from '../core/report/plan';
import type { LoadedSheet } from '../core/usecases/pipeline';
import { writeReportBuffer } from '../xlsx/writeReport';
import type { InputFile } from './inputFile';

/** A one-sheet .xlsx holding the grid's values as they are (text stays text: no date is re-read). */
export async function workbookFromGrid(sheet: LoadedSheet): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(sheet.grid.sheetName);
  sheet.grid.values.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value === null || value === '') return;
      ws.getCell(sheet.grid.firstRow + r, sheet.grid.firstColumn + c).value = value;
    });
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export async function reportBytes(input: InputFile, sheet: LoadedSheet, plan: ReportPlan): Promise<Uint8Array> {
  const base = input.kind === 'csv' ? await workbookFromGrid(sheet) : input.bytes;
  return writeReportBuffer(base, plan, path.basename(input.file));
}
