import { gapRule } from './gaps';

/**
 * Panel, ADM decision and court application all follow a recommendation for
 * permanence, whatever the route. Legal permanence alone is different for home
 * routes (a hearing ends the supervision order) and unknown routes: a warning.
 */
export const missingRecommendation = gapRule({
  id: 'missing-recommendation',
  missing: 'permanenceRecommendation',
  after: ['panel', 'admDecision', 'courtApplication', 'legalPermanence'],
  severity: (route, present) =>
    present.some((f) => f !== 'legalPermanence') || route === 'fosteringAdoption' ? 'error' : 'warning',
  maybeFine: 'If permanence was recommended at a review or other meeting, enter that date.',
});
