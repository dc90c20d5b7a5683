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
    expect(findings[0].message).toBe("Column AA ('Legal advice meeting') holds dates that no standard milestone uses. It is read as a local milestone (id legalAdviceMeeting), so an aim can start or end at it; to give it another name, map it on the Sheet step.");
    expect(findings[1].message).toBe("Column AB ('Worker') is not used by the checks or aims.");
  });
  test('nothing when every column is used', () => {
    expect(runRule(unmappedLocalColumn, [], { layout: testLayout() })).toEqual([]);
  });
});
