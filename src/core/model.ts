/**
 * The shared shapes that flow through the core: sheet layout, decoded dates,
 * child records, findings, aims and their measures, run charts. Each room
 * (layout, dates, checks, aims, runchart, report) implements against these.
 * JSON-facing shapes follow ../shared/cli-contract.md exactly.
 */
import type { CellValue } from './grid';
import type { FieldId } from './fields';

/** Days since 1970-01-01 (a calendar day, no time of day, no time zone). */
export type DayNumber = number;

// ───────────────────────────── Sheet layout (inspect) ─────────────────────────────

export interface ColumnMapping {
  /** Canonical field id or a local milestone id. */
  field: FieldId;
  /** The header text as the user wrote it. */
  header: string;
  /** Column letters on the user's sheet, e.g. "A". */
  column: string;
  /** 0..1: how sure the header match is (1 = chosen by the user). */
  confidence: number;
  /** For a local milestone: the label the user gave it. */
  label?: string;
}

export interface UnmappedColumn {
  header: string;
  column: string;
  looksLikeDates: boolean;
  /** The user's saved mapping sets this column to "Not used": it is not read as a local milestone. */
  notUsed?: boolean;
}

export interface SheetLayout {
  sheet: string;
  headerRow: number;
  firstDataRow: number;
  /** Last row holding any data (>= firstDataRow - 1 when the sheet has no children). */
  lastDataRow: number;
  date1904: boolean;
  table: string | null;
  columns: ColumnMapping[];
  unmapped: UnmappedColumn[];
}

// ───────────────────────────── Dates ─────────────────────────────

/**
 * How a cell in a date column was read. The checks report on everything but
 * 'blank' and 'dateCell'.
 */
export type DateReading =
  | 'blank'
  | 'dateCell' // a number formatted as a date (or a date object from a file)
  | 'serialNumber' // a plain number that is a plausible date serial (no date format)
  | 'text' // text in an unambiguous or UK day/month/year form, four-digit year
  | 'textTwoDigitYear' // text with a two-digit year, century assumed
  | 'placeholder' // a recognisable dummy date (00/01/1900, 01/01/1900, 31/12/9999…): day kept, never used in measures
  | 'implausibleNumber' // a number that cannot be a date here (2019, negative, huge)
  | 'unreadable' // text that is not a date ("tbc", "N/A", "31/02/2020")
  | 'error'; // an Excel error value (#N/A, #REF!…)

export interface DecodedDate {
  reading: DateReading;
  /** The calendar day, when one could be read (also for placeholders). */
  day: DayNumber | null;
  /** The value as it was in the cell. */
  raw: CellValue;
  /**
   * Numbers-only text in a column that looks month/day/year: 'pending' until
   * the user confirms the order (no day is used meanwhile), 'mdy' once read
   * month first as confirmed. Absent everywhere else.
   */
  order?: 'pending' | 'mdy';
}

// ───────────────────────────── Records ─────────────────────────────

export interface ChildRecord {
  /** 1-based row on the user's sheet. */
  row: number;
  /** Trimmed child ID text, or null when blank. */
  childId: string | null;
  /** Text fields (gender, placementType, legalStatus, team, route), trimmed; absent when blank or unmapped. */
  text: Partial<Record<string, string>>;
  /** Every mapped date field (canonical dates, milestones and local milestones). */
  dates: Record<string, DecodedDate>;
  /** True/false when a respite column is mapped and readable, else null. */
  respite: boolean | null;
  /** The raw respite cell (for the finding's message). */
  respiteRaw?: CellValue;
  /** A1 address of each mapped field's cell on this row. */
  cells: Record<string, string>;
}

// ───────────────────────────── Findings (check) ─────────────────────────────

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  rule: string;
  severity: Severity;
  /** The cell the finding blames (A1 on the user's sheet). */
  cell: string;
  /** Both cells, for a finding about two cells (an order problem). */
  cells?: string[];
  row: number;
  field: FieldId | null;
  childId: string | null;
  message: string;
}

export interface CheckResult {
  sheet: string;
  headerRow: number;
  asOf: string;
  findings: Finding[];
  counts: Record<Severity, number>;
}

// ───────────────────────────── Aims ─────────────────────────────

export type RuleSet = 'ihi' | 'anhoej';
export type Direction = 'down' | 'up';

export type Baseline = { points: number } | { before: string };

export interface AimFilters {
  route?: string[];
  team?: string[];
  placementType?: string[];
  /** Age in whole years at the start milestone, inclusive bounds. */
  ageAtStart?: { min?: number; max?: number };
}

/** An aim as written in AIMS.json; only id, start and end are required. */
export interface AimDefinitionInput {
  id: string;
  name?: string;
  start: FieldId;
  end: FieldId;
  targetWeeks?: number | null;
  targetPercent?: number | null;
  cohortFrom?: string | null;
  deadline?: string | null;
  excludeRespite?: boolean;
  filters?: AimFilters;
  baseline?: Baseline;
  rephaseRun?: number | null;
  direction?: Direction;
  rules?: RuleSet;
}

/** An aim with every default filled in. */
export interface AimDefinition {
  id: string;
  name: string;
  start: FieldId;
  end: FieldId;
  /** null: no target (e.g. the whole journey). */
  targetWeeks: number | null;
  targetPercent: number | null;
  cohortFrom: string | null;
  deadline: string | null;
  excludeRespite: boolean;
  filters: AimFilters;
  baseline: Baseline;
  /** null or 0: no re-phasing. */
  rephaseRun: number | null;
  direction: Direction;
  rules: RuleSet;
}

