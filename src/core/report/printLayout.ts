/**
 * Page geometry for printing report sheets at 100% on A4 landscape: how many
 * columns fill a page's width, where pages break across, and long notes cut
 * into lines that fit a page. Pure arithmetic on the plan's column widths.
 */
import type { PrintSettings } from './plan';

/** Margins in inches: narrow sides, room for the page-number footer. */
export const PAGE_MARGINS: PrintSettings['margins'] = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.75, header: 0.3, footer: 0.3 };
/** A4 landscape is 11.69 × 8.27 inches. */
const A4_LANDSCAPE_INCHES = { width: 11.69, height: 8.27 };
/** Printable width in points, less a little for rounding. */
export const PAGE_WIDTH_POINTS = Math.floor((A4_LANDSCAPE_INCHES.width - PAGE_MARGINS.left - PAGE_MARGINS.right) * 72) - 10;
/** Rows of the default height (15 points) that fill one page. */
export const PAGE_ROWS = Math.floor(((A4_LANDSCAPE_INCHES.height - PAGE_MARGINS.top - PAGE_MARGINS.bottom) * 72) / 15);
/** Width given to a column the plan leaves unset. */
export const DEFAULT_COLUMN_WIDTH = 9;

/**
 * A column of `characters` width as printed, in points, at its widest: the
 * width unit is the default font's digit width, about 5.25 points in Excel
 * (Calibri) but 7 in LibreOffice where Calibri and its metric twin Carlito
 * are missing. Counting the wider keeps a page's columns, and the chart
 * spanning them, on one page in both (a little narrower than the page in Excel).
 */
export function columnPoints(characters: number): number {
  return Math.max(0, characters) * 7 + 5;
}

function widthOf(widths: readonly number[], column: number): number {
  return widths[column - 1] ?? DEFAULT_COLUMN_WIDTH;
}

/** The last column (1-based) of the page that starts at `first`: as many columns as fit the page's width, at least one. */
export function lastColumnOnPage(widths: readonly number[], first: number, pagePoints = PAGE_WIDTH_POINTS): number {
  let used = columnPoints(widthOf(widths, first));
  let column = first;
  while (used + columnPoints(widthOf(widths, column + 1)) <= pagePoints) {
    column += 1;
    used += columnPoints(widthOf(widths, column));
  }
  return column;
}

/** Whole characters of width left over on a page holding columns of these widths (0 when full). */
export function spareCharacters(widths: readonly number[], pagePoints = PAGE_WIDTH_POINTS): number {
  const used = widths.reduce((sum, w) => sum + columnPoints(w), 0);
  return Math.max(0, Math.floor((pagePoints - used) / 7));
}

/**
 * Columns that start a new page across: a page at each of `starts` (where a
 * table begins, so no table shares a page with the next), and within each
 * stretch wherever the page is full. `last` is the sheet's last used column.
 */
export function pageBreakColumns(widths: readonly number[], starts: readonly number[], last: number, pagePoints = PAGE_WIDTH_POINTS): number[] {
  const forced = [...new Set(starts)].filter((c) => c > 1 && c <= last).sort((a, b) => a - b);
  const breaks: number[] = [];
  let first = 1;
  for (const stop of [...forced, last + 1]) {
    while (first < stop) {
      const end = Math.min(lastColumnOnPage(widths, first, pagePoints), stop - 1);
      if (end + 1 < stop) breaks.push(end + 1);
      first = end + 1;
    }
    if (stop <= last) breaks.push(stop);
    first = stop;
  }
  return breaks;
}

/** Text cut at spaces into lines of at most `max` characters (a longer word keeps its own line). */
export function noteLines(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
