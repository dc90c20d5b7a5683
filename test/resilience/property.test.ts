/**
 * Whatever a sheet holds, the pipeline answers: a plain "no header" when it
 * cannot find one, otherwise findings that point at real cells and a report
 * plan Excel can write. Whatever an AIMS.json holds, it is either a valid
 * aims file or a plain badAims message.
 */
import fc from 'fast-check';
import type { CellValue, SheetGrid } from '../../src/core/grid';
import { parseCellAddress } from '../../src/core/grid';
import { isUserFacingError } from '../../src/core/errors';
import type { AimsFile } from '../../src/core/model';
import { aimFieldIds, aimsOrPresets, analyseSheet, LoadedSheet, planReport, runAims, runCheck } from '../../src/core/usecases/pipeline';
import { parseAimsFile } from '../../src/core/aims/definition';
import { dayFromIso } from '../../src/core/dates';
import { arbitraryCell, arbitraryFormat, arbitraryGrid } from '../support/randomGrid';
import { checkPlan } from '../support/planCheck';
import { PACE_COLUMNS, paceGrid } from './helpers';

let casesRun = 0;

afterAll(() => {
  console.log(`resilience property tests: ${casesRun} random cases ran in total`);
});

/** A date cell as trackers hold them: mostly serials 2000–2030, with the odd year or placeholder. */
const arbitraryDateCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 36526, max: 47849 }) },
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constantFrom(1, 0, 2021, 60, 99999999, -5, 43500.75) },
  { weight: 1, arbitrary: arbitraryCell },
);

/**
 * A PACE-like sheet: junk title rows, then a header made of a shuffled
 * subset of PACE headings (and stray junk headings), then rows of realistic
 * and random cells. Most find a header; some do not, which is also tested.
 */
const arbitraryPaceGrid: fc.Arbitrary<SheetGrid> = fc
  .record({
    titles: fc.array(fc.array(arbitraryCell, { minLength: 1, maxLength: 4 }), { maxLength: 3 }),
    columns: fc.shuffledSubarray([...PACE_COLUMNS, { header: 'Notes', kind: 'text' as const }, { header: 'Legal advice meeting', kind: 'date' as const }], { minLength: 1 }),
    junkHeader: fc.option(fc.string({ maxLength: 12 }), { nil: undefined }),
    rows: fc.integer({ min: 0, max: 25 }),
    firstRow: fc.integer({ min: 1, max: 40 }),
    firstColumn: fc.integer({ min: 1, max: 30 }),
    withFormats: fc.boolean(),
  })
  .chain(({ titles, columns, junkHeader, rows, firstRow, firstColumn, withFormats }) => {
    const headers: CellValue[] = columns.map((c) => c.header);
    const kinds = columns.map((c) => c.kind);
    if (junkHeader !== undefined) {
      headers.push(junkHeader);
      kinds.push('text');
    }
    const width = headers.length;
    const cellOf = (kind: string): fc.Arbitrary<CellValue> =>
      kind === 'date' ? arbitraryDateCell : kind === 'id' ? fc.oneof(fc.constantFrom('C1', 'C2', 'C3', '', 'SYN0001'), arbitraryCell) : arbitraryCell;
    return fc
      .record({
        data: fc.array(fc.tuple(...kinds.map(cellOf)), { minLength: rows, maxLength: rows }),
        formats: fc.array(fc.array(arbitraryFormat, { minLength: width, maxLength: width }), { minLength: rows, maxLength: rows }),
        asDateFormats: fc.boolean(),
      })
      .map(({ data, formats, asDateFormats }) => {
        const pad = (row: CellValue[]): CellValue[] => [...row, ...Array(Math.max(0, width - row.length)).fill('')].slice(0, width);
        const values: CellValue[][] = [...titles.map(pad), headers, ...data.map((r) => pad(r as CellValue[]))];
        const dataFormats = asDateFormats ? data.map(() => kinds.map((k) => (k === 'date' ? 'dd/mm/yyyy' : 'General'))) : formats;
        const numberFormats = [...values.slice(0, titles.length + 1).map(() => Array(width).fill('General') as string[]), ...dataFormats];
        return { sheetName: 'Random', firstRow, firstColumn, values, numberFormats: withFormats ? numberFormats : null, table: null };
      });
  });

const arbitraryAsOf = fc.integer({ min: dayFromIso('2015-01-01') as number, max: dayFromIso('2035-12-31') as number });

/** Loads the sheet, or returns null when (and only when) it plainly says there is no header. */
function loadOrNoHeader(grid: SheetGrid, date1904: boolean): LoadedSheet | null {
  try {
    return analyseSheet(grid, date1904);
  } catch (err) {
    if (isUserFacingError(err) && err.kind === 'noHeader') {
      expect(err.message).toContain(grid.sheetName);
      return null;
    }
    throw err;
  }
}

