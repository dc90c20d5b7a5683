/**
 * The checks on a sheet read by the real reader: header detection, date
 * decoding and records, so the checks' assumptions about readings hold.
 */
import type { SheetGrid } from '../grid';
import { detectLayout } from '../layout/detect';
import { readRecords } from '../records';
import { checkRecords } from './runChecks';
import { dayFromIso } from '../../../test/support/checks';

const serial = (iso: string) => dayFromIso(iso) + 25569;
const D = 'dd/mm/yyyy';

function grid(): SheetGrid {
  const header = ['Child ID', 'Date of birth', 'Date became looked after', 'First accommodated', 'Permanence recommendation', 'Panel date', 'ADM decision', 'Court application', 'Legal permanence', 'Permanence route', 'Legal advice meeting'];
  const rows: (string | number | null)[][] = [
    ['C001', serial('2015-02-01'), serial('2020-01-06'), serial('2020-01-06'), serial('2020-06-01'), serial('2020-09-01'), serial('2020-08-01'), serial('2021-01-10'), serial('2021-06-01'), 'Fostering/Adoption', serial('2020-05-01')],
    ['C002', serial('2016-02-01'), '3.4.19', serial('2019-04-03'), 'tbc', null, null, null, null, 'Kinship', null],
    ['C003', serial('2017-02-01'), serial('2019-04-03'), null, serial('2019-10-01'), null, null, null, serial('2020-10-01'), 'Remaining at home', null],
    ['C004', serial('2012-02-01'), 0, '#N/A', serial('2019-10-01'), 2019, serial('2019-12-01'), null, null, 'Adoption', null],
    ['C001', serial('2014-02-01'), '03/04/2019', serial('2019-04-03'), null, null, null, null, null, '', serial('2030-01-01')],
  ];
  const values = [['PACE tracker: Anytown', ...Array(header.length - 1).fill('')], Array(header.length).fill(''), header, ...rows];
  const numberFormats = values.map((row, r) => row.map((v, c) => (r >= 3 && typeof v === 'number' && !(r === 6 && c === 5) ? D : 'General')));
  // The panel column (F) holds 2019 as a plain number in row 7.
  return { sheetName: 'Tracker', firstRow: 1, firstColumn: 1, values, numberFormats, table: null };
}

describe('checks on a sheet read by the reader', () => {
  const g = grid();
  const layout = detectLayout(g, false);
  test('the layout is found', () => {
    expect(layout).not.toBeNull();
    expect(layout!.headerRow).toBe(3);
  });

  test('the planted problems are found on their cells, the clean home child has none', () => {
    const records = readRecords(g, layout!);
    const result = checkRecords(records, layout!, { asOf: dayFromIso('2024-03-31') });
    const got = result.findings.map((f) => `${f.severity} ${f.rule} ${f.cell}`);
    const columnOf = (field: string) => layout!.columns.find((c) => c.field === field)?.column;
    expect(columnOf('admDecision')).toBe('G');
    expect(got).toEqual(
      expect.arrayContaining([
        'error adm-before-panel G4',
        'warning two-digit-year C5',
        'error unreadable-date E5',
        'error placeholder-date C7',
        'error error-value D7',
        'error implausible-number F7',
        'error duplicate-child-id A8',
        'warning text-date C8',
      ]),
    );
    expect(result.findings.filter((f) => f.row === 6)).toEqual([]);
    expect(result.findings.filter((f) => f.row === 4).map((f) => f.rule).sort()).toEqual(['adm-before-panel']);
    expect(result.counts).toEqual({ error: 6, warning: 2, info: 1 });
    const placeholder = result.findings.find((f) => f.rule === 'placeholder-date')!;
    expect(placeholder.message).toMatch(/^00\/01\/1900 in Became looked after/);
  });
});
