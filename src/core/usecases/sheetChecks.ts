/**
 * One check result per sheet and as-of date. The pane checks a sheet, then
 * writes the issues sheet, the report and the submission copy from the same
 * findings; each of those used to run every rule again. A SheetChecks runs the
 * rules once for its sheet at an as-of date and finishes the result once for
 * each set of aims (the check, issues sheet and report use the aims; the
 * submission copy uses none), handing the same result to every operation.
 *
 * The aims' figures likewise: measured once for the Aims step and reused by
 * the report at the same date, aims and population switch.
 *
 * Every operation asks with its own as-of date: a result is only ever given
 * for the date it was asked with, never one left from an earlier operation.
 * Results are shared, so nobody changes them (nothing in the add-in does).
 */
import type { AimsFile, CheckResult, DayNumber, Finding } from '../model';
import { checkFrom, findOnSheet, runAims, type FigureOptions, type LoadedSheet, type MeasuredAims, type RuleFindings } from './pipeline';

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
  /** The aims' figures at this as-of date (runAims), once for each aims file and population switch. */
  figures(asOf: DayNumber, file: AimsFile, options?: FigureOptions): MeasuredAims;
}

/**
 * Results for a handful of aims at once: with and without aims, and an aims
 * file saved since (figures: with and without rows outside the population).
 * More than that means the aims keep changing; the oldest goes.
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
  let figuresAsOf: DayNumber | null = null;
  const figures = new Map<string, MeasuredAims>();

  function foundAt(asOf: DayNumber): RuleFindings {
    if (found?.asOf !== asOf) {
      found = findOnSheet(sheet, asOf);
      results.clear();
    }
    return found;
  }

  /** Keeps at most RESULTS_KEPT, dropping the oldest. */
  function keep<T>(map: Map<string, T>, key: string, value: T): T {
    if (map.size >= RESULTS_KEPT) map.delete(map.keys().next().value as string);
    map.set(key, value);
    return value;
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
      return keep(results, key, checkFrom(rules, file));
    },
    figures(asOf, file, options = {}) {
      if (figuresAsOf !== asOf) {
        figures.clear();
        figuresAsOf = asOf;
      }
      // Everything in the aims file counts here (cohort lists, tests of change); of the options only the population switch does.
      const key = `${options.includeOutsidePopulation === true}\u0000${JSON.stringify(file)}`;
      // Not kept when it refuses (a month-first column unconfirmed): it must refuse again until the sheet is read with the order.
      return figures.get(key) ?? keep(figures, key, runAims(sheet, file, asOf, options));
    },
  };
}
