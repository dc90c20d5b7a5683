/**
 * The de-identified submission copy from the pane (pace-domain.md §5), the
 * same steps as `pace-tracker submission`: find the identifying columns, let
 * the user confirm, key the child IDs with the workbook's secret key, plan
 * the copy, build the .xlsx (outside the core) and open it as a new workbook.
 */
import { columnLetter } from '../grid';
import type { ReportPlan } from '../report/plan';
import type { WorkbookPort } from '../port';
import type { DayNumber, Finding } from '../model';
import { UserFacingError } from '../errors';
import { isoFromDay } from '../dates';
import { columnsOf, findIdentifyingColumns, type IdentifyingColumn } from '../submission/identifying';
import { planSubmission, type DobMode } from '../submission/plan';
import { pseudonymInputs, pseudonymsWith } from '../submission/pseudonym';
import { checkOf, populationOf, type LoadedSheet } from './pipeline';
import type { SheetChecks } from './sheetChecks';
import { OUTSIDE_POPULATION_REASON } from '../population';
import type { KeptColumn, SubmissionPreview } from './types';

/** Workbook setting holding the secret key (64 hex characters); it stays in this workbook, never in the copy. */
export const SETTING_SUBMISSION_KEY = 'submissionKey';

/** Builds .xlsx bytes from a plan (exceljs in the pane; kept out of the core). */
export type BuildWorkbook = (plan: ReportPlan, options: { date1904: boolean }) => Promise<Uint8Array>;

/** What the pane cannot do without, said plainly. */
const CANNOT_MAKE_COPY =
  'This version of Excel cannot make the submission copy from the add-in. Use the pace-tracker command instead: pace-tracker submission YOUR-FILE.xlsx -o COPY.xlsx.';

/** The columns the copy keeps (everything not identifying, except the child ID, which becomes the pseudonym). */
export function keptColumns(sheet: LoadedSheet, identifying: readonly IdentifyingColumn[]): KeptColumn[] {
  const dropped = new Set(identifying.map((c) => c.column.toUpperCase()));
  const mapped = new Map(sheet.layout.columns.map((c) => [c.column.toUpperCase(), c]));
  const kept: KeptColumn[] = [];
  for (const cells of columnsOf(sheet.grid, sheet.layout)) {
    const letter = columnLetter(cells.column);
    const mapping = mapped.get(letter);
    if (dropped.has(letter) || mapping?.field === 'childId') continue;
    if (!mapping && cells.header === '' && cells.values.length === 0) continue;
    kept.push({ column: letter, header: cells.header || mapping?.header || `Column ${letter}` });
  }
  return kept;
}

export function previewSubmission(sheet: LoadedSheet): SubmissionPreview {
  const columns = findIdentifyingColumns(sheet.grid, sheet.layout);
  const kept = keptColumns(sheet, columns);
  return { columns, keptHeaders: kept.map((k) => k.header), kept, children: sheet.records.length };
}

/** "PACE submission 2024-03-31.xlsx": the name to save the new workbook under. */
export function submissionFileName(asOf: DayNumber): string {
  return `PACE submission ${isoFromDay(asOf)}.xlsx`;
}

/** The drop list as upper-case letters, once each; anything that is not a column is a usage problem. */
export function normaliseDrop(drop: readonly string[]): string[] {
  const out = new Set<string>();
  for (const d of drop) {
    const letter = d.trim().toUpperCase();
    if (!/^[A-Z]{1,3}$/.test(letter)) throw new UserFacingError('usage', `"${d}" is not a column. Choose the columns to leave out again.`);
    out.add(letter);
  }
  return [...out];
}

export function checkDobMode(dob: string): DobMode {
  if (dob === 'month' || dob === 'age') return dob;
  throw new UserFacingError('usage', 'Choose how to show the date of birth: month and year, or age at each milestone.');
}

type SubmissionPort = WorkbookPort & Required<Pick<WorkbookPort, 'randomKeyHex' | 'hmacSha256Hex' | 'openNewWorkbook'>>;

/**
 * What making the copy needs of its host: where the secret key is kept
 * (the workbook's settings in the pane, a key file on the command line),
 * the keyed hash, and where the copy goes (a new workbook, or a file).
 */
