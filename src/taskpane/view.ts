/**
 * Small pure helpers for what the pane shows: dates in UK form, theme choice,
 * grouping and filtering findings, turning the mapping table into the
 * session's ColumnMapping list, and editing aims. No domain decisions here:
 * those are the session's.
 */
import type { AimDefinitionInput, AimResult, CheckResult, ColumnMapping, Finding, SheetLayout, Severity } from '../core/model';
import type { ProblemKind } from '../core/errors';
import { columnNumber } from '../core/grid';
import { dayFromIso, dayFromParts, isoFromDay, parseDateText, ukFromDay } from '../core/dates';
import { localMilestoneId } from '../core/layout/localId';
import { ruleTitle } from '../core/checks/titles';
import { SEVERITY_LABELS, SEVERITY_PLURALS, severityCount as coreSeverityCount } from '../core/severity';
import type { FieldChoice, TitleAsOfOffer } from '../core/usecases/types';
import type { CohortListChild, CohortListResult } from '../core/model';
import { describeColumns, type MonthFirstColumn } from '../core/usecases/dateOrder';

// ───────────────────────────── Dates ─────────────────────────────

/** "2024-03-31" → "31/03/2024"; anything else is returned as it is. */
export function ukDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const day = dayFromIso(iso);
  return day === null ? iso : ukFromDay(day);
}

/** True for a real calendar day written yyyy-mm-dd (what a date input gives). */
export function isIsoDate(text: string): boolean {
  return dayFromIso(text) !== null;
}

/**
 * The date picker works with JavaScript Dates at local midnight (that is what
 * its calendar hands back); the session works with yyyy-mm-dd. These convert
 * between the two without going through the browser's locale or time zone.
 */
export function dateFromIso(iso: string | null | undefined): Date | null {
  const day = iso ? dayFromIso(iso) : null;
  if (day === null || !iso) return null;
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(y, m - 1, d);
  // Years 0-99 would be read as 1900-1999 by the Date constructor.
  date.setFullYear(y);
  return date;
}

export function isoFromDate(date: Date): string {
  return isoFromDay(dayFromParts(date.getFullYear(), date.getMonth() + 1, date.getDate()));
}

/** What the date field shows: 31/03/2024 whatever the browser's locale. */
export function formatUkDate(date?: Date | null): string {
  return date ? ukFromDay(dayFromParts(date.getFullYear(), date.getMonth() + 1, date.getDate())) : '';
}

/**
 * A date typed into a date field ("31/3/24", "31 March 2024", "2024-03-31"),
 * read day first by the core's own parser: the pane has no second reading of dates.
 */
export function parseTypedDate(text: string): Date | null {
  const parsed = parseDateText(text.trim());
  return parsed ? dateFromIso(isoFromDay(parsed.day)) : null;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The calendar's own words for days, in UK order ("31 March 2024", not "March 31, 2024"). */
export const UK_CALENDAR_FORMATTING = {
  formatDay: (date: Date): string => String(date.getDate()),
  formatMonth: (date: Date): string => MONTH_NAMES[date.getMonth()],
  formatYear: (date: Date): string => String(date.getFullYear()),
  formatMonthDayYear: (date: Date): string => `${date.getDate()} ${MONTH_NAMES[date.getMonth()]} ${date.getFullYear()}`,
  formatMonthYear: (date: Date): string => `${MONTH_NAMES[date.getMonth()]} ${date.getFullYear()}`,
};

// ───────────────────────────── Theme ─────────────────────────────

export type ThemeName = 'light' | 'dark';

/** Light or dark, from Office's body background colour ("#RRGGBB"); light when unknown. */
export function themeFromBackground(color: string | null | undefined): ThemeName {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec((color ?? '').trim());
  if (!m) return 'light';
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16) / 255);
  // Relative luminance (WCAG): dark backgrounds fall well under the midpoint.
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const luminance = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  return luminance < 0.2 ? 'dark' : 'light';
}

// ───────────────────────────── Problems ─────────────────────────────

/** A short title for each kind of problem (the session's message says the rest). */
export function problemTitle(kind: ProblemKind): string {
  switch (kind) {
    case 'emptyWorkbook':
      return 'This workbook is empty';
    case 'noHeader':
      return 'No PACE column headings found';
    case 'sheetNotFound':
      return 'Sheet not found';
    case 'protectedSheet':
      return 'The sheet is protected';
    case 'tooLarge':
      return 'The sheet is very large';
    case 'badAims':
      return 'Some aims need correcting';
    case 'unreadableFile':
      return 'Something went wrong';
    case 'dateOrderUnconfirmed':
      return 'Confirm the date order first';
    default:
      return 'Please check';
  }
}

