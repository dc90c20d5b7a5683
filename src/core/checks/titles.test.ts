import { RULE_IDS } from './registry';
import { ruleTitle } from './titles';

describe('ruleTitle', () => {
  it('gives every rule the checks can report a title in plain words', () => {
    for (const id of RULE_IDS) {
      const title = ruleTitle(id);
      expect(title).not.toBe(id); // never the id itself
      expect(title).toMatch(/ /);
      expect(title.charAt(0)).toBe(title.charAt(0).toUpperCase());
    }
  });
  it('names order problems by their milestones', () => {
    expect(ruleTitle('adm-before-panel')).toBe('ADM decision before panel');
    expect(ruleTitle('court-before-adm')).toBe('Court application before ADM decision');
    expect(ruleTitle('first-accommodated-before-looked-after')).toBe('First accommodated before becoming looked after');
  });
  it('words an unknown id rather than failing', () => {
    expect(ruleTitle('some-new-rule')).toBe('Some new rule');
  });
});
