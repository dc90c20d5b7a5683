import type { PlannedSheet, ReportPlan, SheetRole } from './plan';
import { ownershipComment, planKind, readOwnershipComment, replacedByPlan, stillOursUnder } from './ownership';

const sheet = (name: string, role: SheetRole): PlannedSheet => ({ name, role, blocks: [], tables: [], links: [], charts: [], columnWidths: [], freezeRows: 0 });
const report: ReportPlan = {
  asOf: '2024-03-31',
  sheets: [sheet('PACE Summary', 'summary'), sheet('PACE Issues', 'issues'), sheet('PACE Aim 1', 'aim'), sheet('PACE Timeline longest waits', 'timeline')],
  replaceEarlierReport: true,
};
const timeline: ReportPlan = { asOf: '2024-03-31', sheets: [sheet('PACE Timeline Team North', 'timeline')], replaceEarlierReport: false, kind: 'timeline' };
const changes: ReportPlan = { asOf: '2024-03-31', sheets: [sheet('PACE Changes', 'changes')], replaceEarlierReport: false, kind: 'changes' };
const issuesOnly: ReportPlan = { asOf: '2024-03-31', sheets: [sheet('PACE Issues', 'issues')], replaceEarlierReport: false };

describe('sheet kinds', () => {
  it('are the plan\'s: a report (with its own longest-waits timeline) unless the plan says timeline or changes', () => {
    expect(planKind(report)).toBe('report');
    expect(planKind(timeline)).toBe('timeline');
    expect(planKind(changes)).toBe('changes');
  });
});

describe('the mark\'s comment', () => {
  it('says the kind and the name written, and reads back', () => {
    expect(ownershipComment('PACE Changes', 'changes')).toBe('PACE Permanence Tracker changes sheet, written as: PACE Changes');
    expect(readOwnershipComment(ownershipComment("It's a timeline", 'timeline'))).toEqual({ kind: 'timeline', writtenAs: "It's a timeline" });
    // A sheet name may hold the comment's own words.
    expect(readOwnershipComment(ownershipComment('A sheet, written as: B', 'report'))).toEqual({ kind: 'report', writtenAs: 'A sheet, written as: B' });
  });

  it('fits Excel\'s 255 characters with the longest kind and sheet name', () => {
    expect(ownershipComment('x'.repeat(31), 'timeline').length).toBeLessThanOrEqual(255);
  });

  it('reads marks written before kinds existed as report sheets (the add-in\'s said "report sheet"; the command line\'s had no comment)', () => {
    expect(readOwnershipComment('PACE Permanence Tracker report sheet, written as: PACE Timeline Team North')).toEqual({ kind: 'report', writtenAs: 'PACE Timeline Team North' });
    expect(readOwnershipComment(null)).toEqual({ kind: 'report', writtenAs: null });
    expect(readOwnershipComment('')).toEqual({ kind: 'report', writtenAs: null });
    expect(readOwnershipComment('a note someone wrote')).toEqual({ kind: 'report', writtenAs: null });
    expect(readOwnershipComment('PACE Permanence Tracker chart sheet, written as: X')).toEqual({ kind: 'report', writtenAs: null });
  });

  it('owns a sheet still under the name it was written as (any case); a renamed one is the user\'s', () => {
    expect(stillOursUnder('pace summary', { kind: 'report', writtenAs: 'PACE Summary' })).toBe(true);
    expect(stillOursUnder('Summary March', { kind: 'report', writtenAs: 'PACE Summary' })).toBe(false);
    expect(stillOursUnder('Anything', { kind: 'report', writtenAs: null })).toBe(true);
  });
});

describe('replacedByPlan', () => {
  const ours = [
    { name: 'PACE Summary', kind: 'report' as const },
    { name: 'PACE Aim 4', kind: 'report' as const },
    { name: 'PACE Timeline longest waits', kind: 'report' as const },
    { name: 'PACE Timeline Team North', kind: 'timeline' as const },
    { name: 'PACE Timeline Team South', kind: 'timeline' as const },
    { name: 'PACE Changes', kind: 'changes' as const },
  ];
  const replaced = (plan: ReportPlan) => ours.filter((s) => replacedByPlan(plan, s)).map((s) => s.name);

  it('a full report replaces every report sheet (even an aim it no longer has) and keeps timelines and changes', () => {
    expect(replaced(report)).toEqual(['PACE Summary', 'PACE Aim 4', 'PACE Timeline longest waits']);
  });

  it('a timeline replaces only the timeline of the same subject', () => {
    expect(replaced(timeline)).toEqual(['PACE Timeline Team North']);
  });

  it('a comparison replaces only the changes sheet', () => {
    expect(replaced(changes)).toEqual(['PACE Changes']);
  });

  it('the issues sheet alone replaces only the issues sheet', () => {
    expect(replacedByPlan(issuesOnly, { name: 'pace issues', kind: 'report' })).toBe(true);
    expect(replaced(issuesOnly)).toEqual([]);
  });

  it('a sheet from before kinds (read as report) written again under its name is replaced, not duplicated', () => {
    expect(replacedByPlan(timeline, { name: 'PACE Timeline Team North', kind: 'report' })).toBe(true);
  });
});
