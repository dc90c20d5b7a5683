/* eslint-disable @typescript-eslint/no-explicit-any -- the JSON documents under test are untyped on purpose: their keys and types are what is checked. */
/**
 * inspect on layouts unlike the sample: title rows, another authority's
 * wording, shuffled and reversed columns, extra local columns, an Excel
 * Table, the 1904 date system. The header row must be found and every
 * standard field mapped to the right column.
 */
import * as fs from 'fs';
import * as path from 'path';
import { makeTempDir, removeDir, runJson, writeSample } from './helpers';
import { buildSampleWorkbook, SampleColumnKey, SampleOptions, SampleResult } from '../support/sample';
import { FIELDS } from '../../src/core/fields';

const LOCAL_KEYS: SampleColumnKey[] = ['legalAdviceMeeting', 'lastReview', 'reviewNotes'];
const LOCAL_DATE_KEYS: SampleColumnKey[] = ['legalAdviceMeeting', 'lastReview'];

let dir: string;
beforeAll(() => {
  dir = makeTempDir('layouts');
});
afterAll(() => removeDir(dir));

/** What inspect must report for a sample variant, from the generator's own description of it. */
function expectLayoutOf(json: any, sample: SampleResult, options: SampleOptions): void {
  expect(json.sheet).toBe(sample.sheetName);
  expect(json.headerRow).toBe(sample.headerRow);
  expect(json.firstDataRow).toBe(sample.firstDataRow);
  expect(json.lastDataRow).toBe(sample.lastDataRow);
  expect(json.date1904).toBe(options.date1904 === true);
  expect(json.table).toBe(options.asTable ? 'PermanenceData' : null);

  const mapped = new Map<string, any>(json.columns.map((c: any) => [c.field, c]));
  const canonical = sample.columns.filter((k) => !LOCAL_KEYS.includes(k));
  expect(canonical).toHaveLength(FIELDS.length);
  for (const key of canonical) {
    const column = mapped.get(key);
    expect({ key, column: column?.column, header: column?.header }).toEqual({ key, column: sample.columnLetters[key], header: sample.headers[key] });
  }
  // Nothing mapped twice, nothing extra.
  expect(json.columns).toHaveLength(canonical.length);
  const unmapped = new Map<string, any>(json.unmapped.map((u: any) => [u.column, u]));
  for (const key of sample.columns.filter((k) => LOCAL_KEYS.includes(k))) {
    expect(unmapped.get(sample.columnLetters[key] as string)).toEqual({
      header: sample.headers[key],
      column: sample.columnLetters[key],
      looksLikeDates: LOCAL_DATE_KEYS.includes(key),
    });
  }
  expect(json.unmapped).toHaveLength(sample.columns.length - canonical.length);
}

const VARIANTS: [string, SampleOptions][] = [
  ['standard', {}],
  ['five title rows above the header', { rowsAboveHeader: 5 }],
  ['header on row 1', { rowsAboveHeader: 0 }],
  ["another authority's wording", { wording: 'alternative' }],
  ['shuffled columns', { columnOrder: 'shuffled' }],
  ['reversed columns', { columnOrder: 'reversed' }],
  ['extra local columns', { extraLocalColumns: true }],
  ['an Excel Table', { asTable: true }],
  ['the 1904 date system', { date1904: true }],
  [
    'everything at once',
    { wording: 'alternative', columnOrder: 'shuffled', extraLocalColumns: true, asTable: true, date1904: true, rowsAboveHeader: 4, seed: 7 },
  ],
];

describe.each(VARIANTS)('inspect: %s', (label, options) => {
  it('finds the header row and maps every standard field to its column', async () => {
    const { file, sample } = await writeSample(dir, label.replace(/\W+/g, '-'), { children: 60, ...options });
    const { run, json } = await runJson(['inspect', file, '--json']);
    expect(run.code).toBe(0);
    expectLayoutOf(json, sample, options);
  });
});

