/**
 * The declarative report plan: every sheet, cell block, table, link and chart
 * the add-in writes, decided in the core and written by two thin writers
 * (src/excel for the open workbook, src/xlsx for a file). Writers make no
 * decisions of their own: same plan, same sheets, same charts.
 *
 * Dates are written as Excel serials already converted for the target
 * workbook's date system, with a date number format on their column.
 */
import type { CellValue } from '../grid';

export type SheetRole = 'summary' | 'issues' | 'aim' | 'changes' | 'timeline';

/** Which flow wrote a sheet of ours: the report (with its longest-waits timeline), a Timeline, or Compare's changes sheet. */
export type SheetKind = 'report' | 'timeline' | 'changes';

export interface ReportPlan {
  /** The as-of date the plan was built for (yyyy-mm-dd), printed on every sheet. */
  asOf: string;
  sheets: PlannedSheet[];
  /**
   * True (a full report): the add-in's sheets of this plan's kind from an
   * earlier run that this plan does not have are removed (sheets of other
   * kinds stay). False/absent: only the plan's own sheets are replaced
   * (e.g. writing just the issues sheet keeps the aim sheets).
   */
  replaceEarlierReport?: boolean;
  /** The flow the plan is from; its sheets are marked as this kind (src/core/report/ownership.ts). Absent: 'report'. */
  kind?: SheetKind;
}

export type BlockStyle =
  | 'title' // big bold sheet title
  | 'subtitle' // the aim statement, as-of line
  | 'headline' // a key figure (bold, larger)
  | 'heading' // a section heading above a table
  | 'label' // bold label cells of a label/value block
  | 'note' // small grey explanatory text
  | 'normal';

export interface CellBlock {
  /** Top-left cell, A1. */
  at: string;
  /** Rectangular values. */
  values: CellValue[][];
  /** One number format per column of the block (null/absent: General). */
  columnFormats?: (string | null)[];
  style?: BlockStyle;
  /** Let long text wrap within the column (messages). */
  wrap?: boolean;
}

export interface PlannedTable {
  /** Excel Table name: unique in the workbook, letters/digits/underscore. */
  name: string;
  /** A1 range including the header row, e.g. "A8:F52". Must have at least one data row. */
  range: string;
  style: string; // e.g. "TableStyleMedium2"
}

/** A hyperlink in a cell to a cell elsewhere in the workbook. */
export interface PlannedLink {
  cell: string; // A1 on this sheet
  /** Workbook-internal target, e.g. "'Tracker'!H17". */
  target: string;
  text: string;
  tooltip?: string;
}

export type MarkerShape = 'circle' | 'square' | 'diamond' | 'triangle' | 'x' | 'none';

/**
 * Line styles that stay distinguishable in greyscale print: solid (the
 * data), dash (a median carried forward), dot (a target), dashDot (a
 * re-phased median).
 */
export type LineStyle = 'solid' | 'dash' | 'dot' | 'dashDot' | 'none';

export interface PlannedSeries {
  name: string;
  /** A1 range on the same sheet holding the series values (blanks are gaps). */
  values: string;
  /** '#RRGGBB'. */
  color: string;
  line: LineStyle;
  /** Line width in points. */
  lineWidth?: number;
  marker: MarkerShape;
  markerSize?: number;
  /** Show a label at each (non-blank) point: its series name (e.g. a test of change) or its value. */
  dataLabels?: 'seriesName' | 'value';
  /**
   * Bars only: 'none' draws nothing (the offset that places a Gantt bar where a
   * stage starts), 'outline' an open bar (time still waiting). Default: solid.
   */
  barFill?: 'solid' | 'none' | 'outline';
  /** False: left out of the legend (the invisible offset series). Default: shown. */
  inLegend?: boolean;
  /** Number format of value labels (e.g. "0.0" for weeks); default: the cells' own. */
  labelFormat?: string;
  /**
   * One label near the series' last point saying what the line is
   * ("Median 27.5 wks"), above or below the line (so two lines close
   * together keep their labels apart).
   */
  endLabel?: { text: string; position: 'above' | 'below'; /** 0-based point the label sits on. */ point: number };
  /**
   * Line markers only: the marker's fill when not the series' colour ('#RRGGBB'),
   * the series' colour staying round its edge (last month's points: light grey
   * discs under this month's points, so both show; LibreOffice draws a marker
   * by its fill alone, so a white "ring" would vanish there).
   */
  markerFill?: string;
  /** Drawn as columns on a second value axis at the right (e.g. the number of children behind each month's %). */
  secondaryColumns?: boolean;
}

export interface PlannedChart {
  /** Stable chart name, unique on the sheet (e.g. "aim2RunChart"). */
  name: string;
  /** line: run charts; bar: horizontal bars (waiting children); column: vertical bars (milestone snapshot). */
  kind: 'line' | 'bar' | 'column';
  /** Bars stacked (used so each waiting child's bar has one colour by status). */
  stacked?: boolean;
  title: string;
  xAxisTitle: string;
  yAxisTitle: string;
  /** A1 range on the same sheet holding the category labels (dates or names), one per point. */
  categories: string;
  /** Number format of the category labels (e.g. "dd/mm/yyyy"); the axis is a text axis so every child keeps its own point. */
  categoryFormat?: string;
  /**
   * The categories are dates on a date axis labelled every `majorMonths`
   * months ("Mar 2023"), rather than one text label per point: a run chart
   * of 225 children reads as time, not as 225 dates.
   */
  dateAxis?: { majorMonths: number };
  series: PlannedSeries[];
  /** Where the chart sits: top-left and bottom-right cells. */
  anchor: { from: string; to: string };
  /** For bar charts: longest first reads top to bottom. */
  reverseCategories?: boolean;
  yAxisMin?: number;
  /** E.g. 100 for a percentage chart, so the scale does not run past it. */
  yAxisMax?: number;
  showLegend?: boolean;
  /** Title of the second value axis (when a series has secondaryColumns). */
  secondaryAxisTitle?: string;
}

/**
 * How a sheet prints, decided in the plan so both writers print alike. A4
 * at 100% (never shrunk to fit): charts are sized to a page, tables run
 * down as many pages as they need with their header rows repeated.
 */
export interface PrintSettings {
  orientation: 'landscape' | 'portrait';
  /** Margins in inches. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** Rows (1-based, inclusive) printed at the top of every page from the page they first appear on. */
  titleRows?: { first: number; last: number };
  /** A new page starts above each of these rows (1-based). */
  rowBreaks: number[];
  /** A new page starts left of each of these columns (1-based). */
  columnBreaks: number[];
}

export interface PlannedSheet {
  /** Sheet name, at most 31 characters, no []:*?/\ characters. */
  name: string;
  role: SheetRole;
  tabColor?: string;
  blocks: CellBlock[];
  tables: PlannedTable[];
  links: PlannedLink[];
  charts: PlannedChart[];
  /** Column widths in characters, index 0 = column A. */
  columnWidths: number[];
  /** Rows frozen at the top (0: none). */
  freezeRows: number;
  /** Page set-up; absent: the writer's default (A4 landscape, one page wide). */
  print?: PrintSettings;
}

/** Date formats written on every sheet (UK). */
export const DATE_FORMAT = 'dd/mm/yyyy';
export const WEEKS_FORMAT = '0.0';
export const PERCENT_FORMAT = '0.0"%"';
