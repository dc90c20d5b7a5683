import { isUserFacingError } from '../errors';
import { MILESTONES } from '../fields';
import { PRESET_AIMS, aimStatement, defaultAimName, normaliseAim, parseAimsFile } from './definition';

const KNOWN = [...MILESTONES, 'legalAdviceMeeting'];

function problem(json: unknown): string {
  try {
    parseAimsFile(json, KNOWN);
  } catch (err) {
    if (isUserFacingError(err) && err.kind === 'badAims') return err.message;
    throw err;
  }
  throw new Error('expected a badAims problem');
}

describe('presets', () => {
  test('four aims with stable ids, the Highland-style targets and a no-target journey', () => {
    expect(PRESET_AIMS.map((a) => [a.id, a.start, a.end, a.targetWeeks, a.targetPercent])).toEqual([
      ['accommodation-to-recommendation', 'firstAccommodated', 'permanenceRecommendation', 26, 90],
      ['recommendation-to-panel', 'permanenceRecommendation', 'panel', 12, 75],
      ['adm-to-court-application', 'admDecision', 'courtApplication', 16, 60],
      ['looked-after-to-legal-permanence', 'lookedAfterStart', 'legalPermanence', null, null],
    ]);
  });
  test('presets pass their own validation', () => {
    expect(parseAimsFile({ aims: PRESET_AIMS }, [...MILESTONES]).aims).toHaveLength(4);
  });
});

describe('normaliseAim', () => {
  test('fills every default of the contract', () => {
    expect(normaliseAim({ id: 'x', start: 'panel', end: 'admDecision' })).toEqual({
      id: 'x',
      name: 'Permanence panel to agency decision maker (ADM) decision',
      start: 'panel',
      end: 'admDecision',
      targetWeeks: null,
      targetPercent: null,
      cohortFrom: null,
      deadline: null,
      excludeRespite: true,
      filters: {},
      baseline: { points: 12 },
      rephaseRun: 9,
      direction: 'down',
      rules: 'ihi',
    });
  });
  test('keeps what the user chose, including "never re-phase"', () => {
    const aim = normaliseAim({ id: 'x', name: ' Mine ', start: 'panel', end: 'admDecision', rephaseRun: null, baseline: { before: '2022-05-01' }, excludeRespite: false, direction: 'up', rules: 'anhoej' });
    expect(aim.name).toBe('Mine');
    expect(aim.rephaseRun).toBeNull();
    expect(aim.baseline).toEqual({ before: '2022-05-01' });
    expect(aim.excludeRespite).toBe(false);
    expect(aim.direction).toBe('up');
    expect(aim.rules).toBe('anhoej');
  });
  test('local milestones are named by their label when given', () => {
    expect(defaultAimName('legalAdviceMeeting', 'courtApplication', new Map([['legalAdviceMeeting', 'Legal advice meeting']]))).toBe(
      'Legal advice meeting to court application lodged',
    );
    expect(defaultAimName('legalAdviceMeeting', 'courtApplication')).toBe('legalAdviceMeeting to court application lodged');
  });
});

