/**
 * The session API the pane calls for month-first columns, the title's as-of
 * date and cohort lists, over an in-memory workbook port.
 */
import type { CellValue, SheetGrid } from '../grid';
import { memoryWorkbook } from '../../../test/support/memoryPort';
import { createPaceSession, SETTING_DATE_ORDER } from './session';

function usGrid(): SheetGrid {
  const values: CellValue[][] = [
    ['PACE tracker as at 31/03/2024', null, null, null, null],
    ['Child ID', 'Date of birth', 'Date became looked after', 'Date first accommodated', 'Permanence recommendation'],
    ['C1', '14/05/2015', '15/01/2023', '15/01/2023', '03/20/2023'],
    ['C2', '14/05/2016', '20/02/2023', '20/02/2023', '04/05/2023'],
    ['C3', '14/05/2017', '13/06/2022', '13/06/2022', '01/30/2023'],
  ];
  return { sheetName: 'Tracker', firstRow: 1, firstColumn: 1, values, numberFormats: null, table: null };
}

function memoryPort(grid: SheetGrid) {
  return memoryWorkbook([grid]);
}

describe('session: month-first columns and the title as-of date', () => {
  test('open offers both; the figures wait; confirming the order is saved and lifts the hold', async () => {
    const { port, settings, written } = memoryPort(usGrid());
    const session = createPaceSession(port);
    const opened = await session.open();
    if (!opened.ok) throw new Error(opened.problem.message);
    expect(opened.value.monthFirstColumns).toEqual([
      { column: 'E', field: 'permanenceRecommendation', header: 'Permanence recommendation', monthFirstOnly: 2, ambiguous: 1, example: '03/20/2023', order: null },
    ]);
    expect(opened.value.titleAsOf).toEqual({ asOf: '2024-03-31', text: 'as at 31/03/2024', cell: 'A1' });

    const held = await session.measureAims('2024-03-31');
    expect(held.ok).toBe(false);
    if (!held.ok) expect(held.problem.kind).toBe('dateOrderUnconfirmed');
    const report = await session.writeReport('2024-03-31');
    expect(report.ok).toBe(false);
    expect(written).toEqual([]);

    const confirmed = await session.setDateOrder({ E: 'mdy' });
    if (!confirmed.ok) throw new Error(confirmed.problem.message);
    expect(confirmed.value.monthFirstColumns[0].order).toBe('mdy');
    expect(settings.get(SETTING_DATE_ORDER)).toEqual({ Tracker: { E: 'mdy' } });

    const measured = await session.measureAims('2024-03-31');
    if (!measured.ok) throw new Error(measured.problem.message);
    expect(measured.value.aims[0]).toMatchObject({ completed: 3, withinTarget: 2 });
    // The preset cohort list is measured too (nobody here is looked after at home).
    expect(measured.value.cohorts.map((c) => [c.id, c.count, c.reviewed])).toEqual([['at-home-over-2-years', 0, null]]);
    expect((await session.writeReport('2024-03-31')).ok).toBe(true);

    // A new session on the same workbook remembers the order.
    const again = createPaceSession(port);
    const reopened = await again.open();
    if (!reopened.ok) throw new Error(reopened.problem.message);
    expect(reopened.value.monthFirstColumns[0].order).toBe('mdy');
  });

  test('a column that is not a date column is refused and nothing is saved; an empty choice forgets', async () => {
    const { port, settings } = memoryPort(usGrid());
    const session = createPaceSession(port);
    await session.open();
    const refused = await session.setDateOrder({ A: 'mdy' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problem.kind).toBe('usage');
    expect(settings.has(SETTING_DATE_ORDER)).toBe(false);
    await session.setDateOrder({ permanenceRecommendation: 'dmy' });
    const forgot = await session.setDateOrder({});
    if (!forgot.ok) throw new Error(forgot.problem.message);
    expect(forgot.value.monthFirstColumns[0].order).toBeNull();
    expect(settings.get(SETTING_DATE_ORDER)).toEqual({});
  });

  test('a saved order for a column that is gone does not stop the sheet opening', async () => {
    const { port, settings } = memoryPort(usGrid());
    settings.set(SETTING_DATE_ORDER, { Tracker: { Z: 'mdy', E: 'mdy' } });
    const opened = await createPaceSession(port).open();
    if (!opened.ok) throw new Error(opened.problem.message);
    expect(opened.value.monthFirstColumns[0].order).toBe('mdy');
  });

  test('loadAims does not write the preset cohort lists into the user\'s aims', async () => {
    const { port } = memoryPort(usGrid());
    const session = createPaceSession(port);
    await session.open();
    const file = await session.loadAims();
    expect('cohorts' in file).toBe(false);
    expect((await session.saveAims(file)).ok).toBe(true);
  });
});
