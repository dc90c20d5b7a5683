import type { IdentifyingColumn } from '../core/submission/identifying';
import { columnLabel, dropList, initialDrop, resultText, toggleDrop } from './shareView';

const columns: IdentifyingColumn[] = [
  { column: 'C', header: 'Surname', reason: 'looks like names', detectedBy: 'header' },
  { column: 'T', header: '', reason: 'NHS / CHI numbers', detectedBy: 'content' },
];

describe('Share step helpers', () => {
  it('ticks every identifying column to start with', () => {
    expect([...initialDrop(columns)]).toEqual(['C', 'T']);
  });

  it('ticks and unticks without changing the set it was given', () => {
    const start = initialDrop(columns);
    const fewer = toggleDrop(start, 'C', false);
    expect([...fewer]).toEqual(['T']);
    expect([...start]).toEqual(['C', 'T']);
    expect([...toggleDrop(fewer, 'Q', true)].sort()).toEqual(['Q', 'T']);
  });

  it('lists columns in sheet order, AA after Z', () => {
    expect(dropList(new Set(['AA', 'Z', 'B', 'AB']))).toEqual(['B', 'Z', 'AA', 'AB']);
  });

  it('says why a column is left out and how that was found', () => {
    expect(columnLabel(columns[0])).toBe("Column C, 'Surname': holds what look like people’s names (from its heading).");
    expect(columnLabel(columns[1])).toBe('Column T, (no heading): holds NHS / CHI numbers (from what is in it).');
  });

  it('reports the result in plain words', () => {
    expect(resultText({ fileName: 'x.xlsx', children: 12, dropped: 13 })).toBe('A new workbook opened with 12 children; 13 columns removed. Check it before sending.');
    expect(resultText({ fileName: 'x.xlsx', children: 1, dropped: 1 })).toBe('A new workbook opened with 1 child; 1 column removed. Check it before sending.');
  });

  it('says how many rows outside the PACE population were left out of the copy, and nothing when none were', () => {
    expect(resultText({ fileName: 'x.xlsx', children: 12, dropped: 13, rowsLeftOut: 2 })).toBe(
      'A new workbook opened with 12 children; 13 columns removed; 2 rows outside the PACE population left out. Check it before sending.',
    );
    expect(resultText({ fileName: 'x.xlsx', children: 12, dropped: 13, rowsLeftOut: 1 })).toContain('; 1 row outside the PACE population left out.');
    expect(resultText({ fileName: 'x.xlsx', children: 12, dropped: 13, rowsLeftOut: 0 })).not.toContain('population');
  });
});