/** Every finding names a real cell inside the grid, on the row of one of the sheet's children (or the header, for a column problem). */
function expectFindingsInsideGrid(sheet: LoadedSheet, grid: SheetGrid): void {
  const check = runCheck(sheet, dayFromIso('2024-03-31') as number);
  const lastRow = grid.firstRow + grid.values.length - 1;
  const width = Math.max(0, ...grid.values.map((r) => r.length));
  const lastColumn = grid.firstColumn + width - 1;
  const recordRows = new Set(sheet.records.map((r) => r.row));
  for (const f of check.findings) {
    for (const address of [f.cell, ...(f.cells ?? [])]) {
      const at = parseCellAddress(address);
      expect(at).not.toBeNull();
      if (!at) continue;
      expect(at.row).toBeGreaterThanOrEqual(grid.firstRow);
      expect(at.row).toBeLessThanOrEqual(lastRow);
      expect(at.column).toBeGreaterThanOrEqual(grid.firstColumn);
      expect(at.column).toBeLessThanOrEqual(lastColumn);
    }
    expect(parseCellAddress(f.cell)?.row).toBe(f.row);
    if (f.row !== sheet.layout.headerRow) expect(recordRows.has(f.row)).toBe(true);
    expect(f.message.length).toBeGreaterThan(0);
    expect(f.message).not.toMatch(/undefined|NaN|\[object/);
  }
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of check.findings) counts[f.severity]++;
  expect(check.counts).toEqual(counts);
}

describe('random grids through the whole pipeline', () => {
  it('fully random grids: a header is found or "no header" is said plainly; never a crash', () => {
    fc.assert(
      fc.property(arbitraryGrid(15, 8), fc.boolean(), arbitraryAsOf, (grid, date1904, asOf) => {
        casesRun++;
        const sheet = loadOrNoHeader(grid, date1904);
        if (!sheet) return;
        expectFindingsInsideGrid(sheet, grid);
        const { plan } = planReport(sheet, aimsOrPresets(null), asOf);
        checkPlan(plan);
      }),
      { numRuns: 300, seed: 1 },
    );
  });

  it('PACE-like grids with random cells: findings on real cells and rows, plans that pass the structural check', () => {
    let withHeader = 0;
    fc.assert(
      fc.property(arbitraryPaceGrid, fc.boolean(), arbitraryAsOf, (grid, date1904, asOf) => {
        casesRun++;
        const sheet = loadOrNoHeader(grid, date1904);
        if (!sheet) return;
        withHeader++;
        expectFindingsInsideGrid(sheet, grid);
        const measured = runAims(sheet, aimsOrPresets(null), asOf);
        for (const { result } of measured.aims) {
          expect(result.withinTarget).toBeLessThanOrEqual(result.completed);
          expect(result.waitingBeyondTarget).toBeLessThanOrEqual(result.waiting);
        }
        const { plan } = planReport(sheet, aimsOrPresets(null), asOf);
        checkPlan(plan);
      }),
      { numRuns: 150, seed: 2 },
    );
    // The generator is meant to exercise the whole pipeline, not just the "no header" branch.
    expect(withHeader).toBeGreaterThan(40);
  });

  it('a clean tracker with single random cells replaced: never a crash, findings stay on real cells', () => {
    const base = paceGrid(30);
    fc.assert(
      fc.property(
        fc.array(fc.record({ row: fc.integer({ min: 3, max: 32 }), column: fc.integer({ min: 0, max: 12 }), value: arbitraryCell }), { maxLength: 25 }),
        arbitraryAsOf,
        (edits, asOf) => {
          casesRun++;
          const values = base.values.map((r) => [...r]);
          for (const e of edits) values[e.row][e.column] = e.value;
          const grid: SheetGrid = { ...base, values };
          const sheet = analyseSheet(grid, false);
          expectFindingsInsideGrid(sheet, grid);
          checkPlan(planReport(sheet, aimsOrPresets(null), asOf).plan);
        },
      ),
      { numRuns: 200, seed: 3 },
    );
  });
});

const FIELDS = ['lookedAfterStart', 'firstAccommodated', 'permanenceRecommendation', 'panel', 'admDecision', 'finalPlacement', 'legalPermanence', 'legalAdviceMeeting', 'nonsense', ''];

