import { gapRule } from './gaps';

/** A latest accommodation implies a first one in the same episode. */
export const missingFirstAccommodated = gapRule({
  id: 'missing-first-accommodated',
  missing: 'firstAccommodated',
  after: ['lastAccommodated'],
  severity: () => 'error',
});
