/**
 * "Children between milestones" (pace-domain.md §3): for each stage of the
 * journey, how many children still looked after have reached it and not the next.
 *
 * The stages follow the canonical journey:
 *   lookedAfterStart → firstAccommodated → permanenceRecommendation → panel
 *   → admDecision → courtApplication → legalPermanence.
 * lastAccommodated is left out: it is a re-accommodation within the episode,
 * not a step towards permanence. finalPlacement is left out: it may
 * legitimately come before the ADM decision or after legal permanence, so it
 * cannot mark a place on the line.
 * A child's stage is the furthest milestone along this line with a usable
 * date on or before the as-of date (gaps are skipped: a child at home with a
 * recommendation but no accommodation dates sits at the recommendation).
 * Children with none of these milestones are not counted.
 */
import type { ChildRecord, DayNumber, StageCount } from '../model';
import type { CanonicalFieldId } from '../fields';
import { FIELD_BY_ID, JOURNEY_MILESTONES } from '../fields';
import { usableDay } from './measures';

export const JOURNEY_STAGES: readonly CanonicalFieldId[] = JOURNEY_MILESTONES;

function shortLabel(id: CanonicalFieldId): string {
  return FIELD_BY_ID.get(id)?.shortLabel ?? id;
}

/**
 * The words shown for a stage, e.g. "Recommendation → Panel". The last stage
 * takes its milestone's full name ("Legal permanence secured", the
 * programme's own words: pace-domain.md §2 and the tracking template), rather
 * than "secured" added to whichever milestone is last.
 */
export function stageLabel(stage: CanonicalFieldId, next: CanonicalFieldId | null): string {
  return next === null ? `${FIELD_BY_ID.get(stage)?.label ?? shortLabel(stage)}, still looked after` : `${shortLabel(stage)} → ${shortLabel(next)}`;
}

/** Index in JOURNEY_STAGES of the furthest milestone reached by the as-of date, or -1. */
export function latestStageIndex(record: ChildRecord, asOf: DayNumber): number {
  for (let i = JOURNEY_STAGES.length - 1; i >= 0; i--) {
    const d = usableDay(record.dates[JOURNEY_STAGES[i]]);
    if (d !== null && d <= asOf) return i;
  }
  return -1;
}

/** Whether the child had ceased to be looked after by the as-of date. */
function hasCeased(record: ChildRecord, asOf: DayNumber): boolean {
  const ceased = usableDay(record.dates.ceasedDate);
  return ceased !== null && ceased <= asOf;
}

export function childrenBetweenMilestones(
  records: readonly ChildRecord[],
  asOf: DayNumber,
  options: { excludeRespite?: boolean } = {},
): StageCount[] {
  const excludeRespite = options.excludeRespite ?? true;
  const counts = JOURNEY_STAGES.map(() => 0);
  for (const record of records) {
    if (excludeRespite && record.respite === true) continue;
    if (hasCeased(record, asOf)) continue;
    const at = latestStageIndex(record, asOf);
    if (at >= 0) counts[at] += 1;
  }
  return JOURNEY_STAGES.map((stage, i) => {
    const next = i + 1 < JOURNEY_STAGES.length ? JOURNEY_STAGES[i + 1] : null;
    return { stage, next, label: stageLabel(stage, next), count: counts[i] };
  });
}
