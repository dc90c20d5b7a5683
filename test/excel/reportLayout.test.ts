import { alternativeSheetNames, chooseSheetNames, freeTableName, retarget, temporaryNames } from '../../src/excel/sheetNaming';
import { blockPieces, cellNumberFormats, formattedColumnRuns, rectangular } from '../../src/excel/blockPieces';
import { chartTypeName, columnWidthPoints, fontFor, lineStyleName, markerSize, markerStyleName } from '../../src/excel/styling';
import { ownedSheetIds } from '../../src/excel/ownership';

describe('sheet names', () => {
  it('offers "(PACE)" then numbers, within 31 characters', () => {
    expect(alternativeSheetNames('PACE Issues', 3)).toEqual(['PACE Issues (PACE)', 'PACE Issues (2)', 'PACE Issues (3)']);
    const long = 'Aim 12 accommodation to recomme'; // 31 characters
    for (const name of alternativeSheetNames(long, 12)) expect(name.length).toBeLessThanOrEqual(31);
    expect(alternativeSheetNames(long, 1)[0]).toBe('Aim 12 accommodation to (PACE)');
  });

  it('keeps clear of user sheets, case-insensitively, and reuses its own names', () => {
    const naming = chooseSheetNames(['PACE Summary', 'PACE Issues', 'Aim 1'], [
      { name: 'pace summary', ownedByAddIn: false },
      { name: 'PACE Summary (PACE)', ownedByAddIn: false },
      { name: 'PACE Issues', ownedByAddIn: true },
    ]);
    expect(naming.names).toEqual(['PACE Summary (2)', 'PACE Issues', 'Aim 1']);
    expect([...naming.renamed]).toEqual([['PACE Summary', 'PACE Summary (2)']]);
    expect(naming.notes).toHaveLength(1);
  });

  it('makes temporary names that clash with nothing', () => {
    expect(temporaryNames(2, ['PACE new 1', 'Tracker'])).toEqual(['PACE new 2', 'PACE new 3']);
  });

  it('frees table names with a numeric suffix', () => {
    const taken = new Set(['pace_issues']);
    expect(freeTableName('PACE_Issues', taken)).toBe('PACE_Issues_2');
    expect(freeTableName('PACE_Aim1', taken)).toBe('PACE_Aim1');
    expect(taken.has('pace_issues_2')).toBe(true);
  });

  it('retargets links to renamed sheets only', () => {
    const renamed = new Map([['PACE Issues', "PACE Issues (PACE)"]]);
    expect(retarget("'PACE Issues'!A1", renamed)).toBe("'PACE Issues (PACE)'!A1");
    expect(retarget("'Tracker'!H17", renamed)).toBe("'Tracker'!H17");
    expect(retarget('A1', renamed)).toBe('A1');
  });
});

describe('blocks', () => {
  it('pads ragged rows', () => {
    expect(rectangular([['a'], ['b', 'c']])).toEqual([['a', ''], ['b', 'c']]);
  });

  it('finds the runs of formatted columns', () => {
    expect(formattedColumnRuns([null, 'd', 'd', null, '0.0'], 6)).toEqual([
      { first: 1, formats: ['d', 'd'] },
      { first: 4, formats: ['0.0'] },
    ]);
    expect(formattedColumnRuns(undefined, 3)).toEqual([]);
  });

  it('cuts a big block into pieces under the byte budget, with their formats', () => {
    const values = Array.from({ length: 100 }, (_, i) => [`C${i}`, 43000 + i]);
    const pieces = blockPieces({ at: 'B5', values, columnFormats: [null, 'dd/mm/yyyy'] }, 600);
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.every((p) => p.bytes <= 600)).toBe(true);
    expect(pieces.flatMap((p) => p.values)).toEqual(values);
    expect(pieces[0].address).toBe(`B5:C${4 + pieces[0].values.length}`);
    // The text IDs in column B get the text format, the dates their planned one.
    expect(pieces[1].formatRuns[0].address).toBe(`B${5 + pieces[0].values.length}:C${4 + pieces[0].values.length + pieces[1].values.length}`);
    expect(pieces[1].formatRuns[0].numberFormats.every((r) => r[0] === '@' && r[1] === 'dd/mm/yyyy')).toBe(true);
  });

  it('writes a one-cell block at its cell, text formatted as text', () => {
    expect(blockPieces({ at: 'A1', values: [['Title']] }, 1000)).toEqual([{ address: 'A1', values: [['Title']], formatRuns: [{ address: 'A1', numberFormats: [['@']] }], bytes: 16 }]);
  });

  it('sends no formats for a block of plain numbers', () => {
    expect(blockPieces({ at: 'A1', values: [[1, 2]] }, 1000)[0].formatRuns).toEqual([]);
  });

  it('gives every text cell the text format and other cells their column\'s (Range.values is read as if typed)', () => {
    expect(
      cellNumberFormats(
        [
          ['Child ID', 'Date', 'Weeks'],
          ['000123', 43000, 12.5],
          ['-12', '', true],
        ],
        [null, 'dd/mm/yyyy', null],
      ),
    ).toEqual([
      ['@', '@', '@'],
      ['@', 'dd/mm/yyyy', null],
      ['@', 'dd/mm/yyyy', null],
    ]);
  });
});

describe('styles', () => {
  it('maps block styles to fonts', () => {
    expect(fontFor('title')).toEqual({ bold: true, size: 16 });
    expect(fontFor('headline')).toEqual({ bold: true, size: 14 });
    expect(fontFor('note')).toEqual({ italic: true, color: '#595959' });
    expect(fontFor('normal')).toBeNull();
    expect(fontFor(undefined)).toBeNull();
  });
  it('turns characters into points (Excel default 8.43 characters = 48 points)', () => {
    expect(columnWidthPoints(8.43)).toBeCloseTo(48, 0);
    expect(columnWidthPoints(0)).toBe(3.75);
  });
  it('maps chart kinds, lines and markers to Excel', () => {
    expect(chartTypeName({ kind: 'line' })).toBe('LineMarkers');
    expect(chartTypeName({ kind: 'bar', stacked: true })).toBe('BarStacked');
    expect(chartTypeName({ kind: 'bar' })).toBe('BarClustered');
    expect(chartTypeName({ kind: 'column', stacked: true })).toBe('ColumnStacked');
    expect(chartTypeName({ kind: 'column' })).toBe('ColumnClustered');
    expect(lineStyleName('dash')).toBe('Dash');
    expect(lineStyleName('none')).toBe('None');
    expect(lineStyleName('solid')).toBe('Continuous');
    expect(markerStyleName('triangle')).toBe('Triangle');
    expect(markerSize(undefined)).toBe(7);
    expect(markerSize(100)).toBe(72);
    expect(markerSize(1)).toBe(2);
  });
});

describe('ownership', () => {
  it('owns only recorded sheets that still carry the recorded name', () => {
    const sheets = [
      { id: '1', name: 'PACE Summary' },
      { id: '2', name: 'My copy of the issues' },
      { id: '3', name: 'Tracker' },
    ];
    const registry = [
      { id: '1', name: 'pace summary' },
      { id: '2', name: 'PACE Issues' },
      { id: '9', name: 'Aim 1' },
    ];
    expect([...ownedSheetIds(registry, sheets)]).toEqual(['1']);
    expect(ownedSheetIds(null, sheets).size).toBe(0);
  });
});
