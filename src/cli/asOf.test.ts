import { dayFromIso } from '../core/dates';
import { asOfDay, parseAsOfText } from './asOf';

describe('--as-of', () => {
  it.each([
    ['2024-03-31', '2024-03-31'],
    ['31/03/2024', '2024-03-31'],
    ['31/3/2024', '2024-03-31'],
    ['31/3/24', '2024-03-31'],
    ['1.4.2024', '2024-04-01'],
    ['31 March 2024', '2024-03-31'],
    [' 31/03/2024 ', '2024-03-31'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseAsOfText(text)).toBe(dayFromIso(iso));
  });

  it.each([['03/31/2024'], ['31/02/2024'], ['2024-02-30'], ['yesterday'], [''], ['31/03']])('refuses %j with a plain message naming both forms', (text) => {
    expect(parseAsOfText(text)).toBeNull();
    expect(() => asOfDay(text)).toThrow(`--as-of takes a date such as 31/03/2024 or 2024-03-31, not "${text}".`);
  });

  it('is today when not given', () => {
    expect(asOfDay(undefined, '--as-of', () => 12345)).toBe(12345);
  });
});
