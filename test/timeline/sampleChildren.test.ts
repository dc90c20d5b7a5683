/**
 * Issue 11's "done when": each stage's start and length in the timeline
 * chart's series, for children of the committed sample worked out by hand
 * from their rows, as the report plan holds them, as the .xlsx writer puts
 * them in the chart part, and as the Office.js writer gives them to Excel
 * (the strict fake).
 *
 * The sample has no child with a gap ("the rest of the data is clean … no
 * gaps", samples/README.md; none of its planted errors leaves a milestone
 * missing between two present ones either). So the gap is planted here, in
 * this test's copy of the grid only: SYN0007's panel date is blanked. The
 * committed sample is not changed (test/guard/sample-outputs.test.ts).
 *
 * The three children, as of 31/03/2024, from the sample's Tracker sheet:
 *  - SYN0003 (row 6, Residential), still waiting: became looked after and
 *    first accommodated 14/03/2019, recommendation 08/01/2020, panel
 *    19/03/2020, ADM decision 01/04/2020, no court application yet.
 *  - SYN0007 (row 10, Fostering/Adoption), the gap: looked after and first
 *    accommodated 14/06/2019, recommendation 20/06/2020, [panel 01/08/2020
 *    blanked here], ADM decision 17/08/2020, court application 19/11/2020,
 *    order granted 07/06/2021.
 *  - SYN0050 (row 53, Remaining at home): became looked after 22/09/2020,
 *    recommendation 07/09/2023, order granted (CSO terminated) 05/11/2023;
 *    no accommodation, panel, ADM or court dates, and none is missing.
 */
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { DOMParser, type Element } from '@xmldom/xmldom';
import type { SheetGrid, WorkbookGrid } from '../../src/core/grid';
import { columnNumber } from '../../src/core/grid';
import { readWorkbookFile } from '../../src/xlsx/read';
import { writeReportBuffer } from '../../src/xlsx/writeReport';
import { analyseWorkbook } from '../../src/core/usecases/pipeline';
import { planTimeline } from '../../src/core/usecases/timeline';
import { dayFromIso } from '../../src/core/dates';
import type { PlannedSheet } from '../../src/core/report/plan';
import { rangeValues } from '../support/planCheck';
import { fakeFromGrid } from '../fake-excel';
import { parseRect, splitSheetAddress } from '../fake-excel/model';
import { createExcelPort } from '../../src/excel';

const SAMPLE = path.join(__dirname, '..', '..', 'samples', 'pace-sample.xlsx');
const AS_OF = dayFromIso('2024-03-31') as number;
const IDS = ['SYN0003', 'SYN0007', 'SYN0050'];

/** Each child's bar as the chart draws it: the offset, then each segment present as [series name, weeks]. */
type Bar = { id: string; offset: number; segments: [string, number][] };
/** As worked by hand: the bar, and where each stage starts, in days from the calendar's origin (its first date − 14/03/2019). */
type Worked = Bar & { startDays: number[] };

/**
 * Worked by hand from the rows above (days counted month by month; 2020 and
 * 2024 are leap years). Aligned by calendar, the origin is the earliest start
 * on the sheet: SYN0003's 14/03/2019.
 */
