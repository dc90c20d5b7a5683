import { child, runRule } from '../../../../test/support/checks';
import { milestoneAfterCeased } from './milestone-after-ceased';

describe('milestone-after-ceased', () => {
  test('warns once, on the date ceased, naming the latest milestone after it', () => {
    const findings = runRule(
      milestoneAfterCeased,
      child({ row: 11, dates: { lookedAfterStart: '2019-01-01', permanenceRecommendation: '2020-03-01', panel: '2020-06-01', ceasedDate: '2020-02-01' } }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'milestone-after-ceased', severity: 'warning', cell: 'S11', cells: ['S11', 'H11'] });
    expect(findings[0].message).toBe(
      "The child ceased to be looked after on 01/02/2020, but the permanence panel is later (01/06/2020). Check the date ceased, and that the row holds the child's current episode of care.",
    );
  });
  test('ceasing on the day of legal permanence is normal', () => {
    expect(runRule(milestoneAfterCeased, child({ row: 11, dates: { lookedAfterStart: '2019-01-01', legalPermanence: '2021-01-01', ceasedDate: '2021-01-01' } }))).toEqual([]);
  });
  test('ceased before becoming looked after is left to its own rule', () => {
    expect(runRule(milestoneAfterCeased, child({ row: 11, dates: { lookedAfterStart: '2019-01-01', panel: '2020-01-01', ceasedDate: '2018-01-01' } }))).toEqual([]);
  });
});
