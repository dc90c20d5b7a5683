import { chooseBaseline } from './baseline';

const dates = ['2023-01-05', '2023-02-01', '2023-03-10', '2023-04-02', '2023-05-20'];

describe('chooseBaseline', () => {
  it('takes the first 12 by default, or all points when there are fewer', () => {
    expect(chooseBaseline(dates, undefined)).toEqual({ count: 5, fallback: false });
    const many = Array.from({ length: 20 }, (_, i) => `2023-01-${String(i + 1).padStart(2, '0')}`);
    expect(chooseBaseline(many, undefined)).toEqual({ count: 12, fallback: false });
  });
  it('takes the first N points', () => {
    expect(chooseBaseline(dates, { points: 3 })).toEqual({ count: 3, fallback: false });
    expect(chooseBaseline(dates, { points: 50 })).toEqual({ count: 5, fallback: false });
    expect(chooseBaseline(dates, { points: 0 })).toEqual({ count: 1, fallback: false });
  });
  it('takes every point before a date (not on it)', () => {
    expect(chooseBaseline(dates, { before: '2023-03-10' })).toEqual({ count: 2, fallback: false });
    expect(chooseBaseline(dates, { before: '2023-03-11' })).toEqual({ count: 3, fallback: false });
    expect(chooseBaseline(dates, { before: '2030-01-01' })).toEqual({ count: 5, fallback: false });
  });
  it('falls back to the first 12 points, and says so, when no point is before the date', () => {
    expect(chooseBaseline(dates, { before: '2023-01-05' })).toEqual({ count: 5, fallback: true });
  });
  it('has no baseline without points', () => {
    expect(chooseBaseline([], { points: 12 })).toEqual({ count: 0, fallback: false });
  });
});
