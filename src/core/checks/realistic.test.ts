/**
 * A realistic sheet: dozens of clean children on every route (including the
 * legitimate unusual orders of pace-domain §1) and dozens of planted problems.
 * Every planted problem must be found on its cell, and no clean row may get an
 * error.
 */
import type { ChildRecord, Severity } from '../model';
import { checkRecords } from './runChecks';
import { child, dayFromIso, testLayout, type ChildSpec, type DateSpec } from '../../../test/support/checks';
import { isoDate } from './format';

const asOf = dayFromIso('2024-03-31');
const layout = testLayout({ local: { legalAdviceMeeting: 'Legal advice meeting' } });

/** A date `weeks` after a start date, ISO. */
function plus(iso: string, weeks: number): string {
  return isoDate(dayFromIso(iso) + Math.round(weeks * 7));
}

type Journey = Omit<ChildSpec, 'row'>;

/** Clean journeys of every kind; i varies the dates so rows differ. */
function cleanJourneys(i: number): Journey[] {
  const start = plus('2019-01-07', i * 3);
  const dob = plus(start, -52 * (2 + (i % 9)));
  const adoption: Record<string, DateSpec> = {
    dateOfBirth: dob,
    lookedAfterStart: start,
    firstAccommodated: start,
    lastAccommodated: plus(start, 10),
    permanenceRecommendation: plus(start, 30),
    panel: plus(start, 40),
    admDecision: plus(start, 42),
    finalPlacement: plus(start, 38), // before the ADM decision: legitimate
    courtApplication: plus(start, 55),
    legalPermanence: plus(start, 80),
    legalAdviceMeeting: plus(start, 25),
  };
  return [
    { route: 'Fostering/Adoption', dates: adoption },
    // Permanence order with authority to adopt before the move: legitimate.
    { route: 'Adoption', dates: { ...adoption, finalPlacement: plus(start, 90), ceasedDate: plus(start, 90) } },
    { route: 'Kinship', dates: { dateOfBirth: dob, lookedAfterStart: start, firstAccommodated: start, lastAccommodated: start, permanenceRecommendation: plus(start, 20), panel: plus(start, 30), admDecision: plus(start, 31), finalPlacement: plus(start, 1) } },
    // Kinship order with no court application recorded: a warning at most.
    { route: 'kinship care', dates: { dateOfBirth: dob, lookedAfterStart: start, firstAccommodated: plus(start, 2), permanenceRecommendation: plus(start, 20), legalPermanence: plus(start, 60) } },
    // Remaining at home: no accommodation, no panel, ADM or court; CSO ended at a hearing.
    { route: 'Remaining at home', dates: { dateOfBirth: dob, lookedAfterStart: start, permanenceRecommendation: plus(start, 15), legalPermanence: plus(start, 70), ceasedDate: plus(start, 70) } },
    { route: 'Home', dates: { dateOfBirth: dob, lookedAfterStart: start, legalPermanence: plus(start, 52) } },
    // Rehabilitation home: accommodated, then home; no panel, ADM or court.
    { route: 'Rehabilitation home', dates: { dateOfBirth: dob, lookedAfterStart: start, firstAccommodated: start, lastAccommodated: plus(start, 8), permanenceRecommendation: plus(start, 26), legalPermanence: plus(start, 60) } },
    { route: 'Residential', dates: { dateOfBirth: plus(dob, -52 * 6), lookedAfterStart: start, firstAccommodated: plus(start, 1), lastAccommodated: plus(start, 30), permanenceRecommendation: plus(start, 40), panel: plus(start, 50), admDecision: plus(start, 52) } },
    // Early in the journey: only the first milestones.
    { route: 'Fostering/Adoption', dates: { dateOfBirth: dob, lookedAfterStart: plus('2023-10-02', i % 20), firstAccommodated: plus('2023-10-02', i % 20) } },
    { dates: { dateOfBirth: dob, lookedAfterStart: start, firstAccommodated: plus(start, 1), permanenceRecommendation: plus(start, 28) } },
    // Looked after from birth; every date on the same day is fine.
    { route: 'Foster', dates: { dateOfBirth: start, lookedAfterStart: start, firstAccommodated: start, lastAccommodated: start, permanenceRecommendation: start, panel: start, admDecision: start } },
    // Dates typed as text, a two-digit year and a plain serial: information and warnings, never errors.
    { route: 'Kinship', dates: { dateOfBirth: { reading: 'text', iso: dob, raw: dob }, lookedAfterStart: { reading: 'textTwoDigitYear', iso: start, raw: '7/1/19' }, firstAccommodated: { reading: 'serialNumber', iso: plus(start, 1), raw: dayFromIso(plus(start, 1)) + 25569 } } },
    { route: 'Fostering/Adoption', respite: true, respiteRaw: 'Y', dates: { dateOfBirth: dob, lookedAfterStart: start, firstAccommodated: start } },
  ];
}

