import { timelineSheetName } from './timeline';

describe('timelineSheetName', () => {
  it('keeps a subject that fits whole', () => {
    expect(timelineSheetName('team North')).toBe('PACE Timeline team North');
    expect(timelineSheetName('3 children')).toBe('PACE Timeline 3 children');
    expect(timelineSheetName('SYN0001, SYN0002', '2 children')).toBe('PACE Timeline SYN0001, SYN0002');
  });

  it('uses the short subject when the whole one passes Excel’s 31 characters', () => {
    // "PACE Timeline SYN0001, SYN0002, SYN0003" is 39 characters.
    expect(timelineSheetName('SYN0001, SYN0002, SYN0003', '3 children')).toBe('PACE Timeline 3 children');
    // "PACE Timeline route Remaining at home" is 37; the value alone is 31.
    expect(timelineSheetName('route Remaining at home', 'Remaining at home')).toBe('PACE Timeline Remaining at home');
  });

  it('cuts what still does not fit at a word boundary, never mid-word, and within 31 characters', () => {
    const name = timelineSheetName('placement type Residential school out of area', 'Residential school out of area');
    expect(name).toBe('PACE Timeline Residential');
    expect(name.length).toBeLessThanOrEqual(31);
    // One long word: cut at 31 (there is no boundary to cut at).
    expect(timelineSheetName('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123')).toBe('PACE Timeline ABCDEFGHIJKLMNOPQ');
  });

  it('drops characters Excel does not allow in a sheet name', () => {
    expect(timelineSheetName('sibling group 7/8')).toBe('PACE Timeline sibling group 7 8');
  });
});
