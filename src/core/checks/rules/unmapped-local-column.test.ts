import { runRule, testLayout } from '../testing';
import { unmappedLocalColumn } from './unmapped-local-column';

describe('unmapped-local-column', () => {
  test('notes each unused column on the header row', () => {
    const layout = testLayout({
      unmapped: [
        { header: 'Legal advice meeting', column: 'AA', looksLikeDates: true },
        { header: 'Worker', column: 'AB', looksLikeDates: false },
      ],
    });
    const findings = runRule(unmappedLocalColumn, [], { layout });
    expect(findings.map((f) => [f.cell, f.severity, f.row, f.field])).toEqual([
      ['AA3', 'info', 3, null],
      ['AB3', 'info', 3, null],
    ]);
    expect(findings[0].message).toBe("Column AA ('Legal advice meeting') holds dates but is not used. To track it in aims, map it as a local milestone.");
    expect(findings[1].message).toBe("Column AB ('Worker') is not used by the checks or aims.");
  });
  test('nothing when every column is used', () => {
    expect(runRule(unmappedLocalColumn, [], { layout: testLayout() })).toEqual([]);
  });
});
