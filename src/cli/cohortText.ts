/**
 * The command line's words for cohort lists (Highland aim 1 and the like):
 * one short block per list, UK dates, for people at a terminal.
 */
import type { CohortListResult } from '../core/model';
import { dayFromIso, ukFromDay } from '../core/dates';

function uk(iso: string): string {
  const day = dayFromIso(iso);
  return day === null ? iso : ukFromDay(day);
}

/** One line per list: how many, and how many reviewed when the sheet has the review column. */
export function cohortSummaryLine(c: CohortListResult): string {
  const reviewed = c.reviewed === null ? 'no review-date column on the sheet' : `${c.reviewed} reviewed (${c.percentReviewed ?? '–'}%)`;
  return `${c.name}: ${c.count} ${c.count === 1 ? 'child' : 'children'} looked after at home for more than ${c.months} months, ${reviewed}.`;
}

/** The lists with their children, longest looked after first. */
export function formatCohorts(cohorts: readonly CohortListResult[]): string {
  if (cohorts.length === 0) return '';
  const lines: string[] = [];
  for (const c of cohorts) {
    lines.push('', cohortSummaryLine(c));
    for (const child of c.children) {
      const review = c.reviewMilestone === null ? '' : `, review ${child.reviewDate === null ? 'none yet' : uk(child.reviewDate)}`;
      lines.push(`  ${(child.childId ?? `(row ${child.row})`).padEnd(12)} looked after since ${uk(child.lookedAfterStart)} (${child.weeksLookedAfter} weeks)${child.team ? `, ${child.team}` : ''}${review}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
