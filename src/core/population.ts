/**
 * The PACE population (pace-domain.md §1): every child currently looked after,
 * plus every child who ceased to be looked after in the year before the as-of
 * date. A row that ceased more than a year before is outside it: the check
 * flags it and, by default, it is left out of the measures, the monthly
 * tables, the waiting lists and the submission copy.
 *
 * "More than a year before" is read literally: a child who ceased exactly one
 * year before the as-of date (31/03/2023 for 31/03/2024) is still inside; the
 * day before that is outside. A 29 February as-of date looks back to 28 February.
 */
import { dayFromParts, isoFromDay } from './dates';
import { trustedDay } from './checks/context';
import type { ChildRecord, DayNumber } from './model';

/** Why a row is left out, in the words the sheets, the pane and `--json` use. */
export const OUTSIDE_POPULATION_REASON = 'ceased to be looked after more than a year before the as-of date';

/** The first day of the year before the as-of date: a child who ceased on or after it is in the population. */
export function populationStart(asOf: DayNumber): DayNumber {
  const iso = isoFromDay(asOf);
  const year = Number(iso.slice(0, 4)) - 1;
  const month = Number(iso.slice(5, 7));
  let day = Number(iso.slice(8, 10));
  if (month === 2 && day === 29) day = 28;
  return dayFromParts(year, month, day);
}

/**
 * The ceased date that puts a row outside the population, else null. Only a
 * date that can be trusted counts (read, not after the as-of date, not before
 * birth): a doubtful date has its own finding and the row is kept.
 */
export function ceasedOutsidePopulation(record: ChildRecord, asOf: DayNumber): DayNumber | null {
  const ceased = trustedDay(record, 'ceasedDate', asOf);
  return ceased !== null && ceased < populationStart(asOf) ? ceased : null;
}

/** One row left out of the population, as listed in `--json` and on the sheets. */
export interface OutsidePopulationChild {
  childId: string | null;
  row: number;
  /** yyyy-mm-dd */
  ceasedDate: string;
}

export interface PopulationSplit {
  /** The rows the figures use. */
  records: ChildRecord[];
  /** Rows outside the population (whether or not they were kept). */
  outside: OutsidePopulationChild[];
  /** True when the outside rows were kept in the figures at the user's request. */
  kept: boolean;
}

/** The rows the figures use: outside-population rows left out unless `keep` is set. */
export function splitPopulation(records: readonly ChildRecord[], asOf: DayNumber, keep = false): PopulationSplit {
  const inside: ChildRecord[] = [];
  const outside: OutsidePopulationChild[] = [];
  for (const record of records) {
    const ceased = ceasedOutsidePopulation(record, asOf);
    if (ceased === null) {
      inside.push(record);
      continue;
    }
    outside.push({ childId: record.childId, row: record.row, ceasedDate: isoFromDay(ceased) });
  }
  return { records: keep ? [...records] : inside, outside, kept: keep };
}

/**
 * One plain sentence on what happened to the outside rows; null when there
 * are none. `howToKeep` names the switch in the user's tool.
 */
export function populationNote(split: Pick<PopulationSplit, 'outside' | 'kept'>, howToKeep: string): string | null {
  const n = split.outside.length;
  if (n === 0) return null;
  const rows = n === 1 ? '1 row' : `${n} rows`;
  return split.kept
    ? `${rows} outside the PACE population (${OUTSIDE_POPULATION_REASON}) ${n === 1 ? 'is' : 'are'} kept in the figures, as you asked.`
    : `${rows} left out of the figures: ${n === 1 ? 'the child' : 'the children'} ${OUTSIDE_POPULATION_REASON}, so ${n === 1 ? 'is' : 'are'} outside the PACE population. ${howToKeep}`;
}
