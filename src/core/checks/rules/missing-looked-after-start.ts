import { gapRule } from './gaps';

/** Accommodation means the child is looked after: the start of the episode must be there. */
export const missingLookedAfterStart = gapRule({
  id: 'missing-looked-after-start',
  missing: 'lookedAfterStart',
  after: ['firstAccommodated', 'lastAccommodated', 'permanenceRecommendation', 'panel', 'admDecision', 'finalPlacement', 'courtApplication', 'legalPermanence', 'ceasedDate'],
  severity: (_route, present) => (present.includes('firstAccommodated') || present.includes('lastAccommodated') ? 'error' : 'warning'),
  maybeFine: 'Every child on the sheet should have the date their current episode of care started.',
});
