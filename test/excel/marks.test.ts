import { createFakeExcel, FakeExcel } from '../fake-excel';
import { clearMarks, hasMarks, markCells } from '../../src/excel/marks';
import { addressLists, cellsBySeverity, MAX_ADDRESS_CHARS } from '../../src/excel/markLayout';
import { MARKS_KEY } from '../../src/excel/settings';
import type { CellMark } from '../../src/core/port';
import { envOf } from './helpers';

function tracker(options: { protected?: boolean; apiVersion?: string } = {}): FakeExcel {
  const values = [['PACE'], [], ['Child ID', 'Date LAC', 'Recommendation'], ...Array.from({ length: 3000 }, (_, i) => [`C${i}`, 43000 + i, 43100 + i])];
  return createFakeExcel({
    apiVersion: options.apiVersion,
    sheets: [
      {
        name: 'Tracker',
        values,
        numberFormats: values.map((_, i) => (i > 2 ? [null, 'dd/mm/yyyy', 'dd/mm/yyyy'] : [])),
        protected: options.protected,
        cellFormats: { A3: { bold: true, fill: '#D9E1F2' }, B10: { color: '#FF0000' } },
        conditionalFormats: [{ range: 'C4:C3003', formula: '=C4>TODAY()', fill: '#FFFF00' }],
        merged: ['A1:C1'],
      },
      { name: 'Other', values: [['x']] },
    ],
  });
}

const marks: CellMark[] = [
  { cell: 'B5', severity: 'error', note: 'Date before birth' },
  { cell: 'C7', severity: 'warning', note: 'Two-digit year' },
  { cell: 'A9', severity: 'info', note: 'Read from text' },
  { cell: 'C7', severity: 'error', note: 'Recommendation before accommodation' },
  { cell: 'B12', severity: 'warning', note: 'Respite row' },
];

const ours = (fake: FakeExcel) => fake.sheet('Tracker').conditionalFormats.filter((cf) => cf.formula === '=TRUE');
const areas = (fake: FakeExcel) => ours(fake).map((cf) => [cf.fillColor, cf.areas.map((a) => `${a.c0},${a.r0}`).join(' ')]);

describe('markCells and clearMarks', () => {
  it('adds one conditional format per severity, then removes exactly those, leaving the sheet as it was', async () => {
    const fake = tracker();
    const before = fake.snapshot('Tracker');
    await markCells(envOf(fake), 'Tracker', marks);
    expect(fake.syncCount).toBe(3);
    // C7 carries an error and a warning: it shows the error.
    expect(areas(fake)).toEqual([
      ['#FFC7CE', '1,4 2,6'],
      ['#FFEB9C', '1,11'],
      ['#DDEBF7', '0,8'],
    ]);
    expect(await hasMarks(envOf(fake), 'Tracker')).toBe(true);
    expect(await hasMarks(envOf(fake), 'Other')).toBe(false);
    fake.resetCounters();
    await clearMarks(envOf(fake), 'Tracker');
    expect(fake.syncCount).toBe(2);
    expect(fake.snapshot('Tracker')).toEqual(before);
    expect(await hasMarks(envOf(fake), 'Tracker')).toBe(false);
  });

  it('replaces its earlier marks instead of piling them up', async () => {
    const fake = tracker();
    await markCells(envOf(fake), 'Tracker', marks);
    await markCells(envOf(fake), 'Tracker', [{ cell: 'A4', severity: 'error', note: 'Duplicate ID' }]);
    expect(areas(fake)).toEqual([['#FFC7CE', '0,3']]);
    expect(fake.sheet('Tracker').conditionalFormats).toHaveLength(2);
  });

  it('marks thousands of cells with a few formats, each address list short enough', async () => {
    const fake = tracker();
    const many: CellMark[] = Array.from({ length: 2500 }, (_, i) => ({ cell: `B${i + 4}`, severity: 'error', note: 'Future date' }));
    await markCells(envOf(fake), 'Tracker', many);
    const formats = ours(fake);
    expect(formats.length).toBeGreaterThan(5);
    expect(formats.length).toBeLessThan(30);
    expect(formats.reduce((n, cf) => n + cf.areas.length, 0)).toBe(2500);
    expect(fake.syncCount).toBe(3);
  });

  it('falls back to one format per cell, still in one sync, without ExcelApi 1.9', async () => {
    const fake = tracker({ apiVersion: '1.8' });
    const before = fake.snapshot('Tracker');
    await markCells(envOf(fake), 'Tracker', marks);
    expect(fake.syncCount).toBe(3);
    expect(ours(fake)).toHaveLength(4);
    await clearMarks(envOf(fake), 'Tracker');
    expect(fake.snapshot('Tracker')).toEqual(before);
  });

  it('refuses a protected sheet in plain words and changes nothing', async () => {
    const fake = tracker({ protected: true });
    const before = fake.snapshot('Tracker');
    await expect(markCells(envOf(fake), 'Tracker', marks)).rejects.toEqual(
      expect.objectContaining({ kind: 'protectedSheet', message: expect.stringContaining('is protected, so marks cannot be added') }),
    );
    expect(fake.snapshot('Tracker')).toEqual(before);
    expect(fake.workbook.settings.has(MARKS_KEY)).toBe(false);
  });

  it('clears cleanly when the user already deleted some of the marks', async () => {
    const fake = tracker();
    const before = fake.snapshot('Tracker');
    await markCells(envOf(fake), 'Tracker', marks);
    const sheet = fake.sheet('Tracker');
    sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => cf.fillColor !== '#FFC7CE');
    await clearMarks(envOf(fake), 'Tracker');
    expect(fake.snapshot('Tracker')).toEqual(before);
  });

  it('does nothing (one sync) when there are no marks to clear', async () => {
    const fake = tracker();
    const before = fake.snapshot('Tracker');
    await clearMarks(envOf(fake), 'Tracker');
    expect(fake.syncCount).toBe(1);
    expect(fake.snapshot('Tracker')).toEqual(before);
  });

  it('says plainly when the sheet does not exist', async () => {
    const fake = tracker();
    await expect(markCells(envOf(fake), 'Nope', marks)).rejects.toEqual(expect.objectContaining({ kind: 'sheetNotFound' }));
  });
});

describe('mark layout', () => {
  it('groups cells at their worst severity, in severity order', () => {
    expect(cellsBySeverity(marks)).toEqual([
      { severity: 'error', cells: ['B5', 'C7'] },
      { severity: 'warning', cells: ['B12'] },
      { severity: 'info', cells: ['A9'] },
    ]);
    expect(cellsBySeverity([{ cell: '$b$5', severity: 'info', note: '' }])).toEqual([{ severity: 'info', cells: ['B5'] }]);
  });

  it('cuts address lists at the length limit', () => {
    const cells = Array.from({ length: 1000 }, (_, i) => `AB${i + 1000}`);
    const lists = addressLists(cells);
    expect(lists.every((l) => l.length <= MAX_ADDRESS_CHARS)).toBe(true);
    expect(lists.join(',').split(',')).toEqual(cells);
    expect(addressLists([])).toEqual([]);
  });
});
