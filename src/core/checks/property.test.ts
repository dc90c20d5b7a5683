/**
 * Random sheets never crash the checks, and every finding points at a real
 * cell on its own row (or the header row, for a column-level note).
 */
import fc from 'fast-check';
import { DATE_FIELDS } from '../fields';
import { parseCellAddress } from '../grid';
import type { ChildRecord, DateReading, DecodedDate } from '../model';
import { checkRecords } from './runChecks';
import { child, testLayout } from '../../../test/support/checks';

const READINGS: DateReading[] = ['blank', 'dateCell', 'serialNumber', 'text', 'textTwoDigitYear', 'placeholder', 'implausibleNumber', 'unreadable', 'error'];
const HAS_DAY = new Set<DateReading>(['dateCell', 'serialNumber', 'text', 'textTwoDigitYear', 'placeholder']);

const decodedDate: fc.Arbitrary<DecodedDate> = fc
  .record({ reading: fc.constantFrom(...READINGS), day: fc.integer({ min: -30_000, max: 40_000 }), raw: fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.constant(null)) })
  .map(({ reading, day, raw }) => ({ reading, day: HAS_DAY.has(reading) ? day : null, raw }));

const ROUTES = ['Remaining at home', 'Rehab', 'Kinship', 'Fostering/Adoption', 'Residential', 'Away from home', '', 'tbc'];

const recordArb = (row: number): fc.Arbitrary<ChildRecord> =>
  fc
    .record({
      childId: fc.option(fc.constantFrom('C1', 'C2', 'C3', 'c1 ', 'X'), { nil: null }),
      route: fc.constantFrom(...ROUTES),
      respite: fc.option(fc.boolean(), { nil: null }),
      dates: fc.dictionary(fc.constantFrom(...DATE_FIELDS), decodedDate),
      unmapped: fc.subarray([...DATE_FIELDS, 'childId', 'respite']),
      local: fc.option(decodedDate, { nil: undefined }),
    })
    .map(({ childId, route, respite, dates, unmapped, local }) => {
      const record = child({ row, childId, route, respite, unmapped });
      for (const [field, date] of Object.entries(dates)) if (record.dates[field]) record.dates[field] = date;
      if (local) {
        record.dates.legalAdviceMeeting = local;
        record.cells.legalAdviceMeeting = `U${row}`;
      }
      return record;
    });

const sheetArb: fc.Arbitrary<ChildRecord[]> = fc
  .integer({ min: 0, max: 25 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => recordArb(4 + i))));

describe('checks on random records', () => {
  test('never crash; every finding blames a valid cell on its own row', () => {
    const layout = testLayout({ local: { legalAdviceMeeting: 'Legal advice meeting' }, unmapped: [{ header: 'Notes', column: 'Z', looksLikeDates: false }] });
    fc.assert(
      fc.property(sheetArb, fc.integer({ min: 0, max: 30_000 }), (records, asOf) => {
        const result = checkRecords(records, layout, { asOf });
        const rows = new Set(records.map((r) => r.row));
        const wrong = result.findings.filter(
          (f) =>
            parseCellAddress(f.cell)?.row !== f.row ||
            !(rows.has(f.row) || f.row === layout.headerRow) ||
            (f.cells ?? []).some((c) => parseCellAddress(c)?.row !== f.row) ||
            f.message.length < 10 ||
            /undefined|NaN/.test(f.message),
        );
        expect(wrong).toEqual([]);
        expect(result.counts.error + result.counts.warning + result.counts.info).toBe(result.findings.length);
      }),
      { numRuns: 200 },
    );
  });

  test('a cell that could not be read as a date never also gets an order or gap finding', () => {
    const unusable = new Set<DateReading>(['placeholder', 'implausibleNumber', 'unreadable', 'error']);
    const cellRules = new Set(['unreadable-date', 'placeholder-date', 'implausible-number', 'error-value']);
    fc.assert(
      fc.property(sheetArb, (records) => {
        const result = checkRecords(records, testLayout(), { asOf: 20_000 });
        const byCell = new Map<string, string[]>();
        for (const f of result.findings) for (const c of f.cells ?? [f.cell]) byCell.set(c, [...(byCell.get(c) ?? []), f.rule]);
        for (const record of records) {
          for (const [field, date] of Object.entries(record.dates)) {
            if (!unusable.has(date.reading) || !record.cells[field]) continue;
            const rules = byCell.get(record.cells[field]) ?? [];
            expect(rules.filter((r) => !cellRules.has(r))).toEqual([]);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('clean journeys of any shape never get an error', () => {
  const ROUTE_TEXT = ['Fostering/Adoption', 'Kinship', 'Residential', 'Remaining at home', 'Rehabilitation home', ''];
  const journey = fc.record({
    route: fc.constantFrom(...ROUTE_TEXT),
    ageAtStartDays: fc.integer({ min: 0, max: 17 * 365 - 1000 }),
    start: fc.integer({ min: 17_000, max: 19_700 }), // 2016 to 2023
    gaps: fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 8, maxLength: 8 }),
    accommodated: fc.integer({ min: 0, max: 2 }),
    stage: fc.integer({ min: -1, max: 4 }),
    finalPlacementAt: fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
    ceasedAfter: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
  });

  test('ordered milestones, no gaps, whatever the route, stage and final placement', () => {
    const asOf = 20_000;
    fc.assert(
      fc.property(journey, ({ route, ageAtStartDays, start, gaps, accommodated, stage, finalPlacementAt, ceasedAfter }) => {
        const home = route === 'Remaining at home' || route === 'Rehabilitation home';
        const dates: Record<string, DecodedDate> = {};
        const put = (field: string, day: number) => {
          dates[field] = { reading: 'dateCell', day: Math.min(day, asOf), raw: day + 25569 };
        };
        let day = start;
        put('dateOfBirth', start - ageAtStartDays);
        put('lookedAfterStart', day);
        if (route !== 'Remaining at home') {
          if (accommodated >= 1) put('firstAccommodated', (day += gaps[0]));
          if (accommodated >= 2) put('lastAccommodated', (day += gaps[1]));
        }
        const chain = home ? ['permanenceRecommendation', 'legalPermanence'] : ['permanenceRecommendation', 'panel', 'admDecision', 'courtApplication', 'legalPermanence'];
        const reached = Math.min(stage, chain.length - 1);
        for (let i = 0; i <= reached; i++) put(chain[i], (day += gaps[2 + i]));
        if (finalPlacementAt !== undefined) put('finalPlacement', start + finalPlacementAt);
        if (ceasedAfter !== undefined && dates.legalPermanence) put('ceasedDate', (dates.legalPermanence.day as number) + ceasedAfter);
        const record = child({ row: 4, route });
        for (const [field, date] of Object.entries(dates)) record.dates[field] = date;
        const errors = checkRecords([record], testLayout(), { asOf }).findings.filter((f) => f.severity === 'error');
        expect(errors).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});
