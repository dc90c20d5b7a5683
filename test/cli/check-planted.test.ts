/* eslint-disable @typescript-eslint/no-explicit-any -- the JSON documents under test are untyped on purpose: their keys and types are what is checked. */
/**
 * check finds every planted error of samples/README.md on the right cell, and
 * no error-severity finding on rows without a planted error.
 */
import * as path from 'path';
import { makeTempDir, removeDir, runJson, writeSample } from './helpers';
import type { PlantedErrorKind, SampleOptions } from '../support/sample';

const SAMPLE_FILE = path.join(__dirname, '..', '..', 'samples', 'pace-sample.xlsx');

/** The table "Planted data errors (15)" of samples/README.md, as written there. */
const README_PLANTED: { cell: string; kind: PlantedErrorKind }[] = [
  { cell: 'T4', kind: 'outsidePopulation' },
  { cell: 'G5', kind: 'recommendationBeforeLookedAfter' },
  { cell: 'G34', kind: 'textDate' },
  { cell: 'D49', kind: 'twoDigitYear' },
  { cell: 'J64', kind: 'admBeforePanel' },
  { cell: 'L96', kind: 'unreadableText' },
  { cell: 'D138', kind: 'beforeBirth' },
  { cell: 'O139', kind: 'errorValue' },
  { cell: 'A154', kind: 'duplicateId' },
  { cell: 'K181', kind: 'placeholder' },
  { cell: 'L189', kind: 'courtBeforeAdm' },
  { cell: 'A199', kind: 'missingId' },
  { cell: 'M215', kind: 'futureDate' },
  { cell: 'I252', kind: 'unreadableText' },
  { cell: 'I273', kind: 'yearNumber' },
];
const README_RESPITE_ROWS = [246, 254, 275, 291, 292];

/**
 * Kinds that cannot be right (pace-domain.md §2: errors). A text date and a
 * two-digit year were read, by assumption: a warning or information, not an error.
 */
const ERROR_KINDS: ReadonlySet<PlantedErrorKind> = new Set([
  'admBeforePanel',
  'courtBeforeAdm',
  'unreadableText',
  'placeholder',
  'errorValue',
  'yearNumber',
  'duplicateId',
  'missingId',
  'futureDate',
  'beforeBirth',
  'recommendationBeforeLookedAfter',
]);

const rowOf = (cell: string) => Number(cell.replace(/^[A-Z]+/, ''));

function expectPlantedFound(findings: any[], planted: { cell: string; kind: PlantedErrorKind }[]): void {
  for (const p of planted) {
    const onCell = findings.filter((f) => f.cell === p.cell);
    expect({ planted: p, found: onCell.length > 0 }).toEqual({ planted: p, found: true });
    const severities = onCell.map((f) => f.severity);
    if (ERROR_KINDS.has(p.kind)) expect({ planted: p, severities }).toEqual({ planted: p, severities: expect.arrayContaining(['error']) });
    else expect({ planted: p, severities: severities.filter((s) => s === 'error') }).toEqual({ planted: p, severities: [] });
  }
  const plantedRows = new Set(planted.map((p) => rowOf(p.cell)));
  const strayErrors = findings.filter((f) => f.severity === 'error' && !plantedRows.has(f.row));
  expect(strayErrors).toEqual([]);
}

describe('check on samples/pace-sample.xlsx (the README table)', () => {
  let findings: any[];
  beforeAll(async () => {
    findings = (await runJson(['check', SAMPLE_FILE, '--as-of', '2024-03-31', '--json'])).json.findings;
  });

  it('finds all 15 planted errors on their cells, and no error on any other row', () => {
    expectPlantedFound(findings, README_PLANTED);
  });

  it('names the duplicate and the missing ID for what they are', () => {
    const dup = findings.find((f) => f.cell === 'A154' && f.severity === 'error');
    expect(dup.childId).toBe('SYN0076');
    expect(dup.message).toContain('79');
    const missing = findings.find((f) => f.cell === 'A199');
    expect(missing.childId).toBeNull();
    expect(missing.field).toBe('childId');
  });

  it('says the row outside the PACE population should not be in this month\'s data (a warning on the ceased cell)', () => {
    const outside = findings.filter((f) => f.rule === 'outside-population');
    expect(outside.map((f) => [f.cell, f.severity])).toEqual([['T4', 'warning']]);
    expect(outside[0].message).toContain("should not be in this month's data");
  });

  it('the recommendation typed before becoming looked after is one error, naming the aim it leaves the child out of', () => {
    const onRow = findings.filter((f) => f.row === 5 && f.severity !== 'info');
    expect(onRow.map((f) => f.rule)).toEqual(['recommendation-before-looked-after']);
    expect(onRow[0].message).toContain("left out of the aim 'Accommodation to permanence recommendation'");
  });

  it('notes the five respite rows on the Respite column (notes, not warnings: they are only left out)', () => {
    const respite = findings.filter((f) => f.cell.startsWith('U') && f.severity === 'info').map((f) => f.row);
    expect(findings.filter((f) => f.cell.startsWith('U') && f.severity !== 'info')).toEqual([]);
    expect(respite.sort((a, b) => a - b)).toEqual(README_RESPITE_ROWS);
  });
});

const VARIANTS: [string, SampleOptions][] = [
  ['shuffled, re-worded, in a table', { columnOrder: 'shuffled', wording: 'alternative', asTable: true, seed: 99 }],
  ['1904 dates, reversed, extra columns, header on row 6', { date1904: true, columnOrder: 'reversed', extraLocalColumns: true, rowsAboveHeader: 5, seed: 4242 }],
];

describe.each(VARIANTS)('check on a variant: %s', (label, options) => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir('planted');
  });
  afterAll(() => removeDir(dir));

  it('finds every planted error where the generator put it, and no stray errors', async () => {
    const { file, sample } = await writeSample(dir, label.replace(/\W+/g, '-'), { asOf: '2024-03-31', ...options });
    expect(sample.plantedErrors.length).toBeGreaterThanOrEqual(12);
    const { json } = await runJson(['check', file, '--as-of', sample.asOf, '--json']);
    expect(json.headerRow).toBe(sample.headerRow);
    expectPlantedFound(
      json.findings,
      sample.plantedErrors.map((p) => ({ cell: p.cell, kind: p.kind })),
    );
    for (const p of sample.plantedErrors) {
      const f = json.findings.find((x: any) => x.cell === p.cell);
      expect(f.row).toBe(p.row);
      if (p.field !== 'childId') expect(f.field).toBe(p.field);
    }
  });
});

describe('the as-of date decides what is in the future', () => {
  it('the planted future order date is no longer an error when checked after it', async () => {
    const later = (await runJson(['check', SAMPLE_FILE, '--as-of', '2024-07-01', '--json'])).json;
    expect(later.asOf).toBe('2024-07-01');
    expect(later.findings.filter((f: any) => f.cell === 'M215' && f.severity === 'error')).toEqual([]);
  });
});
