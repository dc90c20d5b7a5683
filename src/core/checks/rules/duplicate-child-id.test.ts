import { child, runRule } from '../testing';
import { childKey, duplicateChildId } from './duplicate-child-id';

describe('duplicate-child-id', () => {
  test('flags repeats as errors and the first row as a warning, naming every row', () => {
    const records = [child({ row: 12, childId: 'C0123' }), child({ row: 13, childId: 'C0999' }), child({ row: 48, childId: 'c0123 ' })];
    const findings = runRule(duplicateChildId, records);
    expect(findings.map((f) => [f.cell, f.severity])).toEqual([
      ['A12', 'warning'],
      ['A48', 'error'],
    ]);
    expect(findings[1].message).toBe(
      'Child c0123  appears on 2 rows (12, 48). Each child should appear once: check for a duplicate row or a mistyped ID.',
    );
  });
  test('unique and blank IDs are fine', () => {
    const records = [child({ row: 4, childId: 'A' }), child({ row: 5, childId: 'B' }), child({ row: 6, childId: null }), child({ row: 7, childId: null })];
    expect(runRule(duplicateChildId, records)).toEqual([]);
  });
  test('keys ignore case and spaces', () => {
    expect(childKey(' c01 ')).toBe('C01');
  });
});
