/**
 * Last month's run-chart points, for drawing beside this month's on the aim
 * sheets: a date changed after submission moves a point, and seen side by
 * side the moved point stands apart. Each aim is measured on last month's
 * rows as last month's report did (its own as-of date and population), and
 * each child's point is found by the matching the comparison uses.
 */
import type { AimDefinition, AimResult, ChildRecord, DayNumber } from '../model';
import { measureAim } from '../aims/measures';
import { splitPopulation } from '../population';
import type { ChildMatching } from './matching';

/** A matched child: this month's row, and last month's weeks on one aim (null: in last month's file, but not a point on that chart). */
export interface LastMonthPoint {
  row: number;
  weeks: number | null;
}

/** By this month's child ID. */
export type LastMonthWeeks = ReadonlyMap<string, LastMonthPoint>;

/** Two weeks values are one point when they differ by less than this (the same two dates give the same value). */
const SAME_WEEKS = 1e-9;

export function sameWeeks(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) < SAME_WEEKS;
}

/** Each last-month child's weeks on this aim, by last month's ID (first row of a duplicated ID, as the comparison does). */
function weeksByLastId(result: AimResult): Map<string, number> {
  const weeks = new Map<string, number>();
  result.children.forEach((c, i) => {
    if (c.childId !== null && !weeks.has(c.childId)) weeks.set(c.childId, result.runChart.points[i].value);
  });
  return weeks;
}

/**
 * For each aim (in order), every child of this month found in last month's
 * file, by this month's ID, with last month's weeks on that aim's run chart.
 * Children not found last month are absent.
 */
export function lastMonthWeeks(
  lastRecords: readonly ChildRecord[],
  nowRecords: readonly ChildRecord[],
  aims: readonly AimDefinition[],
  lastAsOf: DayNumber,
  matching: Pick<ChildMatching, 'lastIdOf'>,
  includeOutsidePopulation = false,
): LastMonthWeeks[] {
  const lastIds = new Set(lastRecords.map((r) => r.childId).filter((id): id is string => id !== null));
  const lastIdOf = matching.lastIdOf ?? ((id: string) => id);
  const matched = new Map<string, { lastId: string; row: number }>();
  for (const r of nowRecords) {
    if (r.childId === null || matched.has(r.childId)) continue;
    const lastId = lastIdOf(r.childId);
    if (lastId !== undefined && lastIds.has(lastId)) matched.set(r.childId, { lastId, row: r.row });
  }
  const population = splitPopulation(lastRecords, lastAsOf, includeOutsidePopulation).records;
  return aims.map((aim) => {
    const byLastId = weeksByLastId(measureAim(population, aim, lastAsOf));
    const weeks = new Map<string, LastMonthPoint>();
    for (const [id, { lastId, row }] of matched) weeks.set(id, { row, weeks: byLastId.get(lastId) ?? null });
    return weeks;
  });
}
