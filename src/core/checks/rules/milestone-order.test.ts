import { MILESTONE_CHAINS } from '../../fields';
import { child, runRule, type DateSpec } from '../../../../test/support/checks';
import { blamed, milestoneOrder, ORDER_RULE_IDS, orderRuleId } from './milestone-order';

const run = (dates: Record<string, DateSpec>, route?: string) => runRule(milestoneOrder, child({ row: 17, dates, route }));

describe('milestone order', () => {
  test('ids are "<later>-before-<earlier>" for every pair of each chain', () => {
    expect(orderRuleId('admDecision', 'panel')).toBe('adm-before-panel');
    expect(ORDER_RULE_IDS).toEqual(
      expect.arrayContaining([
        'first-accommodated-before-looked-after',
        'last-accommodated-before-first-accommodated',
        'last-accommodated-before-looked-after',
        'panel-before-recommendation',
        'adm-before-panel',
        'court-before-adm',
        'permanence-before-court',
        'permanence-before-recommendation',
      ]),
    );
    expect(ORDER_RULE_IDS).toHaveLength(3 + 10);
  });

  test('ADM before panel: blames the ADM decision and lists both cells', () => {
    const findings = run({ permanenceRecommendation: '2021-01-10', panel: '2021-04-15', admDecision: '2021-03-02', courtApplication: '2021-06-01' });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'adm-before-panel', severity: 'error', cell: 'I17', cells: ['I17', 'H17'], field: 'admDecision', row: 17 });
    expect(findings[0].message).toBe(
      'The ADM decision (02/03/2021) is before the permanence panel (15/04/2021). The ADM decision comes on or after the permanence panel: check both dates.',
    );
  });

  // Each adjacent pair of each chain fires on its own, and is quiet when in order or equal.
  const pairs = MILESTONE_CHAINS.flatMap((chain) => chain.slice(1).map((later, i) => [chain[i], later] as const));
  test.each(pairs)('%s then %s: out of order fires, equal or in order does not', (earlier, later) => {
    const wrong = run({ [earlier]: '2021-05-01', [later]: '2021-04-30' });
    expect(wrong.map((f) => [f.rule, f.field])).toEqual([[orderRuleId(later, earlier), later]]);
    expect(run({ [earlier]: '2021-05-01', [later]: '2021-05-01' })).toEqual([]);
    expect(run({ [earlier]: '2021-05-01', [later]: '2021-06-01' })).toEqual([]);
  });

  test('blanks in between are skipped: legal permanence before the recommendation', () => {
    const findings = run({ permanenceRecommendation: '2022-01-01', legalPermanence: '2021-06-01' });
    expect(findings.map((f) => f.rule)).toEqual(['permanence-before-recommendation']);
  });

  test('an earlier milestone out of line with two later ones is the one blamed', () => {
    // Recommendation typed a year late: panel and ADM agree with each other.
    const findings = run({ permanenceRecommendation: '2022-12-01', panel: '2021-03-01', admDecision: '2021-06-01' });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'panel-before-recommendation', field: 'permanenceRecommendation', cell: 'G17', cells: ['G17', 'H17'] });
    expect(findings[0].message).toContain('looks out of line');
  });

  test('legitimate orders are not flagged: final placement before ADM, legal permanence before final placement', () => {
    expect(
      run({ permanenceRecommendation: '2021-01-01', panel: '2021-03-01', finalPlacement: '2021-02-01', admDecision: '2021-04-01', courtApplication: '2021-05-01', legalPermanence: '2021-09-01' }),
    ).toEqual([]);
    expect(run({ admDecision: '2021-04-01', courtApplication: '2021-05-01', legalPermanence: '2021-09-01', finalPlacement: '2021-12-01' })).toEqual([]);
  });

  test('unreadable, placeholder, future and before-birth dates are not compared (reported by their own rules)', () => {
    expect(run({ panel: '2021-04-15', admDecision: { reading: 'placeholder', iso: '1900-01-01' } })).toEqual([]);
    expect(run({ panel: '2021-04-15', admDecision: 'tbc' })).toEqual([]);
    expect(run({ panel: '2025-04-15', admDecision: '2021-03-01' })).toEqual([]);
    expect(run({ dateOfBirth: '2015-01-01', panel: '2014-04-15', admDecision: '2021-03-01' })).toEqual([]);
  });

  test('text dates take part in the order like date cells', () => {
    const findings = run({ panel: { reading: 'text', iso: '2021-04-15', raw: '15/04/2021' }, admDecision: '2021-03-02' });
    expect(findings.map((f) => f.rule)).toEqual(['adm-before-panel']);
  });

  test('blamed(): later by default, earlier only when the next milestone also disagrees with it', () => {
    const d = (field: string, day: number) => ({ field, day });
    expect(blamed(null, d('a', 10), d('b', 5), null).field).toBe('b');
    expect(blamed(null, d('a', 10), d('b', 5), d('c', 20)).field).toBe('b');
    expect(blamed(null, d('a', 10), d('b', 5), d('c', 8)).field).toBe('a');
    expect(blamed(d('z', 7), d('a', 10), d('b', 5), d('c', 8)).field).toBe('b');
  });
});
