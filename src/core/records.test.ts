import fc from 'fast-check';
import { isoFromDay } from './dates/serial';
import { parseCellAddress, type CellValue, type SheetGrid } from './grid';
import { detectLayout } from './layout/detect';
import type { ColumnMapping, SheetLayout } from './model';
import { cellText, readRecords, readRespite } from './records';
import { arbitraryGrid } from '../../test/support/randomGrid';
import { buildSampleGrid } from '../../test/support/sampleGrid';

const iso = (day: number | null) => (day === null ? null : isoFromDay(day));

describe('readRecords on the sample sheet', () => {
  const sample = buildSampleGrid();
  const layout = detectLayout(sample.grid, false)!;
  const records = readRecords(sample.grid, layout);
  const byIndex = (i: number) => records.find((r) => r.row === sample.childRows[i])!;

  test('one record per child row, the blank row skipped', () => {
    expect(records.map((r) => r.row)).toEqual(sample.childRows);
    expect(records.some((r) => r.row === sample.blankRow)).toBe(false);
  });

  test('child IDs and text fields, trimmed, numbers as text', () => {
    expect(byIndex(0).childId).toBe('C1000');
    expect(byIndex(7).childId).toBe('1234');
    expect(byIndex(11).text.team).toBe('South');
    expect(byIndex(0).text).toEqual({
      team: 'North',
      gender: 'Female',
      placementType: 'Foster care',
      legalStatus: 'CSO',
      route: 'Fostering/Adoption',
    });
  });

  test('every mapped date decoded, with how it was read', () => {
    expect(records.map((r) => iso(r.dates.permanenceRecommendation.day))).toEqual(sample.recommendation);
    expect(byIndex(1).dates.permanenceRecommendation.reading).toBe('dateCell');
    expect(byIndex(2).dates.permanenceRecommendation.reading).toBe('text');
    expect(byIndex(3).dates.panel).toEqual({ reading: 'unreadable', day: null, raw: 'tbc' });
    expect(byIndex(4).dates.admDecision.reading).toBe('error');
    expect(byIndex(5).dates.courtApplication.reading).toBe('placeholder');
    expect(byIndex(6).dates.ceasedDate).toMatchObject({ reading: 'textTwoDigitYear', raw: '3.4.19' });
    expect(iso(byIndex(6).dates.ceasedDate.day)).toBe('2019-04-03');
    expect(byIndex(0).dates.legalPermanence.reading).toBe('blank');
    expect(Object.keys(byIndex(0).dates).sort()).toEqual(
      [
        'dateOfBirth', 'lookedAfterStart', 'firstAccommodated', 'lastAccommodated', 'permanenceRecommendation', 'panel', 'admDecision',
        'finalPlacement', 'courtApplication', 'legalPermanence', 'placementStart', 'legalStatusStart', 'ceasedDate',
      ].sort(),
    );
  });

  test('respite read from yes/no, unreadable as null', () => {
    expect(byIndex(9).respite).toBe(true);
    expect(byIndex(10).respite).toBeNull();
    expect(byIndex(10).respiteRaw).toBe('maybe');
    expect(byIndex(0).respite).toBe(false);
  });

  test('cells are the A1 addresses of each mapped field on the row', () => {
    const r = byIndex(3);
    expect(r.cells.panel).toBe(`J${r.row}`);
    expect(r.cells.childId).toBe(`B${r.row}`);
    const fields: string[] = [];
    for (const f in r.cells) fields.push(f);
    expect(fields).toHaveLength(layout.columns.length);
  });

  test('a local milestone column is decoded like the canonical ones', () => {
    const local: SheetLayout = {
      ...layout,
      columns: [...layout.columns, { field: 'legalAdviceMeeting', header: 'Legal advice meeting', column: 'I', confidence: 1, label: 'Legal advice meeting' }],
    };
    const withLocal = readRecords(sample.grid, local);
    // Even-numbered children with a recommendation have a legal advice meeting two weeks later.
    expect(withLocal[4].dates.legalAdviceMeeting.reading).toBe('dateCell');
    expect(withLocal[4].dates.legalAdviceMeeting.day).toBe(withLocal[4].dates.permanenceRecommendation.day! + 14);
    expect(withLocal[1].dates.legalAdviceMeeting.reading).toBe('blank');
    expect(withLocal[0].cells.legalAdviceMeeting).toBe(`I${withLocal[0].row}`);
  });

  test('the 1904 version of the sheet gives the same dates', () => {
    const s1904 = buildSampleGrid({ date1904: true, firstRow: 5, firstColumn: 3 });
    const l1904 = detectLayout(s1904.grid, true)!;
    const r1904 = readRecords(s1904.grid, l1904);
    expect(r1904).toHaveLength(records.length);
    r1904.forEach((r, i) => {
      for (const field of Object.keys(records[i].dates)) {
        expect(r.dates[field].reading).toBe(records[i].dates[field].reading);
        // Serial 0 is a different dummy day in each system (00/01/1900 or 01/01/1904).
        if (r.dates[field].reading !== 'placeholder') expect([field, r.dates[field].day]).toEqual([field, records[i].dates[field].day]);
      }
      expect(r.row).toBe(records[i].row + 4);
      expect(r.cells.childId).toBe(`D${r.row}`);
    });
  });
});

