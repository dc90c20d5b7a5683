import { child, runRule, type DateSpec } from '../../../../test/support/checks';
import { missingAdm } from './missing-adm';
import { missingCourtApplication } from './missing-court-application';
import { missingFirstAccommodated } from './missing-first-accommodated';
import { missingLookedAfterStart } from './missing-looked-after-start';
import { missingPanel } from './missing-panel';
import { missingRecommendation } from './missing-recommendation';
import type { CheckRule } from '../types';

const run = (rule: CheckRule, dates: Record<string, DateSpec>, route?: string, unmapped?: string[]) =>
  runRule(rule, child({ row: 21, dates, route, unmapped }));

describe('gap rules: only a blank earlier milestone with a later one present', () => {
  test('a blank that is not mapped on the sheet is not a gap', () => {
    expect(run(missingRecommendation, { admDecision: '2021-03-01' }, 'Adoption', ['permanenceRecommendation'])).toEqual([]);
  });
  test('an unreadable earlier cell is not also a gap; an unreadable later cell does not make one', () => {
    expect(run(missingRecommendation, { permanenceRecommendation: 'tbc', admDecision: '2021-03-01' }, 'Adoption')).toEqual([]);
    expect(run(missingRecommendation, { admDecision: 'tbc' }, 'Adoption')).toEqual([]);
    expect(run(missingRecommendation, { admDecision: { reading: 'placeholder', iso: '1900-01-01' } }, 'Adoption')).toEqual([]);
  });
  test('a later date before birth or in the future is reported on its own, not also as a gap', () => {
    // Born 01/06/2015; panel typed as 2005: a before-birth error, and no missing-recommendation besides.
    expect(run(missingRecommendation, { dateOfBirth: '2015-06-01', panel: '2005-02-01' }, 'Adoption')).toEqual([]);
    expect(run(missingRecommendation, { admDecision: '2024-05-01' }, 'Adoption')).toEqual([]);
    // A trusted later milestone still counts when an earlier one in the list is before birth.
    const [f] = run(missingRecommendation, { dateOfBirth: '2015-06-01', panel: '2005-02-01', admDecision: '2021-03-01' }, 'Adoption');
    expect(f).toMatchObject({ rule: 'missing-recommendation', cells: ['G21', 'I21'] });
  });
  test('a child early in the journey has nothing missing', () => {
    const dates = { lookedAfterStart: '2023-01-01', firstAccommodated: '2023-01-01' };
    for (const rule of [missingRecommendation, missingPanel, missingAdm, missingCourtApplication, missingLookedAfterStart, missingFirstAccommodated]) {
      expect(run(rule, dates, 'Fostering/Adoption')).toEqual([]);
    }
  });
});

describe('missing-recommendation', () => {
  test('ADM present, recommendation blank: error on the blank cell', () => {
    const [f] = run(missingRecommendation, { panel: '2021-02-01', admDecision: '2021-03-01' }, 'Kinship');
    expect(f).toMatchObject({ rule: 'missing-recommendation', severity: 'error', cell: 'G21', cells: ['G21', 'H21'], field: 'permanenceRecommendation' });
    expect(f.message).toBe(
      'The permanence panel is recorded (01/02/2021) but the permanence recommendation is blank. The permanence recommendation comes first: fill in that date.',
    );
  });
  test('legal permanence alone: error for adoption, warning for home, kinship and unknown routes', () => {
    const dates = { legalPermanence: '2021-03-01' };
    expect(run(missingRecommendation, dates, 'Fostering/Adoption')[0].severity).toBe('error');
    expect(run(missingRecommendation, dates, 'Remaining at home')[0].severity).toBe('warning');
    expect(run(missingRecommendation, dates, 'Kinship')[0].severity).toBe('warning');
    expect(run(missingRecommendation, dates)[0].severity).toBe('warning');
  });
  test('does not fire when the recommendation is there', () => {
    expect(run(missingRecommendation, { permanenceRecommendation: '2021-01-01', admDecision: '2021-03-01' }, 'Adoption')).toEqual([]);
  });
});

