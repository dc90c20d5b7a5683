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
import { buildSampleBuffer } from './testing/sample';
import { fixturePlan } from './testing/planFixture';
import type { ReportPlan } from '../core/report/plan';

function findOffice(): string | null {
  for (const cmd of ['libreoffice', 'soffice']) {
    const r = spawnSync('which', [cmd], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return null;
}

// Converting and rendering pages takes seconds each on a slow machine.
jest.setTimeout(60000);

const office = findOffice();
const havePoppler = spawnSync('which', ['pdftoppm']).status === 0 && spawnSync('which', ['pdftotext']).status === 0;
const run = office && havePoppler ? describe : describe.skip;
if (!office || !havePoppler) {
  // eslint-disable-next-line no-console
  console.log('LibreOffice round-trip test skipped: libreoffice/soffice or pdftoppm/pdftotext is not installed (CI installs them).');
}

/** Pixels of a binary PPM (P6) image within `tolerance` of a colour on every channel. */
export function countColour(ppm: Buffer, hex: string, tolerance = 40): number {
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
    const conv = spawnSync(
      office as string,
      [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', work, xlsx],
      { encoding: 'utf8', timeout: 150000 },
    );
    if (conv.status !== 0) throw new Error(`LibreOffice failed: ${conv.stderr}`);
    pdf = join(work, 'report.pdf');
    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
    pdfText = [];
    for (let p = 1; p <= pages; p++) pdfText.push(spawnSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8' }).stdout);
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
      const prefix = join(work, `colour-${page}`);
      spawnSync('pdftoppm', ['-r', '50', '-f', String(page), '-l', String(page), '-singlefile', pdf, prefix]);
      n += countColour(readFileSync(`${prefix}.ppm`), hex);
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

describe('countColour', () => {
  it('counts pixels near a colour in a colour image', () => {
    const img = Buffer.concat([Buffer.from('P6\n2 1\n255\n', 'latin1'), Buffer.from([0xed, 0x7d, 0x31, 255, 255, 255])]);
    expect(countColour(img, '#ED7D31')).toBe(1);
    expect(countColour(img, '#FFFFFF')).toBe(1);
    expect(countColour(img, '#000000')).toBe(0);
  });
});
