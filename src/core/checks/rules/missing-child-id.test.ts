import { child, runRule } from '../../../../test/support/checks';
import { missingChildId } from './missing-child-id';

describe('missing-child-id', () => {
  test('fires on a row without an ID', () => {
    const [f] = runRule(missingChildId, child({ row: 33, childId: null, dates: { lookedAfterStart: '2021-01-01' } }));
    expect(f).toMatchObject({ rule: 'missing-child-id', severity: 'error', cell: 'A33', field: 'childId', childId: null });
    expect(f.message).toMatch(/^Row 33 has no child ID/);
  });
  test('does not fire with an ID, or when there is no ID column to point at', () => {
    expect(runRule(missingChildId, child({ row: 33, childId: 'X1' }))).toEqual([]);
    expect(runRule(missingChildId, child({ row: 33, childId: null, unmapped: ['childId'] }))).toEqual([]);
  });
});
