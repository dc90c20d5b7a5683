import { child, dayFromIso } from '../../../test/support/checks';
import { isAtHomePlacement, measureCohort, monthsBefore, normaliseCohort, resolveReviewMilestone } from './cohort';
import { isoFromDay } from '../dates';

const AS_OF = dayFromIso('2024-03-31');

/**
 * Hand-worked list as of 31/03/2024, 24 months: on it when looked after
 * before 31/03/2022 (exactly 24 months is not "more than").
 * Weeks: 30/03/2022 → 732 days = 104.6; 01/01/2020 → 1551 days = 221.6;
 * 01/06/2019 → 1765 days = 252.1; 31/03/2022 → 731 days = 104.4.
 */
function sheet() {
  return [
    child({ row: 4, childId: 'A', route: 'Remaining at home', text: { team: 'North' }, dates: { lookedAfterStart: '2022-03-30', peerReview: '2023-05-01' } }),
    child({ row: 5, childId: 'B', route: 'Remaining at home', dates: { lookedAfterStart: '2022-03-31' } }),
    child({ row: 6, childId: 'C', route: 'Fostering/Adoption', text: { placementType: 'At home with parents', team: 'South' }, dates: { lookedAfterStart: '2020-01-01', peerReview: '' } }),
    child({ row: 7, childId: 'D', route: 'Remaining at home', dates: { lookedAfterStart: '2019-06-01', ceasedDate: '2024-01-15' } }),
    child({ row: 8, childId: 'E', route: 'Home', dates: { lookedAfterStart: '2019-06-01', ceasedDate: '2024-04-15', peerReview: '2019-01-01' } }),
    child({ row: 9, childId: 'F', route: 'Rehabilitation home', text: { placementType: 'Foster care' }, dates: { lookedAfterStart: '2019-06-01' } }),
    child({ row: 10, childId: 'G', route: 'Remaining at home', respite: true, dates: { lookedAfterStart: '2019-06-01' } }),
    child({ row: 11, childId: 'H', route: 'Kinship', text: { placementType: "Children's home" }, dates: { lookedAfterStart: '2019-06-01' } }),
    child({ row: 12, childId: 'I', route: 'Remaining at home', dates: { lookedAfterStart: 'tbc' } }),
  ];
}

describe('measureCohort', () => {
  test('lists the children at home for more than 24 months, longest first, with the review dates', () => {
    const result = measureCohort(sheet(), normaliseCohort({ id: 'aim1', months: 24, reviewMilestone: 'peerReview' }), 'peerReview', AS_OF);
    expect(result).toEqual({
      id: 'aim1',
      name: 'Looked after at home for more than 24 months',
      months: 24,
      reviewMilestone: 'peerReview',
      count: 3,
      // A is reviewed; E's review date is before becoming looked after, so it does not count; C has none.
      reviewed: 1,
      percentReviewed: 33.3,
      children: [
        { childId: 'E', row: 8, lookedAfterStart: '2019-06-01', weeksLookedAfter: 252.1, team: null, reviewDate: '2019-01-01' },
        { childId: 'C', row: 6, lookedAfterStart: '2020-01-01', weeksLookedAfter: 221.6, team: 'South', reviewDate: null },
        { childId: 'A', row: 4, lookedAfterStart: '2022-03-30', weeksLookedAfter: 104.6, team: 'North', reviewDate: '2023-05-01' },
      ],
    });
  });

  test('18 months takes in the child at exactly 24 months too', () => {
    const result = measureCohort(sheet(), normaliseCohort({ id: 'aim1', months: 18 }), null, AS_OF);
    expect(result.children.map((c) => c.childId)).toEqual(['E', 'C', 'A', 'B']);
    expect(result.children[3].weeksLookedAfter).toBe(104.4);
  });

  test('without a review column, nothing is said about reviews', () => {
    const result = measureCohort(sheet(), normaliseCohort({ id: 'aim1' }), null, AS_OF);
    expect(result).toMatchObject({ months: 24, count: 3, reviewed: null, percentReviewed: null, reviewMilestone: null });
    expect(result.children.every((c) => c.reviewDate === null)).toBe(true);
  });

  test('a review dated after the as-of date has not happened yet', () => {
    const records = [child({ row: 4, route: 'Remaining at home', dates: { lookedAfterStart: '2020-01-01', peerReview: '2024-04-02' } })];
    const result = measureCohort(records, normaliseCohort({ id: 'x' }), 'peerReview', AS_OF);
    expect(result).toMatchObject({ count: 1, reviewed: 0, percentReviewed: 0 });
    expect(result.children[0].reviewDate).toBeNull();
  });

  test('an empty list has no percentage', () => {
    expect(measureCohort([], normaliseCohort({ id: 'x' }), 'peerReview', AS_OF)).toMatchObject({ count: 0, reviewed: 0, percentReviewed: null });
  });
});

describe('monthsBefore', () => {
  test.each([
    ['2024-03-31', 24, '2022-03-31'],
    ['2024-03-31', 1, '2024-02-29'],
    ['2024-05-31', 3, '2024-02-29'],
    ['2023-01-15', 13, '2021-12-15'],
    ['2024-02-29', 12, '2023-02-28'],
  ])('%s less %i months is %s', (from, months, expected) => {
    expect(isoFromDay(monthsBefore(dayFromIso(from), months))).toBe(expected);
  });
});

describe('isAtHomePlacement', () => {
  test.each([
    ['At home with parents', true],
    ['Home supervision', true],
    ['Looked after at home', true],
    ['With parent', true],
    ["Children's home", false],
    ['Residential home', false],
    ['Foster care', false],
    ['Kinship care (at home of relative)', false],
    ['Prospective adopters', false],
    ['Away from home', false],
    ['', false],
  ])('%s → %s', (text, expected) => {
    expect(isAtHomePlacement(text)).toBe(expected);
  });
});

describe('resolveReviewMilestone', () => {
  const labels = new Map([['dateOfPeerReview', 'Date of peer review']]);
  test('the named milestone when the sheet has it; the preset finds a "peer review" column by its heading', () => {
    expect(resolveReviewMilestone('dateOfPeerReview', ['lookedAfterStart', 'dateOfPeerReview'], labels)).toBe('dateOfPeerReview');
    expect(resolveReviewMilestone('peerReview', ['lookedAfterStart', 'dateOfPeerReview'], labels)).toBe('dateOfPeerReview');
    expect(resolveReviewMilestone('peerReview', ['lookedAfterStart'], new Map())).toBeNull();
    expect(resolveReviewMilestone('otherReview', ['lookedAfterStart', 'dateOfPeerReview'], labels)).toBeNull();
    expect(resolveReviewMilestone(null, ['peerReview'], labels)).toBeNull();
  });
});
