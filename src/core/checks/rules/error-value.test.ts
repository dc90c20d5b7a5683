import { child, runRule } from '../../../../test/support/checks';
import { errorValue } from './error-value';

describe('error-value', () => {
  test('fires on an Excel error in a date column', () => {
    const [f] = runRule(errorValue, child({ row: 30, dates: { courtApplication: '#REF!' } }));
    expect(f).toMatchObject({ rule: 'error-value', severity: 'error', cell: 'K30', field: 'courtApplication' });
    expect(f.message).toMatch(/^#REF! in Court application lodged is an Excel error/);
  });
  test('does not fire on unreadable text', () => {
    expect(runRule(errorValue, child({ row: 30, dates: { courtApplication: 'N/A' } }))).toEqual([]);
  });
});
