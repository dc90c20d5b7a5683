import { createFakeExcel } from '../fake-excel';
import { listSheets, readPreview, readPreviews, readSheet, detectDate1904 } from '../../src/excel/reader';
import { OWNED_SHEETS_KEY } from '../../src/excel/settings';
import { envOf, trackerValues } from './helpers';
import { UserFacingError } from '../../src/core/errors';

describe('listSheets', () => {
  it('lists every sheet with size, visibility, protection and ownership in two syncs', async () => {
    const fake = createFakeExcel({
      sheets: [
        { name: 'Tracker', values: [['a', 'b'], [1, 2], [3, 4]] },
        { name: 'Empty', values: [] },
        { name: 'Hidden', values: [['x']], visible: false },
        { name: 'Locked', values: [['y']], protected: true },
        { name: 'PACE Issues', values: [['z']] },
      ],
    });
    const issuesId = fake.sheet('PACE Issues').id;
    fake.workbook.settings.set(OWNED_SHEETS_KEY, { key: OWNED_SHEETS_KEY, value: JSON.stringify([{ id: issuesId, name: 'PACE Issues' }]) });
    const sheets = await listSheets(envOf(fake));
    expect(fake.syncCount).toBe(2);
    expect(sheets).toEqual([
      { name: 'Tracker', rowCount: 3, columnCount: 2, visible: true, protected: false, ownedByAddIn: false },
      { name: 'Empty', rowCount: 0, columnCount: 0, visible: true, protected: false, ownedByAddIn: false },
      { name: 'Hidden', rowCount: 1, columnCount: 1, visible: false, protected: false, ownedByAddIn: false },
      { name: 'Locked', rowCount: 1, columnCount: 1, visible: true, protected: true, ownedByAddIn: false },
      { name: 'PACE Issues', rowCount: 1, columnCount: 1, visible: true, protected: false, ownedByAddIn: true },
    ]);
  });
});

describe('readPreviews', () => {
  it('reads the first rows of every sheet in two syncs, whatever the number of sheets', async () => {
    const sheets = Array.from({ length: 6 }, (_, i) => ({ name: `S${i}`, values: [[`title ${i}`], ['Child ID', 'DOB'], ['C1', 43000]] }));
    const fake = createFakeExcel({ sheets: [...sheets, { name: 'Empty', values: [] }] });
    fake.resetCounters();
    const grids = await readPreviews(envOf(fake), [...sheets.map((s) => s.name), 'Empty'], 2);
    expect(fake.syncCount).toBe(2);
    expect(grids.map((g) => g.sheetName)).toEqual(['S0', 'S1', 'S2', 'S3', 'S4', 'S5', 'Empty']);
    expect(grids[3].values).toEqual([['title 3', ''], ['Child ID', 'DOB']]);
    expect(grids[6].values).toEqual([]);
  });
});