/** What a data lead should see for noHeader besides the message: the headings the add-in looks for. */
export const EXPECTED_HEADINGS = [
  'Child ID',
  'Date of birth',
  'Date became looked after',
  'First accommodated',
  'Permanence recommendation',
  'Permanence panel',
  'ADM decision',
  'Court application lodged',
  'Legal permanence',
];

// ───────────────────────────── Findings ─────────────────────────────

export { SEVERITIES } from '../core/severity';

/** The core's name for each severity ("Error", "Warning", "Note"), as on the PACE Issues sheet. */
export const SEVERITY_WORD: Readonly<Record<Severity, string>> = SEVERITY_LABELS;

/** A heading for a group of findings of one severity ("Errors", "Warnings", "Notes"): the core's words. */
export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = SEVERITY_PLURALS;

/** "11 errors", "1 warning", "3 notes" (the core's words, counted; thousands separated). */
export function severityCount(severity: Severity, n: number): string {
  return coreSeverityCount(severity, n).replace(/^\d+/, n.toLocaleString('en-GB'));
}

/**
 * The words of one finding in the list, in the order they are seen and
 * announced: severity, cell, child (when there is an ID) and message.
 */
export function findingParts(f: Finding): { severity: string; cell: string; child: string | null; message: string } {
  return { severity: SEVERITY_WORD[f.severity], cell: `Cell ${f.cell}`, child: f.childId ? `Child ${f.childId}` : null, message: f.message };
}

/** The same words as one line, as a screen reader reads the finding. */
export function findingLabel(f: Finding): string {
  const p = findingParts(f);
  return `${p.severity}, ${p.cell}${p.child ? `, ${p.child}` : ''}: ${p.message}`;
}

export interface CheckVerdict {
  /** The colour of the result: success only when nothing needs fixing or a look. */
  intent: 'error' | 'warning' | 'success';
  title: string;
  detail: string;
}

/**
 * The words and colour at the end of a check follow what was found: errors
 * are never shown as a success ("Check finished: 11 errors to fix").
 */
export function checkVerdict(counts: CheckResult['counts'], asOf: string): CheckVerdict {
  const detail = `As of ${ukDate(asOf)}: ${severityCount('error', counts.error)}, ${severityCount('warning', counts.warning)}, ${severityCount('info', counts.info)}.`;
  if (counts.error > 0) {
    const more = counts.warning > 0 ? ` and ${severityCount('warning', counts.warning)} to look at` : '';
    return { intent: 'error', title: `Check finished: ${severityCount('error', counts.error)} to fix${more}`, detail };
  }
  if (counts.warning > 0) return { intent: 'warning', title: `Check finished: no errors, ${severityCount('warning', counts.warning)} to look at`, detail };
  return { intent: 'success', title: 'Check finished: no errors or warnings', detail };
}

export interface FindingFilter {
  severities: ReadonlySet<Severity>;
  /** Case-insensitive words to find in the message, child ID, cell or rule. */
  text: string;
}

