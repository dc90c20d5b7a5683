/**
 * The measures of one aim as of a date (cli-contract.md, "aims"): cohort,
 * completed intervals, waiting children, the monthly table and the run chart.
 *
 * Choices where the contract is silent (documented so every figure can be
 * re-derived by hand):
 * - An end date after the as-of date has not been reached yet: the child is
 *   treated as if the end milestone were blank (so may be waiting).
 * - An end date before the start date is a data error (the checks flag it,
 *   naming the aim). Counting it would flatter the figures (negative weeks,
 *   within target), so the child is in no figure: not completed, not within
 *   target, not in the median, the monthly table or the run chart, never
 *   waiting; it is listed in `excluded` with the reason instead.
 * - A child has ceased when the ceased date is usable and on or before the
 *   as-of date (for a month end: on or before that month end).
 * - Month ends are capped at the as-of date: the current month's "waiting at
 *   month end" is the count on the as-of date, because nothing after it is known.
 */
import type {
  AimDefinition,
  AimFilters,
  AimResult,
  ChildInterval,
  ChildRecord,
  DayNumber,
  DecodedDate,
  ExcludedChild,
  MonthlyRow,
  RunChart,
  SeriesPoint,
  TestOfChange,
  WaitingChild,
} from '../model';
import { ageInYears, dayFromIso, dayFromParts, isoFromDay, median, roundTo1, weeksFromDays, weeksToOneDecimal } from '../dates';
import { computeRunChart, runChartToJson } from '../runchart';

/** The readings that give a date the measures may use (pace-domain.md §2: placeholders and junk never count). */
const USABLE_READINGS: ReadonlySet<string> = new Set(['dateCell', 'serialNumber', 'text', 'textTwoDigitYear']);

/** The day of a decoded date when it may be used in measures, else null. */
export function usableDay(date: DecodedDate | undefined): DayNumber | null {
  if (!date || date.day === null || !USABLE_READINGS.has(date.reading)) return null;
  return date.day;
}

/**
 * isoFromDay with a memo: big sheets repeat the same few thousand days many
 * times over, and formatting a Date is the slowest step of the measures.
 */
const isoMemo = new Map<DayNumber, string>();
export function isoOf(day: DayNumber): string {
  let iso = isoMemo.get(day);
  if (iso === undefined) {
    iso = isoFromDay(day);
    if (isoMemo.size > 100_000) isoMemo.clear();
    isoMemo.set(day, iso);
  }
  return iso;
}

/** Percentage to one decimal, halves up; null when there is nothing to divide by. */
export function percentOf(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Math.round((part * 1000) / whole) / 10;
}

function matchesText(value: string | undefined, allowed: string[] | undefined): boolean {
  if (!allowed || allowed.length === 0) return true;
  if (value === undefined) return false;
  const v = value.trim().toLowerCase();
  return allowed.some((a) => a.trim().toLowerCase() === v);
}

/** Whether a child passes the aim's filters (age measured at the start milestone). */
export function passesFilters(record: ChildRecord, filters: AimFilters, startDay: DayNumber): boolean {
  if (!matchesText(record.text.route, filters.route)) return false;
  if (!matchesText(record.text.team, filters.team)) return false;
  if (!matchesText(record.text.placementType, filters.placementType)) return false;
  const age = filters.ageAtStart;
  if (age && (age.min !== undefined || age.max !== undefined)) {
    const birth = usableDay(record.dates.dateOfBirth);
    if (birth === null) return false;
    const years = ageInYears(birth, startDay);
    if (age.min !== undefined && years < age.min) return false;
    if (age.max !== undefined && years > age.max) return false;
  }
  return true;
}

/** One cohort child, with what the measures need (end = null when not reached by the as-of date). */
export interface CohortChild {
  record: ChildRecord;
  start: DayNumber;
  end: DayNumber | null;
  /** Ceased date when usable (any date; compare with the day in question). */
  ceased: DayNumber | null;
}

