/**
 * Each rule's name in a data lead's words, for the pane's groups and the
 * PACE Issues sheet. The ids stay the contract (JSON, scripts); people read
 * these.
 */
import { MILESTONE_CHAINS } from '../fields';
import { orderRuleId } from './rules/milestone-order';

const TITLES: Readonly<Record<string, string>> = {
  'unreadable-date': 'Not a date',
  'placeholder-date': 'Placeholder date',
  'implausible-number': 'Number that is not a date',
  'error-value': 'Excel error in a date column',
  'future-date': 'Date after the as-of date',
  'before-birth': 'Date before birth',
  'implausible-age': 'Unusual age at a milestone',
  'ceased-before-looked-after': 'Ceased before becoming looked after',
  'milestone-after-ceased': 'Milestone after ceasing to be looked after',
  'duplicate-child-id': 'Child on more than one row',
  'outside-population': 'Outside the PACE population',
  'recommendation-before-looked-after': 'Recommendation before becoming looked after',
  'recommendation-before-first-accommodated': 'Recommendation before first accommodated',
  'aim-end-before-start': 'Aim: end before start',
  'missing-child-id': 'No child ID',
  'respite-row': 'Respite episode',
  'text-date': 'Date typed as text',
  'month-first-column': 'Column of month/day/year dates',
  'two-digit-year': 'Two-digit year',
  'serial-number': 'Number read as a date',
  'unmapped-local-column': 'Column not used',
  'missing-looked-after-start': 'Missing: became looked after',
  'missing-first-accommodated': 'Missing: first accommodated',
  'missing-recommendation': 'Missing: permanence recommendation',
  'missing-panel': 'Missing: panel',
  'missing-adm': 'Missing: ADM decision',
  'missing-court-application': 'Missing: court application',
};

/** Milestone names as they read in an order rule's title. */
const ORDER_WORDS: Readonly<Record<string, string>> = {
  lookedAfterStart: 'becoming looked after',
  firstAccommodated: 'first accommodated',
  lastAccommodated: 'last accommodated',
  permanenceRecommendation: 'recommendation',
  panel: 'panel',
  admDecision: 'ADM decision',
  courtApplication: 'court application',
  legalPermanence: 'legal permanence',
};

const ORDER_TITLES: ReadonlyMap<string, string> = new Map(
  MILESTONE_CHAINS.flatMap((chain) =>
    chain.flatMap((later, j) =>
      chain.slice(0, j).map((earlier): [string, string] => {
        const title = `${ORDER_WORDS[later]} before ${ORDER_WORDS[earlier]}`;
        return [orderRuleId(later, earlier), title.charAt(0).toUpperCase() + title.slice(1)];
      }),
    ),
  ),
);

/** "adm-before-panel" → "ADM decision before panel"; an unknown id is shown in words from its parts. */
export function ruleTitle(rule: string): string {
  const known = TITLES[rule] ?? ORDER_TITLES.get(rule);
  if (known) return known;
  const words = rule.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
