import type { DecodedDate } from '../model';
import { childrenBetweenMilestones, JOURNEY_STAGES, stageLabel } from './stages';
import { FIELD_BY_ID } from '../fields';
import { child, day } from '../../../test/support/aims';

const AS_OF = day('2024-03-31');
const placeholder: DecodedDate = { reading: 'placeholder', day: day('1900-01-01'), raw: 1 };

describe('childrenBetweenMilestones', () => {
  const records = [
    child({ row: 2, dates: { lookedAfterStart: '2023-01-01' } }),
    child({ row: 3, dates: { lookedAfterStart: '2023-01-01', firstAccommodated: '2023-01-02' } }),
    // At home: no accommodation dates, counted at its latest milestone.
    child({ row: 4, dates: { lookedAfterStart: '2023-01-01', permanenceRecommendation: '2023-06-01' } }),
    child({ row: 5, dates: { lookedAfterStart: '2022-01-01', firstAccommodated: '2022-01-01', permanenceRecommendation: '2022-05-01', panel: '2022-07-01', admDecision: '2022-08-01' } }),
    child({ row: 6, dates: { lookedAfterStart: '2021-01-01', legalPermanence: '2023-01-01' } }),
    // Ceased: not counted.
    child({ row: 7, dates: { lookedAfterStart: '2021-01-01', ceasedDate: '2023-01-01' } }),
    // Respite: not counted by default.
    child({ row: 8, respite: true, dates: { lookedAfterStart: '2023-01-01' } }),
    // Recommendation after the as-of date: not reached yet.
    child({ row: 9, dates: { lookedAfterStart: '2023-01-01', permanenceRecommendation: '2024-06-01' } }),
    // No milestones: not counted.
    child({ row: 10 }),
    // Placeholder panel date does not count.
    child({ row: 11, dates: { lookedAfterStart: '2023-01-01', permanenceRecommendation: '2023-02-01', panel: placeholder } }),
    // Ceased after the as-of date: still looked after on it.
    child({ row: 12, dates: { lookedAfterStart: '2023-01-01', firstAccommodated: '2023-01-01', courtApplication: '2023-09-01', ceasedDate: '2024-05-01' } }),
  ];

  test('counts children still looked after at their latest milestone', () => {
    const counts = childrenBetweenMilestones(records, AS_OF);
    expect(counts.map((c) => [c.stage, c.next, c.count])).toEqual([
      ['lookedAfterStart', 'firstAccommodated', 2],
      ['firstAccommodated', 'permanenceRecommendation', 1],
      ['permanenceRecommendation', 'panel', 2],
      ['panel', 'admDecision', 0],
      ['admDecision', 'courtApplication', 1],
      ['courtApplication', 'legalPermanence', 1],
      ['legalPermanence', null, 1],
    ]);
    expect(counts[2].label).toBe('Recommendation → Panel');
  });

  test('respite rows count when asked', () => {
    expect(childrenBetweenMilestones(records, AS_OF, { excludeRespite: false })[0].count).toBe(3);
  });

  test('the journey has the canonical order without last accommodation and final placement', () => {
    expect(JOURNEY_STAGES).not.toContain('lastAccommodated');
    expect(JOURNEY_STAGES).not.toContain('finalPlacement');
    expect(JOURNEY_STAGES[0]).toBe('lookedAfterStart');
  });
});

describe('stageLabel', () => {
  test('names each stage by its two milestones, and the last in the programme\'s words ("Legal permanence secured")', () => {
    expect(stageLabel('permanenceRecommendation', 'panel')).toBe('Recommendation → Panel');
    expect(stageLabel('legalPermanence', null)).toBe('Legal permanence secured, still looked after');
    // Whatever milestone is last, its own name is used, never "secured" tacked on.
    expect(stageLabel('courtApplication', null)).toBe(`${FIELD_BY_ID.get('courtApplication')?.label}, still looked after`);
  });
});