describe('cellText', () => {
  test.each<[CellValue | undefined, string | null]>([
    [null, null],
    [undefined, null],
    ['', null],
    ['  C12 ', 'C12'],
    [1234, '1234'],
    [12.5, '12.5'],
    [true, 'TRUE'],
    [false, 'FALSE'],
  ])('%p → %p', (value, expected) => {
    expect(cellText(value)).toBe(expected);
  });
});

describe('readRespite', () => {
  test.each<[CellValue | undefined, boolean | null]>([
    ['Yes', true],
    ['Y', true],
    [' y ', true],
    ['TRUE', true],
    ['1', true],
    [1, true],
    [true, true],
    ['Respite', true],
    ['No', false],
    ['n', false],
    ['false', false],
    ['0', false],
    [0, false],
    [false, false],
    ['', false],
    [null, false],
    ['maybe', null],
    [2, null],
    ['#N/A', null],
  ])('%p → %p', (value, expected) => {
    expect(readRespite(value)).toBe(expected);
  });
});

describe('readRecords properties', () => {
  test('never throws on random grids, rows in range, every cell a valid address on the grid', () => {
    fc.assert(
      fc.property(arbitraryGrid(), fc.boolean(), fc.array(fc.constantFrom('childId', 'panel', 'team', 'respite', 'localOne'), { maxLength: 5 }), (g: SheetGrid, date1904, fields) => {
        const width = g.values[0]?.length ?? 0;
        const detected = detectLayout(g, date1904);
        const columns: ColumnMapping[] = [...new Set(fields)].map((field, i) => ({
          field,
          header: field,
          column: String.fromCharCode(64 + Math.min(26, g.firstColumn + (i % Math.max(1, width)))),
          confidence: 1,
        }));
        const layouts: SheetLayout[] = [
          ...(detected ? [detected] : []),
          { sheet: g.sheetName, headerRow: g.firstRow, firstDataRow: g.firstRow + 1, lastDataRow: g.firstRow + g.values.length - 1, date1904, table: null, columns, unmapped: [] },
        ];
        for (const layout of layouts) {
          const records = readRecords(g, layout);
          for (const r of records) {
            expect(r.row).toBeGreaterThanOrEqual(layout.firstDataRow);
            expect(r.row).toBeLessThanOrEqual(layout.lastDataRow);
            for (const f in r.cells) {
              const address = r.cells[f];
              const parsed = parseCellAddress(address);
              expect(parsed).not.toBeNull();
              expect(parsed!.row).toBe(r.row);
            }
            if (layout === detected) {
              for (const f in r.cells) {
              const address = r.cells[f];
                const parsed = parseCellAddress(address)!;
                expect(parsed.column).toBeGreaterThanOrEqual(g.firstColumn);
                expect(parsed.column).toBeLessThan(g.firstColumn + width);
              }
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
