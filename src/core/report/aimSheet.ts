/**
 * The plan of one aim's sheet, laid out for reading on screen and printing
 * on A4 landscape at 100%:
 *
 *  page 1  title, aim sentence, as-of line, headline figures, what the
 *          run chart shows and how to read it;
 *  page 2  the run chart (one point per child) filling the page;
 *  page 3  the children still waiting (bar chart);
 *  page 4  the monthly "% within target" run chart with the number of
 *          children behind each month, and its notes;
 *  then    the tables, side by side from one header row: the children, the
 *          children waiting, the months. Each table starts a new page
 *          across, and the heading and header rows repeat on every printed
 *          page (print titles), so a 225-row table prints as readable pages.
 *
 * One sheet per aim, not a chart sheet and a table sheet: the charts read
 * their own sheet's cells (a second sheet would make every chart reference
 * cross sheets, which both writers and a renamed sheet would have to follow).
 * Print titles only start repeating from the page where they are, so the
 * chart pages print without them.
 */
import { columnLetter } from '../grid';
import type { AimDefinition, AimResult } from '../model';
import { ukFromDay } from '../dates';
import { aimStatement } from '../aims/definition';
import type { CellBlock, PlannedChart, PlannedSheet, PlannedTable, PrintSettings } from './plan';
import { asOfLine } from './exclusions';
import { lastColumnOnPage, noteLines, PAGE_MARGINS, PAGE_ROWS, pageBreakColumns, spareCharacters } from './printLayout';
import { milestoneWords } from './words';
import { CHART_COLUMN_WIDTH, safeSheetName, setWidths } from './table';
import { CHART_NOTE_ROWS, NOTE_LINE, SUBTITLE_LINE, type AimSheetContext, type Names, type Section, type TablePlace } from './aimParts';
import { childrenSection } from './aimChildren';
import { waitingSection } from './aimWaiting';
import { hasMonthlyChart, monthlySection } from './aimMonthly';
import { headline, headlineLabelWidth, howToRead, runChartVerdict } from './aimHeadline';
import { lastMonthNote, movedPoints, movedSection } from './aimLastMonth';

export type { AimSheetContext } from './aimParts';

/** Milestone words short enough for a sheet tab ("PACE Aim 1 Accom to Rec"). */
const TAB_WORDS: Record<string, string> = {
  lookedAfterStart: 'LAC',
  firstAccommodated: 'Accom',
  lastAccommodated: 'Last accom',
  permanenceRecommendation: 'Rec',
  panel: 'Panel',
  admDecision: 'ADM',
  finalPlacement: 'Final plac',
  courtApplication: 'Court',
  legalPermanence: 'Order',
  placementStart: 'Placement',
  legalStatusStart: 'Status',
  dateOfBirth: 'Birth',
  ceasedDate: 'Ceased',
};

/** Cuts text to at most `max` characters at a word boundary, never mid-word when a space allows. */
function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : text.slice(0, max)).trim();
}

/**
 * "PACE Aim 1 <aim name>" when the name fits Excel's 31 characters, else the
 * two milestones in tab words ("PACE Aim 1 Accom to Rec"): a name cut
 * mid-word reads as a mistake.
 */
export function aimSheetName(aim: AimDefinition, index: number, localLabels?: ReadonlyMap<string, string>): string {
  const prefix = `PACE Aim ${index} `;
  const room = 31 - prefix.length;
  const whole = safeSheetName(`${prefix}${aim.name}`);
  if (`${prefix}${aim.name}`.replace(/\s+/g, ' ').trim().length <= 31) return whole;
  const word = (field: string) => TAB_WORDS[field] ?? cutAtWord(localLabels?.get(field) ?? field, Math.floor((room - 4) / 2));
  return safeSheetName(`${prefix}${cutAtWord(`${word(String(aim.start))} to ${word(String(aim.end))}`, room)}`);
}

/** Rows of a chart page: the chart from `top` to `bottom`, its notes from `notesAt`. */
interface ChartPage {
  top: number;
  bottom: number;
  notesAt: number;
}

/**
 * Pages for `count` charts after page 1 (the aim's figures and how to read
 * them), one chart a page. Each chart starts one row down its page: a
 * printer draws a drawing that starts right at a page break on the page
 * before too. Returns the pages, the row breaks and the first row after them.
 */
export function chartPages(count: number): { pages: ChartPage[]; rowBreaks: number[]; nextRow: number } {
  const pages: ChartPage[] = [];
  const rowBreaks: number[] = [];
  let pageStart = PAGE_ROWS + 1;
  for (let i = 0; i < count; i++) {
    rowBreaks.push(pageStart);
    const bottom = pageStart + PAGE_ROWS - 1 - CHART_NOTE_ROWS;
    pages.push({ top: pageStart + 1, bottom, notesAt: bottom + 1 });
    pageStart += PAGE_ROWS;
  }
  if (count > 0) rowBreaks.push(pageStart);
  return { pages, rowBreaks, nextRow: count > 0 ? pageStart : 0 };
}

/** Whole notes, cut into printed lines, as many as fit in `rows` (a note is never cut short). */
export function fittingNotes(notes: readonly string[], rows: number): string[] {
  const lines: string[] = [];
  for (const note of notes) {
    const cut = noteLines(note, NOTE_LINE);
    if (lines.length + cut.length > rows) break;
    lines.push(...cut);
  }
  return lines;
}

