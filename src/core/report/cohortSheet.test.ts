import type { CohortListResult } from '../model';
import { dayFromIso } from '../dates';
import { buildReportPlan } from './buildPlan';
import { planCohortSheet } from './cohortSheet';
import { cellValue, checkPlan, checkSheet } from '../../../test/support/planCheck';

const AS_OF = dayFromIso('2024-03-31') as number;

function result(overrides: Partial<CohortListResult> = {}): CohortListResult {
  return {
    id: 'aim1',
    name: 'Looked after at home for more than 2 years: peer review',
    months: 24,
    reviewMilestone: 'peerReview',
    count: 2,
    reviewed: 1,
    percentReviewed: 50,
    children: [
      { childId: 'E', row: 8, lookedAfterStart: '2019-06-01', weeksLookedAfter: 252.1, team: null, reviewDate: null },
      { childId: 'A', row: 4, lookedAfterStart: '2022-03-30', weeksLookedAfter: 104.6, team: 'North', reviewDate: '2023-05-01' },
    ],
    ...overrides,
  };
}

const ctx = { asOf: AS_OF, date1904: false, sourceSheet: 'Tracker', index: 5, tablePrefix: 'PACE_Aim5_', localLabels: new Map([['peerReview', 'Peer review']]) };

describe('planCohortSheet', () => {
  test('a table of the children with real dates, the headline figures and links back to their rows', () => {
    const sheet = planCohortSheet(result(), ctx);
    checkSheet(sheet);
    expect(sheet.name).toBe('PACE Aim 5 At home 24m+');
    expect(cellValue(sheet, 'A2')).toContain("Review dates are read from 'Peer review'.");
    expect(cellValue(sheet, 'A3')).toBe("As of 31/03/2024, from sheet 'Tracker'");
    expect([cellValue(sheet, 'A5'), cellValue(sheet, 'B5'), cellValue(sheet, 'C5')]).toEqual(['Children on the list', 'Reviewed', '% reviewed']);
    expect([cellValue(sheet, 'A6'), cellValue(sheet, 'B6'), cellValue(sheet, 'C6')]).toEqual([2, 1, 50]);
    expect(sheet.tables).toEqual([{ name: 'PACE_Aim5_Children', range: 'A8:F10', style: 'TableStyleMedium2' }]);
    // 01/06/2019 is serial 43617 in the 1900 date system; 01/05/2023 is 45047.
    expect(['A9', 'B9', 'C9', 'D9', 'E9', 'F9'].map((a) => cellValue(sheet, a))).toEqual(['E', 8, 43617, 252.1, '', null]);
    expect(cellValue(sheet, 'F10')).toBe(45047);
    expect(sheet.links[1]).toEqual({ cell: 'A10', target: "'Tracker'!A4", text: 'A', tooltip: "Go to row 4 on 'Tracker'" });
    expect(sheet.freezeRows).toBe(8);
  });

  test('without a review column: no review figures or column, and the sheet says why', () => {
    const sheet = planCohortSheet(result({ reviewMilestone: null, reviewed: null, percentReviewed: null }), ctx);
    checkSheet(sheet);
    expect(cellValue(sheet, 'B5')).toBeUndefined();
    expect(sheet.tables[0].range).toBe('A8:E10');
    expect(cellValue(sheet, 'A2')).toContain('The sheet has no review-date column for this list');
  });

  test('an empty list is a sentence, not an empty table', () => {
    const sheet = planCohortSheet(result({ count: 0, reviewed: 0, percentReviewed: null, children: [] }), ctx);
    checkSheet(sheet);
    expect(sheet.tables).toEqual([]);
    expect(cellValue(sheet, 'A8')).toBe('No child is on this list on 31/03/2024.');
  });
});

describe('buildReportPlan with cohort lists', () => {
  test('each list gets its own sheet after the aim sheets, numbered on from them', () => {
    const plan = buildReportPlan({ asOf: AS_OF, date1904: false, sourceSheet: 'Tracker', aims: [], stages: [], changes: [], cohorts: [result(), result({ id: 'b', months: 18 })] });
    checkPlan(plan);
    expect(plan.sheets.map((s) => s.name)).toEqual(['PACE Summary', 'PACE Aim 1 At home 24m+', 'PACE Aim 2 At home 18m+']);
  });
});
