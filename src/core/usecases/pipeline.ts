/**
 * The one pipeline both twins run: grid → layout → records → findings,
 * measures → report plan. The task pane (through session.ts) and the command
 * line call these, so the add-in and `pace-tracker` give the same answers.
 */
import type { SheetGrid, WorkbookGrid } from '../grid';
import type {
  AimDefinition,
  AimResult,
  AimsFile,
  CheckResult,
  ChildRecord,
  CohortListDefinition,
  CohortListResult,
  ColumnMapping,
  DayNumber,
  Finding,
  SheetLayout,
  StageCount,
  TestOfChange,
} from '../model';
import type { PlannedSheet, ReportPlan } from '../report/plan';
import { placementsInput, planTimelineSheet } from '../report/timelineSheet';
import type { PlacementsSheet } from '../timeline/placements';
import { longestWaiting } from '../timeline/journey';
import { UserFacingError } from '../errors';
import { detectLayout, localMilestoneId } from '../layout';
import { DATE_FIELDS, isCanonicalField } from '../fields';
import { inspectLayout } from '../inspect';
import { readRecords } from '../records';
import { checkResultOf, finishFindings, ruleFindings } from '../checks';
import { PRESET_AIMS, normaliseAim } from '../aims/definition';
import { measureAim } from '../aims/measures';
import { childrenBetweenMilestones } from '../aims/stages';
import { measureCohort, normaliseCohort, PRESET_COHORTS, resolveReviewMilestone } from '../aims/cohort';
import { planIssuesSheet } from '../report/issuesSheet';
import { buildReportPlan, type ReportInput } from '../report/buildPlan';
import { splitPopulation, type PopulationSplit } from '../population';
import { countFindings } from '../checks/runChecks';
import { foldMonthFirstCells } from '../checks/rules/month-first-column';
import { findTitleAsOf, type TitleAsOf } from '../dates/titleAsOf';
import type { SheetChecks } from './sheetChecks';
import { lastMonthAsOf, matchChildren } from '../compare/matching';
import { lastMonthWeeks } from '../compare/lastPoints';
import { applyDateOrder, requireDateOrderConfirmed, type DateOrderChoice, type MonthFirstColumn } from './dateOrder';

export interface LoadedSheet {
  grid: SheetGrid;
  /** The layout as detected (or as the user corrected it): what inspect and the mapping screen show. */
  layout: SheetLayout;
  records: ChildRecord[];
  date1904: boolean;
  /** Local milestone id → the header the user wrote, for names on sheets and charts. */
  localLabels: Map<string, string>;
  /** Date columns that look month/day/year (or were set to it), each with its confirmed order or null. */
  monthFirstColumns: MonthFirstColumn[];
  /** The as-of date the title rows above the header offer ("as at 31/03/2024"), or null. Offered, never used unasked. */
  titleAsOf: TitleAsOf | null;
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
    if (!u.looksLikeDates || u.notUsed) continue;
    const field = localMilestoneId(u.header, taken);
    taken.add(field);
    extra.push({ field, header: u.header, column: u.column, confidence: 0.5, label: u.header });
  }
  return extra.length === 0 ? layout : { ...layout, columns: [...layout.columns, ...extra] };
}

