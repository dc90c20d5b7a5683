/**
 * Cohort lists: aims that are a list of children rather than a time between
 * two milestones. Highland's aim 1 (../shared/seeds/004_…): "100% of children
 * looked after at home for more than 2 years … will undergo a peer review".
 *
 * Who is on the list, as of a date (every choice here can be checked by hand):
 * - on the "remaining at home" route, or in a placement at home (placement type);
 * - became looked after more than `months` calendar months before the as-of
 *   date (strictly before the same day that many months earlier; a day that
 *   does not exist, 29/02 or 31/04, falls back to the month's last day);
 * - not ceased: no usable ceased date on or before the as-of date;
 * - not a respite row (a short break is not being looked after at home).
 * Reviewed: the review-date column is on the sheet and holds a usable date on
 * or after becoming looked after and on or before the as-of date.
 */
import type { ChildRecord, CohortListChild, CohortListDefinition, CohortListInput, CohortListResult, DayNumber } from '../model';
import { civilFromDay, dayFromParts, isoFromDay, weeksToOneDecimal } from '../dates';
import { routeKind } from '../checks/route';
import { percentOf, usableDay } from './measures';

export const DEFAULT_COHORT_MONTHS = 24;

/** The review milestone id the preset names; a sheet's "Peer review" column is read under it (see resolveReviewMilestone). */
export const PRESET_REVIEW_MILESTONE = 'peerReview';

/**
 * Highland aim 1 as a preset. No review column is required: without one the
 * list is still shown, just without the percentage reviewed.
 */
export const PRESET_COHORTS: CohortListInput[] = [
  {
    id: 'at-home-over-2-years',
    name: 'Looked after at home for more than 2 years: peer review',
    months: DEFAULT_COHORT_MONTHS,
    reviewMilestone: PRESET_REVIEW_MILESTONE,
  },
];

export function normaliseCohort(input: CohortListInput): CohortListDefinition {
  const months = input.months ?? DEFAULT_COHORT_MONTHS;
  const name = input.name && input.name.trim() !== '' ? input.name.trim() : `Looked after at home for more than ${months} months`;
  return { id: input.id, name, months, reviewMilestone: input.reviewMilestone ?? null };
}

/**
 * The review milestone to read on this sheet: the one named when the sheet
 * has it; for the preset's "peerReview", also a local column headed like
 * "Date of peer review"; otherwise none (the percentage reviewed is not shown).
 */
export function resolveReviewMilestone(named: string | null, fieldIds: readonly string[], localLabels: ReadonlyMap<string, string>): string | null {
  if (named === null) return null;
  if (fieldIds.includes(named)) return named;
  if (named !== PRESET_REVIEW_MILESTONE) return null;
  for (const [id, label] of localLabels) if (/\bpeer\s*reviews?\b/i.test(label)) return id;
  return null;
}

/**
 * A placement type meaning the child lives at home ("At home with parents",
 * "Home supervision", "Looked after at home"), not a children's, residential
 * or care home, and not foster, kinship or adoptive care.
 */
export function isAtHomePlacement(placementType: string | undefined): boolean {
  if (!placementType) return false;
  const text = placementType.toLowerCase().replace(/[^a-z]+/g, ' ').trim();
  if (/\b(children s|childrens|residential|care|respite|group|secure) homes?\b/.test(text)) return false;
  if (/\b(foster|kin|kinship|adopt|adopters|adoptive|residential|secure|away|respite|short break)\b/.test(text)) return false;
  return /\bhome\b|\bwith (birth )?parents?\b/.test(text);
}

/** The day `months` calendar months before a day (the last day of the month when that day does not exist). */
export function monthsBefore(day: DayNumber, months: number): DayNumber {
  const { year, month, day: dayOfMonth } = civilFromDay(day);
  const total = year * 12 + (month - 1) - months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const lastDay = civilFromDay(dayFromParts(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - 1).day;
  return dayFromParts(y, m, Math.min(dayOfMonth, lastDay));
}

/** True when the child is at home: the remaining-at-home route or a placement at home. */
export function isLookedAfterAtHome(record: ChildRecord): boolean {
  return routeKind(record.text.route) === 'home' || isAtHomePlacement(record.text.placementType);
}

/**
 * The list as of a day. `reviewMilestone` is the resolved milestone (null
 * when the sheet has no review column: reviewed and percentReviewed are null).
 */
export function measureCohort(
  records: readonly ChildRecord[],
  definition: CohortListDefinition,
  reviewMilestone: string | null,
  asOf: DayNumber,
): CohortListResult {
  const before = monthsBefore(asOf, definition.months);
  // A sheet has a handful of route and placement wordings over thousands of rows: each is judged once.
  const atHome = new Map<string, boolean>();
  const isAtHome = (record: ChildRecord): boolean => {
    const key = `${record.text.route ?? ''}\u0000${record.text.placementType ?? ''}`;
    let known = atHome.get(key);
    if (known === undefined) atHome.set(key, (known = isLookedAfterAtHome(record)));
    return known;
  };
  const listed: { child: CohortListChild; start: DayNumber; reviewed: boolean }[] = [];
  for (const record of records) {
    if (record.respite === true) continue;
    if (!isAtHome(record)) continue;
    const start = usableDay(record.dates.lookedAfterStart);
    if (start === null || start >= before) continue;
    const ceased = usableDay(record.dates.ceasedDate);
    if (ceased !== null && ceased <= asOf) continue;
    const review = reviewMilestone === null ? null : usableDay(record.dates[reviewMilestone]);
    const reviewOnTime = review !== null && review <= asOf ? review : null;
    listed.push({
      child: {
        childId: record.childId,
        row: record.row,
        lookedAfterStart: isoFromDay(start),
        weeksLookedAfter: weeksToOneDecimal(asOf - start),
        team: record.text.team ?? null,
        reviewDate: reviewOnTime === null ? null : isoFromDay(reviewOnTime),
      },
      start,
      reviewed: reviewOnTime !== null && reviewOnTime >= start,
    });
  }
  listed.sort((a, b) => a.start - b.start || a.child.row - b.child.row);
  const reviewed = reviewMilestone === null ? null : listed.filter((l) => l.reviewed).length;
  return {
    id: definition.id,
    name: definition.name,
    months: definition.months,
    reviewMilestone,
    count: listed.length,
    reviewed,
    percentReviewed: reviewed === null ? null : percentOf(reviewed, listed.length),
    children: listed.map((l) => l.child),
  };
}

/** The `aims --json` shape of one cohort list. */
export function cohortToJson(result: CohortListResult): CohortListResult {
  return {
    id: result.id,
    name: result.name,
    months: result.months,
    reviewMilestone: result.reviewMilestone,
    count: result.count,
    reviewed: result.reviewed,
    percentReviewed: result.percentReviewed,
    children: result.children.map((c) => ({ ...c })),
  };
}