export interface TestOfChange {
  date: string;
  label: string;
}

export interface AimsFile {
  aims: AimDefinitionInput[];
  changes?: TestOfChange[];
  /** Cohort lists (a list of children, not a time between milestones). Absent: the presets; []: none. */
  cohorts?: CohortListInput[];
}

export interface ChildInterval {
  childId: string | null;
  row: number;
  startDate: string;
  endDate: string;
  weeks: number;
  withinTarget: boolean | null;
}

export interface WaitingChild {
  childId: string | null;
  row: number;
  startDate: string;
  weeksWaiting: number;
  /** Not in the JSON contract's example but useful on sheets and charts. */
  beyondTarget?: boolean;
}

/** A cohort child left out of every figure of an aim, with the reason in plain words. */
export interface ExcludedChild {
  childId: string | null;
  row: number;
  /** e.g. "end date before start date" */
  reason: string;
  /** yyyy-mm-dd, for the aim sheet (not in the JSON contract). */
  startDate?: string;
  endDate?: string;
}

export interface MonthlyRow {
  month: string; // yyyy-mm
  completed: number;
  withinTarget: number;
  percentWithinTarget: number | null;
  medianWeeks: number | null;
  waitingAtMonthEnd: number;
}

export interface AimResult {
  id: string;
  name: string;
  start: FieldId;
  end: FieldId;
  targetWeeks: number | null;
  targetPercent: number | null;
  cohortFrom: string | null;
  completed: number;
  withinTarget: number;
  percentWithinTarget: number | null;
  medianWeeks: number | null;
  waiting: number;
  waitingBeyondTarget: number;
  monthly: MonthlyRow[];
  children: ChildInterval[];
  waitingChildren: WaitingChild[];
  /** Cohort children in no figure (end date before start date): listed so nothing is dropped silently. */
  excluded: ExcludedChild[];
  runChart: RunChart;
}

/** "Children between milestones": how many reached a stage and not the next. */
export interface StageCount {
  stage: FieldId;
  next: FieldId | null;
  label: string;
  count: number;
}

// ───────────────────────────── Run charts ─────────────────────────────

export interface SeriesPoint {
  date: string; // yyyy-mm-dd
  value: number;
}

export interface RunChartOptions {
  baseline?: Baseline; // default { points: 12 }
  /** Consecutive improving points that start a new phase; null/0 = never re-phase. Default 9. */
  rephaseRun?: number | null;
  direction?: Direction; // default 'down'
  rules?: RuleSet; // default 'ihi'
}

export interface RunChartPoint {
  date: string;
  value: number;
  centre: number | null;
  phase: number;
  baseline: boolean;
  shift: boolean;
  trend: boolean;
  rephaseRun: boolean;
  astronomical: boolean;
}

export interface RunChartPhase {
  phase: number;
  firstIndex: number;
  lastIndex: number;
  median: number;
  medianFrom: [number, number];
}

export interface RunsTest {
  useful: number;
  runs: number;
  lower: number | null;
  upper: number | null;
  tooFew: boolean;
  tooMany: boolean;
  /**
   * Where `lower` and `upper` came from: the published table (10–60 useful
   * observations), computed from its distribution (more than 60), or null
   * when there are none (fewer than 10).
   */
  limitsFrom: 'table' | 'computed' | null;
}

export interface AnhoejTest {
  longestRun: number;
  longestRunLimit: number | null;
  crossings: number;
  crossingsLimit: number | null;
  signal: boolean;
}

export interface RunChart {
  rules: RuleSet;
  direction: Direction;
  points: RunChartPoint[];
  phases: RunChartPhase[];
  runs: RunsTest;
  anhoej: AnhoejTest;
  /**
   * Present (true) only when a `{ before }` baseline had no point before its
   * date, so the first 12 points were used instead; tell the user.
   */
  baselineFallback?: boolean;
}

// ───────────────────────────── Cohort lists ─────────────────────────────

/**
 * A cohort list as written in AIMS.json (Highland aim 1): the children looked
 * after at home for more than `months` months on the as-of date, not ceased,
 * each to have a review whose date is in the local milestone `reviewMilestone`.
 */
export interface CohortListInput {
  id: string;
  name?: string;
  /** Default 24 (Highland also uses 18). */
  months?: number;
  /** The local milestone id holding the review date; null or absent: none. */
  reviewMilestone?: string | null;
}

export interface CohortListDefinition {
  id: string;
  name: string;
  months: number;
  reviewMilestone: string | null;
}

export interface CohortListChild {
  childId: string | null;
  row: number;
  lookedAfterStart: string;
  weeksLookedAfter: number;
  team: string | null;
  /** The review date (yyyy-mm-dd) when the review column is on the sheet and holds a usable date on or before the as-of date. */
  reviewDate: string | null;
}

export interface CohortListResult {
  id: string;
  name: string;
  months: number;
  /** The review-date milestone used, or null when the sheet has none (then reviewed and percentReviewed are null). */
  reviewMilestone: string | null;
  count: number;
  reviewed: number | null;
  percentReviewed: number | null;
  /** Longest looked after first, then by row. */
  children: CohortListChild[];
}
