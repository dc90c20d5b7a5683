import { child, runRule } from '../../../../test/support/checks';
import { childKey, duplicateChildId } from './duplicate-child-id';

describe('duplicate-child-id', () => {
  test('one error per repeated ID, on the first repeat, listing every row', () => {
    const records = [child({ row: 12, childId: 'C0123' }), child({ row: 13, childId: 'C0999' }), child({ row: 48, childId: 'c0123 ' }), child({ row: 50, childId: 'C0123' })];
    const findings = runRule(duplicateChildId, records);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', cell: 'A48', row: 48, childId: 'c0123 ' });
    expect(findings[0].cells).toBeUndefined();
    expect(findings[0].message).toBe(
      'Child C0123 appears on 3 rows (12, 48, 50). Each child should appear once: keep the right row and delete or correct the others (a repeat may be a duplicate row or a mistyped ID).',
    );
  });
  test('two different repeated IDs give two findings', () => {
    const records = [child({ row: 4, childId: 'A' }), child({ row: 5, childId: 'B' }), child({ row: 6, childId: 'A' }), child({ row: 7, childId: 'B' })];
    expect(runRule(duplicateChildId, records).map((f) => f.cell).sort()).toEqual(['A6', 'A7']);
  });
  test('unique and blank IDs are fine', () => {
    const records = [child({ row: 4, childId: 'A' }), child({ row: 5, childId: 'B' }), child({ row: 6, childId: null }), child({ row: 7, childId: null })];
    expect(runRule(duplicateChildId, records)).toEqual([]);
  });
  test('keys ignore case and spaces', () => {
    expect(childKey(' c01 ')).toBe('C01');
  });
});
