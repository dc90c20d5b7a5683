import { child, runRule } from '../../../../test/support/checks';
import { isAmbiguousDayMonth, textDate } from './text-date';

describe('text-date', () => {
  test('notes a date read from unambiguous text, with the date it was read as', () => {
    const [f] = runRule(textDate, child({ row: 4, dates: { lookedAfterStart: { reading: 'text', iso: '2019-04-03', raw: '3 April 2019' } } }));
    expect(f).toMatchObject({ rule: 'text-date', severity: 'info', cell: 'D4', field: 'lookedAfterStart' });
    expect(f.message).toContain("'3 April 2019' in Became looked after is text and was read as 03/04/2019");
  });
  test('warns when day and month could be swapped, since the reading rests on the UK assumption', () => {
    const [f] = runRule(textDate, child({ row: 4, dates: { lookedAfterStart: { reading: 'text', iso: '2019-04-03', raw: '03/04/2019' } } }));
    expect(f).toMatchObject({ rule: 'text-date', severity: 'warning', cell: 'D4' });
    expect(f.message).toContain('taking the first number as the day');
  });
  test('a day over 12, or the same day and month, cannot be swapped: a note only', () => {
    for (const raw of ['13/04/2019', '04/04/2019', '2019-04-03']) {
      const [f] = runRule(textDate, child({ row: 4, dates: { lookedAfterStart: { reading: 'text', iso: '2019-04-03', raw } } }));
      expect(f.severity).toBe('info');
    }
  });
  test('does not fire on date cells or two-digit years', () => {
    const record = child({ row: 4, dates: { lookedAfterStart: '2019-04-03', panel: { reading: 'textTwoDigitYear', iso: '2019-04-03', raw: '3.4.19' } } });
    expect(runRule(textDate, record)).toEqual([]);
  });
});

describe('isAmbiguousDayMonth', () => {
  test.each([
    ['03/04/2019', true],
    ['3.4.2019', true],
    ['3-4-19', true],
    ['13/04/2019', false],
    ['03/13/2019', false],
    ['3 April 2019', false],
    ['2019-04-03', false],
  ])('%s → %s', (raw, expected) => {
    expect(isAmbiguousDayMonth(raw)).toBe(expected);
  });
});