interface Planted {
  rule: string;
  severity: Severity;
  /** Column letter of the blamed cell. */
  column: string;
  /** Change applied to a clean adoption journey. */
  change: Journey;
}

const A = cleanJourneys(0)[0].dates as Record<string, string>;
const withDates = (dates: Record<string, DateSpec>, route = 'Fostering/Adoption'): Journey => ({ route, dates: { ...A, ...dates } });
const without = (...fields: string[]): Record<string, DateSpec> => Object.fromEntries(fields.map((f) => [f, null]));

const PLANTED: Planted[] = [
  { rule: 'unreadable-date', severity: 'error', column: 'H', change: withDates({ panel: 'tbc' }) },
  { rule: 'unreadable-date', severity: 'error', column: 'B', change: withDates({ dateOfBirth: '31/02/2017' }) },
  { rule: 'unreadable-date', severity: 'error', column: 'K', change: withDates({ courtApplication: 'N/A' }) },
  { rule: 'placeholder-date', severity: 'error', column: 'I', change: withDates({ admDecision: { reading: 'placeholder', iso: '1900-01-01', raw: '01/01/1900' } }) },
  { rule: 'placeholder-date', severity: 'error', column: 'D', change: withDates({ lookedAfterStart: { reading: 'placeholder', iso: '9999-12-31' } }) },
  { rule: 'placeholder-date', severity: 'error', column: 'L', change: withDates({ legalPermanence: { reading: 'placeholder', iso: '1899-12-31', raw: 0 } }) },
  { rule: 'implausible-number', severity: 'error', column: 'G', change: withDates({ permanenceRecommendation: 2019 }) },
  { rule: 'implausible-number', severity: 'error', column: 'J', change: withDates({ finalPlacement: -3 }) },
  { rule: 'error-value', severity: 'error', column: 'K', change: withDates({ courtApplication: '#N/A' }) },
  { rule: 'error-value', severity: 'error', column: 'S', change: withDates({ ceasedDate: '#REF!' }) },
  { rule: 'future-date', severity: 'error', column: 'L', change: withDates({ legalPermanence: '2025-02-01' }) },
  { rule: 'future-date', severity: 'error', column: 'U', change: withDates({ legalAdviceMeeting: '2031-01-01' }) },
  { rule: 'before-birth', severity: 'error', column: 'D', change: withDates({ dateOfBirth: plus(A.lookedAfterStart, 1) , firstAccommodated: plus(A.lookedAfterStart, 1) }) },
  { rule: 'adm-before-panel', severity: 'error', column: 'I', change: withDates({ admDecision: plus(A.panel, -3) }) },
  { rule: 'panel-before-recommendation', severity: 'error', column: 'H', change: withDates({ panel: plus(A.permanenceRecommendation, -2) }) },
  { rule: 'court-before-adm', severity: 'error', column: 'K', change: withDates({ courtApplication: plus(A.admDecision, -1) }) },
  { rule: 'permanence-before-court', severity: 'error', column: 'L', change: withDates({ legalPermanence: plus(A.courtApplication, -4) }) },
  { rule: 'recommendation-before-looked-after', severity: 'error', column: 'G', change: withDates({ permanenceRecommendation: plus(A.lookedAfterStart, -5) }) },
  { rule: 'first-accommodated-before-looked-after', severity: 'error', column: 'E', change: withDates({ firstAccommodated: plus(A.lookedAfterStart, -1) }) },
  { rule: 'last-accommodated-before-first-accommodated', severity: 'error', column: 'F', change: withDates({ lastAccommodated: plus(A.firstAccommodated, -5) }) },
  { rule: 'permanence-before-recommendation', severity: 'error', column: 'L', change: withDates({ ...without('panel', 'admDecision', 'courtApplication'), legalPermanence: plus(A.permanenceRecommendation, -1) }, 'Remaining at home') },
  { rule: 'missing-recommendation', severity: 'error', column: 'G', change: withDates(without('permanenceRecommendation')) },
  { rule: 'missing-adm', severity: 'error', column: 'I', change: withDates(without('admDecision')) },
  { rule: 'missing-court-application', severity: 'error', column: 'K', change: withDates(without('courtApplication')) },
  { rule: 'missing-looked-after-start', severity: 'error', column: 'D', change: withDates(without('lookedAfterStart')) },
  { rule: 'missing-first-accommodated', severity: 'error', column: 'E', change: withDates(without('firstAccommodated')) },
  { rule: 'ceased-before-looked-after', severity: 'error', column: 'S', change: withDates({ ceasedDate: plus(A.lookedAfterStart, -10) }) },
  { rule: 'missing-child-id', severity: 'error', column: 'A', change: { ...withDates({}), childId: null } },
  { rule: 'duplicate-child-id', severity: 'error', column: 'A', change: { ...withDates({}), childId: 'C0004' } },
  { rule: 'two-digit-year', severity: 'warning', column: 'H', change: withDates({ panel: { reading: 'textTwoDigitYear', iso: A.panel, raw: 'x/x/yy' } }) },
  { rule: 'serial-number', severity: 'warning', column: 'I', change: withDates({ admDecision: { reading: 'serialNumber', iso: A.admDecision, raw: 44000 } }) },
  { rule: 'implausible-age', severity: 'warning', column: 'D', change: withDates({ dateOfBirth: plus(A.lookedAfterStart, -52 * 19) }) },
  { rule: 'missing-panel', severity: 'warning', column: 'H', change: withDates(without('panel')) },
  { rule: 'implausible-age', severity: 'error', column: 'D', change: withDates({ dateOfBirth: '1950-06-01' }) },
  { rule: 'milestone-after-ceased', severity: 'warning', column: 'S', change: withDates({ ceasedDate: plus(A.panel, 1) }) },
  { rule: 'respite-row', severity: 'info', column: 'T', change: { ...withDates({}), respite: true } },
];