describe('the layout is read the same way by every command', () => {
  it('a reversed, re-worded, 1904, table workbook gives the same aims and the same error cells as the standard one', async () => {
    const standard = await writeSample(dir, 'same-standard', { children: 120 });
    const odd = await writeSample(dir, 'same-odd', {
      children: 120,
      wording: 'alternative',
      columnOrder: 'reversed',
      asTable: true,
      date1904: true,
      rowsAboveHeader: 2,
    });
    const a = (await runJson(['aims', standard.file, '--as-of', '2024-03-31', '--json'])).json;
    const b = (await runJson(['aims', odd.file, '--as-of', '2024-03-31', '--json'])).json;
    expect(a.aims.length).toBeGreaterThan(0);
    expect(a.aims.some((x: any) => x.completed > 10)).toBe(true);
    // Same rows (header on the same row), same dates: the same figures to the last child.
    expect(b).toEqual(a);

    const rowOf = (cell: string) => Number(cell.replace(/^[A-Z]+/, ''));
    const errorsOf = async (file: string) =>
      (await runJson(['check', file, '--as-of', '2024-03-31', '--json'])).json.findings
        .filter((f: any) => f.severity === 'error')
        .map((f: any) => `${f.rule}@${rowOf(f.cell)}:${f.field}`)
        .sort();
    const errorsA = await errorsOf(standard.file);
    expect(errorsA.length).toBeGreaterThan(0);
    expect(await errorsOf(odd.file)).toEqual(errorsA);
  });

  it('--sheet picks the named sheet and inspect without it picks the tracker over the notes', async () => {
    const { file } = await writeSample(dir, 'named', { children: 20, sheetName: 'LAC 2024' });
    const picked = (await runJson(['inspect', file, '--json'])).json;
    expect(picked.sheet).toBe('LAC 2024');
    const named = (await runJson(['inspect', file, '--sheet', 'LAC 2024', '--json'])).json;
    expect(named).toEqual(picked);
  });

  it('without --sheet picks the tracker even when a cover sheet comes first', async () => {
    const sample = buildSampleWorkbook({ children: 30, sheetName: 'Data' });
    const cover = sample.workbook.addWorksheet('Cover');
    cover.getCell('A1').value = 'PACE permanence tracker';
    cover.getCell('A3').value = 'Child ID';
    cover.getCell('B3').value = 'Read me first: dates are dd/mm/yyyy';
    // ExcelJS orders sheets by orderNo: put the cover first, as many authorities do.
    (cover as unknown as { orderNo: number }).orderNo = -1;
    const file = path.join(dir, 'cover-first.xlsx');
    fs.writeFileSync(file, Buffer.from(await sample.workbook.xlsx.writeBuffer()));
    const json = (await runJson(['inspect', file, '--json'])).json;
    expect(json.sheet).toBe('Data');
    expect(json.headerRow).toBe(sample.headerRow);
    const check = (await runJson(['check', file, '--as-of', '2024-03-31', '--json'])).json;
    expect(check.sheet).toBe('Data');
  });

  it('--sheet chooses between two tracker sheets, and every command follows it', async () => {
    const main = buildSampleWorkbook({ children: 40, seed: 1, sheetName: 'Tracker 2024', notesSheet: false });
    const other = buildSampleWorkbook({ children: 25, seed: 2, rowsAboveHeader: 0, columnOrder: 'reversed', notesSheet: false });
    // Copy the second tracker, cell by cell, into the first workbook.
    const from = other.workbook.getWorksheet(other.sheetName) as import('exceljs').Worksheet;
    const to = main.workbook.addWorksheet('Tracker 2023');
    from.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        const target = to.getCell(r, c);
        target.value = cell.value;
        target.numFmt = cell.numFmt;
      }),
    );
    const file = path.join(dir, 'two-trackers.xlsx');
    fs.writeFileSync(file, Buffer.from(await main.workbook.xlsx.writeBuffer()));

    const inspect = (await runJson(['inspect', file, '--sheet', 'Tracker 2023', '--json'])).json;
    expect(inspect).toMatchObject({ sheet: 'Tracker 2023', headerRow: 1, firstDataRow: 2, lastDataRow: 26 });
    expect(inspect.columns.find((c: any) => c.field === 'childId').column).toBe(other.columnLetters.childId);
    const check = (await runJson(['check', file, '--sheet', 'Tracker 2023', '--as-of', '2024-03-31', '--json'])).json;
    expect(check.sheet).toBe('Tracker 2023');
    expect(check.headerRow).toBe(1);
    const aims = (await runJson(['aims', file, '--sheet', 'Tracker 2023', '--as-of', '2024-03-31', '--json'])).json;
    const rows = aims.aims.flatMap((a: any) => a.children.map((c: any) => c.row));
    expect(rows.length).toBeGreaterThan(0);
    expect(Math.max(...rows)).toBeLessThanOrEqual(26);
    // The same figures as that tracker on its own.
    const alone = path.join(dir, 'tracker-2023-alone.xlsx');
    fs.writeFileSync(alone, Buffer.from(await other.workbook.xlsx.writeBuffer()));
    expect((await runJson(['aims', alone, '--as-of', '2024-03-31', '--json'])).json).toEqual(aims);
  });

  it('a 1904-date workbook gives the same findings, with the same dates in the messages', async () => {
    const standard = await writeSample(dir, 'dates-1900', { children: 150, seed: 8 });
    const old = await writeSample(dir, 'dates-1904', { children: 150, seed: 8, date1904: true });
    const findings = async (file: string) =>
      (await runJson(['check', file, '--as-of', '2024-03-31', '--json'])).json.findings.filter(
        // The 1904 system cannot hold 01/01/1900, so that placeholder is text there (see the sample generator).
        (f: any) => f.row !== standard.sample.plantedErrors.find((p) => p.kind === 'placeholder')?.row,
      );
    const a = await findings(standard.file);
    expect(a.some((f: any) => /\d{2}\/\d{2}\/\d{4}/.test(f.message))).toBe(true);
    expect(await findings(old.file)).toEqual(a);
  });
});
