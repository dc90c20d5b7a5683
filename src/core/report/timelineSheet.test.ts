import { child, day } from '../../../test/support/aims';
import { PRESET_AIMS, normaliseAim } from '../aims/definition';
import { childJourney } from '../timeline/journey';
import { checkSheet, rangeValues } from '../../../test/support/planCheck';
import { CHILDREN_PER_CHART, darker, planTimelineSheet } from './timelineSheet';
import { serialFromDay } from '../dates';

const AIMS = PRESET_AIMS.map((a) => normaliseAim(a));
const AS_OF = day('2024-03-31');

const GAP = child({
  row: 5,
  childId: 'GAP1',
  dates: { lookedAfterStart: '2022-01-03', firstAccommodated: '2022-01-17', permanenceRecommendation: '2022-08-01', admDecision: '2022-10-03' },
});
const WAITING = child({ row: 6, childId: 'WAIT1', dates: { lookedAfterStart: '2023-01-02', firstAccommodated: '2023-01-02', permanenceRecommendation: '2023-06-05' } });
const HOME = child({ row: 7, childId: 'HOME1', text: { route: 'Remaining at home' }, dates: { lookedAfterStart: '2022-05-02', permanenceRecommendation: '2022-09-05', legalPermanence: '2023-03-06' } });

function plan(align: 'calendar' | 'start') {
  const journeys = [GAP, WAITING, HOME].map((r) => childJourney(r, AS_OF, AIMS));
  return planTimelineSheet({ journeys, subject: 'three children', asOf: AS_OF, align, date1904: false, sheetName: 'PACE Timeline three', tablePrefix: 'PACE_Timeline_' });
}

/** Each child's bar read back from the chart's series: [offset, then (series name, weeks) for each segment present]. */
function bars(sheet: ReturnType<typeof plan>) {
  const chart = sheet.charts[0];
  const ids = rangeValues(sheet, chart.categories);
  return ids.map((id, i) => ({
    id,
    offset: rangeValues(sheet, chart.series[0].values)[i],
    segments: chart.series
      .slice(1)
      .map((s) => [s.name, rangeValues(sheet, s.values)[i]] as const)
      .filter(([, v]) => v !== null && v !== undefined),
  }));
}

