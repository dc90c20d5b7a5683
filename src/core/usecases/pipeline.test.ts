import { sheetGrid } from '../../../test/support/submission';
import { analyseSheet, usesSavedMapping } from './pipeline';
import { checkRecords } from '../checks';

// Serial 44000 = 18/06/2020.
const header = ['Child ID', 'Date became looked after', 'Date first accommodated', 'Legal advice meeting'];
const grid = sheetGrid(header, [
  ['C1', 44000, 44000, 44100],
  ['C2', 44010, 44010, 44120],
]);

describe("a column the user set to 'Not used'", () => {
  test('without a saved mapping, a date column no field uses is read as a local milestone', () => {
    const sheet = analyseSheet(grid, false);
    expect(sheet.localLabels.get('legalAdviceMeeting')).toBe('Legal advice meeting');
    expect(sheet.records[0].dates.legalAdviceMeeting).toBeDefined();
    expect(sheet.layout.unmapped.map((u) => u.notUsed)).toEqual([undefined]);
  });

  test('with a saved mapping that leaves it out, it is not read, and the note says it is not used', () => {
    const saved = analyseSheet(grid, false).layout.columns.filter((c) => c.field !== 'legalAdviceMeeting');
    const sheet = analyseSheet(grid, false, saved);
    expect(usesSavedMapping(sheet.layout, saved)).toBe(true);
    expect(sheet.layout.unmapped).toEqual([{ header: 'Legal advice meeting', column: 'D', looksLikeDates: true, notUsed: true }]);
    expect(sheet.localLabels.size).toBe(0);
    expect(sheet.records[0].dates.legalAdviceMeeting).toBeUndefined();
    const notes = checkRecords(sheet.records, sheet.layout, { asOf: 20000 }).findings.filter((f) => f.rule === 'unmapped-local-column');
    expect(notes.map((f) => f.message)).toEqual(["Column D ('Legal advice meeting') is set to 'Not used' in the saved mapping, so the checks and aims leave it out. To use it, map it on the Sheet step."]);
  });

  test('a saved mapping whose headings are gone is not the layout in use', () => {
    const layout = analyseSheet(grid, false).layout;
    expect(usesSavedMapping(layout, [{ field: 'childId', header: 'Pupil number', column: 'A', confidence: 1 }])).toBe(false);
    expect(usesSavedMapping(layout, undefined)).toBe(false);
  });
});
