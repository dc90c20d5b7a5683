import { isHomeRoute } from '../route';
import { gapRule } from './gaps';

/**
 * An ADM decision usually follows a panel; some kinship and residential plans
 * go straight to the ADM, so this is a warning, and nothing for home routes.
 */
export const missingPanel = gapRule({
  id: 'missing-panel',
  missing: 'panel',
  after: ['admDecision'],
  severity: (route) => (isHomeRoute(route) ? null : 'warning'),
  maybeFine: 'If the plan went to a panel, enter its date.',
});