/** The whole aim sheet. */
export function planAimSheet(result: AimResult, aim: AimDefinition, ctx: AimSheetContext): PlannedSheet {
  const names: Names = { start: milestoneWords(aim.start, ctx.localLabels), end: milestoneWords(aim.end, ctx.localLabels) };
  const widths: number[] = [];
  const blocks: CellBlock[] = [{ at: 'A1', values: [[aim.name]], style: 'title' }];
  let row = 2;
  const lines = (text: string, max: number, style: CellBlock['style']) => {
    const cut = noteLines(text, max);
    if (cut.length > 0) blocks.push({ at: `A${row}`, values: cut.map((l) => [l]), style });
    row += cut.length;
  };
  lines(aimStatement(aim, ctx.localLabels), SUBTITLE_LINE, 'subtitle');
  // The as-of line also says what the figures left out (end before start, rows outside the population).
  lines(asOfLine(`As of ${ukFromDay(ctx.asOf)}`, result, ctx.population), SUBTITLE_LINE, 'subtitle');
  row += 1;
  const figures = headline(result, aim, row);
  blocks.push(...figures);
  row += figures[0].values.length + 1;
  lines(runChartVerdict(result.runChart, aim), NOTE_LINE, 'note');
  lines(howToRead(result, aim, names, ctx), NOTE_LINE, 'note');
  row += 1;

  // Charts first, one to a page; the tables after them, from one heading row.
  const chartCount = [result.children.length > 0, result.waitingChildren.length > 0, hasMonthlyChart(result, aim)].filter(Boolean).length;
  const layout = chartPages(chartCount);
  // Without charts the tables follow the notes on page 1.
  const headingRow = layout.nextRow || row;
  const place: TablePlace = { headingRow, headerRow: headingRow + 1 };

  const children = childrenSection(result, aim, ctx, names, place);
  setWidths(widths, 1, children.widths);
  // Headline labels sit in column A: wide enough to read them.
  widths[0] = Math.max(widths[0] ?? 0, headlineLabelWidth(result, aim));
  // Headline values (14 point bold) sit in column B.
  widths[1] = Math.max(widths[1] ?? 0, 12);
  // The charts span the columns of one printed page but its last: a chart whose edge lies on a page
  // break is drawn on the next page too. The column before that last one takes the page's spare width.
  const pageLastColumn = Math.max(2, lastColumnOnPage(widths, 1));
  setWidths(widths, 1, Array.from({ length: pageLastColumn }, (_, i) => widths[i] ?? CHART_COLUMN_WIDTH));
  const chartLastColumn = pageLastColumn - 1;
  widths[chartLastColumn - 1] += spareCharacters(widths.slice(0, pageLastColumn));
  const waitingColumn = Math.max(children.columnCount + 2, pageLastColumn + 1);
  const waiting = waitingSection(result, aim, ctx, waitingColumn, names, place);
  const monthlyColumn = waitingColumn + waiting.columnCount + 1;
  const monthly = monthlySection(result, aim, ctx, monthlyColumn, names, place);
  // Asked for: last month's points beside this month's, and the points that moved listed after the months.
  const movedColumn = monthlyColumn + monthly.columnCount + 1;
  const moved = ctx.lastMonth ? movedPoints(result, ctx.lastMonth) : [];
  const movedTable = ctx.lastMonth ? movedSection(moved, ctx.lastMonth, ctx, movedColumn, place) : null;
  if (ctx.lastMonth && children.chart) {
    children.chart = { ...children.chart, notes: [...(children.chart.notes ?? []), lastMonthNote(ctx.lastMonth, moved, movedColumn)] };
  }

  const charts: PlannedChart[] = [];
  const sections = [children, waiting, monthly].filter((s) => s.chart);
  sections.forEach((section, i) => {
    const page = layout.pages[i];
    const chart = section.chart as NonNullable<Section['chart']>;
    charts.push(chart.make({ from: `A${page.top}`, to: `${columnLetter(chartLastColumn)}${page.bottom}` }));
    const notes = fittingNotes(chart.notes ?? [], CHART_NOTE_ROWS);
    if (notes.length > 0) blocks.push({ at: `A${page.notesAt}`, values: notes.map((l) => [l]), style: 'note' });
  });

  const tables: PlannedTable[] = [];
  const placed: [Section, number][] = [
    [children, 1],
    [waiting, waitingColumn],
    [monthly, monthlyColumn],
  ];
  if (movedTable) placed.push([movedTable, movedColumn]);
  for (const [section, column] of placed) {
    blocks.push(...section.blocks);
    tables.push(...section.tables);
    setWidths(widths, column, section.widths);
  }
  widths[0] = Math.max(widths[0], headlineLabelWidth(result, aim));
  widths[1] = Math.max(widths[1], 12);
  const lastColumn = movedTable ? movedColumn + movedTable.columnCount - 1 : monthlyColumn + monthly.columnCount - 1;
  const print: PrintSettings = {
    orientation: 'landscape',
    margins: PAGE_MARGINS,
    titleRows: { first: place.headingRow, last: place.headerRow },
    rowBreaks: layout.rowBreaks,
    columnBreaks: pageBreakColumns(widths, movedTable ? [waitingColumn, monthlyColumn, movedColumn] : [waitingColumn, monthlyColumn], lastColumn),
  };
  return {
    name: aimSheetName(aim, ctx.index),
    role: 'aim',
    tabColor: '#2E75B6',
    blocks,
    tables,
    links: [],
    charts,
    columnWidths: widths,
    // Charts come first: frozen header rows would hold half the screen. The tables' own headers stay in view as they scroll.
    freezeRows: 0,
    print,
  };
}
