/** Plain words for the More step (timelines and comparing with last month). */
import type { CompareSummary, ReportSummary, TimelineGroup, TimelineWritten } from '../core/usecases/types';
import { children, ukDate } from './view';
import { leftOutOfLastText } from '../core/compare/compare';

/** "Wrote 'PACE Timeline North': 12 children, aligned by calendar date, on 1 chart." */
export function timelineDoneText(w: TimelineWritten): string {
  const align = w.align === 'start' ? 'aligned by weeks since each child became looked after' : 'on a calendar time axis';
  const charts = w.charts === 1 ? 'one chart' : `${w.charts} charts (up to 50 children each)`;
  // "3 children (3 children)" says nothing twice: the subject only when it adds something.
  const who = w.subject === children(w.children) ? children(w.children) : `${children(w.children)} (${w.subject})`;
  const drawn = w.childrenWithPlacements === 0 ? ` The sheet '${w.placementsSheet}' has no placements for these children.` : ` Placements from the sheet '${w.placementsSheet}' are drawn under each child’s bar.`;
  const placements = w.placementsSheet
    ? drawn +
      (w.placementRowsLeftOut ? ` ${w.placementRowsLeftOut === 1 ? '1 row of it' : `${w.placementRowsLeftOut} rows of it`} could not be read and ${w.placementRowsLeftOut === 1 ? 'is' : 'are'} listed on the timeline sheet.` : '')
    : '';
  return `Wrote the sheet '${w.sheet}': ${who}, ${align}, as ${charts} with a table of each stage beside it.${placements} Running it again for the same children replaces this sheet.`;
}

/** A group's value as offered in the list: "North (12 children)". */
export function groupValueLabel(value: { value: string; children: number }): string {
  return `${value.value} (${children(value.children)})`;
}

/** The group to show first: the team when the sheet has one, else the first offered. */
export function defaultGroup(groups: readonly TimelineGroup[]): TimelineGroup | null {
  return groups.find((g) => g.column === 'team') ?? groups[0] ?? null;
}

/** The headline after comparing: what was compared and how many changes, in one sentence. */
export function compareDoneText(s: CompareSummary): string {
  const by = s.matchedBy === 'pseudonym' ? 'matched by pseudonym' : 'matched by child ID';
  const changes = s.total === 0 ? 'no changes: every child and every date is as it was' : `${s.total === 1 ? '1 change' : `${s.total} changes`}, ${s.toCheck.length} to check`;
  const leftOut = s.leftOutOfLast > 0 ? ` ${leftOutOfLastText(s.leftOutOfLast)}` : '';
  return `Compared with ${s.lastName} (as of ${ukDate(s.lastAsOf)}): ${children(s.matched)} in both months, ${by}; ${changes}.${leftOut} Wrote the sheet '${s.sheet}' with every change listed and a link to each cell.`;
}

/** Only the kinds that happened, for the list of counts ("Dates changed since last month: 3"). */
export function shownCounts(s: CompareSummary): { title: string; count: number }[] {
  return s.counts.filter((c) => c.count > 0).map((c) => ({ title: c.title, count: c.count }));
}

/** After a report with last month's points: whose points, as of when, and how many children were matched. */
export function lastMonthDoneText(last: NonNullable<ReportSummary['lastMonth']>): string {
  const by = last.matchedBy === 'pseudonym' ? 'matched by pseudonym' : 'matched by child ID';
  return `Last month's points from ${last.name} (as of ${ukDate(last.asOf)}) are drawn as grey discs on each run chart: ${children(last.matched)} ${by}. Points that moved are listed on each aim sheet.`;
}
