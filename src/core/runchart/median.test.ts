import { cleanNumber, median } from './median';

describe('median', () => {
  it('takes the middle value of an odd count, whatever the order', () => {
    expect(median([31, 12, 45, 20, 28])).toBe(28);
  });
  it('takes the mean of the two middle values of an even count', () => {
    expect(median([10, 40, 20, 30])).toBe(25);
    expect(median([26, 26.5])).toBe(26.25);
  });
  it('gives null for no values and the value itself for one', () => {
    expect(median([])).toBeNull();
    expect(median([7.3])).toBe(7.3);
  });
  it('sorts numerically, not as text (10 after 9)', () => {
    expect(median([9, 10, 100])).toBe(10);
  });
  it('leaves the input untouched', () => {
    const input = [3, 1, 2];
    median(input);
    expect(input).toEqual([3, 1, 2]);
  });
});

describe('cleanNumber', () => {
  it('removes floating-point noise from a median', () => {
    expect((0.1 + 0.2) / 2).not.toBe(0.15);
    expect(cleanNumber((0.1 + 0.2) / 2)).toBe(0.15);
    expect(cleanNumber(30.099999999999998)).toBe(30.1);
  });
  it('keeps ordinary numbers and zero as they are', () => {
    expect(cleanNumber(28.5)).toBe(28.5);
    expect(cleanNumber(0)).toBe(0);
    expect(cleanNumber(-4.25)).toBe(-4.25);
  });
});