/**
 * The aim's cohort: respite rows out first (when excluded), start milestone
 * usable, on or after the "from" date and on or before the as-of date, filters passed.
 */
export function cohortOf(records: readonly ChildRecord[], aim: AimDefinition, asOf: DayNumber): CohortChild[] {
  const from = aim.cohortFrom ? dayFromIso(aim.cohortFrom) : null;
  const out: CohortChild[] = [];
  for (const record of records) {
    if (aim.excludeRespite && record.respite === true) continue;
    const start = usableDay(record.dates[aim.start]);
    if (start === null || start > asOf) continue;
    if (from !== null && start < from) continue;
    if (!passesFilters(record, aim.filters, start)) continue;
    const endDay = usableDay(record.dates[aim.end]);
    out.push({
      record,
      start,
      end: endDay !== null && endDay <= asOf ? endDay : null,
      ceased: usableDay(record.dates.ceasedDate),
    });
  }
  return out;
}

interface Completed {
  child: CohortChild;
  end: DayNumber;
  days: number;
}

function compareCompleted(a: Completed, b: Completed): number {
  return a.end - b.end || a.child.start - b.child.start || a.child.record.row - b.child.record.row;
}

/**
 * Sorts by end date, then start date, then row. Big cohorts sort one number
 * per child (end, start and row packed exactly below 2^53) instead of calling
 * a comparator a few hundred thousand times.
 */
export function sortCompleted(completed: Completed[]): Completed[] {
  const n = completed.length;
  if (n < 2) return completed;
  let minEnd = Infinity;
  let maxEnd = -Infinity;
  let minStart = Infinity;
  let maxStart = -Infinity;
  let maxRow = 0;
  let rowsAreIndices = true;
  for (const c of completed) {
    minEnd = Math.min(minEnd, c.end);
    maxEnd = Math.max(maxEnd, c.end);
    minStart = Math.min(minStart, c.child.start);
    maxStart = Math.max(maxStart, c.child.start);
    const row = c.child.record.row;
    if (!Number.isInteger(row) || row < 0) rowsAreIndices = false;
    maxRow = Math.max(maxRow, row);
  }
  const startSpan = maxStart - minStart + 1;
  const rowSpan = maxRow + 1;
  const fits = rowsAreIndices && rowSpan <= 4 * n + 1_048_576 && (maxEnd - minEnd + 1) * startSpan * rowSpan < Number.MAX_SAFE_INTEGER;
  // Rows identify children on a sheet; if two share one (hand-made data), fall back to the comparator.
  const byRow: (Completed | undefined)[] = fits ? new Array(rowSpan) : [];
  if (fits) {
    for (const c of completed) {
      if (byRow[c.child.record.row] !== undefined) return completed.sort(compareCompleted);
      byRow[c.child.record.row] = c;
    }
  } else {
    return completed.sort(compareCompleted);
  }
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = completed[i];
    keys[i] = ((c.end - minEnd) * startSpan + (c.child.start - minStart)) * rowSpan + c.child.record.row;
  }
  keys.sort();
  const sorted = new Array<Completed>(n);
  for (let k = 0; k < n; k++) sorted[k] = byRow[keys[k] % rowSpan] as Completed;
  return sorted;
}

function withinTargetDays(days: number, targetWeeks: number | null): boolean | null {
  return targetWeeks === null ? null : days <= 7 * targetWeeks;
}

