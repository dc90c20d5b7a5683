/**
 * One child's journey to permanence as stages between the milestones reached:
 * what the programme's timelines showed teams ("it was two children we looked
 * at timelines for … that totally shocked people"). Pure: the report plan
 * turns journeys into a stacked-bar chart (src/core/report/timelineSheet.ts).
 */
import type { AimDefinition, ChildRecord, DayNumber } from '../model';
import { ageInYears, isDateReading, roundTo1, weeksBetween } from '../dates';
import { isHomeRoute, routeKind } from '../checks/route';
import { JOURNEY_MILESTONES } from '../fields';

export { JOURNEY_MILESTONES };

export type JourneyMilestone = (typeof JOURNEY_MILESTONES)[number];

/** Milestones a child remaining at (or rehabilitated) home does not have: not gaps for them. */
const NOT_ON_HOME_ROUTE: ReadonlySet<JourneyMilestone> = new Set(['firstAccommodated', 'panel', 'admDecision', 'courtApplication']);

export interface JourneyStage {
  from: JourneyMilestone;
  /** The milestone that ends the stage; for an open stage, the one the child is waiting for. */
  to: JourneyMilestone;
  start: DayNumber;
  /** The as-of date for an open stage. */
  end: DayNumber;
  /** Exact weeks (days / 7); shown to one decimal. */
  weeks: number;
  /** Still waiting at the as-of date. */
  open: boolean;
  /** Milestones expected between from and to that were not recorded (a gap). */
  notRecorded: JourneyMilestone[];
  /** The target of the aim that measures this stage (from → to), if any. */
  targetWeeks: number | null;
  overTarget: boolean;
}

export interface JourneyMilestoneDate {
  field: JourneyMilestone;
  day: DayNumber;
  /** Whole years at the milestone; null without a date of birth. */
  age: number | null;
}

export interface Journey {
  childId: string | null;
  row: number;
  dateOfBirth: DayNumber | null;
  milestones: JourneyMilestoneDate[];
  stages: JourneyStage[];
  /** Milestones dated before an earlier one (the check reports them): not drawn. */
  leftOut: { field: JourneyMilestone; reason: string }[];
  /** First milestone reached (becoming looked after, or first accommodated when that is blank). */
  start: DayNumber | null;
  /** Legal permanence, the date ceased, or the as-of date. */
  end: DayNumber | null;
  ceased: DayNumber | null;
  team: string | null;
  route: string | null;
}

function trustedDay(record: ChildRecord, field: string): DayNumber | null {
  const d = record.dates[field];
  return d && d.day !== null && isDateReading(d.reading) ? d.day : null;
}

/** The aim that measures from → to, for its target: the first such aim with a target. */
function targetFor(aims: readonly AimDefinition[], from: string, to: string): number | null {
  return aims.find((a) => a.start === from && a.end === to && a.targetWeeks !== null)?.targetWeeks ?? null;
}

function stage(from: JourneyMilestone, to: JourneyMilestone, start: DayNumber, end: DayNumber, open: boolean, notRecorded: JourneyMilestone[], aims: readonly AimDefinition[]): JourneyStage {
  const weeks = weeksBetween(start, end);
  const targetWeeks = targetFor(aims, from, to);
  return { from, to, start, end, weeks, open, notRecorded, targetWeeks, overTarget: targetWeeks !== null && end - start > targetWeeks * 7 };
}

/**
 * A child's stages as of a date: between each two milestones reached, in
 * journey order (a milestone dated before the one before it is left out, and
 * said why); then, while the child still waits and is looked after, an open
 * stage to the as-of date towards the next expected milestone.
 */
export function childJourney(record: ChildRecord, asOf: DayNumber, aims: readonly AimDefinition[] = []): Journey {
  const home = isHomeRoute(routeKind(record.text.route));
  const dob = trustedDay(record, 'dateOfBirth');
  const ceasedDay = trustedDay(record, 'ceasedDate');
  const ceased = ceasedDay !== null && ceasedDay <= asOf ? ceasedDay : null;
  const milestones: JourneyMilestoneDate[] = [];
  const leftOut: Journey['leftOut'] = [];
  for (const field of JOURNEY_MILESTONES) {
    const day = trustedDay(record, field);
    if (day === null || day > asOf) continue;
    const previous = milestones[milestones.length - 1];
    if (previous && day < previous.day) {
      leftOut.push({ field, reason: `dated before ${previous.field}` });
      continue;
    }
    milestones.push({ field, day, age: dob === null || day < dob ? null : ageInYears(dob, day) });
  }
  const expectedBetween = (from: JourneyMilestone, to: JourneyMilestone): JourneyMilestone[] => {
    const a = JOURNEY_MILESTONES.indexOf(from);
    const b = JOURNEY_MILESTONES.indexOf(to);
    return JOURNEY_MILESTONES.slice(a + 1, b).filter((m) => !(home && NOT_ON_HOME_ROUTE.has(m)) && !leftOut.some((l) => l.field === m));
  };
  const stages: JourneyStage[] = [];
  for (let i = 1; i < milestones.length; i++) {
    const from = milestones[i - 1];
    const to = milestones[i];
    stages.push(stage(from.field, to.field, from.day, to.day, false, expectedBetween(from.field, to.field), aims));
  }
  const last = milestones[milestones.length - 1];
  const permanent = last?.field === 'legalPermanence';
  if (last && !permanent && ceased === null) {
    const next = JOURNEY_MILESTONES.slice(JOURNEY_MILESTONES.indexOf(last.field) + 1).find((m) => !(home && NOT_ON_HOME_ROUTE.has(m))) ?? 'legalPermanence';
    stages.push(stage(last.field, next, last.day, asOf, true, [], aims));
  }
  return {
    childId: record.childId,
    row: record.row,
    dateOfBirth: dob,
    milestones,
    stages,
    leftOut,
    start: milestones[0]?.day ?? null,
    end: last ? (permanent ? last.day : ceased ?? asOf) : null,
    ceased,
    team: record.text.team ?? null,
    route: record.text.route ?? null,
  };
}

/** A stage as JSON (the figures a data lead can check against the sheet). */
export function stageToJson(s: JourneyStage, iso: (day: DayNumber) => string): Record<string, unknown> {
  return {
    from: s.from,
    to: s.to,
    start: iso(s.start),
    end: iso(s.end),
    weeks: roundTo1(s.weeks),
    open: s.open,
    notRecorded: s.notRecorded,
    targetWeeks: s.targetWeeks,
    overTarget: s.overTarget,
  };
}

/**
 * For the report: the children waiting longest at each stage (top N per
 * stage by weeks waited, ties by row), in sheet order.
 */
export function longestWaiting(records: readonly ChildRecord[], asOf: DayNumber, aims: readonly AimDefinition[], perStage = 10): Journey[] {
  const waiting = records.map((r) => childJourney(r, asOf, aims)).filter((j) => j.stages.some((s) => s.open));
  const openOf = (j: Journey) => j.stages.find((s) => s.open) as JourneyStage;
  const byStage = new Map<string, Journey[]>();
  for (const j of waiting) byStage.set(openOf(j).to, [...(byStage.get(openOf(j).to) ?? []), j]);
  const chosen = new Set<Journey>();
  for (const list of byStage.values()) {
    [...list].sort((a, b) => openOf(b).weeks - openOf(a).weeks || a.row - b.row).slice(0, perStage).forEach((j) => chosen.add(j));
  }
  return waiting.filter((j) => chosen.has(j));
}