export function filterFindings(findings: readonly Finding[], filter: FindingFilter): Finding[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  return findings.filter((f) => {
    if (!filter.severities.has(f.severity)) return false;
    if (words.length === 0) return true;
    const hay = `${f.message} ${f.childId ?? ''} ${f.cell} ${f.rule}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

export type GroupBy = 'rule' | 'child';

export interface FindingGroup {
  key: string;
  label: string;
  findings: Finding[];
}

/** "adm-before-panel" → "Adm before panel" (the rule's id in plain words). */
export function ruleLabel(rule: string): string {
  return ruleTitle(rule);
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Groups findings by rule (most serious first, then largest group) or by child
 * (in sheet row order). Within a group, findings keep sheet row order.
 */
export function groupFindings(findings: readonly Finding[], by: GroupBy): FindingGroup[] {
  const groups = new Map<string, FindingGroup & { worst: number; firstRow: number }>();
  for (const f of findings) {
    const key = by === 'rule' ? f.rule : f.childId ?? `row ${f.row}`;
    const label = by === 'rule' ? ruleLabel(f.rule) : f.childId ? `Child ${f.childId}` : `Row ${f.row} (no child ID)`;
    const group = groups.get(key) ?? { key, label, findings: [], worst: 9, firstRow: f.row };
    group.findings.push(f);
    group.worst = Math.min(group.worst, SEVERITY_ORDER[f.severity]);
    group.firstRow = Math.min(group.firstRow, f.row);
    groups.set(key, group);
  }
  const list = [...groups.values()];
  for (const g of list) g.findings.sort((a, b) => a.row - b.row || a.cell.localeCompare(b.cell));
  if (by === 'rule') list.sort((a, b) => a.worst - b.worst || b.findings.length - a.findings.length || a.label.localeCompare(b.label));
  else list.sort((a, b) => a.firstRow - b.firstRow);
  return list.map(({ key, label, findings: fs }) => ({ key, label, findings: fs }));
}

// ───────────────────────────── Column mapping ─────────────────────────────

/** One line of the mapping table: a header on the user's sheet and what it is used as. */
export interface MappingRow {
  column: string;
  header: string;
  /** A field id, or null for "Not used". */
  field: string | null;
  /** For a local milestone: the name the user gave it. */
  label?: string;
  confidence: number;
  looksLikeDates: boolean;
}

/** Columns in sheet order (A, B, … AA), mapped and unmapped together. */
export function rowsFromLayout(layout: SheetLayout): MappingRow[] {
  const rows: MappingRow[] = [
    ...layout.columns.map((c) => ({ column: c.column, header: c.header, field: String(c.field), label: c.label, confidence: c.confidence, looksLikeDates: false })),
    ...layout.unmapped.map((u) => ({ column: u.column, header: u.header, field: null, confidence: 0, looksLikeDates: u.looksLikeDates })),
  ];
  return rows.sort((a, b) => columnNumber(a.column) - columnNumber(b.column));
}

/** The user's mapping as the session takes it (unused columns left out). */
export function mappingFromRows(rows: readonly MappingRow[]): ColumnMapping[] {
  return rows
    .filter((r) => r.field !== null)
    .map((r) => {
      const m: ColumnMapping = { field: r.field as string, header: r.header, column: r.column, confidence: r.confidence };
      if (r.label) m.label = r.label;
      return m;
    });
}

/**
 * Sets one column's field. A canonical field can be used by one column only,
 * so any other column holding it becomes "Not used" (the user sees that).
 */
export function chooseField(rows: readonly MappingRow[], column: string, field: string | null, label?: string): MappingRow[] {
  return rows.map((r) => {
    if (r.column === column) {
      const next: MappingRow = { ...r, field, confidence: 1 };
      if (label) next.label = label;
      else delete next.label;
      return next;
    }
    if (field !== null && r.field === field) return { ...r, field: null, confidence: 0, label: undefined };
    return r;
  });
}

/** Columns whose mapping is a guess worth a second look. */
export function needsChecking(row: MappingRow): boolean {
  return row.field !== null && row.confidence < 0.7;
}

export interface MappingVerdict {
  /** True when every used column was recognised with confidence: the table can stay closed. */
  confident: boolean;
  /** "20 of 21 columns recognised · Legal advice meeting not used" */
  line: string;
  /** The columns to show open: guesses worth a second look. */
  unsure: MappingRow[];
}

/** One line that says how the headings were recognised, and which columns need a look. */
export function mappingVerdict(rows: readonly MappingRow[]): MappingVerdict {
  const used = rows.filter((r) => r.field !== null);
  const unsure = rows.filter(needsChecking);
  const unused = rows.filter((r) => r.field === null);
  const parts = [`${used.length} of ${rows.length} columns recognised`];
  const named = unused.map((r) => r.header || `Column ${r.column}`);
  if (named.length === 1) parts.push(`${named[0]} not used`);
  else if (named.length === 2) parts.push(`${named[0]} and ${named[1]} not used`);
  else if (named.length > 2) parts.push(`${named.length} columns not used`);
  if (unsure.length > 0) parts.push(unsure.length === 1 ? '1 to check' : `${unsure.length} to check`);
  return { confident: unsure.length === 0, line: parts.join(' · '), unsure };
}

/** An id for a local milestone from the name the user typed (the core's rule, so the pane and the sheet agree). */
export { localMilestoneId };

/** Choices for milestone dropdowns in the aims editor: milestones, other dates, local milestones. */
export function milestoneChoices(choices: readonly FieldChoice[]): FieldChoice[] {
  return choices.filter((c) => c.kind === 'milestone' || c.kind === 'local' || c.kind === 'date');
}

// ───────────────────────────── Aims ─────────────────────────────

/** "Fostering/Adoption, Kinship" → ["Fostering/Adoption", "Kinship"]; empty → undefined. */
export function parseList(text: string): string[] | undefined {
  const items = text.split(',').map((s) => s.trim()).filter(Boolean);
  return items.length ? items : undefined;
}

export function listText(items: readonly string[] | undefined): string {
  return (items ?? []).join(', ');
}

/** A whole number from an input, or null when it is blank or not a number. */
export function parseNumber(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** A fresh id not already used by another aim. */
export function nextAimId(aims: readonly AimDefinitionInput[]): string {
  const used = new Set(aims.map((a) => a.id));
  let n = aims.length + 1;
  while (used.has(`aim${n}`)) n++;
  return `aim${n}`;
}

/** A new aim the user then edits: accommodation to recommendation within 26 weeks, as the national guidance. */
export function blankAim(aims: readonly AimDefinitionInput[]): AimDefinitionInput {
  return {
    id: nextAimId(aims),
    name: 'New aim',
    start: 'firstAccommodated',
    end: 'permanenceRecommendation',
    targetWeeks: 26,
    targetPercent: 90,
    excludeRespite: true,
    baseline: { points: 12 },
    rephaseRun: 9,
    direction: 'down',
    rules: 'ihi',
  };
}

/** A preset added again gets its own id so two copies never clash. */
export function withFreshId(aim: AimDefinitionInput, aims: readonly AimDefinitionInput[]): AimDefinitionInput {
  return aims.some((a) => a.id === aim.id) ? { ...aim, id: nextAimId(aims) } : { ...aim };
}

/** "41.5%" or "–" when there is nothing to show. */
export function percentText(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : `${value.toFixed(1)}%`;
}

export function weeksText(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : `${value.toFixed(1)} weeks`;
}

/**
 * An aim's headline figures on one short line for the collapsed list:
 * "41 completed · 63.4% within 26 weeks · median 20.1 weeks · 12 waiting".
 */
export function aimFigures(result: AimResult): string {
  const parts = [`${result.completed.toLocaleString('en-GB')} completed`];
  if (result.targetWeeks !== null) parts.push(`${percentText(result.percentWithinTarget)} within ${result.targetWeeks} weeks`);
  parts.push(`median ${weeksText(result.medianWeeks)}`);
  parts.push(`${result.waiting.toLocaleString('en-GB')} waiting`);
  return parts.join(' · ');
}

/** "1 child" / "3 children". */
export function children(n: number): string {
  return n === 1 ? '1 child' : `${n.toLocaleString('en-GB')} children`;
}

// ─────────────── Population, date order, title date, cohort lists ───────────────

/** The one switch that keeps rows outside the PACE population in the Aims, Report and Share steps. */
export const POPULATION_SWITCH_LABEL = 'Include rows outside the PACE population';

/**
 * What the Sheet step says about a month-first-looking column:
 * "Column G ('Date LAC') looks month/day/year, e.g. 04/23/2019."
 */
export function monthFirstMessage(column: MonthFirstColumn): string {
  const what = `Column ${column.column} ('${column.header}')`;
  if (column.order === 'mdy') return `${what} is read month first (month/day/year).`;
  if (column.order === 'dmy') return `${what} is read day first (day/month/year).`;
  if (column.example) return `${what} looks month/day/year, e.g. ${column.example}.`;
  return `${what} may be month/day/year: its dates read either way.`;
}

/** The columns still waiting for the user to confirm their date order. */
export function unconfirmedDateColumns(columns: readonly MonthFirstColumn[]): MonthFirstColumn[] {
  return columns.filter((c) => c.order === null);
}

/**
 * Where the Aims and Report steps send the user when the figures wait for a
 * date order: "Confirm the date order of column G ('Date LAC') on the Sheet step.", or null when none waits.
 */
export function dateOrderWaiting(columns: readonly MonthFirstColumn[]): string | null {
  const waiting = unconfirmedDateColumns(columns);
  if (waiting.length === 0) return null;
  return `Confirm the date order of ${describeColumns(waiting)} on the Sheet step.`;
}

/**
 * The offer to use the as-of date in the sheet's title, when it differs from
 * the date in use (null otherwise): never applied without the user's click.
 */
export function titleAsOfOffer(offer: TitleAsOfOffer | null, asOf: string): { message: string; button: string; asOf: string } | null {
  if (!offer || offer.asOf === asOf || !isIsoDate(offer.asOf)) return null;
  const uk = ukDate(offer.asOf);
  return { message: `The sheet's title says '${offer.text}'.`, button: `Use ${uk}`, asOf: offer.asOf };
}

/** A cohort list's figures on one line: "7 children · 3 reviewed (43%)". */
export function cohortFigures(cohort: CohortListResult): string {
  const parts = [children(cohort.count)];
  if (cohort.reviewed !== null) {
    parts.push(cohort.percentReviewed === null ? `${cohort.reviewed} reviewed` : `${cohort.reviewed} reviewed (${Math.round(cohort.percentReviewed)}%)`);
  }
  return parts.join(' · ');
}

/**
 * One child on a cohort list: "ID 1234 · 130 weeks looked after · Team North · reviewed 01/02/2024".
 * Without an ID the row number stands in, so the child can still be found.
 */
export function cohortChildLine(child: CohortListChild, withReview: boolean): string {
  const parts = [child.childId ? `ID ${child.childId}` : `Row ${child.row} (no ID)`, `${child.weeksLookedAfter.toLocaleString('en-GB')} weeks looked after`];
  if (child.team) parts.push(child.team);
  if (withReview) parts.push(child.reviewDate ? `reviewed ${ukDate(child.reviewDate)}` : 'not reviewed');
  return parts.join(' · ');
}
