/**
 * What an aim's figures leave out, said in one sentence on its sheet (kept
 * apart from the aim sheet's layout so the wording lives in one place):
 * children excluded for an end date before the start date, and rows outside
 * the PACE population.
 */
import type { AimResult } from '../model';
import { OUTSIDE_POPULATION_REASON } from '../population';

/** How the report knows about rows outside the population. */
export interface PopulationCount {
  /** Rows outside the PACE population (ceased more than a year before the as-of date). */
  outside: number;
  /** True when the user kept them in the figures. */
  kept: boolean;
}

const ROWS_LISTED = 10;

function rowList(rows: readonly number[]): string {
  const shown = rows.slice(0, ROWS_LISTED).join(', ');
  return rows.length > ROWS_LISTED ? `${shown}…` : shown;
}

/**
 * "Excluded: 1 child whose end date is before the start date (row 16); 2 rows
 * outside the PACE population …" — or '' when nothing was left out.
 */
export function exclusionSentence(result: Pick<AimResult, 'excluded'>, population?: PopulationCount): string {
  const parts: string[] = [];
  const excluded = result.excluded;
  if (excluded.length > 0) {
    const n = excluded.length;
    const rows = rowList(excluded.map((e) => e.row));
    parts.push(
      `${n === 1 ? '1 child is' : `${n} children are`} excluded from every figure because the end date is before the start date (${n === 1 ? 'row' : 'rows'} ${rows}): correct the dates and run the report again.`,
    );
  }
  if (population && population.outside > 0) {
    const n = population.outside;
    const rows = n === 1 ? '1 row' : `${n} rows`;
    parts.push(
      population.kept
        ? `${rows} outside the PACE population (${OUTSIDE_POPULATION_REASON}) ${n === 1 ? 'is' : 'are'} kept in these figures, as chosen.`
        : `${rows} outside the PACE population (${OUTSIDE_POPULATION_REASON}) ${n === 1 ? 'is' : 'are'} left out.`,
    );
  }
  return parts.join(' ');
}

/** The as-of line of an aim sheet with what was left out after it. */
export function asOfLine(asOfText: string, result: Pick<AimResult, 'excluded'>, population?: PopulationCount): string {
  const left = exclusionSentence(result, population);
  return left === '' ? asOfText : `${asOfText}. ${left}`;
}
