import { readingRowsMessage } from './session';

describe('readingRowsMessage', () => {
  it('names the rows on their way and the total', () => {
    expect(readingRowsMessage(8000, 20000, 4000)).toBe('Reading rows 8,001–12,000 of 20,000 rows…');
    expect(readingRowsMessage(0, 300, 300)).toBe('Reading rows 1–300 of 300 rows…');
  });
  it('never names a row past the last one', () => {
    expect(readingRowsMessage(19000, 20000, 4000)).toBe('Reading rows 19,001–20,000 of 20,000 rows…');
  });
  it('says how many are read when nothing more is coming', () => {
    expect(readingRowsMessage(20000, 20000, 0)).toBe('Read 20,000 of 20,000 rows…');
    expect(readingRowsMessage(500, 20000)).toBe('Read 500 of 20,000 rows…');
  });
});
