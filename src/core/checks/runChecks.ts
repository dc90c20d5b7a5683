/**
 * Runs every check over the child records of one sheet. Pure and linear in the
 * number of rows (duplicates are found with a Map), so 20,000 children check in
 * a blink inside Excel.
 */
import { parseCellAddress } from '../grid';
import type { AimDefinition, CheckResult, ChildRecord, DateReading, DayNumber, Finding, Severity, SheetLayout } from '../model';
import { withAimFindings } from './aimIntervals';
import { buildContext } from './context';
import { isoDate } from './format';
import { RULES } from './registry';
import type { CellRule, CheckRule, RecordRule } from './types';

export interface CheckOptions {
  /** The date the sheet is judged at: later dates are in the future. */
  asOf: DayNumber;
  /** Rules to run (default: all of RULES). */
  rules?: readonly CheckRule[];
  /**
   * The aims measured on this sheet (presets or the user's own): a child whose
   * end milestone is before its start gets a finding naming the aim.
   */
  aims?: readonly AimDefinition[];
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

function columnOf(cell: string): number {
  return parseCellAddress(cell)?.column ?? 0;
}

/** Sorts with each finding's column worked out once (tens of thousands of findings stay fast). */
function sortFindings(findings: readonly Finding[]): Finding[] {
  const keyed = findings.map((finding) => ({ finding, rank: SEVERITY_RANK[finding.severity], column: columnOf(finding.cell) }));
  keyed.sort(
    (a, b) =>
      a.rank - b.rank ||
      a.finding.row - b.finding.row ||
      a.column - b.column ||
      (a.finding.rule < b.finding.rule ? -1 : a.finding.rule > b.finding.rule ? 1 : 0),
  );
  return keyed.map((k) => k.finding);
}

/** Errors first, then warnings, then information; then by row, column and rule. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    a.row - b.row ||
    columnOf(a.cell) - columnOf(b.cell) ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}

/** Cell rules grouped by the reading they judge, so each cell meets only its own rules. */
function cellRulesByReading(rules: readonly CheckRule[]): Map<DateReading, CellRule[]> {
  const byReading = new Map<DateReading, CellRule[]>();
  for (const rule of rules) {
    if (rule.scope !== 'cell') continue;
    for (const reading of rule.readings) {
      const list = byReading.get(reading);
      if (list) list.push(rule);
      else byReading.set(reading, [rule]);
    }
  }
  return byReading;
}

/**
 * What the rules alone find, in the order they found it (not sorted, no aim
 * findings): the costly part of a check, linear in the rows. A caller that
 * needs the check more than once at one as-of date (the pane's session) keeps
 * this and finishes it with finishFindings as often as it likes.
 */
export function ruleFindings(records: readonly ChildRecord[], layout: SheetLayout, options: Pick<CheckOptions, 'asOf' | 'rules'>): Finding[] {
  const ctx = buildContext(layout, options.asOf);
  const out: Finding[] = [];
  const rules = options.rules ?? RULES;
  for (const rule of rules) {
    if (rule.scope === 'sheet') rule.check(records, ctx, out);
  }
  const recordRules = rules.filter((r): r is RecordRule => r.scope === 'record');
  const cellRules = cellRulesByReading(rules);
  for (const record of records) {
    const dates = record.dates;
    for (const field in dates) {
      const date = dates[field];
      const forReading = cellRules.get(date.reading);
      if (forReading) for (const rule of forReading) rule.check(record, field, date, ctx, out);
    }
    for (const rule of recordRules) rule.check(record, ctx, out);
  }
  return out;
}

/**
 * The rules' findings (ruleFindings, at the same as-of date and layout) with
 * the aims' findings added, sorted (see compareFindings). Leaves `found` as it was.
 */
export function finishFindings(found: readonly Finding[], records: readonly ChildRecord[], layout: SheetLayout, options: Pick<CheckOptions, 'asOf' | 'aims'>): Finding[] {
  const aims = options.aims ?? [];
  return sortFindings(aims.length === 0 ? found : withAimFindings(found, records, aims, buildContext(layout, options.asOf)));
}

/** Every finding on the sheet, sorted (see compareFindings). */
export function runChecks(records: readonly ChildRecord[], layout: SheetLayout, options: CheckOptions): Finding[] {
  return finishFindings(ruleFindings(records, layout, options), records, layout, options);
}

/** How many findings of each severity. */
export function countFindings(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

/** The check result of the command line's `check --json` and the task pane. */
export function checkRecords(records: readonly ChildRecord[], layout: SheetLayout, options: CheckOptions): CheckResult {
  return checkResultOf(runChecks(records, layout, options), layout, options.asOf);
}

/** Sorted findings (runChecks, or finishFindings) as the check result of the sheet at that as-of date. */
export function checkResultOf(findings: Finding[], layout: SheetLayout, asOf: DayNumber): CheckResult {
  return {
    sheet: layout.sheet,
    headerRow: layout.headerRow,
    asOf: isoDate(asOf),
    findings,
    counts: countFindings(findings),
  };
}
