/**
 * What the task pane (and tests) call. The pane holds no domain logic: it
 * shows these results and passes the user's choices back.
 */
import type { SheetSummary } from '../port';
import type { AimDefinitionInput, AimResult, AimsFile, CheckResult, CohortListResult, ColumnMapping, Finding, SheetLayout, StageCount } from '../model';
import type { ProblemKind } from '../errors';
import type { IdentifyingColumn } from '../submission/identifying';
import type { DobMode } from '../submission/plan';
import type { OutsidePopulationChild } from '../population';
import type { FigureOptions } from './pipeline';
import type { TimelineAlign } from '../report/timelineSheet';
import type { CompareSummary, TimelineGroup } from './paneFlows';

export type { CompareSummary, TimelineGroup, TimelineAlign };

export type { FigureOptions };

/** Rows outside the PACE population, for the pane to show beside the figures. */
export interface PopulationSummary {
  /** Every row outside the population (ceased more than a year before the as-of date). */
  outside: OutsidePopulationChild[];
  /** True when they were kept in the figures (includeOutsidePopulation). */
  kept: boolean;
  /** One plain sentence saying how many were left out (or kept) and why; null when there are none. */
  note: string | null;
}
import type { DateOrderChoice, MonthFirstColumn } from './dateOrder';

export interface Problem {
  kind: ProblemKind;
  /** Plain words, for the pane as it is. */
  message: string;
  /**
   * The workbook's sheets when they are known (e.g. with noHeader), so the
   * pane can offer the sheet picker even though no sheet could be opened.
   */
  sheets?: SheetSummary[];
}

export interface SheetState {
  /** Every sheet in the workbook, to let the user pick another. */
  sheets: SheetSummary[];
  /** The sheet being read. */
  sheet: string;
  layout: SheetLayout;
  /** Number of child rows found. */
  childCount: number;
  /** True when the sheet is protected (reading works; marks cannot be added). */
  protected: boolean;
  /** A plain-words note when the sheet is very large (read in chunks; may take a while). */
  sizeNote: string | null;
  /** True when the mapping came from the user's saved corrections. */
  mappingSaved: boolean;
  /**
   * Date columns whose text dates look month/day/year (or that the user set to
   * it), each with its confirmed order, or null while unconfirmed: the pane
   * offers a switch per column (setDateOrder); measureAims and writeReport
   * refuse with kind 'dateOrderUnconfirmed' until every one is confirmed.
   */
  monthFirstColumns: MonthFirstColumn[];
  /** The as-of date the sheet's title offers ("as at 31/03/2024"), to offer to the user, or null. Never used unasked. */
  titleAsOf: TitleAsOfOffer | null;
}

export interface TitleAsOfOffer {
  /** yyyy-mm-dd */
  asOf: string;
  /** The words that gave it, as written ("as at 31/03/2024"). */
  text: string;
  /** The title cell it was read from (A1). */
  cell: string;
}

/** How far a long piece of work has got (e.g. rows read of all rows), for a progress bar. */
export interface ProgressStep {
  done: number;
  total: number;
}

/**
 * Told what is happening during long work, in plain words, and how far it has
 * got when that is known. Listeners that take only the message keep working.
 */
export type ProgressListener = (message: string, step?: ProgressStep) => void;

export type Outcome<T> = { ok: true; value: T } | { ok: false; problem: Problem };

/** Choices offered in a mapping dropdown: every canonical field plus the local milestones named so far. */
export interface FieldChoice {
  id: string;
  label: string;
  kind: 'text' | 'date' | 'milestone' | 'flag' | 'local';
}

export interface ReportSummary {
  sheets: string[];
  children: number;
  counts: CheckResult['counts'];
  population: PopulationSummary;
  /** Present when last month's points were drawn beside this month's. */
  lastMonth?: { name: string; /** yyyy-mm-dd */ asOf: string; matched: number; matchedBy: 'childId' | 'pseudonym' };
}

/** The report's choices: rows outside the population, and last month's file whose points the aim sheets show. */
export type ReportChoices = FigureOptions & { lastMonth?: ChosenFile };

/** A column the submission copy keeps, which the user may choose to drop too. */
export interface KeptColumn {
  /** Column letters on the user's sheet. */
  column: string;
  header: string;
}

/** What the copy would leave out, for the user to confirm or change. */
export interface SubmissionPreview {
  /** Columns that look identifying (dropped unless the user unticks them). */
  columns: IdentifyingColumn[];
  /** Headings of the columns that are copied. */
  keptHeaders: string[];
  /** The copied columns with their letters, so the user can tick one to drop it as well. */
  kept: KeptColumn[];
  children: number;
}

