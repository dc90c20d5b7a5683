import { UserFacingError } from '../errors';
import { parseAimsFile } from './definition';

const KNOWN = ['lookedAfterStart', 'firstAccommodated', 'permanenceRecommendation', 'peerReview'];
const AIM = { id: 'aim2', start: 'firstAccommodated', end: 'permanenceRecommendation' };

function messageOf(json: unknown): string {
  try {
    parseAimsFile(json, KNOWN);
  } catch (err) {
    if (err instanceof UserFacingError && err.kind === 'badAims') return err.message;
    throw err;
  }
  throw new Error('expected the file to be refused');
}

describe('cohort lists in an aims file', () => {
  test('are kept as written, with only what was given', () => {
    const file = parseAimsFile({ aims: [AIM], cohorts: [{ id: 'aim1', name: ' At home 2 years ', months: 18, reviewMilestone: 'peerReview' }, { id: 'plain' }] }, KNOWN);
    expect(file.cohorts).toEqual([{ id: 'aim1', name: 'At home 2 years', months: 18, reviewMilestone: 'peerReview' }, { id: 'plain' }]);
  });
  test('an empty list is kept (no cohort lists at all), and no list means none was written', () => {
    expect(parseAimsFile({ aims: [AIM], cohorts: [] }, KNOWN).cohorts).toEqual([]);
    expect(parseAimsFile({ aims: [AIM] }, KNOWN).cohorts).toBeUndefined();
  });
  test.each([
    [{ cohorts: {} }, '"cohorts" in the aims file must be a list of cohort lists'],
    [{ cohorts: ['x'] }, 'Cohort list number 1 is not written as a cohort list'],
    [{ cohorts: [{ months: 24 }] }, 'Cohort list number 1 has no id.'],
    [{ cohorts: [{ id: 'aim2' }] }, "Cohort list 'aim2': another aim or cohort list already has the id 'aim2'."],
    [{ cohorts: [{ id: 'c', months: 0 }] }, `Cohort list 'c': "months" (0) must be a whole number of months, 1 or more`],
    [{ cohorts: [{ id: 'c', months: '24' }] }, `Cohort list 'c': "months" ('24') must be a whole number of months`],
    [{ cohorts: [{ id: 'c', months: 18.5 }] }, '"months" (18.5) must be a whole number'],
    [{ cohorts: [{ id: 'c', reviewMilestone: 'lacReview' }] }, "Cohort list 'c': the review date column 'lacReview' is not a date column on this sheet. Pick one of: lookedAfterStart"],
    [{ cohorts: [{ id: 'c', reviewMilestone: 3 }] }, '"reviewMilestone" must be the id of the date column holding the review date'],
    [{ cohorts: [{ id: 'c', month: 18 }] }, `Cohort list 'c': "month" is not something a cohort list can have. Use id, name, months, reviewMilestone.`],
  ])('refuses %j plainly', (extra, expected) => {
    expect(messageOf({ aims: [AIM], ...extra })).toContain(expected);
  });
});
