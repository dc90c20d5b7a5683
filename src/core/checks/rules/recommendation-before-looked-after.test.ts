import { child, runRule, type DateSpec } from '../../../../test/support/checks';
import { recommendationBeforeLookedAfter } from './recommendation-before-looked-after';

const run = (dates: Record<string, DateSpec>) => runRule(recommendationBeforeLookedAfter, child({ row: 9, dates }));

describe('the link between the chains: recommendation after becoming looked after', () => {
  test('recommendation before becoming looked after: an error on the recommendation', () => {
    const findings = run({ lookedAfterStart: '2021-05-01', firstAccommodated: '2021-05-01', permanenceRecommendation: '2021-03-01' });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'recommendation-before-looked-after', severity: 'error', cell: 'G9', cells: ['G9', 'D9'] });
    expect(findings[0].message).toMatch(/^The permanence recommendation \(01\/03\/2021\) is before the date the child became looked after \(01\/05\/2021\)/);
  });
  test('after becoming looked after but before first accommodation: a warning (looked after at home first)', () => {
    const [f] = run({ lookedAfterStart: '2021-01-01', firstAccommodated: '2021-06-01', permanenceRecommendation: '2021-04-01' });
    expect(f).toMatchObject({ rule: 'recommendation-before-first-accommodated', severity: 'warning', cell: 'G9', cells: ['G9', 'E9'] });
  });
  test('without a looked-after start, before first accommodation is still the warning', () => {
    expect(run({ firstAccommodated: '2021-06-01', permanenceRecommendation: '2021-04-01' }).map((f) => f.rule)).toEqual(['recommendation-before-first-accommodated']);
  });
  test('the same day, or later, is fine; so is a blank or untrusted date', () => {
    expect(run({ lookedAfterStart: '2021-01-01', firstAccommodated: '2021-01-01', permanenceRecommendation: '2021-01-01' })).toEqual([]);
    expect(run({ lookedAfterStart: '2021-01-01', permanenceRecommendation: '2021-09-01' })).toEqual([]);
    expect(run({ lookedAfterStart: '2021-01-01', permanenceRecommendation: 'tbc' })).toEqual([]);
    expect(run({ lookedAfterStart: '2025-01-01', permanenceRecommendation: '2021-01-01' })).toEqual([]);
  });
});
