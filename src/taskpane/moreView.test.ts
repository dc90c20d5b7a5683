import { compareDoneText, defaultGroup, groupValueLabel, lastMonthDoneText, shownCounts, timelineDoneText } from './moreView';
import type { CompareSummary } from '../core/usecases/types';

const summary = (over: Partial<CompareSummary> = {}): CompareSummary => ({
  sheet: 'PACE Changes',
  lastName: 'March.xlsx',
  lastAsOf: '2024-03-31',
  matched: 40,
  matchedBy: 'childId',
  counts: [
    { kind: 'added', title: 'Children added', count: 2 },
    { kind: 'vanished', title: 'Children gone without a ceased date', count: 0 },
    { kind: 'dateChanged', title: 'Dates changed since last month', count: 3 },
  ],
  total: 5,
  toCheck: [{ childId: 'C1', cell: 'F4', severity: 'warning', message: 'moved' }],
  notCompared: [],
  leftOutOfLast: 0,
  ...over,
});

describe('timelineDoneText', () => {
  it('says the sheet, how many children, the alignment and the charts', () => {
    const text = timelineDoneText({ sheet: 'PACE Timeline North', children: 12, subject: 'team North', align: 'calendar', charts: 1 });
    expect(text).toBe(
      "Wrote the sheet 'PACE Timeline North': 12 children (team North), on a calendar time axis, as one chart with a table of each stage beside it. Running it again for the same children replaces this sheet.",
    );
  });
  it('does not say the number of children twice when that is the whole subject', () => {
    const text = timelineDoneText({ sheet: 'PACE Timeline 3 children', children: 3, subject: '3 children', align: 'calendar', charts: 1 });
    expect(text).toContain("Wrote the sheet 'PACE Timeline 3 children': 3 children, on a calendar");
  });
  it('says where the placements came from, and the rows that could not be read', () => {
    const w = { sheet: 'PACE Timeline 2 children', children: 2, subject: '2 children', align: 'calendar' as const, charts: 1, placementsSheet: 'Placements' };
    expect(timelineDoneText({ ...w, childrenWithPlacements: 2, placementRowsLeftOut: 3 })).toContain(
      "Placements from the sheet 'Placements' are drawn under each child’s bar. 3 rows of it could not be read and are listed on the timeline sheet.",
    );
    expect(timelineDoneText({ ...w, childrenWithPlacements: 0, placementRowsLeftOut: 0 })).toContain("The sheet 'Placements' has no placements for these children.");
    expect(timelineDoneText({ ...w, placementsSheet: null })).not.toContain('lacement');
  });
  it('names alignment by start and several charts', () => {
    const text = timelineDoneText({ sheet: 'PACE Timeline x', children: 60, subject: 'route Adoption', align: 'start', charts: 2 });
    expect(text).toContain('aligned by weeks since each child became looked after');
    expect(text).toContain('as 2 charts (up to 50 children each)');
  });
});

describe('groups', () => {
  it('labels a value with its children', () => {
    expect(groupValueLabel({ value: 'North', children: 1 })).toBe('North (1 child)');
    expect(groupValueLabel({ value: 'South', children: 3 })).toBe('South (3 children)');
  });
  it('offers the team first when there is one', () => {
    const route = { column: 'route', label: 'Route', values: [] };
    const team = { column: 'team', label: 'Team', values: [] };
    expect(defaultGroup([route, team])).toBe(team);
    expect(defaultGroup([route])).toBe(route);
    expect(defaultGroup([])).toBeNull();
  });
});

describe('compare texts', () => {
  it('says what was compared, how matched, and the counts in UK dates', () => {
    expect(compareDoneText(summary())).toBe(
      "Compared with March.xlsx (as of 31/03/2024): 40 children in both months, matched by child ID; 5 changes, 1 to check. Wrote the sheet 'PACE Changes' with every change listed and a link to each cell.",
    );
  });
  it('says plainly when nothing changed', () => {
    expect(compareDoneText(summary({ total: 0, toCheck: [], matchedBy: 'pseudonym' }))).toContain('matched by pseudonym; no changes');
  });
  it('lists only the kinds that happened', () => {
    expect(shownCounts(summary())).toEqual([
      { title: 'Children added', count: 2 },
      { title: 'Dates changed since last month', count: 3 },
    ]);
  });
});

describe('compareDoneText: a submission copy that left children out', () => {
  it('says how many were not in the copy and why they are not called added', () => {
    expect(compareDoneText(summary({ matchedBy: 'pseudonym', leftOutOfLast: 2 }))).toContain(
      "2 children outside the PACE population are not in last month's submission copy (a copy leaves them out), so not listed as added.",
    );
    expect(compareDoneText(summary())).not.toContain('submission copy');
  });
});

describe('lastMonthDoneText', () => {
  it('names the file, its as-of date (UK), the children matched and how', () => {
    expect(lastMonthDoneText({ name: 'February.xlsx', asOf: '2024-02-29', matched: 1, matchedBy: 'pseudonym' })).toBe(
      "Last month's points from February.xlsx (as of 29/02/2024) are drawn as grey discs on each run chart: 1 child matched by pseudonym. Points that moved are listed on each aim sheet.",
    );
    expect(lastMonthDoneText({ name: 'x.xlsx', asOf: '2024-02-29', matched: 40, matchedBy: 'childId' })).toContain('40 children matched by child ID');
  });
});
