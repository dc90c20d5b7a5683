import { estimateBytesPerRow, nextBytesPerRow, rowsPerRequest, splitRows } from '../../src/excel/chunks';

describe('chunk sizing', () => {
  it('estimates bytes per row from the column count', () => {
    expect(estimateBytesPerRow(25)).toBe(1000);
    expect(estimateBytesPerRow(0)).toBe(40);
  });
  it('fits rows to the target, at least one', () => {
    expect(rowsPerRequest(1000, 1_000_000)).toBe(1000);
    expect(rowsPerRequest(5_000_000, 1_000_000)).toBe(1);
  });
  it('splits rows into chunks of a maximum size', () => {
    expect(splitRows(10, 4500, 2000)).toEqual([
      { start: 10, count: 2000 },
      { start: 2010, count: 2000 },
      { start: 4010, count: 500 },
    ]);
    expect(splitRows(0, 0)).toEqual([]);
  });
  it('plans with observed bytes when heavier than the estimate', () => {
    expect(nextBytesPerRow(1000, 300_000, 100)).toBe(4500);
    expect(nextBytesPerRow(1000, 30_000, 100)).toBe(1000);
    expect(nextBytesPerRow(1000, 0, 0)).toBe(1000);
  });
});