export interface SubmissionChoices {
  /** Column letters to leave out. */
  drop: string[];
  dob: DobMode;
  /** yyyy-mm-dd */
  asOf: string;
  /** Keep rows outside the PACE population in the copy (default: left out). */
  includeOutsidePopulation?: boolean;
}

export interface SubmissionResult {
  /** A name to save the new workbook under (it opens unsaved). */
  fileName: string;
  children: number;
  /** Columns left out. */
  dropped: number;
  /** Rows outside the PACE population left out of the copy (0 when kept; absent from older callers). */
  rowsLeftOut?: number;
}

/** Whose timeline: the rows selected on the tracking sheet, or every child in a group (team North). */
export type TimelineChoice = { kind: 'selection' } | { kind: 'group'; column: string; value: string };

export interface TimelineWritten {
  /** The sheet written ("PACE Timeline North"). */
  sheet: string;
  children: number;
  /** Who it shows ("team North", "3 children"). */
  subject: string;
  align: TimelineAlign;
  /** Charts on the sheet (up to 50 children a chart). */
  charts: number;
  /** The placements sheet drawn from (its placements under each child's bar), or null when the workbook has none. */
  placementsSheet?: string | null;
  /** Children on the timeline with at least one placement on that sheet. */
  childrenWithPlacements?: number;
  /** Rows of the placements sheet left out because they could not be read (listed on the timeline sheet). */
  placementRowsLeftOut?: number;
}

/** Last month's file, read in the pane (never sent anywhere). */
export interface ChosenFile {
  name: string;
  bytes: Uint8Array;
}

export interface PaceSessionApi {
  /** Finds and reads the PACE sheet (or the named one). */
  open(sheet?: string, onProgress?: ProgressListener): Promise<Outcome<SheetState>>;
  /** The dropdown choices for the mapping screen. */
  fieldChoices(): FieldChoice[];
  /** Saves the user's corrected mapping in the workbook and re-reads with it. */
  saveMapping(columns: ColumnMapping[]): Promise<Outcome<SheetState>>;
  /** Forgets the saved mapping and detects again. */
  resetMapping(): Promise<Outcome<SheetState>>;
  /**
   * Sets the day/month order of columns (column letter or field id → 'mdy' | 'dmy'),
   * saved in the workbook for this sheet, and re-reads with it. Replaces the
   * sheet's earlier choices; an empty choice forgets them.
   */
  setDateOrder(choice: DateOrderChoice): Promise<Outcome<SheetState>>;
  /** The as-of date the workbook last used (yyyy-mm-dd) or today. */
  loadAsOf(): Promise<string>;
  saveAsOf(asOf: string): Promise<void>;
  check(asOf: string, onProgress?: ProgressListener): Promise<Outcome<CheckResult>>;
  /** Writes the PACE Issues sheet. */
  writeIssuesSheet(asOf: string): Promise<Outcome<string>>;
  selectFinding(finding: Finding): Promise<void>;
  markFindings(findings: Finding[]): Promise<Outcome<number>>;
  clearMarks(): Promise<Outcome<void>>;
  hasMarks(): Promise<boolean>;
  /** The aims saved in the workbook, or the presets. */
  loadAims(): Promise<AimsFile>;
  presetAims(): AimDefinitionInput[];
  saveAims(file: AimsFile): Promise<Outcome<void>>;
  /** The aims' figures; rows outside the PACE population are left out unless options.includeOutsidePopulation. */
  measureAims(asOf: string, options?: FigureOptions): Promise<Outcome<{ aims: AimResult[]; stages: StageCount[]; population: PopulationSummary; cohorts: CohortListResult[] }>>;
  /** Writes summary, issues and aim sheets with their charts (rows outside the population as in measureAims). */
  writeReport(asOf: string, onProgress?: ProgressListener, options?: ReportChoices): Promise<Outcome<ReportSummary>>;
  /** The columns a de-identified submission copy would leave out, and those it keeps. */
  prepareSubmission(): Promise<Outcome<SubmissionPreview>>;
  /** Makes the de-identified copy and opens it as a new workbook (never a sheet in this one). */
  makeSubmission(options: SubmissionChoices, onProgress?: ProgressListener): Promise<Outcome<SubmissionResult>>;
  /** The columns (with their values) a grouped timeline can be drawn for. */
  timelineGroups(): TimelineGroup[];
  /** Writes (or replaces) the "PACE Timeline …" sheet for the selected rows or a group. */
  writeTimeline(asOf: string, choice: TimelineChoice, align: TimelineAlign): Promise<Outcome<TimelineWritten>>;
  /** Reads last month's .xlsx, compares it with the open sheet and writes (or replaces) the "PACE Changes" sheet. */
  compareWith(file: ChosenFile, asOf: string, onProgress?: ProgressListener): Promise<Outcome<CompareSummary>>;
}
