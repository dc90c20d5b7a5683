import { inferDate1904, textMatches } from '../../src/excel/date1904';

describe('textMatches', () => {
  it('needs both the year (4 or 2 digits) and the day of month', () => {
    expect(textMatches('03/04/2019', { year: 2019, day: 3 })).toBe(true);
    expect(textMatches('3 Apr 19', { year: 2019, day: 3 })).toBe(true);
    expect(textMatches('03/04/2019', { year: 2023, day: 4 })).toBe(false);
    expect(textMatches('03/04/2019', { year: 2019, day: 5 })).toBe(false);
    expect(textMatches('anything', null)).toBe(false);
  });
});

describe('inferDate1904', () => {
  // Serial 43831 is 01/01/2020 in the 1900 system and 02/01/2024 in the 1904 system.
  it('votes by the displayed text', () => {
    expect(inferDate1904([{ serial: 43831, text: '01/01/2020' }])).toBe(false);
    expect(inferDate1904([{ serial: 43831, text: '02/01/2024' }])).toBe(true);
    expect(inferDate1904([{ serial: 43831, text: 'Jan 2024 (2)' }])).toBe(true);
  });
  it('defaults to 1900 when nothing decides', () => {
    expect(inferDate1904([])).toBe(false);
    expect(inferDate1904([{ serial: 43831, text: '#####' }])).toBe(false);
  });
});
