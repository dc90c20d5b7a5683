/**
 * The command line's way into a sheet: read the file (xlsx or csv), find the
 * tracking sheet, and read it with the column mapping the user gave
 * (--map), else the one the add-in saved in the workbook, else as detected.
 */
import type { WorkbookGrid } from '../core/grid';
import type { ColumnMapping, Finding } from '../core/model';
import { inspectLayout } from '../core/inspect';
import { analyseSheet, type LoadedSheet } from '../core/usecases/pipeline';
import { findPlacementsSheet, type PlacementsSheet } from '../core/timeline/placements';
import type { DateOrderChoice } from '../core/usecases/dateOrder';
import { readInputFile, readInputWorkbook, type InputFile } from './inputFile';
import { addinSettingsInPackage, savedMappingFor } from './savedSettings';
import { applyMapRequests, parseMapOption } from './mapping';

export type MappingFrom = 'detected' | 'saved' | 'option';

export interface LoadedInput {
  input: InputFile;
  workbook: WorkbookGrid;
  sheet: LoadedSheet;
  /** The add-in's settings saved in the package (empty for a CSV or a workbook the add-in never saved in). */
  settings: Map<string, unknown>;
  mappingFrom: MappingFrom;
  /** Findings that mean something for this kind of file (all, for a workbook). */
  keepFinding?: (f: Finding) => boolean;
  /** A line about how the file was read, for the text output (null when there is nothing to say). */
  sourceNote: string | null;
}

/**
 * Every date in a CSV is text, so the note that a cell holds a date typed as
 * text (rule text-date) would fire on every date and say nothing; the other
 * checks, and the core's own per-column checks of the date order, still apply.
 */
export const keepCsvFinding = (f: Finding): boolean => f.rule !== 'text-date';

export const CSV_NOTE = 'Read as a CSV file: its dates are text and were read day first (dd/mm/yyyy), as UK dates are written.';

export async function loadInput(file: string, sheetName?: string, mapOption?: string, dateOrder?: DateOrderChoice): Promise<LoadedInput> {
  // Options first: a mistyped --map is a usage error before any reading.
  const requests = mapOption === undefined ? null : parseMapOption(mapOption);
  const input = readInputFile(file);
  const workbook = await readInputWorkbook(input);
  const settings = input.kind === 'xlsx' ? await addinSettingsInPackage(input.bytes) : new Map<string, unknown>();
  const detected = inspectLayout(workbook, sheetName);
  const grid = workbook.sheets.find((s) => s.sheetName === detected.sheet);
  if (!grid) throw new Error(`sheet ${detected.sheet} vanished`);
  const saved = savedMappingFor(settings, detected.sheet);
  let columns: ColumnMapping[] | undefined = saved;
  let mappingFrom: MappingFrom = saved ? 'saved' : 'detected';
  let sheet = analyseSheet(grid, workbook.date1904, columns, dateOrder);
  // A saved mapping whose headings no longer match is not used (the core falls back to detection).
  if (saved && !saved.every((s) => sheet.layout.columns.some((c) => c.field === s.field && c.header.trim() === s.header.trim()))) mappingFrom = 'detected';
  if (requests) {
    columns = applyMapRequests(grid, sheet.layout, requests);
    sheet = analyseSheet(grid, workbook.date1904, columns, dateOrder);
    mappingFrom = 'option';
  }
  const csv = input.kind === 'csv';
  return { input, workbook, sheet, settings, mappingFrom, keepFinding: csv ? keepCsvFinding : undefined, sourceNote: csv ? CSV_NOTE : null };
}

/** The workbook's placements sheet beside the tracker, read (null when it has none): timelines draw each child's placements under their bar. */
export function placementsOf(loaded: Pick<LoadedInput, 'workbook' | 'sheet'>): PlacementsSheet | null {
  return findPlacementsSheet(loaded.workbook.sheets, loaded.sheet.layout.sheet, loaded.sheet.date1904);
}