describe('planTimelineSheet', () => {
  it('draws each stage as a segment of its child’s bar, in time order, with the offset placing the bar on one calendar', () => {
    const sheet = plan('calendar');
    checkSheet(sheet);
    expect(sheet.charts).toHaveLength(1);
    const chart = sheet.charts[0];
    expect(chart).toMatchObject({ kind: 'bar', stacked: true, reverseCategories: true });
    expect(chart.series[0]).toMatchObject({ name: 'Start', barFill: 'none', inLegend: false });
    const read = bars(sheet);
    // Origin: 03/01/2022 (GAP1 became looked after first).
    expect(read[0].offset).toBe(0);
    expect(read[0].segments).toEqual([
      ['To first accommodated', 2], // 14 days
      ['To recommendation, past target', 28], // 17/01 → 01/08/2022: 196 days, past 26 weeks
      ['To ADM decision', 9], // 63 days, the panel not recorded in between
      ['Still waiting, past target', (AS_OF - day('2022-10-03')) / 7], // waiting for the court application
    ]);
    expect(read[1].offset).toBe((day('2023-01-02') - day('2022-01-03')) / 7);
    expect(read[1].segments).toEqual([
      ['To first accommodated', 0],
      ['To recommendation', 22], // 154 days
      ['Still waiting, past target', 300 / 7], // waiting for the panel, past 12 weeks
    ]);
    expect(read[2].offset).toBe((day('2022-05-02') - day('2022-01-03')) / 7);
    expect(read[2].segments).toEqual([
      ['To recommendation', 18], // 126 days
      ['To legal permanence', 26], // 182 days
    ]);
    // Series stack in journey order: an earlier stage's series always comes first.
    const names = chart.series.map((s) => s.name);
    expect(names.indexOf('To first accommodated')).toBeLessThan(names.indexOf('To recommendation'));
    expect(names.indexOf('To ADM decision')).toBeLessThan(names.indexOf('Still waiting, past target'));
    expect(chart.series.find((s) => s.name.startsWith('Still waiting'))?.barFill).toBe('outline');
  });

  it('aligned by start, every bar begins at week 0', () => {
    const read = bars(plan('start'));
    expect(read.map((b) => b.offset)).toEqual([0, 0, 0]);
    expect(plan('start').charts[0].yAxisTitle).toBe('Weeks since becoming looked after');
  });

  it('lists every stage with its dates, weeks, target and what was not recorded', () => {
    const sheet = plan('calendar');
    const stagesTable = sheet.tables.find((t) => t.name.endsWith('Stages'));
    expect(stagesTable).toBeDefined();
    const header = sheet.blocks.find((b) => b.values[0]?.[0] === 'Child ID' && b.values[0]?.[1] === 'Stage');
    expect(header?.values.length).toBe(1 + 4 + 3 + 2);
    const gapRow = header?.values.find((r) => r[0] === 'GAP1' && String(r[1]).includes('ADM'));
    expect(gapRow?.[9]).toBe('Permanence panel');
  });

  it('splits more than 50 children across charts', () => {
    const many = Array.from({ length: CHILDREN_PER_CHART + 5 }, (_, i) =>
      childJourney(child({ row: 10 + i, childId: `K${i}`, dates: { lookedAfterStart: '2023-01-02', firstAccommodated: '2023-02-06' } }), AS_OF, AIMS),
    );
    const sheet = planTimelineSheet({ journeys: many, subject: 'team North', asOf: AS_OF, align: 'start', date1904: false, sheetName: 'PACE Timeline team North', tablePrefix: 'T_' });
    checkSheet(sheet);
    expect(sheet.charts.map((c) => rangeValues(sheet, c.categories).length)).toEqual([50, 5]);
    expect(sheet.charts[1].title).toContain('(2 of 2)');
  });

  it('gives every chart of a split sheet the same weeks axis, reaching past every bar on all of them', () => {
    // The last five children have waited years longer: on their own chart they would set a far longer axis than the first 50.
    const many = Array.from({ length: CHILDREN_PER_CHART + 5 }, (_, i) => {
      const start = i < CHILDREN_PER_CHART ? '2023-01-02' : '2018-01-08';
      return childJourney(child({ row: 10 + i, childId: `K${i}`, dates: { lookedAfterStart: start, firstAccommodated: start } }), AS_OF, AIMS);
    });
    for (const align of ['calendar', 'start'] as const) {
      const sheet = planTimelineSheet({ journeys: many, subject: 'team North', asOf: AS_OF, align, date1904: false, sheetName: 'PACE Timeline team North', tablePrefix: 'T_' });
      checkSheet(sheet);
      const [one, two] = sheet.charts;
      expect(sheet.charts).toHaveLength(2);
      expect([one.yAxisMin, two.yAxisMin]).toEqual([0, 0]);
      expect(one.yAxisMax).toBeDefined();
      expect(two.yAxisMax).toBe(one.yAxisMax);
      // Each bar's end: its offset and every segment stacked, read back from the chart's own ranges.
      const ends = sheet.charts.flatMap((c) => {
        const columns = c.series.map((s) => rangeValues(sheet, s.values));
        return columns[0].map((_, i) => columns.reduce((sum, col) => sum + (typeof col[i] === 'number' ? (col[i] as number) : 0), 0));
      });
      const longest = Math.max(...ends);
      expect(longest).toBeGreaterThan(300); // the children looked after since 2018
      expect(one.yAxisMax as number).toBeGreaterThan(longest);
      expect(one.yAxisMax as number).toBeLessThanOrEqual(longest + 10);
    }
  });

  it('leaves a sheet with one chart to Excel’s own scale, as before', () => {
    const sheet = plan('calendar');
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0].yAxisMin).toBe(0);
    expect(sheet.charts[0]).not.toHaveProperty('yAxisMax');
  });
});

