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

function findOffice(): string | null {
  for (const cmd of ['libreoffice', 'soffice']) {
    const r = spawnSync('which', [cmd], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return null;
}

jest.setTimeout(60000);

const office = findOffice();
const havePoppler = spawnSync('which', ['pdftoppm']).status === 0 && spawnSync('which', ['pdftotext']).status === 0;
const run = office && havePoppler ? describe : describe.skip;
if (!office || !havePoppler) {
  // eslint-disable-next-line no-console
  console.log('Timeline LibreOffice test skipped: libreoffice/soffice or pdftoppm/pdftotext is not installed (CI installs them).');
}

/** Pixels of a binary PPM (P6) image within `tolerance` of a colour on every channel. */
function countColour(ppm: Buffer, hex: string, tolerance: number): number {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('not a PPM image');
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.replace('#', '').slice(i, i + 2), 16));
  const pixels = ppm.subarray(header[0].length);
  let n = 0;
  for (let i = 0; i + 2 < pixels.length; i += 3) {
    if (Math.abs(pixels[i] - r) < tolerance && Math.abs(pixels[i + 1] - g) < tolerance && Math.abs(pixels[i + 2] - b) < tolerance) n++;
  }
  return n;
}

/** The box (in pixels) holding every pixel near one of the colours, or null when none is. */
function colourBox(ppm: Buffer, hexes: string[], tolerance = 12): { x: number; y: number; w: number; h: number; width: number; height: number } | null {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('not a PPM image');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const rgb = hexes.map((hex) => [0, 2, 4].map((i) => parseInt(hex.replace('#', '').slice(i, i + 2), 16)));
  const pixels = ppm.subarray(header[0].length);
  let [left, right, top, bottom] = [width, -1, height, -1];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      if (!rgb.some(([r, g, b]) => Math.abs(pixels[i] - r) < tolerance && Math.abs(pixels[i + 1] - g) < tolerance && Math.abs(pixels[i + 2] - b) < tolerance)) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  return right < 0 ? null : { x: left, y: top, w: right - left + 1, h: bottom - top + 1, width, height };
}

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
    const conv = spawnSync(
      office as string,
      [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', work, xlsx],
      { encoding: 'utf8', timeout: 170000 },
    );
    if (conv.status !== 0) throw new Error(`LibreOffice failed: ${conv.stderr}`);
    pdf = join(work, 'timeline.pdf');
    const count = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)?.[1] ?? 0);
    pages = [];
    for (let p = 1; p <= count; p++) pages.push(spawnSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8' }).stdout);
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
        const prefix = join(work, `box-${i + 1}`);
        spawnSync('pdftoppm', ['-r', String(dpi), ...page, pdf, prefix]);
        const box = colourBox(readFileSync(`${prefix}.ppm`), BAR_COLOURS);
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
    const prefix = join(work, `colour-${page}`);
    spawnSync('pdftoppm', ['-r', '50', '-f', String(page), '-l', String(page), '-singlefile', pdf, prefix]);
    return countColour(readFileSync(`${prefix}.ppm`), hex, 30);
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
