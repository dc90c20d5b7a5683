/**
 * One check result per sheet and as-of date. The pane checks a sheet, then
 * writes the issues sheet, the report and the submission copy from the same
 * findings; each of those used to run every rule again. A SheetChecks runs the
 * rules once for its sheet at an as-of date and finishes the result once for
 * each set of aims (the check, issues sheet and report use the aims; the
 * submission copy uses none), handing the same result to every operation.
 *
 * Every operation asks with its own as-of date: a result is only ever given
 * for the date it was asked with, never one left from an earlier operation.
 * Results are shared, so nobody changes them (nothing in the add-in does).
 */
import type { AimsFile, CheckResult, DayNumber, Finding } from '../model';
import { checkFrom, findOnSheet, type LoadedSheet, type RuleFindings } from './pipeline';

export interface SheetChecks {
  /** The sheet these results are of: a re-read sheet is a new LoadedSheet and needs a new SheetChecks. */
  readonly sheet: LoadedSheet;
  /** What the rules found at this as-of date (run once a date). */
  found(asOf: DayNumber): RuleFindings;
  /**
   * The check at this as-of date, with the aims' findings when `file` is given.
   * With keepFinding (the command line's saved choices) the result is made
   * from the kept rule findings but not kept itself: a function is no key.
   */
  check(asOf: DayNumber, file?: AimsFile, keepFinding?: (f: Finding) => boolean): CheckResult;
}

/**
 * Results for a handful of aims at once: with and without aims, and an aims
 * file saved since. More than that means the aims keep changing; the oldest goes.
 */
const RESULTS_KEPT = 4;

/** Only the aims change the findings (their cohort lists and tests of change do not). */
function aimsKey(file: AimsFile | undefined): string {
  return file ? JSON.stringify(file.aims) : 'no aims';
}

export function sheetChecks(sheet: LoadedSheet): SheetChecks {
  // One as-of date at a time: the pane works at one date, and a big sheet's
  // findings are large; going back to an earlier date runs the rules again.
  let found: RuleFindings | null = null;
  const results = new Map<string, CheckResult>();

  function foundAt(asOf: DayNumber): RuleFindings {
    if (found?.asOf !== asOf) {
      found = findOnSheet(sheet, asOf);
      results.clear();
    }
    return found;
  }

  return {
    sheet,
    found: foundAt,
    check(asOf, file, keepFinding) {
      const rules = foundAt(asOf);
      if (keepFinding) return checkFrom(rules, file, keepFinding);
      const key = aimsKey(file);
      const kept = results.get(key);
      if (kept) return kept;
      const result = checkFrom(rules, file);
      if (results.size >= RESULTS_KEPT) results.delete(results.keys().next().value as string);
      results.set(key, result);
      return result;
    },
  };
}