function buildSheet(): { records: ChildRecord[]; planted: Map<number, Planted>; cleanRows: Set<number> } {
  const records: ChildRecord[] = [];
  const planted = new Map<number, Planted>();
  const cleanRows = new Set<number>();
  let row = 4;
  let p = 0;
  for (let i = 0; i < 6; i++) {
    for (const journey of cleanJourneys(i)) {
      cleanRows.add(row);
      records.push(child({ row: row++, ...journey }));
      // A planted row every few clean rows, like errors scattered through a real sheet.
      if (records.length % 2 === 0 && p < PLANTED.length) {
        const problem = PLANTED[p++];
        planted.set(row, problem);
        records.push(child({ row: row++, ...problem.change }));
      }
    }
  }
  while (p < PLANTED.length) {
    const problem = PLANTED[p++];
    planted.set(row, problem);
    records.push(child({ row: row++, ...problem.change }));
  }
  return { records, planted, cleanRows };
}

describe('a realistic sheet with planted problems', () => {
  const { records, planted, cleanRows } = buildSheet();
  const result = checkRecords(records, layout, { asOf });

  test('the sheet is realistic in size', () => {
    expect(cleanRows.size).toBeGreaterThanOrEqual(70);
    expect(planted.size).toBe(PLANTED.length);
    expect(records[0].row).toBe(4);
  });

  test.each(PLANTED.map((p) => [p.rule, p.column, p]))('planted %s in column %s is found on its cell', (_rule, _column, problem) => {
    const row = [...planted].find(([, p]) => p === problem)![0];
    const match = result.findings.find((f) => f.row === row && f.rule === problem.rule && f.cell === `${problem.column}${row}`);
    expect(match).toBeDefined();
    expect(match!.severity).toBe(problem.severity);
    expect(match!.message).not.toMatch(/undefined|NaN|null/);
  });

  test('no clean row gets an error, including legitimate unusual orders and home routes', () => {
    const errorsOnClean = result.findings.filter((f) => f.severity === 'error' && cleanRows.has(f.row));
    // The first row of the planted duplicate is not blamed: the one finding is on the repeat.
    expect(errorsOnClean).toEqual([]);
  });

  test('one clear finding per problem: a planted row has no other errors', () => {
    for (const [row, problem] of planted) {
      const errors = result.findings.filter((f) => f.row === row && f.severity === 'error');
      expect(errors.map((f) => `${f.rule} ${f.cell}`)).toEqual(problem.severity === 'error' ? [`${problem.rule} ${problem.column}${row}`] : []);
    }
  });

  test('clean rows get only the expected warnings and information', () => {
    const onClean = result.findings.filter((f) => cleanRows.has(f.row));
    const rules = new Set(onClean.map((f) => f.rule));
    // Journeys that ended years ago are outside the population as of 31/03/2024: a warning, not an error.
    expect([...rules].sort()).toEqual(['missing-court-application', 'missing-recommendation', 'outside-population', 'respite-row', 'serial-number', 'text-date', 'two-digit-year'].sort());
    // The home child with legal permanence alone gets a gentle warning about the recommendation, nothing else.
    const homeRows = records.filter((r) => r.text.route === 'Home').map((r) => r.row);
    const onHome = onClean.filter((f) => homeRows.includes(f.row));
    expect(onHome.map((f) => [f.rule, f.severity])).toEqual(homeRows.map(() => ['missing-recommendation', 'warning']));
  });

  test('counts match the findings', () => {
    expect(result.counts.error).toBe(result.findings.filter((f) => f.severity === 'error').length);
    expect(result.counts.error).toBe(PLANTED.filter((p) => p.severity === 'error').length);
  });
});