const EXPECTED: Worked[] = [
  {
    id: 'SYN0003',
    offset: 0, // it starts the calendar
    segments: [
      ['To first accommodated', 0], // 14/03/2019 → 14/03/2019
      // 14/03/2019 → 14/12/2019: 31+30+31+30+31+31+30+31+30 = 275 days, → 08/01/2020: +25 = 300 days; past the 26-week aim.
      ['To recommendation, past target', 300 / 7],
      ['To panel', 71 / 7], // 08/01 → 08/02/2020: 31, → 08/03: 29 (leap year), → 19/03: 11 = 71 days, within 12 weeks
      ['To ADM decision', 13 / 7], // 19/03 → 01/04/2020: 12 + 1 = 13 days
      // 01/04/2020 → 01/04/2024: 4 × 365 + 1 (29/02/2024) = 1461, less a day to 31/03/2024 = 1460 days waiting for the court application, past 16 weeks.
      ['Still waiting, past target', 1460 / 7],
    ],
    // 14/03/2019, 14/03/2019, 08/01/2020 (300 days on), 19/03/2020 (371), 01/04/2020 (384).
    startDays: [0, 0, 300, 371, 384],
  },
  {
    id: 'SYN0007',
    offset: 92 / 7, // 14/03 → 14/06/2019: 31+30+31 = 92 days
    segments: [
      ['To first accommodated', 0], // 14/06/2019 → 14/06/2019
      // 14/06/2019 → 14/06/2020: 366 (29/02/2020), → 20/06/2020: +6 = 372 days; past 26 weeks.
      ['To recommendation, past target', 372 / 7],
      // The gap: 20/06 → 20/07/2020: 30, → 17/08: 28 = 58 days from the recommendation to the ADM decision, the panel not recorded.
      ['To ADM decision', 58 / 7],
      ['To court application', 94 / 7], // 17/08 → 17/11/2020: 31+30+31 = 92, → 19/11: +2 = 94 days, within 16 weeks
      // 19/11/2020 → 19/05/2021: 30+31+31+28+31+30 = 181, → 07/06/2021: +19 = 200 days.
      ['To legal permanence', 200 / 7],
    ],
    // 14/06/2019 (92), 14/06/2019, 20/06/2020 (366 to 14/03/2020, 92 to 14/06/2020, +6 = 464), 17/08/2020 (522), 19/11/2020 (616).
    startDays: [92, 92, 464, 522, 616],
  },
  {
    id: 'SYN0050',
    // 14/03/2019 → 14/03/2020: 366, → 14/09/2020: 31+30+31+30+31+31 = 184, → 22/09/2020: +8 = 558 days.
    offset: 558 / 7,
    segments: [
      // 22/09/2020 → 22/09/2023: 3 × 365 = 1095 (no 29 February between), less 15 to 07/09/2023 = 1080 days. No aim measures this stage.
      ['To recommendation', 1080 / 7],
      ['To legal permanence', 59 / 7], // 07/09 → 07/10/2023: 30, → 05/11: 29 = 59 days
    ],
    // 22/09/2020 (558); 07/09/2023: 14/03/2019 → 14/03/2023 = 4 × 365 + 1 (29/02/2020) = 1461, → 14/09/2023: +184 = 1645, less 7 = 1638.
    startDays: [558, 1638],
  },
];

/** The sample's grid with SYN0007's panel date blanked (the planted gap). */
async function sampleWithGap(): Promise<WorkbookGrid> {
  const workbook = await readWorkbookFile(SAMPLE);
  const tracker = workbook.sheets.find((s) => s.sheetName === 'Tracker') as SheetGrid;
  const headerIndex = 3 - tracker.firstRow;
  const panel = tracker.values[headerIndex].findIndex((v) => v === 'Panel date');
  const id = columnNumber('A') - tracker.firstColumn;
  const row = tracker.values.find((r) => r[id] === 'SYN0007') as SheetGrid['values'][number];
  expect(row[panel]).toEqual(expect.any(Number)); // 01/08/2020, a real date
  row[panel] = '';
  return workbook;
}

/** Reads bars from series values: the first series is the offset, the rest the segments (empty cells left out). */
function barsOf(ids: unknown[], series: { name: string; values: unknown[] }[]): Bar[] {
  return ids.map((id, i) => ({
    id: String(id),
    offset: Number(series[0].values[i]),
    segments: series
      .slice(1)
      .filter((s) => s.values[i] !== null && s.values[i] !== undefined && s.values[i] !== '')
      .map((s) => [s.name, Number(s.values[i])] as [string, number]),
  }));
}

function expectBars(actual: Bar[]): void {
  expect(actual.map((b) => b.id)).toEqual(EXPECTED.map((b) => b.id));
  actual.forEach((bar, i) => {
    const want = EXPECTED[i];
    expect(bar.offset).toBeCloseTo(want.offset, 9);
    expect(bar.segments.map(([name]) => name)).toEqual(want.segments.map(([name]) => name));
    bar.segments.forEach(([, weeks], k) => expect(weeks).toBeCloseTo(want.segments[k][1], 9));
    // Each stage starts where the offset and the stages before it end: at its first milestone's date on the calendar.
    const starts = bar.segments.map((_, k) => bar.offset + bar.segments.slice(0, k).reduce((sum, [, w]) => sum + w, 0));
    starts.forEach((start, k) => expect(start).toBeCloseTo(want.startDays[k] / 7, 9));
  });
}

