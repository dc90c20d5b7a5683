import fc from 'fast-check';
import type { ChildRecord, DecodedDate } from '../model';
import { PRESET_AIMS, normaliseAim } from '../aims/definition';
import { measureAim } from '../aims/measures';
import { childrenBetweenMilestones } from '../aims/stages';
import { child, day } from '../../../test/support/aims';
import { isoFromDay, serialFromDay } from '../dates';
import { buildReportPlan, uniqueSheetName } from './buildPlan';
import type { PlannedSheet } from './plan';
import { planSummarySheet } from './summarySheet';
import { cellValue, checkPlan, checkSheet, parseRange, rangeValues } from '../../../test/support/planCheck';

const AS_OF = day('2024-03-31');

const records: ChildRecord[] = [
  child({ row: 4, dates: { lookedAfterStart: '2022-01-01', firstAccommodated: '2022-01-05', permanenceRecommendation: '2022-06-01', panel: '2022-08-01', admDecision: '2022-08-20', courtApplication: '2022-11-01', legalPermanence: '2023-05-01' } }),
  child({ row: 5, dates: { lookedAfterStart: '2022-03-01', firstAccommodated: '2022-03-01', permanenceRecommendation: '2022-12-01', panel: '2023-01-20' } }),
  child({ row: 6, dates: { lookedAfterStart: '2023-02-01', firstAccommodated: '2023-02-10' } }),
  child({ row: 7, dates: { lookedAfterStart: '2023-05-01', permanenceRecommendation: '2023-09-01' } }),
];

const issues: PlannedSheet = {
  name: 'PACE Issues',
  role: 'issues',
  blocks: [
    { at: 'A1', values: [['Issues']], style: 'title' },
    { at: 'A3', values: [['Cell'], ['H17']] },
  ],
  tables: [{ name: 'PACE_Issues', range: 'A3:A4', style: 'TableStyleLight9' }],
  links: [],
  charts: [],
  columnWidths: [10],
  freezeRows: 3,
};

function measured(aims = PRESET_AIMS.map((a) => normaliseAim(a))) {
  return aims.map((definition) => ({ definition, result: measureAim(records, definition, AS_OF) }));
}

