import { normaliseAim, PRESET_AIMS } from '../aims/definition';
import type { AimDefinition } from '../model';
import { AIM_END_BEFORE_START } from './aimIntervals';
import { checkRecords } from './runChecks';
import { child, dayFromIso, testLayout } from '../../../test/support/checks';

const asOf = dayFromIso('2024-03-31');
const presets = PRESET_AIMS.map((a) => normaliseAim(a));
const check = (records: ReturnType<typeof child>[], aims: AimDefinition[] = presets, layout = testLayout()) =>
  checkRecords(records, layout, { asOf, aims }).findings.filter((f) => f.row === records[0].row);

describe('an aim whose end milestone is before its start: one finding naming the aim', () => {
  test('looked after to legal permanence (two chains no order rule links): a new error naming the aim', () => {
    const findings = check([
      child({ row: 8, route: 'Remaining at home', dates: { dateOfBirth: '2015-01-01', lookedAfterStart: '2021-06-01', permanenceRecommendation: '2021-01-05', legalPermanence: '2021-02-01' } }),
    ]);
    const aim = findings.filter((f) => f.rule === AIM_END_BEFORE_START);
    expect(aim).toHaveLength(1);
    expect(aim[0]).toMatchObject({ severity: 'error', cell: 'L8', cells: ['L8', 'D8'], field: 'legalPermanence' });
    expect(aim[0].message).toBe(
      "Legal permanence (01/02/2021) is before the date the child became looked after (01/06/2021), where the aim 'Becoming looked after to legal permanence' measures from the date the child became looked after to legal permanence. The child is left out of the aim 'Becoming looked after to legal permanence' until the dates are corrected. Check both dates.",
    );
  });

  test('recommendation before first accommodation: the cross-chain warning names aim 1, no second finding', () => {
    const findings = check([child({ row: 9, dates: { lookedAfterStart: '2022-01-01', firstAccommodated: '2022-09-01', permanenceRecommendation: '2022-07-01' } })]);
    expect(findings.map((f) => f.rule)).toEqual(['recommendation-before-first-accommodated']);
    expect(findings[0].message).toMatch(/The child is left out of the aim 'Accommodation to permanence recommendation' until the dates are corrected\.$/);
  });

  test('an order rule that already names both cells gains the aim name (panel before recommendation)', () => {
    const findings = check([child({ row: 10, dates: { lookedAfterStart: '2022-01-01', firstAccommodated: '2022-01-01', permanenceRecommendation: '2022-07-01', panel: '2022-05-01' } })]);
    expect(findings.map((f) => f.rule)).toEqual(['panel-before-recommendation']);
    expect(findings[0].message).toMatch(/left out of the aim 'Permanence recommendation to panel'/);
  });

  test("a user's own aim on a local milestone, and two aims on the same pair: one finding naming both", () => {
    const local = { legalAdviceMeeting: 'Legal advice meeting' };
    const labels = new Map(Object.entries(local));
    const mine = [
      normaliseAim({ id: 'a', name: 'Advice to ADM', start: 'legalAdviceMeeting', end: 'admDecision' }, labels),
      normaliseAim({ id: 'b', name: 'Advice to ADM (kinship)', start: 'legalAdviceMeeting', end: 'admDecision', targetWeeks: 8 }, labels),
    ];
    const record = child({ row: 11, dates: { permanenceRecommendation: '2022-01-01', panel: '2022-02-01', admDecision: '2022-03-01', legalAdviceMeeting: '2022-04-01' } });
    const findings = check([record], mine, testLayout({ local }));
    const aim = findings.filter((f) => f.rule === AIM_END_BEFORE_START);
    expect(aim).toHaveLength(1);
    expect(aim[0].cells).toEqual(['I11', 'U11']);
    expect(aim[0].message).toBe(
      "The ADM decision (01/03/2022) is before 'Legal advice meeting' (01/04/2022), where the aims 'Advice to ADM' and 'Advice to ADM (kinship)' measure from 'Legal advice meeting' to the ADM decision. The child is left out of the aims 'Advice to ADM' and 'Advice to ADM (kinship)' until the dates are corrected. Check both dates.",
    );
  });

  test('a recommendation typed before becoming looked after: the one cross-chain error names aim 1', () => {
    const findings = check([child({ row: 15, dates: { lookedAfterStart: '2022-03-01', firstAccommodated: '2022-03-01', permanenceRecommendation: '2021-09-01' } })]);
    expect(findings.map((f) => f.rule)).toEqual(['recommendation-before-looked-after']);
    expect(findings[0].message).toMatch(/left out of the aim 'Accommodation to permanence recommendation'/);
  });

  test('a date before birth keeps its own finding, which names the aim', () => {
    const findings = check([child({ row: 12, dates: { dateOfBirth: '2016-05-01', lookedAfterStart: '2022-01-01', firstAccommodated: '2022-01-01', permanenceRecommendation: '2006-03-01' } })]);
    expect(findings.map((f) => f.rule)).toEqual(['before-birth']);
    expect(findings[0].message).toMatch(/left out of the aim 'Accommodation to permanence recommendation'/);
  });

  test('nothing when the child is outside the aim’s cohort or the dates are in order', () => {
    const aim = normaliseAim({ ...PRESET_AIMS[0], cohortFrom: '2023-01-01' });
    expect(check([child({ row: 13, dates: { firstAccommodated: '2022-09-01', permanenceRecommendation: '2022-07-01' } })], [aim]).filter((f) => f.rule === AIM_END_BEFORE_START)).toEqual([]);
    expect(check([child({ row: 14, dates: { lookedAfterStart: '2020-01-01', legalPermanence: '2021-01-01' } })]).filter((f) => f.rule === AIM_END_BEFORE_START)).toEqual([]);
  });
});
