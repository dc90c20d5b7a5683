/**
 * Acceptance on the synthetic sample workbook (test/support/sample.ts):
 * read as the command line reads it, every planted error is flagged on its
 * cell, and no clean row gets an error, whatever the column order, wording or
 * date system.
 */
import { workbookToGrid } from '../../xlsx/read';
import { buildSampleWorkbook, type SampleOptions } from '../../../test/support/sample';
import { detectLayout } from '../layout/detect';
import { readRecords } from '../records';
import { checkRecords } from './runChecks';
import { dayFromIso } from '../../../test/support/checks';

/** What the planted kind must be reported as. */
const EXPECTED: Record<string, { rules: string[]; severity: string | string[] }> = {
  // A warning when day and month could be swapped ("02/04/2021"), a note when not ("22/09/2020").
  textDate: { rules: ['text-date'], severity: ['warning', 'info'] },
  twoDigitYear: { rules: ['two-digit-year'], severity: 'warning' },
  unreadableText: { rules: ['unreadable-date'], severity: 'error' },
  placeholder: { rules: ['placeholder-date'], severity: 'error' },
  errorValue: { rules: ['error-value'], severity: 'error' },
  yearNumber: { rules: ['implausible-number'], severity: 'error' },
  admBeforePanel: { rules: ['adm-before-panel'], severity: 'error' },
  courtBeforeAdm: { rules: ['court-before-adm'], severity: 'error' },
  duplicateId: { rules: ['duplicate-child-id'], severity: 'error' },
  missingId: { rules: ['missing-child-id'], severity: 'error' },
  futureDate: { rules: ['future-date'], severity: 'error' },
  beforeBirth: { rules: ['before-birth'], severity: 'error' },
  outsidePopulation: { rules: ['outside-population'], severity: 'warning' },
  recommendationBeforeLookedAfter: { rules: ['recommendation-before-looked-after'], severity: 'error' },
};

function check(options: SampleOptions) {
  const sample = buildSampleWorkbook(options);
  const book = workbookToGrid(sample.workbook);
  const grid = book.sheets.find((s) => s.sheetName === sample.sheetName)!;
  const layout = detectLayout(grid, book.date1904)!;
  const records = readRecords(grid, layout);
  const result = checkRecords(records, layout, { asOf: dayFromIso(sample.asOf) });
  return { sample, layout, result };
}

describe.each<[string, SampleOptions]>([
  ['standard sample', {}],
  ['another authority: shuffled columns, other wording, 1904 dates, a Table, extra local columns', { columnOrder: 'shuffled', wording: 'alternative', date1904: true, asTable: true, extraLocalColumns: true, rowsAboveHeader: 0 }],
  ['a bigger sheet with another seed', { children: 1500, seed: 7 }],
])('%s', (_name, options) => {
  const { sample, layout, result } = check(options);

  test('the sheet is read as laid out', () => {
    expect(layout.headerRow).toBe(sample.headerRow);
    expect(sample.plantedErrors.length).toBeGreaterThan(5);
  });

  test('every planted error is flagged on its cell with the expected rule and severity', () => {
    const missed = sample.plantedErrors.filter((p) => {
      const want = EXPECTED[p.kind];
      return !result.findings.some((f) => f.cell === p.cell && want.rules.includes(f.rule) && [want.severity].flat().includes(f.severity));
    });
    expect(missed).toEqual([]);
  });

  test('no clean row gets an error', () => {
    const plantedRows = new Set(sample.plantedErrors.map((p) => p.row));
    const onClean = result.findings.filter((f) => f.severity === 'error' && !plantedRows.has(f.row));
    expect(onClean).toEqual([]);
  });

  test('a planted row gets no error beyond its planted problem', () => {
    const planted = new Map(sample.plantedErrors.map((p) => [p.row, p]));
    const extra = result.findings.filter((f) => f.severity === 'error' && planted.has(f.row) && f.cell !== planted.get(f.row)!.cell);
    expect(extra).toEqual([]);
  });

  test('respite rows are warned about', () => {
    const respiteCells = result.findings.filter((f) => f.rule === 'respite-row').map((f) => f.row);
    expect(respiteCells).toEqual(sample.respiteRows);
  });
});

describe('the sample without planted errors', () => {
  test('has no errors at all', () => {
    const { result } = check({ plantErrors: false, children: 600, seed: 3 });
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
