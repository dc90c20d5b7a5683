import { createFakeExcel, FakeExcel } from '../fake-excel';
import { clearMarks, hasMarks, markCells } from '../../src/excel/marks';
import { addressLists, cellsBySeverity, isMarkFormat, MARK_RULE, MAX_ADDRESS_CHARS } from '../../src/excel/markLayout';
import { MARKS_KEY } from '../../src/excel/settings';
import { createExcelPort } from '../../src/excel';
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

const ours = (fake: FakeExcel) => fake.sheet('Tracker').conditionalFormats.filter((cf) => cf.formula === MARK_RULE);
// Formats are listed top priority first, and each add() takes the top: the last severity added (info) comes first.
const areas = (fake: FakeExcel) =>
  ours(fake)
    .map((cf) => [cf.fillColor, cf.areas.map((a) => `${a.c0},${a.r0}`).join(' ')])
    .reverse();
/** The user's own conditional format, added through Excel like any other (it takes the top priority). */
async function userAddsFormat(fake: FakeExcel, range: string, formula: string, fill: string): Promise<void> {
  await fake.Excel.run(async (context) => {
    const cf = context.workbook.worksheets.getItem('Tracker').getRange(range).conditionalFormats.add(fake.Excel.ConditionalFormatType.custom);
    cf.custom.rule.formula = formula;
    cf.custom.format.fill.color = fill;
    await context.sync();
  });
}
/** The user's formats in priority order, without ids (positions shift as marks come and go). */
const userFormats = (fake: FakeExcel) =>
  fake
    .snapshot('Tracker')
    .conditionalFormats.filter((cf) => cf.formula !== MARK_RULE)
    .map(({ formula, fillColor, areas }) => ({ formula, fillColor, areas }));

