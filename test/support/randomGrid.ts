/**
 * fast-check arbitraries for grids full of what real sheets hold: numbers of
 * every size, unicode, error values, booleans, blanks, and PACE headings.
 */
import fc from 'fast-check';
import type { CellValue, SheetGrid } from '../../src/core/grid';

export const arbitraryCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.boolean(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -10_000, max: 3_000_000 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '#N/A', '#REF!', '#VALUE!', 'tbc', '03/04/2019', '3.4.19', '00/01/1900', 'Child ID', 'CLAS ID', 'Date LAC',
    'Perm rec', 'Panel', 'ADM', 'Date order granted', 'Respite', 'Y', 'N', 'Legal advice meeting', 'Team',
  ),
);

export const arbitraryFormat: fc.Arbitrary<string> = fc.constantFrom('General', 'dd/mm/yyyy', '0.00', '@', '[h]:mm', 'd-mmm-yy');

/** Rectangular grids up to rows × columns, with matching number formats (or none). */
export function arbitraryGrid(maxRows = 20, maxColumns = 8): fc.Arbitrary<SheetGrid> {
  return fc
    .record({
      rows: fc.integer({ min: 0, max: maxRows }),
      columns: fc.integer({ min: 1, max: maxColumns }),
      firstRow: fc.integer({ min: 1, max: 50 }),
      firstColumn: fc.integer({ min: 1, max: 30 }),
      withFormats: fc.boolean(),
    })
    .chain(({ rows, columns, firstRow, firstColumn, withFormats }) =>
      fc.record({
        values: fc.array(fc.array(arbitraryCell, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }),
        formats: fc.array(fc.array(arbitraryFormat, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }),
      }).map(({ values, formats }) => ({
        sheetName: 'Random',
        firstRow,
        firstColumn,
        values,
        numberFormats: withFormats ? formats : null,
        table: null,
      })),
    );
}