describe('buildReportPlan', () => {
  const changes = [{ date: '2022-07-01', label: 'Panel dates booked at recommendation' }];
  const plan = buildReportPlan({
    asOf: AS_OF,
    date1904: false,
    sourceSheet: 'Tracker',
    aims: measured(),
    stages: childrenBetweenMilestones(records, AS_OF),
    changes,
    issues,
  });

  test('summary first, then issues, then one sheet per aim', () => {
    expect(plan.asOf).toBe('2024-03-31');
    expect(plan.sheets.map((s) => s.name)).toEqual([
      'PACE Summary',
      'PACE Issues',
      'PACE Aim 1 Accom to Rec',
      'PACE Aim 2 Rec to Panel',
      'PACE Aim 3 ADM to Court',
      'PACE Aim 4 LAC to Order',
    ]);
    expect(plan.sheets.map((s) => s.role)).toEqual(['summary', 'issues', 'aim', 'aim', 'aim', 'aim']);
    expect(plan.replaceEarlierReport).toBe(true);
  });

  test('rows outside the PACE population are said on the summary and on every aim sheet', () => {
    const withOutside = buildReportPlan({
      asOf: AS_OF,
      date1904: false,
      sourceSheet: 'Tracker',
      aims: measured(),
      stages: [],
      changes: [],
      population: { outside: 3, kept: false },
    });
    const said = '3 rows outside the PACE population (ceased to be looked after more than a year before the as-of date) are left out.';
    expect(cellValue(withOutside.sheets[0], 'A2')).toBe(`As of 31/03/2024. ${said}`);
    // The aim sheets' as-of line wraps over rows to fit the printed page: read it whole.
    for (const sheet of withOutside.sheets.slice(1)) {
      const asOf = sheet.blocks.find((b) => String(b.values[0]?.[0] ?? '').startsWith('As of'));
      expect(asOf?.values.map((r) => r[0]).join(' ')).toContain(said);
    }
  });

  test('every sheet is sound; sheet and table names unique across the workbook', () => {
    expect(() => checkPlan(plan)).not.toThrow();
  });

  test('summary: one row per aim with its figures and a working link to its sheet', () => {
    const summary = plan.sheets[0];
    expect(cellValue(summary, 'A2')).toBe('As of 31/03/2024');
    const table = summary.tables.find((t) => t.name === 'PACE_Summary_Aims')!;
    const r = parseRange(table.range);
    expect(r.bottom - r.top).toBe(4);
    // Aim 2 (recommendation → panel): rows 4 (61 days) and 5 (50 days) completed, both within 12 weeks; row 7 waiting.
    expect(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'].map((c) => cellValue(summary, `${c}${r.top + 2}`))).toEqual([
      'Permanence recommendation to panel', 2, 2, 100, 75, 7.9, 1, 1, 'PACE Aim 2 Rec to Panel',
    ]);
    expect(summary.links).toHaveLength(4);
    expect(summary.links[1]).toMatchObject({ target: "'PACE Aim 2 Rec to Panel'!A1", text: 'PACE Aim 2 Rec to Panel' });
    for (const link of summary.links) {
      const target = link.target.replace(/^'|'!A1$/g, '');
      expect(plan.sheets.map((s) => s.name)).toContain(target);
    }
  });

  test('summary: children between milestones with a column chart over the table', () => {
    const summary = plan.sheets[0];
    const chart = summary.charts.find((c) => c.kind === 'column')!;
    expect(rangeValues(summary, chart.categories)).toEqual([
      'Looked after → First accommodated',
      'First accommodated → Recommendation',
      'Recommendation → Panel',
      'Panel → ADM decision',
      'ADM decision → Court application',
      'Court application → Legal permanence',
      'Legal permanence secured, still looked after',
    ]);
    expect(rangeValues(summary, chart.series[0].values)).toEqual([0, 1, 1, 1, 0, 0, 1]);
  });

  test('summary: tests of change listed with dates as serials', () => {
    const summary = plan.sheets[0];
    const table = summary.tables.find((t) => t.name === 'PACE_Summary_Changes')!;
    const r = parseRange(table.range);
    expect(cellValue(summary, `A${r.top + 1}`)).toBe('Panel dates booked at recommendation');
    expect(cellValue(summary, `B${r.top + 1}`)).toBe(serialFromDay(day('2022-07-01'), false));
  });

  test('two aims with the same long name still get different sheet names', () => {
    const same = [
      normaliseAim({ id: 'a', name: 'A very long aim name that will be cut short', start: 'panel', end: 'admDecision' }),
      normaliseAim({ id: 'b', name: 'A very long aim name that will be cut short', start: 'panel', end: 'admDecision' }),
    ];
    const p = buildReportPlan({ asOf: AS_OF, date1904: false, sourceSheet: 'Tracker', aims: measured(same), stages: [], changes: [] });
    expect(() => checkPlan(p)).not.toThrow();
    expect(p.sheets.map((s) => s.name)).toEqual(['PACE Summary', 'PACE Aim 1 Panel to ADM', 'PACE Aim 2 Panel to ADM']);
  });

  test('no aims, no stages, no changes: a valid summary with notes', () => {
    const p = buildReportPlan({ asOf: AS_OF, date1904: false, sourceSheet: 'Tracker', aims: [], stages: [], changes: [] });
    expect(() => checkPlan(p)).not.toThrow();
    expect(p.sheets).toHaveLength(1);
    expect(p.sheets[0].tables).toEqual([]);
    expect(p.sheets[0].charts).toEqual([]);
  });
});

