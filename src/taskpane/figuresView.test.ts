/**
 * The view helpers for the population switch, month-first columns, the
 * title's as-of date and the cohort lists (issues 10.1, 10.5, 15.2, 15.4).
 */
import type { CohortListChild, CohortListResult } from '../core/model';
import type { MonthFirstColumn } from '../core/usecases/dateOrder';
import { PANE_KEEP_OUTSIDE } from '../core/usecases/session';
import {
  POPULATION_SWITCH_LABEL,
  cohortChildLine,
  cohortFigures,
  dateOrderWaiting,
  monthFirstMessage,
  problemTitle,
  titleAsOfOffer,
  unconfirmedDateColumns,
} from './view';

const column = (over: Partial<MonthFirstColumn> = {}): MonthFirstColumn => ({
  column: 'G',
  field: 'lookedAfterStart',
  header: 'Date LAC',
  monthFirstOnly: 3,
  ambiguous: 5,
  example: '04/23/2019',
  order: null,
  ...over,
});

describe('population switch', () => {
  it('the session’s note names the switch the pane shows, word for word', () => {
    expect(PANE_KEEP_OUTSIDE).toContain(`'${POPULATION_SWITCH_LABEL}'`);
  });
});

describe('monthFirstMessage', () => {
  it('quotes a date that only reads month first', () => {
    expect(monthFirstMessage(column())).toBe("Column G ('Date LAC') looks month/day/year, e.g. 04/23/2019.");
  });
  it('says the dates read either way when there is no example', () => {
    expect(monthFirstMessage(column({ example: null }))).toBe("Column G ('Date LAC') may be month/day/year: its dates read either way.");
  });
  it('says how a confirmed column is read', () => {
    expect(monthFirstMessage(column({ order: 'mdy' }))).toBe("Column G ('Date LAC') is read month first (month/day/year).");
    expect(monthFirstMessage(column({ order: 'dmy' }))).toBe("Column G ('Date LAC') is read day first (day/month/year).");
  });
});

describe('dateOrderWaiting', () => {
  it('names each column still waiting and where to confirm it', () => {
    const columns = [column(), column({ column: 'H', header: 'Date of panel', order: 'mdy' }), column({ column: 'J', header: 'Date of LO' })];
    expect(unconfirmedDateColumns(columns).map((c) => c.column)).toEqual(['G', 'J']);
    expect(dateOrderWaiting(columns)).toBe("Confirm the date order of columns G ('Date LAC') and J ('Date of LO') on the Sheet step.");
    expect(dateOrderWaiting([column()])).toBe("Confirm the date order of column G ('Date LAC') on the Sheet step.");
  });
  it('is null once every column is confirmed', () => {
    expect(dateOrderWaiting([column({ order: 'dmy' })])).toBeNull();
    expect(dateOrderWaiting([])).toBeNull();
  });
  it('titles the refusal in plain words', () => {
    expect(problemTitle('dateOrderUnconfirmed')).toBe('Confirm the date order first');
  });
});

describe('titleAsOfOffer', () => {
  const offer = { asOf: '2024-03-31', text: 'as at 31/03/2024', cell: 'A1' };
  it('offers the title’s date, in UK form, when it differs from the date in use', () => {
    expect(titleAsOfOffer(offer, '2024-06-30')).toEqual({ message: "The sheet's title says 'as at 31/03/2024'.", button: 'Use 31/03/2024', asOf: '2024-03-31' });
    expect(titleAsOfOffer(offer, '')).not.toBeNull();
  });
  it('offers nothing when the date is already in use or there is no title date', () => {
    expect(titleAsOfOffer(offer, '2024-03-31')).toBeNull();
    expect(titleAsOfOffer(null, '2024-03-31')).toBeNull();
  });
});

describe('cohort lists', () => {
  const child = (over: Partial<CohortListChild> = {}): CohortListChild => ({
    childId: '1234',
    row: 12,
    lookedAfterStart: '2021-01-04',
    weeksLookedAfter: 169,
    team: 'North',
    reviewDate: '2024-02-01',
    ...over,
  });
  const cohort = (over: Partial<CohortListResult> = {}): CohortListResult => ({
    id: 'at-home-over-2-years',
    name: 'Looked after at home for more than 2 years: peer review',
    months: 24,
    reviewMilestone: 'peerReview',
    count: 7,
    reviewed: 3,
    percentReviewed: 42.857,
    children: [],
    ...over,
  });
  it('puts a list’s figures on one line', () => {
    expect(cohortFigures(cohort())).toBe('7 children · 3 reviewed (43%)');
    expect(cohortFigures(cohort({ count: 1, reviewed: 0, percentReviewed: 0 }))).toBe('1 child · 0 reviewed (0%)');
  });
  it('leaves reviews out when the sheet has no review column', () => {
    expect(cohortFigures(cohort({ reviewMilestone: null, reviewed: null, percentReviewed: null }))).toBe('7 children');
  });
  it('shows a child by ID, weeks looked after, team and review date (dd/mm/yyyy)', () => {
    expect(cohortChildLine(child(), true)).toBe('ID 1234 · 169 weeks looked after · North · reviewed 01/02/2024');
    expect(cohortChildLine(child({ reviewDate: null }), true)).toBe('ID 1234 · 169 weeks looked after · North · not reviewed');
    expect(cohortChildLine(child({ reviewDate: null }), false)).toBe('ID 1234 · 169 weeks looked after · North');
  });
  it('falls back to the row when a child has no ID, and leaves out a missing team', () => {
    expect(cohortChildLine(child({ childId: null, team: null, weeksLookedAfter: 1200 }), false)).toBe('Row 12 (no ID) · 1,200 weeks looked after');
  });
});