describe('timeline chart series for hand-worked sample children', () => {
  let workbook: WorkbookGrid;
  let sheet: PlannedSheet;
  let plan: ReturnType<typeof planTimeline>;
  beforeAll(async () => {
    workbook = await sampleWithGap();
    plan = planTimeline(analyseWorkbook(workbook), { kind: 'children', childIds: IDS }, { asOf: AS_OF, align: 'calendar' });
    sheet = plan.sheet;
  });

  it('the journeys: one gap named, one still waiting, the at-home child with nothing missing', () => {
    const [waiting, gap, home] = plan.journeys;
    expect(gap.stages.map((s) => s.notRecorded)).toEqual([[], [], ['panel'], [], []]);
    expect(waiting.stages.map((s) => s.open)).toEqual([false, false, false, false, true]);
    expect(waiting.stages[4]).toMatchObject({ from: 'admDecision', to: 'courtApplication', end: AS_OF });
    expect(home.stages.map((s) => s.notRecorded)).toEqual([[], []]);
    expect(plan.sheet.name).toBe('PACE Timeline 3 children');
  });

  it('in the report plan: the chart’s offset and stage series hold the hand-worked weeks', () => {
    expect(sheet.charts).toHaveLength(1);
    const chart = sheet.charts[0];
    expect(chart.series[0]).toMatchObject({ name: 'Start', barFill: 'none' });
    expectBars(barsOf(rangeValues(sheet, chart.categories), chart.series.map((s) => ({ name: s.name, values: rangeValues(sheet, s.values) }))));
  });

  it('in the .xlsx chart part: the cached series values are the same weeks', async () => {
    const bytes = await writeReportBuffer(new Uint8Array(fs.readFileSync(SAMPLE)), plan.plan, 'pace-sample.xlsx');
    const zip = await JSZip.loadAsync(bytes);
    const parts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    const texts = await Promise.all(parts.map((f) => (zip.file(f) as JSZip.JSZipObject).async('string')));
    const xml = texts.find((t) => t.includes('Journey to permanence: SYN0003, SYN0007, SYN0050'));
    if (!xml) throw new Error('no timeline chart part in the written workbook');
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
    const cached = (el: Element, tag: string): unknown[] => {
      const cache = el.getElementsByTagNameNS(C, tag)[0];
      const count = Number(cache.getElementsByTagNameNS(C, 'ptCount')[0].getAttribute('val'));
      const out: unknown[] = Array.from({ length: count }, () => null);
      for (const pt of Array.from(cache.getElementsByTagNameNS(C, 'pt'))) out[Number(pt.getAttribute('idx'))] = pt.getElementsByTagNameNS(C, 'v')[0].textContent;
      return out;
    };
    const sers = Array.from(doc.getElementsByTagNameNS(C, 'ser'));
    const series = sers.map((s) => ({
      name: s.getElementsByTagNameNS(C, 'tx')[0].getElementsByTagNameNS(C, 'v')[0].textContent as string,
      values: cached(s.getElementsByTagNameNS(C, 'val')[0], 'numCache'),
    }));
    const categories = cached(sers[0].getElementsByTagNameNS(C, 'cat')[0], 'strCache');
    expect(doc.getElementsByTagNameNS(C, 'grouping')[0].getAttribute('val')).toBe('stacked');
    expectBars(barsOf(categories, series));
  });

  it('through the Office.js writer: the series Excel is given read back the same weeks from the sheet', async () => {
    const fake = fakeFromGrid(workbook);
    const written = await createExcelPort(fake.Excel, fake.Office).writeReport(plan.plan);
    expect(written).toEqual(['PACE Timeline 3 children']);
    const target = fake.sheet('PACE Timeline 3 children');
    const charts = target.charts.filter((c) => !c.deleted);
    expect(charts).toHaveLength(1);
    const chart = charts[0];
    expect(chart.type).toBe('BarStacked');
    const read = (address: string | null): unknown[] => {
      if (!address) return [];
      const { local } = splitSheetAddress(address);
      const rect = parseRect(local);
      return Array.from({ length: rect.rows }, (_, r) => target.value(rect.r0 + r, rect.c0));
    };
    const series = chart.series.filter((s) => !s.deleted);
    expectBars(barsOf(read(series[0].xValues), series.map((s) => ({ name: s.name, values: read(s.values) }))));
  });
});