describe('readPreviews within the request limit', () => {
  it('reads a preview of a sheet with a stray value in column XFD (16,384 columns used) in a small request', async () => {
    const values: (string | number)[][] = [['PACE tracker'], [], ['Child ID', 'Date LAC'], ...Array.from({ length: 40 }, (_, i) => [`C${i}`, 43000 + i])];
    values[5] = [...values[5], ...Array<string>(16_381).fill(''), 'stray'];
    const fake = createFakeExcel({ sheets: [{ name: 'T', values }, { name: 'U', values }] });
    const [grid] = await readPreviews(envOf(fake), ['T', 'U'], 30);
    expect(grid.values[2].slice(0, 2)).toEqual(['Child ID', 'Date LAC']);
    expect(grid.values[0].length).toBeLessThanOrEqual(256);
    expect(fake.largestRequestBytes).toBeLessThan(2_000_000);
  });

  it('reads on an Excel with only ExcelApi 1.4 (getRangeByIndexes needs 1.7 and is not used)', async () => {
    const { values, numberFormats } = trackerValues(30, 5);
    const fake = createFakeExcel({ sheets: [{ name: 'T', values, numberFormats }], apiVersion: '1.4' });
    const env = envOf(fake);
    expect((await readPreviews(env, ['T'], 10))[0].values).toHaveLength(10);
    expect((await readSheet(env, 'T')).values).toHaveLength(33);
    expect(await detectDate1904(env, 'T')).toBe(false);
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem('T').getRangeByIndexes(0, 0, 1, 1).load('values');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});

describe('readPreview', () => {
  it('returns the first rows of the used range with its position', async () => {
    const { values, numberFormats } = trackerValues(50, 5);
    const shifted = values.map((row) => ['', ...row]);
    const fake = createFakeExcel({ sheets: [{ name: 'T', values: shifted, numberFormats: numberFormats.map((r) => [null, ...r]) }] });
    const grid = await readPreview(envOf(fake), 'T', 10);
    expect(grid.firstRow).toBe(1);
    expect(grid.firstColumn).toBe(2);
    expect(grid.values).toHaveLength(10);
    expect(grid.values[2]).toEqual(values[2]);
    expect(grid.numberFormats?.[3][1]).toBe('dd/mm/yyyy');
    expect(grid.table).toBeNull();
    expect(fake.syncCount).toBe(2);
  });

  it('says plainly when the sheet does not exist', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'T', values: [['a']] }] });
    await expect(readPreview(envOf(fake), 'Missing', 5)).rejects.toEqual(expect.objectContaining({ kind: 'sheetNotFound' }));
    await expect(readPreview(envOf(fake), 'Missing', 5)).rejects.toBeInstanceOf(UserFacingError);
  });

  it('returns an empty grid for an empty sheet', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'T', values: [] }] });
    expect(await readPreview(envOf(fake), 'T', 5)).toEqual({ sheetName: 'T', firstRow: 1, firstColumn: 1, values: [], numberFormats: [], table: null });
  });
});

describe('readSheet', () => {
  it('reads a 20,000 × 25 sheet in chunks, each request under 1 MB, syncs = chunks + 1', async () => {
    const { values, numberFormats } = trackerValues(20_000, 25);
    const fake = createFakeExcel({ sheets: [{ name: 'Tracker', values, numberFormats }] });
    const before = fake.snapshot('Tracker');
    const progress: number[] = [];
    const grid = await readSheet(envOf(fake), 'Tracker', (read, total) => {
      expect(total).toBe(values.length);
      progress.push(read);
    });
    const rectangular = values.map((row) => [...row, ...Array(25 - row.length).fill('')]);
    expect(grid.values).toEqual(rectangular);
    expect(grid.numberFormats).toEqual(numberFormats.map((r, i) => (i < 2 ? Array(25).fill('General') : r)));
    expect(grid.firstRow).toBe(1);
    expect(grid.values[53][12]).toBe('#N/A');
    const chunks = progress.length - 1; // the first call reports 0 rows
    expect(fake.syncCount).toBe(chunks + 1);
    expect(chunks).toBeGreaterThan(1);
    expect(chunks).toBeLessThan(40);
    expect(fake.largestRequestBytes).toBeLessThan(1_000_000);
    expect(progress[progress.length - 1]).toBe(values.length);
    expect(fake.snapshot('Tracker')).toEqual(before);
  });

  it('reads a small sheet in one data sync', async () => {
    const { values, numberFormats } = trackerValues(300, 12);
    const fake = createFakeExcel({ sheets: [{ name: 'Tracker', values, numberFormats }] });
    const grid = await readSheet(envOf(fake), 'Tracker');
    expect(grid.values).toHaveLength(303);
    expect(fake.syncCount).toBe(2);
  });

  it('keeps requests small when cells hold long text', async () => {
    const values = [['ID', 'Notes'], ...Array.from({ length: 6000 }, (_, i) => [`C${i}`, 'x'.repeat(400)])];
    const fake = createFakeExcel({ sheets: [{ name: 'Tracker', values }] });
    const grid = await readSheet(envOf(fake), 'Tracker');
    expect(grid.values).toHaveLength(6001);
    expect(fake.largestRequestBytes).toBeLessThan(1_000_000);
  });

  it('reads the Excel Table and names it', async () => {
    const values = [['My authority PACE data'], [], ['Child ID', 'Date LAC'], ['C1', 43000], ['C2', 43100], [], ['Total', 2]];
    const fake = createFakeExcel({ sheets: [{ name: 'Tracker', values, tables: [{ name: 'PermanenceData', range: 'A3:B5' }] }] });
    const grid = await readSheet(envOf(fake), 'Tracker');
    expect(grid).toEqual({
      sheetName: 'Tracker',
      firstRow: 3,
      firstColumn: 1,
      values: [['Child ID', 'Date LAC'], ['C1', 43000], ['C2', 43100]],
      numberFormats: [['General', 'General'], ['General', 'General'], ['General', 'General']],
      table: 'PermanenceData',
    });
    expect(fake.syncCount).toBe(3);
  });

  it('reads a protected sheet', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'Locked', values: [['ID'], ['C1']], protected: true }] });
    expect((await readSheet(envOf(fake), 'Locked')).values).toEqual([['ID'], ['C1']]);
  });

  it('refuses politely on an Excel without ExcelApi 1.4', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'T', values: [['a']] }], apiVersion: '1.3' });
    await expect(readSheet(envOf(fake), 'T')).rejects.toEqual(expect.objectContaining({ kind: 'unsupportedExcel' }));
    expect(fake.syncCount).toBe(0);
  });
});