describe('placements under the journeys', () => {
  const placement = (childId: string, row: number, start: string, end: string | null, type: string | null) => ({ childId, row, start: day(start), end: end === null ? null : day(end), type });
  // GAP1 (looked after 03/01/2022): foster care, then a residential unit, a month with no placement recorded, then foster care again, still going.
  const GAP1_PLACEMENTS = [
    placement('GAP1', 2, '2022-01-17', '2022-05-16', 'Foster care'),
    placement('GAP1', 3, '2022-05-16', '2022-09-05', 'Residential unit'),
    placement('GAP1', 4, '2022-10-03', null, 'Foster care'),
  ];
  // HOME1 (looked after 02/05/2022): one placement that began before the journey's first date.
  const HOME1_PLACEMENTS = [placement('HOME1', 5, '2022-04-04', '2023-03-06', null)];
  const placements = new Map([
    ['GAP1', GAP1_PLACEMENTS],
    ['HOME1', HOME1_PLACEMENTS],
  ]);

  function withPlacements(align: 'calendar' | 'start', problems: string[] = []) {
    const journeys = [GAP, WAITING, HOME].map((r) => childJourney(r, AS_OF, AIMS));
    return planTimelineSheet({
      journeys,
      subject: 'three children',
      asOf: AS_OF,
      align,
      date1904: false,
      sheetName: 'PACE Timeline three',
      tablePrefix: 'PACE_Timeline_',
      placements,
      placementsSheet: { name: 'Placements', problems },
    });
  }

  it('adds a placements bar under each child who has placements, one series per type and position, gaps invisible', () => {
    const sheet = withPlacements('calendar');
    checkSheet(sheet);
    const read = bars(sheet);
    expect(read.map((b) => b.id)).toEqual(['GAP1', 'GAP1 placements', 'WAIT1', 'HOME1', 'HOME1 placements']);
    // Origin 03/01/2022 still (GAP1's start is earlier than any placement).
    // GAP1's placements bar: 17/01/2022 is 14 days after the origin.
    expect(read[1].offset).toBe(2);
    expect(read[1].segments).toEqual([
      ['Foster care', 17], // 17/01 → 16/05/2022: 119 days
      ['Residential unit', 16], // 16/05 → 05/09/2022: 112 days
      ['Between placements 2 and 3', 4], // 05/09 → 03/10/2022: 28 days without a placement
      ['Foster care (placement 3)', (AS_OF - day('2022-10-03')) / 7], // still going at the as-of date
    ]);
    // HOME1's placement began 04/04/2022: 13 weeks after the origin, and ran 336 days to 06/03/2023.
    expect(read[4].offset).toBe(13);
    expect(read[4].segments).toEqual([['Type not recorded', 48]]);
    // Journey rows carry no placement values, placement rows no stage values.
    expect(read[0].segments.map(([name]) => name)).not.toContain('Foster care');
    const chart = sheet.charts[0];
    const legendless = chart.series.filter((s) => s.inLegend === false).map((s) => s.name);
    expect(legendless).toEqual(['Start', 'Between placements 2 and 3', 'Foster care (placement 3)']);
    const colour = (name: string) => chart.series.find((s) => s.name === name)?.color;
    // Placements 1 and 3 are foster care in the type's colour; the residential unit between them, second, is a darker shade of its own.
    expect(colour('Foster care (placement 3)')).toBe(colour('Foster care'));
    expect(colour('Residential unit')).toBe(darker('#ED7D31'));
    expect(darker('#ED7D31')).toBe('#A65822');
    expect(chart.series.find((s) => s.name === 'Between placements 2 and 3')?.barFill).toBe('none');
  });

  it('aligned by start, a placement begun before the journey is cut at week 0', () => {
    const read = bars(withPlacements('start'));
    const home = read.find((b) => b.id === 'HOME1 placements');
    // 02/05/2022 → 06/03/2023: 308 days from HOME1's week 0.
    expect(home).toEqual({ id: 'HOME1 placements', offset: 0, segments: [['Type not recorded', 44]] });
  });

  it('lists each child’s placements and moves, and the rows left out', () => {
    const sheet = withPlacements('calendar', ["Row 9 on 'Placements' (GAP1): the Placement start \"tbc\" is not a date, so this placement is left out."]);
    const moves = sheet.blocks.find((b) => b.values[0]?.join('|') === 'Child ID|Placements|Moves');
    expect(moves?.values.slice(1)).toEqual([
      ['GAP1', 3, 2],
      ['HOME1', 1, 0],
    ]);
    expect(sheet.tables.map((t) => t.name)).toEqual(['PACE_Timeline_ChartData', 'PACE_Timeline_Stages', 'PACE_Timeline_Moves', 'PACE_Timeline_Placements']);
    const list = sheet.blocks.find((b) => b.values[0]?.[1] === 'Placement type');
    expect(list?.values[3]).toEqual(['GAP1', 'Foster care', serialFromDay(day('2022-10-03'), false), null, (AS_OF - day('2022-10-03')) / 7, 'Yes', '3 of 3']);
    const note = sheet.blocks.find((b) => String(b.values[0]?.[0]).startsWith("Rows of 'Placements' left out"));
    expect(note?.values[1]?.[0]).toContain('"tbc" is not a date');
  });

  it('draws the same sheet as before when none of the children has a placement', () => {
    const journeys = [WAITING].map((r) => childJourney(r, AS_OF, AIMS));
    const base = { journeys, subject: 'WAIT1', asOf: AS_OF, align: 'calendar' as const, date1904: false, sheetName: 'PACE Timeline WAIT1', tablePrefix: 'T_' };
    expect(planTimelineSheet({ ...base, placements, placementsSheet: { name: 'Placements', problems: [] } })).toEqual(planTimelineSheet(base));
  });
});