export type SubmissionHost = Pick<WorkbookPort, 'loadSetting' | 'saveSetting'> & Required<Pick<WorkbookPort, 'randomKeyHex' | 'hmacSha256Hex' | 'openNewWorkbook'>>;

/** The port, when it can make a copy at all. */
export function submissionPort(port: WorkbookPort, build: BuildWorkbook | undefined): { port: SubmissionPort; build: BuildWorkbook } {
  if (!port.randomKeyHex || !port.hmacSha256Hex || !port.openNewWorkbook || !build) throw new UserFacingError('unsupportedExcel', CANNOT_MAKE_COPY);
  return { port: port as SubmissionPort, build };
}

/** The workbook's secret key, made once (32 random bytes) and saved in the workbook's settings. */
export async function workbookKey(port: SubmissionHost): Promise<string> {
  const saved = await port.loadSetting<string>(SETTING_SUBMISSION_KEY);
  if (typeof saved === 'string' && saved.trim() !== '') return saved.trim();
  const made = port.randomKeyHex();
  await port.saveSetting(SETTING_SUBMISSION_KEY, made);
  return made;
}

export interface MakeSubmissionInput {
  sheet: LoadedSheet;
  drop: string[];
  dob: DobMode;
  asOf: DayNumber;
  /** Keep rows outside the PACE population (default: left out of the copy). */
  includeOutsidePopulation?: boolean;
  /** Which findings count (the command line's saved choices); default: all. */
  keepFinding?: (f: Finding) => boolean;
  /** Check results already kept for this sheet (the pane's session), so the copy does not check it again. */
  checks?: SheetChecks;
}

/** What was made: the plan, and how many children are in the copy and were left out. */
export interface MadeSubmission {
  plan: ReportPlan;
  children: number;
  rowsLeftOut: number;
}

/**
 * The rows and findings the copy holds: rows outside the PACE population
 * (and the findings on them) are left out unless the user keeps them.
 */
export function submissionRows(sheet: LoadedSheet, asOf: DayNumber, include = false, keepFinding?: (f: Finding) => boolean, checks?: SheetChecks) {
  const population = populationOf(sheet, asOf, { includeOutsidePopulation: include });
  const leftOutRows = include ? new Set<number>() : new Set(population.outside.map((o) => o.row));
  // Without the aims, as the copy has always been made: its findings are the rules' own.
  const findings = checkOf(sheet, asOf, undefined, keepFinding, checks).findings.filter((f) => !leftOutRows.has(f.row));
  const leftOut = leftOutRows.size > 0 ? { rows: leftOutRows.size, reason: OUTSIDE_POPULATION_REASON } : undefined;
  return { records: population.records, findings, leftOut };
}

/** Plans the copy with pseudonyms from the host's key and hands it to the host (a new workbook, or a file). */
export async function makeSubmissionCopy(
  port: SubmissionHost,
  build: BuildWorkbook,
  input: MakeSubmissionInput,
  onProgress?: (message: string, step?: { done: number; total: number }) => void,
): Promise<MadeSubmission> {
  const { sheet } = input;
  const rows = submissionRows(sheet, input.asOf, input.includeOutsidePopulation, input.keepFinding, input.checks);
  onProgress?.('Making the pseudonymous IDs…', { done: 0, total: 3 });
  const key = await workbookKey(port);
  const pseudonyms = await pseudonymsWith(pseudonymInputs(sheet.records), (id) => port.hmacSha256Hex(key, id));
  onProgress?.('Preparing the copy…', { done: 1, total: 3 });
  const plan = planSubmission({
    grid: sheet.grid,
    layout: sheet.layout,
    records: rows.records,
    findings: rows.findings,
    leftOut: rows.leftOut,
    drop: input.drop,
    dob: input.dob,
    asOf: input.asOf,
    date1904: false, // a new workbook uses the 1900 date system
    pseudonyms,
  });
  const bytes = await build(plan, { date1904: false });
  onProgress?.('Opening the copy as a new workbook…', { done: 2, total: 3 });
  await port.openNewWorkbook(bytes);
  return { plan, children: rows.records.length, rowsLeftOut: rows.leftOut?.rows ?? 0 };
}
