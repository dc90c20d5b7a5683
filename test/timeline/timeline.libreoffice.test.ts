/**
 * Timelines rendered: the .xlsx writer's timeline sheets opened in LibreOffice
 * (headless) and printed, so the native stacked-bar charts are seen to draw,
 * not only to exist as XML. The pages with the timelines are kept as PNGs in
 * test-artifacts/xlsx/timeline-*.png (not committed: test-artifacts is
 * gitignored, like the report's round trip in
 * src/xlsx/writeReport.libreoffice.test.ts) for a person to look at.
 *
 * Two sheets: the hand-worked sample children (see sampleChildren.test.ts)
 * with a placements sheet, on one calendar; and team North aligned from
 * becoming looked after (more than 50 children, so split across charts).
 */
import { spawnSync } from 'child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { writeReportBuffer } from '../../src/xlsx/writeReport';
import { readWorkbookBuffer } from '../../src/xlsx/read';
import { analyseWorkbook } from '../../src/core/usecases/pipeline';
import { planTimeline } from '../../src/core/usecases/timeline';
import { findPlacementsSheet } from '../../src/core/timeline/placements';
import { dayFromIso } from '../../src/core/dates';
import { withPlacementsSheet } from '../support/placements';
import { colourBox, countColour, describeInLibreOffice, pdfPageTexts, printToPdf, renderPage } from '../support/libreoffice';

jest.setTimeout(60000);

const run = describeInLibreOffice('Timeline LibreOffice test');

const SAMPLE = resolve(__dirname, '../../samples/pace-sample.xlsx');
const AS_OF = dayFromIso('2024-03-31') as number;
/** Colours the timeline sheet uses (src/core/report/timelineSheet.ts): past target, the first and second placement types. */
const PAST_TARGET = '#C00000';
const FIRST_TYPE = '#5B9BD5';
const SECOND_TYPE = '#ED7D31';
/** Every bar colour the timeline sheet uses, for finding the charts on a page. */
const BAR_COLOURS = [PAST_TARGET, FIRST_TYPE, SECOND_TYPE, '#2E75B6', '#70AD47', '#FFC000', '#7030A0', '#2E7D32'];

run('timeline sheets in LibreOffice', () => {
  let work = '';
  const artifacts = resolve(__dirname, '../../test-artifacts/xlsx');
  let pdf = '';
  let pages: string[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'pace-lo-timeline-'));
    const input = await withPlacementsSheet(readFileSync(SAMPLE));
    const workbook = await readWorkbookBuffer(input, 'with-placements.xlsx');
    const sheet = analyseWorkbook(workbook);
    const placements = findPlacementsSheet(workbook.sheets, sheet.layout.sheet, workbook.date1904);
    const children = planTimeline(sheet, { kind: 'children', childIds: ['SYN0003', 'SYN0007', 'SYN0050'] }, { asOf: AS_OF, align: 'calendar', placements });
    const team = planTimeline(sheet, { kind: 'group', column: 'team', value: 'North' }, { asOf: AS_OF, align: 'start', placements });
    const xlsx = join(work, 'timeline.xlsx');
    writeFileSync(xlsx, await writeReportBuffer(input, { ...children.plan, sheets: [children.sheet, team.sheet] }));
    [pdf] = printToPdf([xlsx], work);
    pages = pdfPageTexts(pdf);
  }, 200000);

  afterAll(() => {
    mkdirSync(artifacts, { recursive: true });
    for (const f of readdirSync(artifacts)) if (/^timeline-/.test(f)) rmSync(join(artifacts, f));
    // Each chart page of the timeline sheets, whole (timeline-children-page-1.png: the sheet is printed one page wide, so
    // small), and its charts cut out at a readable size (timeline-children-chart-1.png): the bars' box, widened for the
    // child IDs on the left, the title above and the axis and legend below.
    const keep = (re: RegExp, name: string) =>
      pages.forEach((t, i) => {
        if (!re.test(t.replace(/\s+/g, ' '))) return;
        const n = readdirSync(artifacts).filter((f) => f.startsWith(`timeline-${name}-page-`)).length + 1;
        const page = ['-f', String(i + 1), '-l', String(i + 1), '-singlefile'];
        spawnSync('pdftoppm', ['-png', '-r', '70', ...page, pdf, join(artifacts, `timeline-${name}-page-${n}`)]);
        const dpi = 300;
        const box = colourBox(renderPage(pdf, i + 1, dpi, join(work, `box-${i + 1}`)), BAR_COLOURS);
        if (!box) return;
        const x = Math.max(0, Math.round(box.x - 0.12 * box.w));
        const y = Math.max(0, Math.round(box.y - Math.max(0.2 * box.h, 40)));
        const w = Math.min(box.width - x, Math.round(box.w * 1.45));
        const h = Math.min(box.height - y, Math.round(box.h + Math.max(0.2 * box.h, 40) + Math.max(0.35 * box.h, 90)));
        spawnSync('pdftoppm', ['-png', '-r', String(dpi), ...page, '-x', String(x), '-y', String(y), '-W', String(w), '-H', String(h), pdf, join(artifacts, `timeline-${name}-chart-${n}`)]);
      });
    if (pdf) {
      keep(/Journey to permanence: SYN0003, SYN0007, SYN0050/, 'children');
      keep(/Journey to permanence: team North/, 'team-North');
      copyFileSync(pdf, join(artifacts, 'timeline.pdf'));
    }
    rmSync(work, { recursive: true, force: true });
  });

  const chartPages = (title: string) => pages.flatMap((t, i) => (t.replace(/\s+/g, ' ').includes(title) ? [i + 1] : []));

  function colour(page: number, hex: string): number {
    return countColour(renderPage(pdf, page, 50, join(work, `colour-${page}`)), hex, 30);
  }

  it('draws the children’s chart: the child IDs, the stages past target in red, the placements in their types’ colours', () => {
    const found = chartPages('Journey to permanence: SYN0003, SYN0007, SYN0050');
    expect(found.length).toBeGreaterThan(0);
    const text = found.map((p) => pages[p - 1]).join('\n');
    for (const label of ['SYN0003', 'SYN0007', 'SYN0050', 'SYN0003 placements', 'Residential unit', 'Still waiting, past target']) expect(text).toContain(label);
    expect(text).not.toMatch(/SYN0005\b/); // only the chosen children
    const page = found[0];
    expect(colour(page, PAST_TARGET)).toBeGreaterThan(100);
    expect(colour(page, FIRST_TYPE)).toBeGreaterThan(50);
    expect(colour(page, SECOND_TYPE)).toBeGreaterThan(50);
  });

  it('splits team North across charts, each drawn', () => {
    expect(chartPages('Journey to permanence: team North (1 of 2)').length).toBeGreaterThan(0);
    expect(chartPages('Journey to permanence: team North (2 of 2)').length).toBeGreaterThan(0);
  });
});
