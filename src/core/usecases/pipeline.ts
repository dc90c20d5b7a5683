/**
 * The one pipeline both twins run: grid → layout → records → findings,
 * measures → report plan. The task pane (through session.ts) and the command
 * line call these, so the add-in and `pace-tracker` give the same answers.
 */
import type { SheetGrid, WorkbookGrid } from '../grid';
import type { AimDefinition, AimResult, AimsFile, CheckResult, ChildRecord, ColumnMapping, DayNumber, SheetLayout, StageCount, TestOfChange } from '../model';
import type { ReportPlan } from '../report/plan';
import { UserFacingError } from '../errors';
import { detectLayout, localMilestoneId } from '../layout';
import { DATE_FIELDS, isCanonicalField } from '../fields';
import { inspectLayout } from '../inspect';
import { readRecords } from '../records';
import { checkRecords } from '../checks';
import { PRESET_AIMS, normaliseAim } from '../aims/definition';
import { measureAim } from '../aims/measures';
import { childrenBetweenMilestones } from '../aims/stages';
import { planIssuesSheet } from '../report/issuesSheet';
import { buildReportPlan, ReportInput } from '../report/buildPlan';

export interface LoadedSheet {
  grid: SheetGrid;
  /** The layout as detected (or as the user corrected it): what inspect and the mapping screen show. */
  layout: SheetLayout;
  records: ChildRecord[];
  date1904: boolean;
  /** Local milestone id → the header the user wrote, for names on sheets and charts. */
  localLabels: Map<string, string>;
}

/**
 * Every unmapped column that holds dates is read too, as a local milestone
 * named after its header ("Legal advice meeting" → legalAdviceMeeting), so an
 * aim can start or end at it without the user mapping it first.
 */
export function withLocalMilestones(layout: SheetLayout): SheetLayout {
  const taken = new Set(layout.columns.map((c) => String(c.field)));
  const extra: ColumnMapping[] = [];
  for (const u of layout.unmapped) {
    if (!u.looksLikeDates) continue;
    const field = localMilestoneId(u.header, taken);
    taken.add(field);
    extra.push({ field, header: u.header, column: u.column, confidence: 0.5, label: u.header });
  }
  return extra.length === 0 ? layout : { ...layout, columns: [...layout.columns, ...extra] };
}

function loaded(grid: SheetGrid, layout: SheetLayout, date1904: boolean): LoadedSheet {
  const reading = withLocalMilestones(layout);
  const localLabels = new Map<string, string>();
  for (const c of reading.columns) {
    if (!isCanonicalField(String(c.field))) localLabels.set(String(c.field), c.label ?? c.header);
  }
  return { grid, layout, records: readRecords(grid, reading), date1904, localLabels };
}

/** Field ids an aim may use on this sheet: every canonical date and the sheet's local milestones. */
export function aimFieldIds(sheet: LoadedSheet): string[] {
  return [...DATE_FIELDS, ...sheet.localLabels.keys()];
}

export const NO_HEADER_MESSAGE =
  'No row of column headings that look like a PACE tracker was found in the first 30 rows of this sheet. ' +
  "The add-in looks for headings such as 'Child ID', 'Date became looked after', 'Date first accommodated' and " +
  "'Permanence recommendation'. Check this is the tracking sheet, or pick another sheet.";

/**
 * The command line's way in: the named sheet, else the one that looks most
 * like a PACE tracker (inspectLayout picks it and says plainly when none does).
 */
export function analyseWorkbook(workbook: WorkbookGrid, sheetName?: string): LoadedSheet {
  const layout = inspectLayout(workbook, sheetName);
  const grid = workbook.sheets.find((s) => s.sheetName === layout.sheet) as SheetGrid;
  return loaded(grid, layout, workbook.date1904);
}

/** Finds the header and reads every child on a sheet; throws a plain-words problem when it cannot. */
export function analyseSheet(grid: SheetGrid, date1904: boolean, savedColumns?: ColumnMapping[]): LoadedSheet {
  const layout = detectLayout(grid, date1904, savedColumns);
  if (!layout) throw new UserFacingError('noHeader', `Sheet '${grid.sheetName}': ${NO_HEADER_MESSAGE}`);
  return loaded(grid, layout, date1904);
}

export function runCheck(sheet: LoadedSheet, asOf: DayNumber): CheckResult {
  return checkRecords(sheet.records, sheet.layout, { asOf });
}

export interface MeasuredAims {
  aims: { definition: AimDefinition; result: AimResult }[];
  stages: StageCount[];
  changes: TestOfChange[];
}

/** The aims to use: the workbook's (or file's) own, else the presets. */
export function aimsOrPresets(file: AimsFile | null | undefined): AimsFile {
  return file && file.aims.length > 0 ? file : { aims: PRESET_AIMS.map((a) => ({ ...a })), changes: file?.changes ?? [] };
}

export function runAims(sheet: LoadedSheet, file: AimsFile, asOf: DayNumber): MeasuredAims {
  const changes = file.changes ?? [];
  const aims = file.aims.map((input) => {
    const definition = normaliseAim(input, sheet.localLabels);
    return { definition, result: measureAim(sheet.records, definition, asOf, changes) };
  });
  const stages = childrenBetweenMilestones(sheet.records, asOf);
  return { aims, stages, changes };
}

export interface ReportParts {
  check: CheckResult;
  measured: MeasuredAims;
  plan: ReportPlan;
}

/** Everything a report holds: the issues sheet, the summary and one sheet per aim. */
export function planReport(sheet: LoadedSheet, file: AimsFile, asOf: DayNumber, options: Pick<ReportInput, 'smallNumber' | 'period'> = {}): ReportParts {
  const check = runCheck(sheet, asOf);
  const measured = runAims(sheet, file, asOf);
  const issues = planIssuesSheet(check, sheet.layout.sheet, { date1904: sheet.date1904, localLabels: sheet.localLabels });
  const plan = buildReportPlan({
    asOf,
    date1904: sheet.date1904,
    sourceSheet: sheet.layout.sheet,
    aims: measured.aims,
    stages: measured.stages,
    changes: measured.changes,
    issues,
    localLabels: sheet.localLabels,
    ...options,
  });
  return { check, measured, plan };
}
