import { child, runRule } from '../testing';
import { textDate } from './text-date';

describe('text-date', () => {
  test('notes a date read from text, with the date it was read as', () => {
    const [f] = runRule(textDate, child({ row: 4, dates: { lookedAfterStart: { reading: 'text', iso: '2019-04-03', raw: '3 April 2019' } } }));
    expect(f).toMatchObject({ rule: 'text-date', severity: 'info', cell: 'D4', field: 'lookedAfterStart' });
    expect(f.message).toContain("'3 April 2019' in Became looked after is text and was read as 03/04/2019");
  });
  test('does not fire on date cells or two-digit years', () => {
    const record = child({ row: 4, dates: { lookedAfterStart: '2019-04-03', panel: { reading: 'textTwoDigitYear', iso: '2019-04-03', raw: '3.4.19' } } });
    expect(runRule(textDate, record)).toEqual([]);
  });
});
