/**
 * Round trip through LibreOffice: the report workbook must open and its
 * native charts must render (not just exist as XML). Converts to PDF, finds
 * the pages with the chart titles, renders them and checks they are not blank.
 * Images are kept in test-artifacts/xlsx/ for a human to look at.
 */
import { spawnSync } from 'child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { writeReportBuffer } from './writeReport';
import { countColour, describeInLibreOffice, inkBox, pdfPageTexts, printToPdf, renderPage } from '../../test/support/libreoffice';
import { buildSampleBuffer } from '../../test/support/sample';
import { fixturePlan } from '../../test/support/planFixture';
import type { ReportPlan } from '../core/report/plan';
import { readWorkbookBuffer } from './read';
import { aimsOrPresets, analyseWorkbook, planReport } from '../core/usecases/pipeline';
import { dayFromIso } from '../core/dates';

// Converting and rendering pages takes seconds each on a slow machine.
jest.setTimeout(60000);

const run = describeInLibreOffice('LibreOffice round-trip test');

/** The fixture with one colour per chart that nothing else in the workbook uses, so a chart's pixels can be told apart. */
function colourCodedPlan(): ReportPlan {
  const plan = fixturePlan();
  plan.sheets[0].charts[0].series[0].color = STAGES;
  plan.sheets[2].charts[0].series[3].color = TARGET;
  plan.sheets[2].charts[1].series[1].color = BEYOND;
  return plan;
}
const STAGES = '#2E75B6';
const TARGET = '#00B050';
const BEYOND = '#ED7D31';
/** The A1 title of each sheet, in tab order. */
const SHEET_TITLES = ['PACE permanence tracker', 'PACE permanence summary', 'Data issues', 'Aim 2: accommodation'];

run('report workbook in LibreOffice', () => {
  // Work in a private folder (another test run may be converting at the same time), then keep the images for people.
  let work = '';
  const artifacts = resolve(__dirname, '../../test-artifacts/xlsx');
  let pdfText: string[] = [];
  let pdf = '';

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'pace-lo-'));
    const input = (await buildSampleBuffer({ children: 12, notesSheet: false })).buffer;
    const xlsx = join(work, 'report.xlsx');
    writeFileSync(xlsx, await writeReportBuffer(input, colourCodedPlan()));
    [pdf] = printToPdf([xlsx], work, 150000);
    pdfText = pdfPageTexts(pdf);
    spawnSync('pdftoppm', ['-png', '-r', '50', pdf, join(work, 'page')]);
  }, 180000);

  afterAll(() => {
    mkdirSync(artifacts, { recursive: true });
    for (const f of readdirSync(work)) if (/\.(png|pdf|xlsx)$/.test(f)) copyFileSync(join(work, f), join(artifacts, f));
    rmSync(work, { recursive: true, force: true });
  });

  /** Pages (1-based) printed from the sheet whose A1 title is `title`: up to the next sheet's first page. */
  function pagesOf(title: string): number[] {
    const starts = SHEET_TITLES.map((t) => pdfText.findIndex((p) => p.includes(t)) + 1);
    const i = SHEET_TITLES.indexOf(title);
    const to = i + 1 < starts.length ? starts[i + 1] - 1 : pdfText.length;
    return Array.from({ length: to - starts[i] + 1 }, (_, k) => starts[i] + k);
  }

  function colourOnPages(pages: number[], hex: string): number {
    let n = 0;
    for (const page of pages) {
      n += countColour(renderPage(pdf, page, 50, join(work, `colour-${page}`)), hex);
    }
    return n;
  }

  it('opens the workbook and prints every sheet, chart titles included', () => {
    expect(pdfText.length).toBeGreaterThan(3);
    const all = pdfText.join('\n');
    for (const text of ['PACE permanence summary', 'Data issues', 'Aim 2: accommodation to permanence recommendation', 'SYN0001']) expect(all).toContain(text);
    for (const title of ['Children between milestones', 'Weeks from accommodation to recommendation', 'Children waiting for a recommendation']) expect(all).toContain(title);
    expect(readdirSync(work).filter((f) => /^page-\d+\.png$/.test(f)).length).toBe(pdfText.length);
  });

  it('draws the column chart on the summary sheet', () => {
    expect(colourOnPages(pagesOf('PACE permanence summary'), STAGES)).toBeGreaterThan(200);
  });

  it('draws the run chart target line and the waiting bars on the aim sheet', () => {
    const pages = pagesOf('Aim 2: accommodation');
    expect(colourOnPages(pages, TARGET)).toBeGreaterThan(50);
    expect(colourOnPages(pages, BEYOND)).toBeGreaterThan(200);
  });

  it('has none of those colours on the source sheet (the pixels come from the charts)', () => {
    const pages = pagesOf('PACE permanence tracker');
    expect(pages.length).toBeGreaterThan(0);
    for (const hex of [STAGES, TARGET, BEYOND]) expect(colourOnPages(pages, hex)).toBe(0);
  });
});


