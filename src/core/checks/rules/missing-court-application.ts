import { isHomeRoute } from '../route';
import { gapRule } from './gaps';

/**
 * Adoption and permanence orders are granted on an application to court. For
 * home routes legal permanence can be a hearing ending the supervision order
 * (no court application); kinship, residential and unknown routes: a warning.
 */
export const missingCourtApplication = gapRule({
  id: 'missing-court-application',
  missing: 'courtApplication',
  after: ['legalPermanence'],
  severity: (route) => (isHomeRoute(route) ? null : route === 'fosteringAdoption' ? 'error' : 'warning'),
  maybeFine: 'If legal permanence came through a court order, enter the date the application was lodged.',
});
