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

describe('session options: rows outside the PACE population', () => {
  it('leaves the sample’s old row out by default, says so, and keeps it when asked', async () => {
    const grid = await readWorkbookFile(`${__dirname}/../../samples/pace-sample.xlsx`);
    const fake = fakeFromGrid(grid);
    const session = createPaceSession(createExcelPort(fake.Excel, fake.Office));
    const opened = await session.open();
    if (!opened.ok) throw new Error(opened.problem.message);

    const byDefault = await session.measureAims('2024-03-31');
    if (!byDefault.ok) throw new Error(byDefault.problem.message);
    expect(byDefault.value.population.outside).toEqual([{ childId: 'SYN0001', row: 4, ceasedDate: '2020-10-23' }]);
    expect(byDefault.value.population.kept).toBe(false);
    expect(byDefault.value.population.note).toMatch(/^1 row left out of the figures: the child ceased to be looked after more than a year before the as-of date/);

    const kept = await session.measureAims('2024-03-31', { includeOutsidePopulation: true });
    if (!kept.ok) throw new Error(kept.problem.message);
    expect(kept.value.population.kept).toBe(true);
    // SYN0001's journey ended in 2020: keeping the row adds it back to the completed children of some aim.
    const completed = (r: typeof byDefault.value) => r.aims.reduce((n, a) => n + a.completed, 0);
    expect(completed(kept.value)).toBeGreaterThan(completed(byDefault.value));

    // The check names the aim for the recommendation typed before the child became looked after (row 5).
    const checked = await session.check('2024-03-31');
    if (!checked.ok) throw new Error(checked.problem.message);
    const row5 = checked.value.findings.filter((f) => f.row === 5 && f.severity !== 'info');
    expect(row5.map((f) => f.rule)).toEqual(['recommendation-before-looked-after']);
    expect(row5[0].message).toContain("'Accommodation to permanence recommendation'");
  }, 60_000);
});