/** Month keys (yyyy-mm) with their last days, from the month of `first` to the month of `last` inclusive. */
export function monthsBetween(first: DayNumber, last: DayNumber): { month: string; end: DayNumber }[] {
  const f = isoOf(first);
  const l = isoOf(last);
  let year = Number(f.slice(0, 4));
  let month = Number(f.slice(5, 7));
  const lastKey = Number(l.slice(0, 4)) * 12 + Number(l.slice(5, 7));
  const months: { month: string; end: DayNumber }[] = [];
  while (year * 12 + month <= lastKey) {
    const nextYear = month === 12 ? year + 1 : year;
    const nextMonth = month === 12 ? 1 : month + 1;
    months.push({ month: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`, end: dayFromParts(nextYear, nextMonth, 1) - 1 });
    year = nextYear;
    month = nextMonth;
  }
  return months;
}

/** Number of values in an ascending array that are <= x (binary search). */
function countAtMost(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * How many cohort children were waiting at each of the given days: started by
 * then, end milestone not reached by then, not ceased by then. A child waits
 * over [start, leave) where leave is the earlier of end and ceased (never
 * before start), so the count is #(start <= d) − #(leave <= d): two sorted
 * arrays and a binary search per day, no scan of every child per month.
 */
export function waitingCounts(cohort: readonly CohortChild[], days: readonly DayNumber[]): number[] {
  const starts = new Float64Array(cohort.length);
  const leaves = new Float64Array(cohort.length);
  let n = 0;
  let m = 0;
  for (const c of cohort) {
    starts[n++] = c.start;
    const stop = c.end === null ? c.ceased : c.ceased === null ? c.end : Math.min(c.end, c.ceased);
    if (stop !== null) leaves[m++] = Math.max(c.start, stop);
  }
  // Typed-array sort is numeric and much faster than sorting boxed numbers.
  const sortedStarts = starts.subarray(0, n).sort();
  const sortedLeaves = leaves.subarray(0, m).sort();
  return days.map((d) => countAtMost(sortedStarts, d) - countAtMost(sortedLeaves, d));
}

function runChartOf(completed: readonly Completed[], aim: AimDefinition): RunChart {
  const points: SeriesPoint[] = completed.map((c) => ({ date: isoOf(c.end), value: weeksFromDays(c.days) }));
  return computeRunChart(points, {
    baseline: aim.baseline,
    rephaseRun: aim.rephaseRun,
    direction: aim.direction,
    rules: aim.rules,
  });
}

function monthlyRows(completed: readonly Completed[], cohort: readonly CohortChild[], aim: AimDefinition, asOf: DayNumber): MonthlyRow[] {
  if (completed.length === 0) return [];
  const months = monthsBetween(completed[0].end, asOf);
  const waiting = waitingCounts(
    cohort,
    months.map((m) => Math.min(m.end, asOf)),
  );
  // `completed` is sorted by end date, so each month's children are one slice: a single sweep.
  let next = 0;
  return months.map((m, i) => {
    const first = next;
    while (next < completed.length && completed[next].end <= m.end) next++;
    const inMonth = completed.slice(first, next);
    const within = aim.targetWeeks === null ? 0 : inMonth.filter((c) => withinTargetDays(c.days, aim.targetWeeks)).length;
    const middle = median(inMonth.map((c) => weeksFromDays(c.days)));
    return {
      month: m.month,
      completed: inMonth.length,
      withinTarget: within,
      percentWithinTarget: aim.targetWeeks === null ? null : percentOf(within, inMonth.length),
      medianWeeks: middle === null ? null : roundTo1(middle),
      waitingAtMonthEnd: waiting[i],
    };
  });
}

/**
 * Every measure of an aim as of a day. `changes` (tests of change) do not
 * alter any figure; they are taken so callers can pass the aims file as it is.
 */
export const END_BEFORE_START = 'end date before start date';

export function measureAim(records: readonly ChildRecord[], aim: AimDefinition, asOf: DayNumber, _changes?: TestOfChange[]): AimResult {
  const cohort: CohortChild[] = [];
  const excluded: ExcludedChild[] = [];
  for (const c of cohortOf(records, aim, asOf)) {
    if (c.end !== null && c.end < c.start) {
      excluded.push({ childId: c.record.childId, row: c.record.row, reason: END_BEFORE_START, startDate: isoOf(c.start), endDate: isoOf(c.end) });
    } else {
      cohort.push(c);
    }
  }
  excluded.sort((a, b) => a.row - b.row);
  const completed: Completed[] = [];
  const waiting: CohortChild[] = [];
  for (const c of cohort) {
    if (c.end !== null) {
      completed.push({ child: c, end: c.end, days: c.end - c.start });
      continue;
    }
    if (c.ceased !== null && c.ceased <= asOf) continue;
    waiting.push(c);
  }
  const ordered = sortCompleted(completed);
  // Longest wait first = earliest start first; then row.
  waiting.sort((a, b) => a.start - b.start || a.record.row - b.record.row);
  const waitingChildren: WaitingChild[] = waiting.map((c) => {
    const days = asOf - c.start;
    return {
      childId: c.record.childId,
      row: c.record.row,
      startDate: isoOf(c.start),
      weeksWaiting: weeksToOneDecimal(days),
      beyondTarget: aim.targetWeeks !== null && days > 7 * aim.targetWeeks,
    };
  });

  const children: ChildInterval[] = ordered.map((c) => ({
    childId: c.child.record.childId,
    row: c.child.record.row,
    startDate: isoOf(c.child.start),
    endDate: isoOf(c.end),
    weeks: weeksToOneDecimal(c.days),
    withinTarget: withinTargetDays(c.days, aim.targetWeeks),
  }));
  const withinTarget = children.filter((c) => c.withinTarget === true).length;
  const medianWeeks = median(ordered.map((c) => weeksFromDays(c.days)));

  return {
    id: aim.id,
    name: aim.name,
    start: aim.start,
    end: aim.end,
    targetWeeks: aim.targetWeeks,
    targetPercent: aim.targetPercent,
    cohortFrom: aim.cohortFrom,
    completed: completed.length,
    withinTarget,
    percentWithinTarget: aim.targetWeeks === null ? null : percentOf(withinTarget, completed.length),
    medianWeeks: medianWeeks === null ? null : roundTo1(medianWeeks),
    waiting: waitingChildren.length,
    waitingBeyondTarget: waitingChildren.filter((w) => w.beyondTarget).length,
    monthly: monthlyRows(ordered, cohort, aim, asOf),
    children,
    waitingChildren,
    excluded,
    runChart: runChartOf(ordered, aim),
  };
}

/** The AIM object of the command line's JSON, keys in the contract's order. */
export function aimResultToJson(result: AimResult): Record<string, unknown> {
  return {
    id: result.id,
    name: result.name,
    start: result.start,
    end: result.end,
    targetWeeks: result.targetWeeks,
    targetPercent: result.targetPercent,
    cohortFrom: result.cohortFrom,
    completed: result.completed,
    withinTarget: result.withinTarget,
    percentWithinTarget: result.percentWithinTarget,
    medianWeeks: result.medianWeeks,
    waiting: result.waiting,
    waitingBeyondTarget: result.waitingBeyondTarget,
    monthly: result.monthly.map((m) => ({
      month: m.month,
      completed: m.completed,
      withinTarget: m.withinTarget,
      percentWithinTarget: m.percentWithinTarget,
      medianWeeks: m.medianWeeks,
      waitingAtMonthEnd: m.waitingAtMonthEnd,
    })),
    children: result.children.map((c) => ({
      childId: c.childId,
      row: c.row,
      startDate: c.startDate,
      endDate: c.endDate,
      weeks: c.weeks,
      withinTarget: c.withinTarget,
    })),
    waitingChildren: result.waitingChildren.map((w) => ({
      childId: w.childId,
      row: w.row,
      startDate: w.startDate,
      weeksWaiting: w.weeksWaiting,
    })),
    excluded: result.excluded.map((e) => ({ childId: e.childId, row: e.row, reason: e.reason })),
    runChart: runChartToJson(result.runChart),
  };
}
