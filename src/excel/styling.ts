/**
 * The plan's words for looks translated into Excel's: fonts of block
 * styles, column widths in points, chart types, line and marker styles,
 * and print settings. Pure; no Office.js here.
 */
import { columnLetter } from '../core/grid';
import type { BlockStyle, MarkerShape, PlannedChart, PlannedSeries, PrintSettings } from '../core/report/plan';

export interface FontStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
}

/** How each block style looks. */
export function fontFor(style: BlockStyle | undefined): FontStyle | null {
  switch (style) {
    case 'title':
      return { bold: true, size: 16 };
    case 'subtitle':
      return { size: 12 };
    case 'headline':
      return { bold: true, size: 14 };
    case 'heading':
      return { bold: true, size: 12 };
    case 'label':
      return { bold: true };
    case 'note':
      return { italic: true, color: '#595959' };
    default:
      return null;
  }
}

/** Column width in points from characters: about 7 pixels a character plus 5 of padding, at 0.75 pt per pixel. */
export function columnWidthPoints(characters: number): number {
  return Math.round((Math.max(0, characters) * 7 + 5) * 0.75 * 100) / 100;
}

export type ExcelChartTypeName = 'LineMarkers' | 'BarClustered' | 'BarStacked' | 'ColumnClustered' | 'ColumnStacked';

export function chartTypeName(chart: Pick<PlannedChart, 'kind' | 'stacked'>): ExcelChartTypeName {
  if (chart.kind === 'line') return 'LineMarkers';
  if (chart.kind === 'bar') return chart.stacked ? 'BarStacked' : 'BarClustered';
  return chart.stacked ? 'ColumnStacked' : 'ColumnClustered';
}

export type ExcelLineStyleName = 'Continuous' | 'Dash' | 'RoundDot' | 'DashDot' | 'None';

/** Excel's names for the plan's line styles (ChartLineStyle, ExcelApi 1.7); round dots stay visible in greyscale print. */
export function lineStyleName(line: PlannedSeries['line']): ExcelLineStyleName {
  const names = { solid: 'Continuous', dash: 'Dash', dot: 'RoundDot', dashDot: 'DashDot', none: 'None' } as const;
  return names[line];
}

export type ExcelMarkerStyleName = 'Circle' | 'Square' | 'Diamond' | 'Triangle' | 'X' | 'None';

export function markerStyleName(marker: MarkerShape): ExcelMarkerStyleName {
  const names = { circle: 'Circle', square: 'Square', diamond: 'Diamond', triangle: 'Triangle', x: 'X', none: 'None' } as const;
  return names[marker];
}

/** Excel marker sizes run 2-72. */
export function markerSize(size: number | undefined): number {
  return Math.min(72, Math.max(2, Math.round(size ?? 7)));
}

/** A planned page set-up in Excel's terms: margins in points, whole-row print titles, the cell each new page starts at. */
export interface ExcelPrintSettings {
  scale: number;
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** "$9:$10" (PageLayout.setPrintTitleRows needs whole rows), or null. */
  titleRows: string | null;
  /** Cells a new page starts above (horizontal breaks) and left of (vertical breaks). */
  rowBreaks: string[];
  columnBreaks: string[];
}

export function printLayoutSettings(print: PrintSettings): ExcelPrintSettings {
  const points = (inches: number) => Math.round(inches * 72 * 100) / 100;
  const m = print.margins;
  return {
    scale: 100,
    margins: { left: points(m.left), right: points(m.right), top: points(m.top), bottom: points(m.bottom), header: points(m.header), footer: points(m.footer) },
    titleRows: print.titleRows ? `$${print.titleRows.first}:$${print.titleRows.last}` : null,
    rowBreaks: [...new Set(print.rowBreaks)].filter((r) => r > 1).map((r) => `A${r}`),
    columnBreaks: [...new Set(print.columnBreaks)].filter((c) => c > 1).map((c) => `${columnLetter(c)}1`),
  };
}
