import { addEvidence, decodeMonthFirst, emptyEvidence, looksMonthFirst, numericDateParts, swapDayMonth } from './dateOrder';
import { dayFromParts } from './serial';

describe('numericDateParts and swapDayMonth', () => {
  test('finds the first two numbers of numbers-only date text', () => {
    expect(numericDateParts('04/23/2019')).toEqual({ first: 4, second: 23 });
    expect(numericDateParts(' 4.3.19 ')).toEqual({ first: 4, second: 3 });
    expect(numericDateParts('3 April 2019')).toBeNull();
    expect(numericDateParts('2019-04-23')).toBeNull();
    expect(numericDateParts(43555)).toBeNull();
  });
  test('swaps them and leaves the rest alone', () => {
    expect(swapDayMonth('04/23/2019')).toBe('23/04/2019');
    expect(swapDayMonth('4-3-19 10:30')).toBe('3-4-19 10:30');
    expect(swapDayMonth('tbc')).toBe('tbc');
  });
});

describe('decodeMonthFirst', () => {
  test('reads numbers-only text month first, keeping the cell value', () => {
    expect(decodeMonthFirst('04/23/2019', null, false)).toEqual({ reading: 'text', day: dayFromParts(2019, 4, 23), raw: '04/23/2019' });
    expect(decodeMonthFirst('03/04/19', null, false)).toEqual({ reading: 'textTwoDigitYear', day: dayFromParts(2019, 3, 4), raw: '03/04/19' });
  });
  test('a day that never was is still unreadable; other forms read as usual', () => {
    expect(decodeMonthFirst('02/30/2020', null, false).reading).toBe('unreadable');
    expect(decodeMonthFirst('3 April 2019', null, false).day).toBe(dayFromParts(2019, 4, 3));
    expect(decodeMonthFirst(43555, 'dd/mm/yyyy', false).day).toBe(dayFromParts(2019, 3, 31));
  });
});

describe('looksMonthFirst', () => {
  function evidenceOf(values: (string | number | null)[]) {
    const e = emptyEvidence();
    for (const v of values) addEvidence(e, v);
    return e;
  }
  test('a second number above 12 and never a first: month first', () => {
    const e = evidenceOf(['04/23/2019', '03/04/2019', '12/31/2020', '05/05/2020', null, 'tbc', 43555]);
    expect(e).toEqual({ dayFirstOnly: 0, monthFirstOnly: 2, ambiguous: 1, example: '04/23/2019' });
    expect(looksMonthFirst(e)).toBe(true);
  });
  test('one first number above 12 anywhere: day first after all', () => {
    expect(looksMonthFirst(evidenceOf(['04/23/2019', '03/04/2019', '23/04/2019']))).toBe(false);
  });
  test('only ambiguous dates: nothing says month first', () => {
    expect(looksMonthFirst(evidenceOf(['03/04/2019', '05/06/2019']))).toBe(false);
  });
  test('a single mistyped text date among real dates is a slip, not a US column', () => {
    expect(looksMonthFirst(evidenceOf(['03/13/2019', 43555, 43600]))).toBe(false);
    expect(looksMonthFirst(evidenceOf(['03/13/2019', '01/02/2019']))).toBe(true);
  });
});