describe('parseAimsFile', () => {
  test('accepts the contract example and keeps the tests of change', () => {
    const file = parseAimsFile(
      {
        aims: [
          {
            id: 'aim2', name: 'Accommodation to permanence recommendation', start: 'firstAccommodated', end: 'permanenceRecommendation',
            targetWeeks: 26, targetPercent: 90, cohortFrom: '2022-04-01', deadline: '2025-03-31', excludeRespite: true,
            filters: { route: ['Fostering/Adoption'], team: ['North'] }, baseline: { points: 12 }, rephaseRun: 9, direction: 'down', rules: 'ihi',
          },
        ],
        changes: [{ date: '2022-05-01', label: 'Two-week planning meeting introduced' }],
      },
      KNOWN,
    );
    expect(file.aims[0].filters).toEqual({ route: ['Fostering/Adoption'], team: ['North'] });
    expect(file.changes).toEqual([{ date: '2022-05-01', label: 'Two-week planning meeting introduced' }]);
  });
  test('a local milestone can start or end an aim', () => {
    expect(parseAimsFile({ aims: [{ id: 'l', start: 'legalAdviceMeeting', end: 'courtApplication' }] }, KNOWN).aims[0].start).toBe('legalAdviceMeeting');
  });
  test('names the aim and the problem', () => {
    expect(problem({ aims: [{ id: 'a1', start: 'firstAccommodated', end: 'recommendation' }] })).toMatch(/Aim 'a1'.*'recommendation' is not a date column/);
    expect(problem({ aims: [{ id: 'a1', name: 'Panel aim', start: 'panel', end: 'panel' }] })).toMatch(/Aim 'Panel aim' \(a1\) starts and ends at the same milestone/);
    expect(problem({ aims: [{ id: 'a1', start: 'panel', end: 'admDecision', cohortFrom: '2022-02-30' }] })).toMatch(/"from" date '2022-02-30' is not a real date/);
    expect(problem({ aims: [{ id: 'a1', start: 'panel', end: 'admDecision', deadline: '31/03/2025' }] })).toMatch(/deadline '31\/03\/2025'/);
    expect(problem({ aims: [{ id: 'a1', start: 'panel', end: 'admDecision', targetWeeks: -2 }] })).toMatch(/target weeks \(-2\) cannot be negative/);
    expect(problem({ aims: [{ id: 'a1', start: 'panel', end: 'admDecision', targetPercent: 120 }] })).toMatch(/percentage \(120\) must be a number from 0 to 100/);
    expect(problem({ aims: [{ id: 'a1', start: 'panel', end: 'admDecision', baseline: { points: 0 } }] })).toMatch(/baseline/);
    expect(problem({ aims: [{ id: 'a1', start: 'panel', end: 'admDecision', filters: { colour: ['x'] } }] })).toMatch(/"colour" is not a filter/);
    expect(problem({ aims: [{ id: 'a1', start: 'panel', end: 'admDecision' }, { id: 'a1', start: 'panel', end: 'courtApplication' }] })).toMatch(/already has the id 'a1'/);
    expect(problem({ aims: [{ start: 'panel', end: 'admDecision' }] })).toMatch(/Aim number 1 has no id/);
    expect(problem({ aims: [{ id: 'a1', start: 'panel', end: 'admDecision' }], changes: [{ date: '2022-13-01', label: 'x' }] })).toMatch(/Test of change 'x'/);
    expect(problem({})).toMatch(/no list of aims/);
    expect(problem(null)).toMatch(/must hold/);
  });
});

describe('aimStatement', () => {
  test('the PACE sentence with deadline, percentage and cohort date', () => {
    const aim = normaliseAim({ id: 'a', start: 'firstAccommodated', end: 'permanenceRecommendation', targetWeeks: 26, targetPercent: 90, cohortFrom: '2022-04-01', deadline: '2025-03-31' });
    expect(aimStatement(aim)).toBe(
      'By 31/03/2025, 90% of children will have a permanence recommendation within 26 weeks of first being accommodated away from home. Includes children from 01/04/2022.',
    );
  });
  test('no deadline, filters, respite included', () => {
    const aim = normaliseAim({ id: 'a', start: 'admDecision', end: 'courtApplication', targetWeeks: 16, targetPercent: 60, excludeRespite: false, filters: { route: ['Kinship'], ageAtStart: { min: 0, max: 4 } } });
    expect(aimStatement(aim)).toBe(
      '60% of children will have the court application lodged within 16 weeks of the agency decision maker (ADM) decision. Includes all children on the sheet. Only children on the Kinship route, aged 0 to 4 at the start. Respite episodes are included.',
    );
  });
  test('no target and a local milestone', () => {
    const aim = normaliseAim({ id: 'a', start: 'legalAdviceMeeting', end: 'legalPermanence' });
    expect(aimStatement(aim, new Map([['legalAdviceMeeting', 'Legal advice meeting']]))).toBe(
      "Tracks the weeks children take to have legal permanence secured from 'Legal advice meeting' (no target set). Includes all children on the sheet.",
    );
  });
});
