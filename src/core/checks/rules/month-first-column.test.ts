import { child, runRule } from '../../../../test/support/checks';
import { foldMonthFirstCells, monthFirstColumn } from './month-first-column';

/** A child whose recommendation cell (column G on the test sheet) holds US text, marked as the pipeline marks it. */
function marked(row: number, raw: string, order: 'pending' | 'mdy', iso?: string) {
  const record = child({ row, dates: { permanenceRecommendation: { reading: order === 'pending' ? 'unreadable' : 'text', iso, raw } } });
  record.dates.permanenceRecommendation.order = order;
  return record;
}

describe('month-first-column', () => {
  test('one error for a column waiting for its order, on its header cell, quoting a month-first-only date', () => {
    const findings = runRule(monthFirstColumn, [marked(4, '03/04/2019', 'pending'), marked(5, '04/23/2019', 'pending'), child({ row: 6 })]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'month-first-column', severity: 'error', cell: 'G3', row: 3, field: 'permanenceRecommendation', childId: null });
    expect(findings[0].message).toMatch(/^Column G looks month\/day\/year \('Permanence recommendation'\): 1 date typed as text only makes sense month first \(for example '04\/23\/2019'\)/);
    expect(findings[0].message).toContain('its 2 text dates that could be read either way are not used');
  });
  test('a note once read month first', () => {
    const [f] = runRule(monthFirstColumn, [marked(4, '04/23/2019', 'mdy', '2019-04-23')]);
    expect(f).toMatchObject({ severity: 'info', cell: 'G3' });
    expect(f.message).toContain("1 date typed as text was read month first (for example '04/23/2019' as 23/04/2019)");
  });
  test('nothing on a sheet without marks', () => {
    expect(runRule(monthFirstColumn, [child({ row: 4, dates: { panel: { reading: 'text', iso: '2019-04-03', raw: '03/04/2019' } } })])).toEqual([]);
  });
});

describe('foldMonthFirstCells', () => {
  test('drops only the not-a-date and text-date findings on marked cells', () => {
    const records = [marked(4, '04/23/2019', 'pending'), child({ row: 5 })];
    const base = { severity: 'error' as const, row: 4, field: 'permanenceRecommendation', childId: 'C0004', message: '' };
    const findings = [
      { ...base, rule: 'unreadable-date', cell: 'G4' },
      { ...base, rule: 'text-date', cell: 'G4' },
      { ...base, rule: 'missing-panel', cell: 'H4' },
      { ...base, rule: 'unreadable-date', cell: 'G5', row: 5 },
    ];
    expect(foldMonthFirstCells(findings, records).map((f) => `${f.rule} ${f.cell}`)).toEqual(['missing-panel H4', 'unreadable-date G5']);
  });
});
