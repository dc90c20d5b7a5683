import { child, day } from '../../../test/support/aims';
import { PRESET_AIMS, normaliseAim } from '../aims/definition';
import { childJourney, longestWaiting } from './journey';

const AIMS = PRESET_AIMS.map((a) => normaliseAim(a));
const AS_OF = day('2024-03-31');

function summary(j: ReturnType<typeof childJourney>) {
  return j.stages.map((s) => ({ from: s.from, to: s.to, days: s.end - s.start, open: s.open, over: s.overTarget, notRecorded: s.notRecorded }));
}

describe('childJourney', () => {
  it('makes a stage between each two milestones reached, and names a gap', () => {
    const j = childJourney(
      child({
        row: 5,
        text: { route: 'Fostering/Adoption' },
        dates: {
          dateOfBirth: '2018-03-01',
          lookedAfterStart: '2020-01-01',
          firstAccommodated: '2020-01-15',
          permanenceRecommendation: '2020-08-01',
          admDecision: '2020-10-01',
          courtApplication: '2021-01-05',
          legalPermanence: '2021-06-01',
        },
      }),
      AS_OF,
      AIMS,
    );
    expect(summary(j)).toEqual([
      { from: 'lookedAfterStart', to: 'firstAccommodated', days: 14, open: false, over: false, notRecorded: [] },
      // 15/01/2020 → 01/08/2020: 199 days, 28.4 weeks, past the 26-week aim.
      { from: 'firstAccommodated', to: 'permanenceRecommendation', days: 199, open: false, over: true, notRecorded: [] },
      // The panel was not recorded between the recommendation and the ADM decision.
      { from: 'permanenceRecommendation', to: 'admDecision', days: 61, open: false, over: false, notRecorded: ['panel'] },
      // 96 days = 13.7 weeks, within the 16-week aim.
      { from: 'admDecision', to: 'courtApplication', days: 96, open: false, over: false, notRecorded: [] },
      { from: 'courtApplication', to: 'legalPermanence', days: 147, open: false, over: false, notRecorded: [] },
    ]);
    expect(j.start).toBe(day('2020-01-01'));
    expect(j.end).toBe(day('2021-06-01'));
    expect(j.milestones.map((m) => m.age)).toEqual([1, 1, 2, 2, 2, 3]);
  });

  it('ends a child still waiting with an open stage to the as-of date', () => {
    const j = childJourney(
      child({ row: 6, text: { route: 'Kinship' }, dates: { lookedAfterStart: '2023-01-02', firstAccommodated: '2023-01-02', permanenceRecommendation: '2023-06-05' } }),
      AS_OF,
      AIMS,
    );
    expect(summary(j)).toEqual([
      { from: 'lookedAfterStart', to: 'firstAccommodated', days: 0, open: false, over: false, notRecorded: [] },
      { from: 'firstAccommodated', to: 'permanenceRecommendation', days: 154, open: false, over: false, notRecorded: [] },
      // 05/06/2023 → 31/03/2024: 300 days waiting for the panel, past its 12-week aim.
      { from: 'permanenceRecommendation', to: 'panel', days: 300, open: true, over: true, notRecorded: [] },
    ]);
    expect(j.end).toBe(AS_OF);
  });

  it('does not call missing accommodation, panel, ADM or court a gap for a child remaining at home', () => {
    const j = childJourney(
      child({ row: 7, text: { route: 'Remaining at home' }, dates: { lookedAfterStart: '2022-05-01', permanenceRecommendation: '2022-09-01', legalPermanence: '2023-03-01' } }),
      AS_OF,
      AIMS,
    );
    expect(summary(j)).toEqual([
      { from: 'lookedAfterStart', to: 'permanenceRecommendation', days: 123, open: false, over: false, notRecorded: [] },
      { from: 'permanenceRecommendation', to: 'legalPermanence', days: 181, open: false, over: false, notRecorded: [] },
    ]);
  });

  it('an at-home child still waiting waits for legal permanence, not for a panel', () => {
    const j = childJourney(child({ row: 8, text: { route: 'Remaining at home' }, dates: { lookedAfterStart: '2023-05-01', permanenceRecommendation: '2023-09-01' } }), AS_OF, AIMS);
    expect(j.stages[j.stages.length - 1]).toMatchObject({ to: 'legalPermanence', open: true });
  });

  it('stops at the date ceased: no open stage for a child no longer looked after', () => {
    const j = childJourney(child({ row: 9, dates: { lookedAfterStart: '2021-01-01', firstAccommodated: '2021-02-01', ceasedDate: '2022-01-01' } }), AS_OF, AIMS);
    expect(j.stages.map((s) => s.open)).toEqual([false]);
    expect(j.end).toBe(day('2022-01-01'));
  });

  it('leaves out a milestone dated before the one before it, and says why', () => {
    const j = childJourney(
      child({ row: 10, dates: { lookedAfterStart: '2021-01-01', permanenceRecommendation: '2021-06-01', panel: '2021-05-01', admDecision: '2021-07-01' } }),
      AS_OF,
      AIMS,
    );
    expect(j.leftOut).toEqual([{ field: 'panel', reason: 'dated before permanenceRecommendation' }]);
    // The panel is left out, so it is not listed as "not recorded" either.
    expect(summary(j).map((s) => `${s.from}>${s.to}:${s.notRecorded.join()}`)).toEqual([
      'lookedAfterStart>permanenceRecommendation:firstAccommodated',
      'permanenceRecommendation>admDecision:',
      'admDecision>courtApplication:',
    ]);
  });

  it('starts at first accommodation when becoming looked after is blank, and ignores dates after the as-of date', () => {
    const j = childJourney(child({ row: 11, dates: { firstAccommodated: '2023-03-01', permanenceRecommendation: '2024-05-01' } }), AS_OF, AIMS);
    expect(j.start).toBe(day('2023-03-01'));
    expect(summary(j)).toEqual([{ from: 'firstAccommodated', to: 'permanenceRecommendation', days: 396, open: true, over: true, notRecorded: [] }]);
  });

  it('has no stages for a child with no milestone yet', () => {
    const j = childJourney(child({ row: 12, dates: {} }), AS_OF, AIMS);
    expect(j.stages).toEqual([]);
    expect(j.start).toBeNull();
  });
});

describe('longestWaiting', () => {
  it('keeps the children waiting longest at each stage, a set number a stage, in sheet order', () => {
    const records = [
      child({ row: 2, dates: { lookedAfterStart: '2023-01-02', firstAccommodated: '2023-01-09' } }), // waiting for a recommendation since 09/01/2023
      child({ row: 3, dates: { lookedAfterStart: '2023-06-01', firstAccommodated: '2023-06-05' } }), // …since 05/06/2023
      child({ row: 4, dates: { lookedAfterStart: '2022-01-01', firstAccommodated: '2022-01-03' } }), // …since 03/01/2022: longest
      child({ row: 5, dates: { lookedAfterStart: '2022-01-01', firstAccommodated: '2022-01-03', permanenceRecommendation: '2023-12-01' } }), // waiting for a panel
      child({ row: 6, dates: { lookedAfterStart: '2020-01-01', legalPermanence: '2021-01-01' } }), // not waiting
    ];
    const chosen = longestWaiting(records, AS_OF, AIMS, 2);
    expect(chosen.map((j) => j.row)).toEqual([2, 4, 5]);
  });
});
