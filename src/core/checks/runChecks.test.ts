import { checkRecords, compareFindings, countFindings, runChecks } from './runChecks';
import { RULE_IDS, RULES } from './registry';
import { child, dayFromIso, testLayout } from '../../../test/support/checks';
import type { Finding } from '../model';

const asOf = dayFromIso('2024-03-31');

describe('runChecks', () => {
  test('sorts errors first, then warnings, then information; then by row and column', () => {
    const records = [
      child({ row: 9, dates: { lookedAfterStart: { reading: 'text', iso: '2021-01-01', raw: '1/1/2021' } } }),
      child({ row: 8, dates: { lookedAfterStart: '2021-01-01', panel: 'tbc', admDecision: '#N/A' } }),
      child({ row: 5, dates: { lookedAfterStart: '2021-01-01', panel: { reading: 'textTwoDigitYear', iso: '2021-02-01', raw: '1/2/21' } } }),
      child({ row: 7, dates: { lookedAfterStart: '2021-01-01', legalPermanence: '2025-01-01' } }),
    ];
    const findings = runChecks(records, testLayout(), { asOf });
    expect(findings.map((f) => [f.severity, f.cell, f.rule])).toEqual([
      ['error', 'G5', 'missing-recommendation'], // panel present, recommendation blank
      ['error', 'L7', 'future-date'],
      ['error', 'H8', 'unreadable-date'],
      ['error', 'I8', 'error-value'],
      ['warning', 'H5', 'two-digit-year'],
      ['info', 'D9', 'text-date'],
    ]);
  });

  test('sorts columns by number, not by letters (Z before AA)', () => {
    const base = { rule: 'x', severity: 'error' as const, row: 4, field: null, childId: null, message: '' };
    const a: Finding = { ...base, cell: 'AA4' };
    const z: Finding = { ...base, cell: 'Z4' };
    expect([a, z].sort(compareFindings).map((f) => f.cell)).toEqual(['Z4', 'AA4']);
  });

  test('a clean journey gets no findings at all', () => {
    const record = child({
      row: 4,
      route: 'Fostering/Adoption',
      dates: {
        dateOfBirth: '2019-05-01',
        lookedAfterStart: '2020-01-10',
        firstAccommodated: '2020-01-10',
        lastAccommodated: '2020-06-01',
        permanenceRecommendation: '2020-09-01',
        panel: '2020-12-01',
        admDecision: '2021-01-05',
        finalPlacement: '2020-12-20',
        courtApplication: '2021-03-01',
        legalPermanence: '2021-08-01',
      },
    });
    expect(runChecks([record], testLayout(), { asOf })).toEqual([]);
  });

  test('checkRecords gives the contract shape with counts and the as-of date as yyyy-mm-dd', () => {
    const records = [child({ row: 4, dates: { panel: 'tbc' } }), child({ row: 5, childId: 'C0004', respite: true })];
    const result = checkRecords(records, testLayout({ sheet: 'My Tracker' }), { asOf });
    expect(result.sheet).toBe('My Tracker');
    expect(result.headerRow).toBe(3);
    expect(result.asOf).toBe('2024-03-31');
    expect(result.counts).toEqual(countFindings(result.findings));
    expect(result.counts).toEqual({ error: 2, warning: 0, info: 1 });
    expect(result.findings.map((f) => f.rule).sort()).toEqual(['duplicate-child-id', 'respite-row', 'unreadable-date']);
  });

  test('only the chosen rules run when rules are given', () => {
    const records = [child({ row: 4, dates: { panel: 'tbc', admDecision: '#N/A' } })];
    const errorOnly = RULES.filter((r) => r.ids.includes('error-value'));
    expect(runChecks(records, testLayout(), { asOf, rules: errorOnly }).map((f) => f.rule)).toEqual(['error-value']);
  });

  test('rule ids are unique, stable kebab-case', () => {
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
    for (const id of RULE_IDS) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(RULE_IDS).toEqual(expect.arrayContaining(['unreadable-date', 'placeholder-date', 'adm-before-panel', 'duplicate-child-id', 'unmapped-local-column']));
  });

  test('records with no dates mapped at all do not crash', () => {
    const record = { row: 4, childId: 'X', text: {}, dates: {}, respite: null, cells: {} };
    expect(runChecks([record], testLayout(), { asOf })).toEqual([]);
  });
});
