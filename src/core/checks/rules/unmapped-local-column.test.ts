import { runRule, testLayout } from '../../../../test/support/checks';
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
  test("a column the user set to 'Not used' is not described as read as a local milestone", () => {
    const layout = testLayout({ unmapped: [{ header: 'Legal advice meeting', column: 'AA', looksLikeDates: true, notUsed: true }] });
    const [f] = runRule(unmappedLocalColumn, [], { layout });
    expect(f.message).toBe("Column AA ('Legal advice meeting') is set to 'Not used' in the saved mapping, so the checks and aims leave it out. To use it, map it on the Sheet step.");
    expect(f.message).not.toContain('local milestone');
  });
  test('nothing when every column is used', () => {
    expect(runRule(unmappedLocalColumn, [], { layout: testLayout() })).toEqual([]);
  });
});
