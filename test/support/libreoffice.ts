/**
 * LibreOffice (headless) and poppler for the tests that open our .xlsx files
 * in another producer's reader and look at what it prints: one place for
 * finding the programs, converting to PDF, reading each page's words and
 * rendering a page to pixels. CI installs libreoffice-calc and
 * poppler-utils; a machine without them skips those tests, saying why.
 */
import { spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';

function which(cmd: string): string | null {
  const r = spawnSync('which', [cmd], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
}

/** The LibreOffice program, or null when it is not installed. */
export const office: string | null = which('libreoffice') ?? which('soffice');

/** pdftoppm and pdftotext (poppler-utils) are both here. */
export const havePoppler: boolean = which('pdftoppm') !== null && which('pdftotext') !== null;

/**
 * `describe` when LibreOffice (and poppler, unless `needsPoppler` is false)
 * is here, otherwise `describe.skip` with a line saying what is missing.
 */
export function describeInLibreOffice(what: string, needsPoppler = true): jest.Describe {
  if (office && (havePoppler || !needsPoppler)) return describe;
  const missing = needsPoppler ? 'libreoffice/soffice or pdftoppm/pdftotext is not installed' : 'libreoffice/soffice is not installed';
  // eslint-disable-next-line no-console
  console.log(`${what} skipped: ${missing} (CI installs them).`);
  return describe.skip;
}

/**
 * Converts workbooks to PDF in `work` (a private folder: LibreOffice keeps its
 * profile there, so runs side by side do not share one). Throws with
 * LibreOffice's own words when it fails. Returns each PDF's path.
 */
export function printToPdf(files: string[], work: string, timeoutMs = 170000): string[] {
  const conv = spawnSync(office as string, [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', work, ...files], {
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  if (conv.status !== 0) throw new Error(`LibreOffice failed: ${conv.stderr}`);
  return files.map((f) => join(work, f.replace(/^.*[\\/]/, '').replace(/\.xlsx$/, '.pdf')));
}

/** The words of each page of a PDF, in page order. */
export function pdfPageTexts(pdf: string): string[] {
  const count = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)?.[1] ?? 0);
  const pages: string[] = [];
  for (let p = 1; p <= count; p++) pages.push(spawnSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8' }).stdout);
  return pages;
}

/** One page (1-based) rendered at `dpi` as a binary PPM image, through a file under `prefix`. */
export function renderPage(pdf: string, page: number, dpi: number, prefix: string): Buffer {
  spawnSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, prefix]);
  return readFileSync(`${prefix}.ppm`);
}

/** The width, height and pixel bytes of a binary PPM (P6) image. */
export function ppmPixels(ppm: Buffer): { width: number; height: number; pixels: Buffer } {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('not a PPM image');
  return { width: Number(header[1]), height: Number(header[2]), pixels: ppm.subarray(header[0].length) };
}

function rgbOf(hex: string): number[] {
  return [0, 2, 4].map((i) => parseInt(hex.replace('#', '').slice(i, i + 2), 16));
}

/** Pixels of a binary PPM (P6) image within `tolerance` of a colour on every channel. */
export function countColour(ppm: Buffer, hex: string, tolerance = 40): number {
  const { pixels } = ppmPixels(ppm);
  const [r, g, b] = rgbOf(hex);
  let n = 0;
  for (let i = 0; i + 2 < pixels.length; i += 3) {
    if (Math.abs(pixels[i] - r) < tolerance && Math.abs(pixels[i + 1] - g) < tolerance && Math.abs(pixels[i + 2] - b) < tolerance) n++;
  }
  return n;
}

/** The box (in pixels) holding every pixel near one of the colours, or null when none is. */
export function colourBox(ppm: Buffer, hexes: string[], tolerance = 12): { x: number; y: number; w: number; h: number; width: number; height: number } | null {
  const { width, height, pixels } = ppmPixels(ppm);
  const rgb = hexes.map(rgbOf);
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

/** The bounding box of the non-white pixels of a PPM image above `cutoff` (a fraction of its height: the footer is left out), as fractions of its width and height. */
export function inkBox(ppm: Buffer, cutoff = 1): { width: number; height: number } {
  const { width: w, height: h, pixels } = ppmPixels(ppm);
  let [left, right, top, bottom] = [w, -1, h, -1];
  for (let y = 0; y < Math.floor(h * cutoff); y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 3;
      if (pixels[i] < 235 || pixels[i + 1] < 235 || pixels[i + 2] < 235) {
        if (x < left) left = x;
        if (x > right) right = x;
        if (y < top) top = y;
        if (y > bottom) bottom = y;
      }
    }
  }
  return right < 0 ? { width: 0, height: 0 } : { width: (right - left + 1) / w, height: (bottom - top + 1) / h };
}