function loaded(grid: SheetGrid, layout: SheetLayout, date1904: boolean, dateOrder: DateOrderChoice = {}): LoadedSheet {
  const reading = withLocalMilestones(layout);
  const localLabels = new Map<string, string>();
  for (const c of reading.columns) {
    if (!isCanonicalField(String(c.field))) localLabels.set(String(c.field), c.label ?? c.header);
  }
  const records = readRecords(grid, reading);
  const monthFirstColumns = applyDateOrder(records, reading.columns, dateOrder, date1904);
  const titleAsOf = findTitleAsOf(grid, layout.headerRow, date1904);
  return { grid, layout, records, date1904, localLabels, monthFirstColumns, titleAsOf };
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
export function analyseWorkbook(workbook: WorkbookGrid, sheetName?: string, dateOrder?: DateOrderChoice): LoadedSheet {
  const layout = inspectLayout(workbook, sheetName);
  const grid = workbook.sheets.find((s) => s.sheetName === layout.sheet) as SheetGrid;
  return loaded(grid, layout, workbook.date1904, dateOrder);
}

/** True when the layout is the user's saved mapping (every saved column found under its heading). */
export function usesSavedMapping(layout: SheetLayout, savedColumns: readonly ColumnMapping[] | undefined): boolean {
  if (!savedColumns || savedColumns.length === 0) return false;
  const key = (c: ColumnMapping) => `${String(c.field)}\u0000${c.header.trim().toLowerCase()}`;
  const mapped = new Set(layout.columns.map(key));
  return savedColumns.every((c) => mapped.has(key(c)));
}

/**
 * With a saved mapping the user chose every column: one left out of it was
 * set to "Not used", so it is not read as a local milestone behind their back.
 */
export function markNotUsed(layout: SheetLayout, savedColumns: readonly ColumnMapping[] | undefined): SheetLayout {
  if (!usesSavedMapping(layout, savedColumns) || layout.unmapped.length === 0) return layout;
  return { ...layout, unmapped: layout.unmapped.map((u) => ({ ...u, notUsed: true })) };
}

/** Finds the header and reads every child on a sheet; throws a plain-words problem when it cannot. */
export function analyseSheet(grid: SheetGrid, date1904: boolean, savedColumns?: ColumnMapping[], dateOrder?: DateOrderChoice): LoadedSheet {
  const layout = detectLayout(grid, date1904, savedColumns);
  if (!layout) throw new UserFacingError('noHeader', `Sheet '${grid.sheetName}': ${NO_HEADER_MESSAGE}`);
  return loaded(grid, markNotUsed(layout, savedColumns), date1904, dateOrder);
}

/** The user's choices about which rows the figures use (the same in the pane and on the command line). */
export interface FigureOptions {
  /**
   * Keep rows outside the PACE population (ceased more than a year before the
   * as-of date) in the measures, tables, waiting lists and submission copy.
   * Default false: they are left out, counted and listed. Command line:
   * `--include-outside-population`.
   */
  includeOutsidePopulation?: boolean;
  /**
   * Leaves out findings whose premise does not hold for the source (a CSV
   * holds every date as text, so "this date is text" says nothing there).
   */
  keepFinding?: (f: Finding) => boolean;
}

/** The aims' definitions as measured on this sheet (local milestones named as the user wrote them). */
export function aimDefinitions(sheet: LoadedSheet, file: AimsFile): AimDefinition[] {
  return file.aims.map((input) => normaliseAim(input, sheet.localLabels));
}

/**
 * What the rules found on one loaded sheet at one as-of date, kept with both:
 * a check finished from it (checkFrom) is then always of that sheet at that
 * date, whoever holds it.
 */
export interface RuleFindings {
  sheet: LoadedSheet;
  asOf: DayNumber;
  findings: readonly Finding[];
}

/** Runs every rule over the sheet's children: the costly part of a check, linear in the rows. */
export function findOnSheet(sheet: LoadedSheet, asOf: DayNumber): RuleFindings {
  return { sheet, asOf, findings: ruleFindings(sheet.records, sheet.layout, { asOf }) };
}

/**
 * The check result from what the rules found. With the aims (presets or the
 * user's own), a child whose end milestone is before its start gets a finding
 * naming the aim; without them (the submission copy) it does not.
 */
export function checkFrom(found: RuleFindings, file?: AimsFile, keepFinding?: (f: Finding) => boolean): CheckResult {
  const { sheet, asOf } = found;
  const sorted = finishFindings(found.findings, sheet.records, sheet.layout, { asOf, aims: file ? aimDefinitions(sheet, file) : undefined });
  const result = checkResultOf(sorted, sheet.layout, asOf);
  if (sheet.monthFirstColumns.length === 0 && !keepFinding) return result;
  // A month-first column gets one finding of its own instead of one per cell.
  const folded = sheet.monthFirstColumns.length === 0 ? result.findings : foldMonthFirstCells(result.findings, sheet.records);
  const findings = keepFinding ? folded.filter(keepFinding) : folded;
  return { ...result, findings, counts: countFindings(findings) };
}

/**
 * Every finding on the sheet. With the aims (presets or the user's own), a
 * child whose end milestone is before its start gets a finding naming the aim.
 */
export function runCheck(sheet: LoadedSheet, asOf: DayNumber, file?: AimsFile, keepFinding?: (f: Finding) => boolean): CheckResult {
  return checkFrom(findOnSheet(sheet, asOf), file, keepFinding);
}

/**
 * The check of the sheet at this as-of date: taken from the results the caller
 * keeps (the pane's session, so the issues sheet, report and copy reuse one
 * check) when it passes them, else run now (the command line, once a run).
 */
export function checkOf(sheet: LoadedSheet, asOf: DayNumber, file?: AimsFile, keepFinding?: (f: Finding) => boolean, checks?: SheetChecks): CheckResult {
  if (!checks) return runCheck(sheet, asOf, file, keepFinding);
  // A mix-up of sheets is a defect in the caller, not the user's problem.
  if (checks.sheet !== sheet) throw new Error('The check results passed are of another sheet than the one asked about.');
  return checks.check(asOf, file, keepFinding);
}

/** The rows the figures use, and those outside the population (left out unless the user keeps them). */
export function populationOf(sheet: LoadedSheet, asOf: DayNumber, options: FigureOptions = {}): PopulationSplit {
  return splitPopulation(sheet.records, asOf, options.includeOutsidePopulation === true);
}

export interface MeasuredAims {
  aims: { definition: AimDefinition; result: AimResult }[];
  stages: StageCount[];
  changes: TestOfChange[];
  /** Which rows were measured: those outside the PACE population are listed, and left out unless kept. */
  population: PopulationSplit;
  /** The cohort lists (Highland aim 1 and the like), each with the review milestone it read (or null). */
  cohorts: { definition: CohortListDefinition; result: CohortListResult }[];
}

/**
 * The aims to use: the workbook's (or file's) own, else the presets. Cohort
 * lists likewise: the file's own when it has a "cohorts" list (even empty),
 * else the preset lists (files written before cohort lists existed get them).
 */
export function aimsOrPresets(file: AimsFile | null | undefined): AimsFile {
  const cohorts = (file?.cohorts ?? PRESET_COHORTS).map((c) => ({ ...c }));
  if (file && file.aims.length > 0) return { ...file, cohorts };
  return { aims: PRESET_AIMS.map((a) => ({ ...a })), changes: file?.changes ?? [], cohorts };
}

export function runAims(sheet: LoadedSheet, file: AimsFile, asOf: DayNumber, options: FigureOptions = {}): MeasuredAims {
  requireDateOrderConfirmed(sheet.monthFirstColumns);
  const changes = file.changes ?? [];
  const population = populationOf(sheet, asOf, options);
  const aims = aimDefinitions(sheet, file).map((definition) => ({ definition, result: measureAim(population.records, definition, asOf, changes) }));
  const stages = childrenBetweenMilestones(population.records, asOf);
  const fieldIds = aimFieldIds(sheet);
  const cohorts = (file.cohorts ?? []).map((input) => {
    const definition = normaliseCohort(input);
    const review = resolveReviewMilestone(definition.reviewMilestone, fieldIds, sheet.localLabels);
    return { definition, result: measureCohort(population.records, definition, review, asOf) };
  });
  return { aims, stages, changes, population, cohorts };
}

/** Last month's tracker or submission copy, whose points the aim sheets draw beside this month's. */
export interface LastMonthInput {
  sheet: LoadedSheet;
  /** How the sheets name it (its file name). */
  name: string;
  /** Default: the end of the month before this month's as-of date. */
  asOf?: DayNumber;
  /** HMAC-SHA-256 hex of a child ID with the key: needed when last month's file is a submission copy and this one is not. */
  hmacHexOf?: (id: string) => string;
}

/** Each aim's points as they were last month, matched to this month's children as the comparison matches them. */
/**
 * Last month's sheet read with the date orders confirmed on this month's (by
 * field): a column typed month first this month was typed so last month too,
 * and read day first there it would move every point in it, or leave its
 * dates unused while this month's count. Orders last month's sheet already
 * has are kept; columns it lacks are passed over.
 */
export function withDateOrderOf(last: LoadedSheet, current: LoadedSheet): LoadedSheet {
  const choice: DateOrderChoice = {};
  for (const c of last.monthFirstColumns) if (c.order !== null) choice[c.field] = c.order;
  const lastFields = new Set(withLocalMilestones(last.layout).columns.map((c) => String(c.field)));
  let carried = false;
  for (const c of current.monthFirstColumns) {
    if (c.order === null || choice[c.field] !== undefined || !lastFields.has(c.field)) continue;
    choice[c.field] = c.order;
    carried = true;
  }
  return carried ? loaded(last.grid, last.layout, last.date1904, choice) : last;
}

export function lastMonthPoints(sheet: LoadedSheet, measured: MeasuredAims, asOf: DayNumber, last: LastMonthInput, options: FigureOptions = {}): LastMonthPoints {
  const lastAsOf = lastMonthAsOf(asOf, last.asOf);
  const lastSheet = withDateOrderOf(last.sheet, sheet);
  const matching = matchChildren(lastSheet.records, sheet.records, asOf, last.hmacHexOf);
  const definitions = measured.aims.map((a) => a.definition);
  const aims = lastMonthWeeks(lastSheet.records, sheet.records, definitions, lastAsOf, matching, options.includeOutsidePopulation === true);
  return { name: last.name, asOf: lastAsOf, aims, matchedBy: matching.matchedBy, matched: aims[0]?.size ?? 0 };
}

export type LastMonthPoints = NonNullable<ReportInput['lastMonth']> & {
  matchedBy: 'childId' | 'pseudonym';
  /** Children of this month found in last month's file. */
  matched: number;
};

export interface ReportParts {
  check: CheckResult;
  measured: MeasuredAims;
  plan: ReportPlan;
  /** Present when last month's points were asked for. */
  lastMonth?: LastMonthPoints;
}

/** Everything a report holds: the issues sheet, the summary and one sheet per aim. `checks`: results (findings, figures) already kept for this sheet (checkOf). */
export function planReport(
  sheet: LoadedSheet,
  file: AimsFile,
  asOf: DayNumber,
  options: FigureOptions & Pick<ReportInput, 'smallNumber' | 'period'> & { lastMonth?: LastMonthInput; placements?: PlacementsSheet | null } = {},
  checks?: SheetChecks,
): ReportParts {
  const check = checkOf(sheet, asOf, file, options.keepFinding, checks);
  const measured = checks ? checks.figures(asOf, file, options) : runAims(sheet, file, asOf, options);
  const lastMonth = options.lastMonth ? lastMonthPoints(sheet, measured, asOf, options.lastMonth, options) : undefined;
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
    population: { outside: measured.population.outside.length, kept: measured.population.kept },
    cohorts: measured.cohorts.map((c) => c.result),
    smallNumber: options.smallNumber,
    period: options.period,
    ...(lastMonth ? { lastMonth: { name: lastMonth.name, asOf: lastMonth.asOf, aims: lastMonth.aims } } : {}),
  });
  const longest = planLongestWaitsSheet(sheet, file, asOf, options);
  if (longest) plan.sheets.push(longest);
  return { check, measured, plan, ...(lastMonth ? { lastMonth } : {}) };
}

export const LONGEST_WAITS_SHEET = 'PACE Timeline longest waits';

/**
 * The report's timelines: the children waiting longest at each stage (ten a
 * stage), every bar from becoming looked after, so a team sees who has waited
 * longest and where; with the workbook's placements sheet (options.placements),
 * each child's placements under their bar. None when no child is waiting.
 */
export function planLongestWaitsSheet(
  sheet: LoadedSheet,
  file: AimsFile,
  asOf: DayNumber,
  options: FigureOptions & { placements?: PlacementsSheet | null } = {},
  perStage = 10,
): PlannedSheet | null {
  const journeys = longestWaiting(populationOf(sheet, asOf, options).records, asOf, aimDefinitions(sheet, file), perStage);
  if (journeys.length === 0) return null;
  return planTimelineSheet({
    journeys,
    subject: `longest waits (${perStage} a stage)`,
    asOf,
    align: 'start',
    date1904: sheet.date1904,
    sheetName: LONGEST_WAITS_SHEET,
    tablePrefix: 'PACE_LongestWaits_',
    ...placementsInput(options.placements),
  });
}