describe('the structural checker catches broken plans', () => {
  const sheet = planSummarySheet({
    asOf: AS_OF,
    date1904: false,
    sourceSheet: 'Tracker',
    aims: measured().map((a, i) => ({ ...a, sheetName: `PACE Aim ${i + 1}` })),
    stages: childrenBetweenMilestones(records, AS_OF),
    changes: [],
  });

  test('the summary as planned passes', () => {
    expect(() => checkSheet(sheet)).not.toThrow();
  });

  test('a series one row short, a chart over a table, a bad table name, a duplicate sheet name', () => {
    const chart = sheet.charts[0];
    const short = { ...sheet, charts: [{ ...chart, series: [{ ...chart.series[0], values: chart.series[0].values.replace(/\d+$/, (n) => String(Number(n) - 1)) }] }] };
    expect(() => checkSheet(short)).toThrow(/does not line up/);
    const covering = { ...sheet, charts: [{ ...chart, anchor: { from: 'A6', to: 'D20' } }] };
    expect(() => checkSheet(covering)).toThrow(/covers block/);
    const badTable = { ...sheet, tables: [{ ...sheet.tables[0], name: 'Aims table' }] };
    expect(() => checkSheet(badTable)).toThrow(/bad table name/);
    expect(() => checkPlan({ asOf: '2024-03-31', sheets: [sheet, { ...sheet, tables: [] }] })).toThrow(/sheet names repeat/);
  });
});

describe('uniqueSheetName', () => {
  test('adds a number within 31 characters, comparing without case', () => {
    const taken = new Set(['pace summary']);
    expect(uniqueSheetName('PACE Summary', taken)).toBe('PACE Summary (2)');
    expect(uniqueSheetName('x'.repeat(40), taken)).toBe('x'.repeat(31));
    expect(uniqueSheetName('x'.repeat(40), taken)).toBe(`${'x'.repeat(27)} (2)`);
  });
});

describe('property: any sheet gives a sound plan', () => {
  const dayArb = fc.option(fc.integer({ min: day('2020-01-01'), max: day('2024-06-30') }), { nil: undefined });
  const childArb = fc.record({
    lookedAfterStart: dayArb,
    firstAccommodated: dayArb,
    permanenceRecommendation: dayArb,
    panel: dayArb,
    admDecision: dayArb,
    courtApplication: dayArb,
    legalPermanence: dayArb,
    ceasedDate: dayArb,
  });
  const changeArb = fc.record({ date: fc.integer({ min: day('2019-01-01'), max: day('2025-01-01') }).map(isoFromDay), label: fc.string({ minLength: 1, maxLength: 20 }) });

  test('random children, tests of change and targets: every plan passes the structural checks', () => {
    fc.assert(
      fc.property(
        fc.array(childArb, { maxLength: 40 }),
        fc.array(changeArb, { maxLength: 3 }),
        fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }),
        fc.boolean(),
        (specs, changes, targetWeeks, date1904) => {
          const sheetRecords: ChildRecord[] = specs.map((spec, i) => {
            const dates: Record<string, DecodedDate> = {};
            for (const [field, d] of Object.entries(spec)) if (d !== undefined) dates[field] = { reading: 'dateCell', day: d, raw: d };
            return { row: i + 2, childId: i % 7 === 3 ? null : `C${i}`, text: {}, dates, respite: null, cells: {} };
          });
          const aims = PRESET_AIMS.map((a) => normaliseAim({ ...a, targetWeeks: a.targetWeeks === null ? null : targetWeeks }));
          const plan = buildReportPlan({
            asOf: AS_OF,
            date1904,
            sourceSheet: 'Tracker',
            aims: aims.map((definition) => ({ definition, result: measureAim(sheetRecords, definition, AS_OF) })),
            stages: childrenBetweenMilestones(sheetRecords, AS_OF),
            changes,
          });
          checkPlan(plan);
        },
      ),
      { numRuns: 60 },
    );
  });
});
