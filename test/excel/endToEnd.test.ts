/**
 * The whole add-in flow on the sample workbook, with the fake standing in
 * for Excel: the session (core) drives the Office.js adapter.
 */
import { readWorkbookFile } from '../../src/xlsx/read';
import { fakeFromGrid } from '../fake-excel';
import { createExcelPort } from '../../src/excel';
import { createPaceSession } from '../../src/core/usecases/session';

describe('session over the Office.js adapter (sample workbook)', () => {
  it('opens, checks, marks, clears and writes the report, leaving the tracker untouched', async () => {
    const grid = await readWorkbookFile(`${__dirname}/../../samples/pace-sample.xlsx`);
    const fake = fakeFromGrid(grid);
    const before = fake.snapshot('Tracker');
    const session = createPaceSession(createExcelPort(fake.Excel, fake.Office));

    const opened = await session.open();
    if (!opened.ok) throw new Error(opened.problem.message);
    expect(opened.value.sheet).toBe('Tracker');
    expect(opened.value.childCount).toBe(300);

    const checked = await session.check('2024-03-31');
    if (!checked.ok) throw new Error(checked.problem.message);
    const marked = await session.markFindings(checked.value.findings);
    expect(marked.ok).toBe(true);
    expect(await session.hasMarks()).toBe(checked.value.findings.length > 0);
    expect((await session.clearMarks()).ok).toBe(true);
    expect(fake.snapshot('Tracker')).toEqual(before);

    fake.resetCounters();
    const written = await session.writeReport('2024-03-31');
    if (!written.ok) throw new Error(written.problem.message);
    expect(fake.syncCount).toBeLessThanOrEqual(10);
    for (const name of written.value.sheets) expect(fake.sheet(name).deleted).toBe(false);
    const charts = fake.workbook.liveSheets().flatMap((s) => s.charts.filter((c) => !c.deleted));
    expect(charts.length).toBeGreaterThan(0);
    for (const chart of charts) {
      for (const series of chart.series.filter((s) => !s.deleted)) {
        expect(series.values).toMatch(/!\$?[A-Z]+\$?\d+:\$?[A-Z]+\$?\d+$/);
        expect(series.xValues).not.toBeNull();
      }
    }
    expect(fake.snapshot('Tracker')).toEqual(before);

    const again = await session.writeReport('2024-03-31');
    expect(again.ok).toBe(true);
    expect(fake.workbook.liveSheets().map((s) => s.name)).toEqual(['Tracker', 'Notes', ...written.value.sheets]);
  });
});