describe('markCells and clearMarks', () => {
  it('adds one conditional format per severity, then removes exactly those, leaving the sheet as it was', async () => {
    const fake = tracker();
    const before = fake.snapshot('Tracker');
    await markCells(envOf(fake), 'Tracker', marks);
    // Behaviour relied on: ConditionalFormat.id is a position; marks are found by rule and fill (two reads, one write).
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
    expect(fake.syncCount).toBe(3);
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

  it('does nothing (reads only) when there are no marks to clear', async () => {
    const fake = tracker();
    const before = fake.snapshot('Tracker');
    await clearMarks(envOf(fake), 'Tracker');
    expect(fake.syncCount).toBe(2);
    expect(fake.snapshot('Tracker')).toEqual(before);
  });

  it('keeps no record in the settings: marks are recognised on the sheet', async () => {
    const fake = tracker();
    await markCells(envOf(fake), 'Tracker', marks);
    expect(fake.workbook.settings.has(MARKS_KEY)).toBe(false);
  });

  it('says plainly when the sheet does not exist', async () => {
    const fake = tracker();
    await expect(markCells(envOf(fake), 'Nope', marks)).rejects.toEqual(expect.objectContaining({ kind: 'sheetNotFound' }));
  });
});

describe('marks and the user\'s own conditional formats (ConditionalFormat.id is a priority, add() takes the top)', () => {
  it('loads every newly added format as id "0", as Excel documents, so an id is no key', async () => {
    const fake = tracker();
    const ids: string[] = [];
    await fake.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Tracker').getRange('A1:C9');
      for (const fill of ['#000001', '#000002']) {
        const cf = range.conditionalFormats.add(fake.Excel.ConditionalFormatType.custom);
        cf.custom.rule.formula = '=TRUE';
        cf.custom.format.fill.color = fill;
        cf.load('id');
        await context.sync();
        ids.push(cf.id);
      }
    });
    expect(ids).toEqual(['0', '0']);
    expect(fake.snapshot('Tracker').conditionalFormats.map((cf) => [cf.id, cf.fillColor])).toEqual([
      ['0', '#000002'],
      ['1', '#000001'],
      ['2', '#FFFF00'],
    ]);
  });

  it('keeps a format the user added after marking, and removes every mark (one session)', async () => {
    const fake = tracker();
    await markCells(envOf(fake), 'Tracker', marks);
    await userAddsFormat(fake, 'B4:B20', '=B4<DATE(2010,1,1)', '#00B050');
    const before = userFormats(fake);
    await clearMarks(envOf(fake), 'Tracker');
    expect(ours(fake)).toEqual([]);
    expect(fake.snapshot('Tracker').conditionalFormats).toHaveLength(2);
    expect(userFormats(fake)).toEqual(before);
    expect(before.map((cf) => cf.fillColor)).toEqual(['#00B050', '#FFFF00']);
  });

  it('keeps the user\'s formats added before and after marking, after the workbook is closed and reopened', async () => {
    const fake = tracker();
    await userAddsFormat(fake, 'A4:A20', '=LEN(A4)>6', '#FF00FF');
    await markCells(envOf(fake), 'Tracker', marks);
    await userAddsFormat(fake, 'C4:C20', '=C4=""', '#0000FF');
    const userBefore = userFormats(fake);
    fake.reopen();
    const port = createExcelPort(fake.Excel, fake.Office);
    expect(await port.hasMarks('Tracker')).toBe(true);
    // Marking again after the reopen replaces the marks instead of piling them up.
    await port.markCells('Tracker', marks);
    expect(ours(fake)).toHaveLength(3);
    await port.clearMarks('Tracker');
    expect(await port.hasMarks('Tracker')).toBe(false);
    expect(fake.snapshot('Tracker').conditionalFormats).toHaveLength(3);
    expect(userFormats(fake)).toEqual(userBefore);
  });

  it('leaves a colour scale or any non-custom format alone (it has no rule to read)', async () => {
    const fake = createFakeExcel({
      sheets: [{ name: 'Tracker', values: [['Child ID'], ['C1']], conditionalFormats: [{ range: 'B2:B9', type: 'ColorScale' }] }],
    });
    await markCells(envOf(fake), 'Tracker', [{ cell: 'A2', severity: 'error', note: 'x' }]);
    await clearMarks(envOf(fake), 'Tracker');
    expect(fake.snapshot('Tracker').conditionalFormats).toEqual([{ id: '0', type: 'ColorScale', areas: ['B2:B9'], formula: null, fillColor: null }]);
  });

  it('clears marks made before they carried the add-in\'s name, where the old record says there were marks', async () => {
    const legacy = { range: 'B5', formula: '=TRUE', fill: '#FFC7CE' };
    const fake = createFakeExcel({
      sheets: [{ name: 'Tracker', values: [['Child ID'], ['C1']], conditionalFormats: [legacy, { range: 'A1:A9', formula: '=TRUE', fill: '#123456' }] }],
      settings: { [MARKS_KEY]: JSON.stringify({ '{old-sheet-id}': ['0'] }) },
    });
    await clearMarks(envOf(fake), 'Tracker');
    expect(fake.snapshot('Tracker').conditionalFormats.map((cf) => cf.fillColor)).toEqual(['#123456']);
    // Without that record an "=TRUE" rule in a mark colour may be the user's own: it stays.
    const plain = createFakeExcel({ sheets: [{ name: 'Tracker', values: [['Child ID']], conditionalFormats: [legacy] }] });
    await clearMarks(envOf(plain), 'Tracker');
    expect(plain.snapshot('Tracker').conditionalFormats).toHaveLength(1);
  });

  it('recognises a mark by rule and fill, whatever spacing or case Excel reports', () => {
    expect(isMarkFormat('=n("PaceTracker mark") = 0', '#ffc7ce')).toBe(true);
    expect(isMarkFormat(MARK_RULE, '#00FF00')).toBe(false);
    expect(isMarkFormat('=TRUE', '#FFC7CE')).toBe(false);
    expect(isMarkFormat('=TRUE', '#FFC7CE', true)).toBe(true);
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