describe('detectDate1904', () => {
  const sheet = (date1904: boolean) =>
    createFakeExcel({
      date1904,
      sheets: [{ name: 'T', values: [['ID', 'Date LAC', 'Count'], ['C1', 43500, 12], ['C2', 44123, 3]], numberFormats: [[], [null, 'dd/mm/yyyy'], [null, 'd mmm yy']] }],
    });

  it('finds the 1900 date system without writing', async () => {
    const fake = sheet(false);
    const before = fake.snapshot('T');
    expect(await detectDate1904(envOf(fake), 'T')).toBe(false);
    expect(fake.snapshot('T')).toEqual(before);
  });

  it('finds the 1904 date system without writing', async () => {
    const fake = sheet(true);
    const before = fake.snapshot('T');
    expect(await detectDate1904(envOf(fake), 'T')).toBe(true);
    expect(fake.snapshot('T')).toEqual(before);
    // Shape, number formats, then values and displayed text of the date columns only.
    expect(fake.syncCount).toBe(3);
  });

  it('keeps every request small when the sheet holds long notes beside its dates (request limit, 5 MB on the web)', async () => {
    const note = 'A long free-text note about the placement and the plan. '.repeat(20);
    const rows = Array.from({ length: 3000 }, (_, i) => [`C${i}`, 43500 + i, ...Array.from({ length: 8 }, () => note)]);
    const fake = createFakeExcel({
      date1904: true,
      sheets: [{ name: 'T', values: [['ID', 'Date LAC'], ...rows], numberFormats: [[], ...rows.map(() => [null, 'dd/mm/yyyy'])] }],
    });
    expect(await detectDate1904(envOf(fake), 'T')).toBe(true);
    expect(fake.largestRequestBytes).toBeLessThan(1_000_000);
  });

  it('answers false when no cell is formatted as a date', async () => {
    const fake = createFakeExcel({ date1904: true, sheets: [{ name: 'T', values: [['ID'], [43500]] }] });
    expect(await detectDate1904(envOf(fake), 'T')).toBe(false);
  });
});

describe('reading changes nothing', () => {
  it('leaves every sheet and the settings exactly as they were', async () => {
    const { values, numberFormats } = trackerValues(400, 10);
    const fake = createFakeExcel({
      sheets: [
        { name: 'Tracker', values, numberFormats, tables: [{ name: 'Kids', range: 'A3:J403' }], conditionalFormats: [{ range: 'B4:B403', formula: '=B4>TODAY()', fill: '#FFFF00' }], merged: ['A1:J1'] },
        { name: 'Notes', values: [['n']] },
      ],
      settings: { 'paceTracker.asOf': '"2024-03-31"' },
    });
    const before = [fake.snapshot('Tracker'), fake.snapshot('Notes'), [...fake.workbook.settings.entries()]];
    const env = envOf(fake);
    await listSheets(env);
    await readPreview(env, 'Tracker', 20);
    await readSheet(env, 'Tracker');
    await detectDate1904(env, 'Tracker');
    expect([fake.snapshot('Tracker'), fake.snapshot('Notes'), [...fake.workbook.settings.entries()]]).toEqual(before);
    expect(fake.workbook.liveTables().map((t) => t.name)).toEqual(['Kids']);
  });
});