const SAMPLE = resolve(__dirname, '../../samples/pace-sample.xlsx');
const MONTH_YEAR = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20\d\d\b/;

/**
 * The sample's own report, as an analyst would print it: every page is kept
 * as a PNG (and the PDF) in test-artifacts/sample-report/ to be looked at.
 */
run('the sample report printed from LibreOffice', () => {
  let work = '';
  const artifacts = resolve(__dirname, '../../test-artifacts/sample-report');
  let pages: string[] = [];
  let pdf = '';
  let childIds: string[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'pace-lo-sample-'));
    const input = readFileSync(SAMPLE);
    const sheet = analyseWorkbook(await readWorkbookBuffer(input, 'pace-sample.xlsx'));
    const { plan, measured } = planReport(sheet, aimsOrPresets(null), dayFromIso('2024-03-31') as number);
    childIds = measured.aims[0].result.children.map((c) => c.childId ?? '');
    const xlsx = join(work, 'report.xlsx');
    writeFileSync(xlsx, await writeReportBuffer(input, plan));
    [pdf] = printToPdf([xlsx], work, 170000);
    pages = pdfPageTexts(pdf);
  }, 200000);

  afterAll(() => {
    // The pages an analyst looks at first, as images, and the whole PDF.
    rmSync(artifacts, { recursive: true, force: true });
    mkdirSync(artifacts, { recursive: true });
    // The summary, each aim's first page, its chart pages and the first page of its tables.
    const wanted = pages.flatMap((t, i) => {
      const text = t.replace(/\s+/g, ' ').trim();
      const keep = /^(PACE permanence summary|Children with a)/.test(text) || /Waiting past target|one point per child, in date order|Children waiting for .* on \d\d\/|right-hand scale/.test(text);
      const firstOfTable = text.startsWith('Children with a') && !pages[i - 1]?.replace(/\s+/g, ' ').trim().startsWith('Children with a');
      return keep && (!text.startsWith('Children with a') || firstOfTable) ? [i + 1] : [];
    });
    for (const p of wanted) spawnSync('pdftoppm', ['-png', '-r', '60', '-f', String(p), '-l', String(p), pdf, join(artifacts, 'page')]);
    copyFileSync(pdf, join(artifacts, 'report.pdf'));
    rmSync(work, { recursive: true, force: true });
  });

  /** 1-based numbers of the pages whose text matches. */
  const pagesWith = (re: RegExp) => pages.flatMap((t, i) => (re.test(t) ? [i + 1] : []));
  /** 1-based numbers of the pages that start with `title` (a sheet's title is the first text of its page). */
  const pagesStartingWith = (title: string) => pages.flatMap((t, i) => (t.replace(/\s+/g, ' ').trim().startsWith(title) ? [i + 1] : []));
  /** 1-based numbers of the pages holding a chart titled `title` (its words may come in any order with the chart's other text). */
  const chartPages = (title: string) => pages.flatMap((t, i) => (t.replace(/\s+/g, ' ').includes(title) ? [i + 1] : []));

  function ink(page: number): { width: number; height: number } {
    // Above the footer (page name and number), which spans the page whatever the chart does.
    return inkBox(renderPage(pdf, page, 30, join(work, `ink-${page}`)), 0.88);
  }

  it('prints each run chart on a page of its own, filling it, with labelled median and target lines and month labels', () => {
    const titles = [
      'Weeks from first accommodation to permanence recommendation, one point per child',
      'Weeks from permanence recommendation to permanence panel, one point per child',
      'Weeks from ADM decision to court application, one point per child',
    ];
    for (const title of titles) {
      const found = chartPages(title);
      expect(found).toHaveLength(1);
      const text = pages[found[0] - 1];
      expect(text).toMatch(/Median [\d.]+ wks/);
      expect(text).toMatch(/Target \d+ wks/);
      expect(text).toMatch(MONTH_YEAR);
      expect(text).not.toMatch(/\d\d\/\d\d\/\d{4}/); // no per-child date labels
      expect(text).toMatch(/one point per child, in date order/);
      // Columns are measured at their widest (LibreOffice without Calibri's metrics), so a chart spans most of the width, not all.
      const box = ink(found[0]);
      expect(box.width).toBeGreaterThan(0.6);
      expect(box.height).toBeGreaterThan(0.6);
    }
  });

  it('tells improvement from deterioration in the legend', () => {
    const runCharts = pagesWith(/one point per child, in date order/).map((p) => pages[p - 1]).join('\n');
    expect(runCharts).toMatch(/Deterioration: shift or trend/);
    expect(runCharts).toMatch(/Improvement: shift or trend/);
  });

  it('shows n and labelled lines on each monthly chart, on a page of its own', () => {
    for (const title of ['% within 26 weeks, by month of recommendation', '% within 16 weeks, by month of application']) {
      const found = chartPages(title);
      expect(found).toHaveLength(1);
      const text = pages[found[0] - 1];
      expect(text).toMatch(/Children \(n\), right-hand scale/);
      expect(text).toMatch(/Target \d+%/);
      expect(text).toMatch(/Fewer than 5 children/);
      // (Its month labels may be turned to fit, which splits them in the PDF's text: the chart test checks their format.)
      expect(ink(found[0]).width).toBeGreaterThan(0.6);
    }
  });

  it('prints no page holding nothing but a chart\'s edge or a note\'s last words', () => {
    const aimPages = pages.slice(pagesStartingWith('Accommodation to permanence recommendation')[0] - 1);
    for (const text of aimPages) expect(text.replace(/PACE Aim \d [^\n]*\n|Page \d+ of \d+/g, '').replace(/\s+/g, ' ').trim().length).toBeGreaterThan(20);
  });

  it('prints the long children table over several pages at 100%, its header on every one', () => {
    const heading = pagesWith(/Children with a permanence recommendation date \(one row per child/);
    expect(heading.length).toBeGreaterThan(3);
    for (const p of heading) expect(pages[p - 1]).toMatch(/Child ID[\s\S]*Recommendation date/);
    // Every child of aim 1 is printed, readable as text (nothing shrunk out of reach).
    const all = heading.map((p) => pages[p - 1]).join('\n');
    // 223: aim 1's completed children on the sample (samples/README.md), now that the planted end-before-start row is excluded.
    expect(childIds).toHaveLength(223);
    for (const id of childIds.filter((i) => i !== '')) expect(all).toContain(id);
  });
});

