import { gapRule } from './gaps';

/**
 * For fostering and adoption the ADM approves the plan before the court
 * application is lodged. Other routes can reach court differently (e.g.
 * kinship carers applying themselves): a warning.
 */
export const missingAdm = gapRule({
  id: 'missing-adm',
  missing: 'admDecision',
  after: ['courtApplication'],
  severity: (route) => (route === 'fosteringAdoption' ? 'error' : 'warning'),
  maybeFine: 'If an agency decision maker approved the plan, enter the date of the decision.',
});