describe('missing-panel', () => {
  test('ADM present, panel blank: a warning', () => {
    const [f] = run(missingPanel, { permanenceRecommendation: '2021-01-01', admDecision: '2021-03-01' }, 'Fostering/Adoption');
    expect(f).toMatchObject({ rule: 'missing-panel', severity: 'warning', cell: 'H21', field: 'panel' });
  });
  test('nothing for home routes', () => {
    expect(run(missingPanel, { admDecision: '2021-03-01' }, 'Rehabilitation home')).toEqual([]);
  });
});

describe('missing-adm', () => {
  test('court application present, ADM blank: error for adoption, warning otherwise', () => {
    const dates = { permanenceRecommendation: '2021-01-01', panel: '2021-02-01', courtApplication: '2021-05-01' };
    expect(run(missingAdm, dates, 'Adoption')[0]).toMatchObject({ rule: 'missing-adm', severity: 'error', cell: 'I21', cells: ['I21', 'K21'] });
    expect(run(missingAdm, dates, 'Kinship')[0].severity).toBe('warning');
    expect(run(missingAdm, dates)[0].severity).toBe('warning');
  });
  test('does not fire without a court application', () => {
    expect(run(missingAdm, { legalPermanence: '2021-05-01' }, 'Adoption')).toEqual([]);
  });
});

describe('missing-court-application', () => {
  test('legal permanence without a court application: error for fostering/adoption', () => {
    const [f] = run(missingCourtApplication, { admDecision: '2021-03-01', legalPermanence: '2021-09-01' }, 'Fostering/Adoption');
    expect(f).toMatchObject({ rule: 'missing-court-application', severity: 'error', cell: 'K21', cells: ['K21', 'L21'] });
  });
  test('warning for kinship, residential and unknown routes', () => {
    for (const route of ['Kinship', 'Residential', undefined]) {
      expect(run(missingCourtApplication, { legalPermanence: '2021-09-01' }, route)[0].severity).toBe('warning');
    }
  });
  test('nothing for home routes: a hearing ending the supervision order is legal permanence', () => {
    expect(run(missingCourtApplication, { legalPermanence: '2021-09-01' }, 'Remaining at home')).toEqual([]);
    expect(run(missingCourtApplication, { legalPermanence: '2021-09-01' }, 'Rehab')).toEqual([]);
  });
});

describe('missing-looked-after-start', () => {
  test('accommodation dates without a start: error', () => {
    const [f] = run(missingLookedAfterStart, { firstAccommodated: '2021-01-05' });
    expect(f).toMatchObject({ rule: 'missing-looked-after-start', severity: 'error', cell: 'D21', cells: ['D21', 'E21'] });
  });
  test('other milestones without a start: warning', () => {
    expect(run(missingLookedAfterStart, { permanenceRecommendation: '2021-01-05' }, 'Home')[0].severity).toBe('warning');
  });
  test('does not fire with a start date', () => {
    expect(run(missingLookedAfterStart, { lookedAfterStart: '2021-01-01', firstAccommodated: '2021-01-05' })).toEqual([]);
  });
});

describe('missing-first-accommodated', () => {
  test('last accommodated without first: error', () => {
    const [f] = run(missingFirstAccommodated, { lookedAfterStart: '2021-01-01', lastAccommodated: '2021-06-05' });
    expect(f).toMatchObject({ rule: 'missing-first-accommodated', severity: 'error', cell: 'E21', cells: ['E21', 'F21'] });
  });
  test('does not fire when both are there, or neither', () => {
    expect(run(missingFirstAccommodated, { firstAccommodated: '2021-01-01', lastAccommodated: '2021-06-05' })).toEqual([]);
    expect(run(missingFirstAccommodated, { lookedAfterStart: '2021-01-01' })).toEqual([]);
  });
});