/** Something between a valid aim and junk: each property valid, missing or wrong-typed. */
const arbitraryAimLike = fc.record(
  {
    id: fc.oneof(fc.constantFrom('aim1', 'aim2', 'aim1', ''), fc.anything()),
    name: fc.oneof(fc.string(), fc.anything()),
    start: fc.oneof(fc.constantFrom(...FIELDS), fc.anything()),
    end: fc.oneof(fc.constantFrom(...FIELDS), fc.anything()),
    targetWeeks: fc.oneof(fc.integer({ min: -5, max: 200 }), fc.double(), fc.constant(null), fc.anything()),
    targetPercent: fc.oneof(fc.integer({ min: -5, max: 120 }), fc.constant(null), fc.anything()),
    cohortFrom: fc.oneof(fc.constantFrom('2022-04-01', '2022-02-30', '01/04/2022', ''), fc.constant(null), fc.anything()),
    deadline: fc.oneof(fc.constantFrom('2025-03-31', 'soon'), fc.anything()),
    excludeRespite: fc.oneof(fc.boolean(), fc.anything()),
    filters: fc.oneof(
      fc.record({ route: fc.array(fc.string()), team: fc.oneof(fc.array(fc.string()), fc.anything()), ageAtStart: fc.anything() }, { requiredKeys: [] }),
      fc.anything(),
    ),
    baseline: fc.oneof(fc.record({ points: fc.oneof(fc.integer({ min: -2, max: 40 }), fc.anything()) }), fc.record({ before: fc.constantFrom('2023-01-01', 'x') }), fc.anything()),
    rephaseRun: fc.oneof(fc.integer({ min: -1, max: 20 }), fc.constant(null), fc.anything()),
    direction: fc.oneof(fc.constantFrom('down', 'up', 'sideways'), fc.anything()),
    rules: fc.oneof(fc.constantFrom('ihi', 'anhoej', 'nhs'), fc.anything()),
  },
  { requiredKeys: [] },
);

const arbitraryAimsJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything(),
  fc.record(
    {
      aims: fc.oneof(fc.array(arbitraryAimLike, { maxLength: 4 }), fc.anything()),
      changes: fc.oneof(
        fc.array(fc.record({ date: fc.oneof(fc.constantFrom('2022-05-01', '2022-13-01'), fc.anything()), label: fc.oneof(fc.string(), fc.anything()) }, { requiredKeys: [] }), { maxLength: 3 }),
        fc.anything(),
      ),
    },
    { requiredKeys: [] },
  ),
);

describe('random AIMS.json through parseAimsFile', () => {
  const sheet = analyseSheet(paceGrid(60), false);
  const known = aimFieldIds(sheet);

  it('gives a valid aims file that measures without error, or a plain badAims message', () => {
    let valid = 0;
    fc.assert(
      fc.property(arbitraryAimsJson, (json) => {
        casesRun++;
        let file: AimsFile;
        try {
          // Through JSON, as the file would be read.
          const text = JSON.stringify(json);
          file = parseAimsFile(text === undefined ? undefined : JSON.parse(text), known);
        } catch (err) {
          if (!isUserFacingError(err)) throw err;
          expect(err.kind).toBe('badAims');
          expect(err.message).not.toMatch(/undefined|\[object/);
          return;
        }
        valid++;
        expect(Array.isArray(file.aims)).toBe(true);
        for (const aim of file.aims) {
          expect(typeof aim.id).toBe('string');
          expect(known).toContain(aim.start);
          expect(known).toContain(aim.end);
        }
        // A file that passed validation must be usable as it is.
        runAims(sheet, aimsOrPresets(file), dayFromIso('2024-03-31') as number);
      }),
      { numRuns: 1500, seed: 4 },
    );
    expect(valid).toBeGreaterThan(0);
  });
});

describe('bad AIMS.json values are shown as the user wrote them', () => {
  const known = aimFieldIds(analyseSheet(paceGrid(5), false));
  const messageOf = (json: unknown): string => {
    try {
      parseAimsFile(json, known);
    } catch (err) {
      if (isUserFacingError(err) && err.kind === 'badAims') return err.message;
      throw err;
    }
    throw new Error('accepted');
  };

  it('a test of change with no date says so, not "undefined"', () => {
    expect(messageOf({ aims: [], changes: [{ label: 'New panel' }] })).toBe("Test of change 'New panel' has no date. Give the date it started, written as yyyy-mm-dd.");
  });

  it('a date given as a list or a number is shown in JSON, never "[object Object]"', () => {
    const aim = { id: 'a1', start: 'firstAccommodated', end: 'permanenceRecommendation' };
    expect(messageOf({ aims: [{ ...aim, cohortFrom: { year: 2022 } }] })).toContain('the "from" date {"year":2022} is not a real date');
    expect(messageOf({ aims: [{ ...aim, deadline: 20250331 }] })).toContain('the deadline 20250331 is not a real date');
    expect(messageOf({ aims: [{ ...aim, targetPercent: '90%' }] })).toContain("the target percentage ('90%') must be a number from 0 to 100");
    expect(messageOf({ aims: [], changes: [{ label: 'x', date: ['2022', '05'] }] })).toContain('the date ["2022","05"] is not a real date');
  });
});