/**
 * The report with last month's points (report --last): the rings are drawn by
 * LibreOffice too, and the moved points' table prints with the child in it.
 * Last month's file is the sample with one child's recommendation 31 days earlier.
 */
run('the report with last month’s points, printed from LibreOffice', () => {
  let work = '';
  let pages: string[] = [];
  let pdf = '';
  let movedId = '';

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'pace-lo-last-'));
    const input = readFileSync(SAMPLE);
    const sheet = analyseWorkbook(await readWorkbookBuffer(input, 'pace-sample.xlsx'));
    const last = analyseWorkbook(await readWorkbookBuffer(input, 'pace-sample.xlsx'));
    const moved = last.records.find((r) => r.childId && r.dates.permanenceRecommendation?.day && r.dates.firstAccommodated?.day && !r.dates.ceasedDate?.day && (r.dates.permanenceRecommendation.day as number) - 31 > (r.dates.firstAccommodated.day as number));
    if (!moved) throw new Error('no sample child to move');
    movedId = moved.childId as string;
    moved.dates.permanenceRecommendation = { ...moved.dates.permanenceRecommendation!, day: (moved.dates.permanenceRecommendation!.day as number) - 31 };
    const { plan } = planReport(sheet, aimsOrPresets(null), dayFromIso('2024-03-31') as number, { lastMonth: { sheet: last, name: 'February.xlsx' } });
    const xlsx = join(work, 'report.xlsx');
    writeFileSync(xlsx, await writeReportBuffer(input, plan));
    [pdf] = printToPdf([xlsx], work, 170000);
    pages = pdfPageTexts(pdf);
  }, 200000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('draws last month’s grey discs on the run chart, named in its legend', () => {
    const title = 'Weeks from first accommodation to permanence recommendation, one point per child';
    const found = pages.flatMap((t, i) => (t.replace(/\s+/g, ' ').includes(title) ? [i + 1] : []));
    expect(found).toHaveLength(1);
    expect(pages[found[0] - 1]).toContain('Last month (as of 29/02/2024)');
    // The discs' light grey: about 3,000 pixels at 60 dpi; the same page without them has about 300 (anti-aliased edges).
    expect(countColour(renderPage(pdf, found[0], 60, join(work, 'discs')), '#BFBFBF', 6)).toBeGreaterThan(1500);
  });

  it('prints the points that moved, with the child whose date changed', () => {
    const table = pages.filter((t) => t.includes('Points that moved since last month'));
    expect(table.length).toBeGreaterThan(0);
    expect(table.join('\n')).toContain(movedId);
    expect(table.join('\n')).toContain('4.4 weeks longer than last month');
  });
});
