/**
 * The in-memory workbook behind the fake Excel API. Plain data only; the
 * proxies in ./proxies.ts enforce Office's rules on top of it. No Node APIs:
 * this file is bundled into the browser harness too.
 */
import type { CellValue } from '../../src/core/grid';
import { columnLetter, columnNumber, quoteSheetName } from '../../src/core/grid';
import { dayFromParts, dayFromSerial, isDateNumberFormat, serialFromDay } from '../../src/core/dates';

/** Office-like error: `code` is what Office.js puts on OfficeExtension.Error. */
export class FakeOfficeError extends Error {
  constructor(readonly code: string, message: string) {
    super(`${code}: ${message}`);
    this.name = 'RichApi.Error';
  }
  get debugInfo(): { code: string; message: string } {
    return { code: this.code, message: this.message };
  }
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** 0-based rectangle on a sheet. */
export interface Rect {
  r0: number;
  c0: number;
  rows: number;
  cols: number;
}

export interface CellFormat {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  wrapText?: boolean;
  horizontalAlignment?: string;
}

export interface HyperlinkModel {
  address?: string;
  documentReference?: string;
  textToDisplay?: string;
  screenTip?: string;
}

/**
 * A conditional format. It has no key of its own: Office's `id` is "the
 * priority of the conditional format in the current
 * ConditionalFormatCollection" (a position), so the sheet's list is kept in
 * priority order, top priority first.
 */
export interface ConditionalFormatModel {
  type: string;
  areas: Rect[];
  formula: string | null;
  fillColor: string | null;
}

export interface TableModel {
  id: string;
  name: string;
  sheet: SheetModel;
  rect: Rect;
  style: string;
  showTotals: boolean;
  deleted?: boolean;
}

export interface AxisModel {
  title: string | null;
  categoryType: string;
  numberFormat: string | null;
  minimum: number | null;
  maximum: number | null;
  reversePlotOrder: boolean;
}

export interface SeriesModel {
  name: string;
  /** A1 reference (sheet-qualified) of the values, as given to setValues. */
  values: string | null;
  /** A1 reference (sheet-qualified) of the categories, as given to setXAxisValues. */
  xValues: string | null;
  lineColor: string | null;
  /** Bar and column fill (format.fill.setSolidColor). */
  fillColor: string | null;
  lineStyle: string;
  lineWeight: number | null;
  markerStyle: string;
  markerSize: number | null;
  markerBackgroundColor: string | null;
  markerForegroundColor: string | null;
  hasDataLabels: boolean;
  showSeriesName: boolean;
  showValue: boolean;
  /** Data labels' number format (ChartDataLabels.numberFormat, ExcelApi 1.8); null: linked to the cells. */
  labelNumberFormat: string | null;
  /** The series' own chart type (ChartSeries.chartType, ExcelApi 1.7); null: the chart's. */
  chartType: string | null;
  /** ChartSeries.axisGroup (ExcelApi 1.8): "Primary" or "Secondary". */
  axisGroup: string;
  /** Labels set on single points (ChartPoint.hasDataLabel / dataLabel, ExcelApi 1.7; text 1.8), by point index. */
  pointLabels: Record<number, { hasDataLabel: boolean; text: string | null; position: string | null; showSeriesName: boolean; showValue: boolean }>;
  deleted?: boolean;
}

export interface ChartModel {
  id: string;
  name: string;
  type: string;
  seriesBy: string;
  source: string;
  title: string | null;
  categoryAxis: AxisModel;
  valueAxis: AxisModel;
  /** The value axis at the right: reachable (ChartAxes.getItem) only while a series is on the secondary group. */
  secondaryValueAxis: AxisModel;
  legendVisible: boolean;
  legendPosition: string;
  series: SeriesModel[];
  position: { from: string; to: string } | null;
  deleted?: boolean;
}

/** A sheet-scoped defined name (Formulas > Name Manager, scope: the sheet). */
export interface SheetNameModel {
  name: string;
  /** What it refers to, as Office reports it ("=Sheet1!$A$1"). */
  formula: string;
  visible: boolean;
  /** NamedItem.comment (ExcelApi 1.4); empty when none. */
  comment: string;
  deleted: boolean;
}

/** Page Layout > Orientation and Scale to Fit; paper, margins and print titles (ExcelApi 1.9). */
export interface PageLayoutModel {
  orientation: 'Portrait' | 'Landscape';
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  /** Excel.PaperType value ("A4"); absent: never set. */
  paperSize?: string;
  /** Margins in points, by property name (leftMargin…); only those set. */
  margins: Record<string, number>;
  /** Rows repeated at the top of each printed page, as given ("$9:$10"); null: none. */
  printTitleRows: string | null;
  /** Manual page breaks: the cell each new page starts at (above it: horizontal; left of it: vertical). */
  horizontalBreaks: string[];
  verticalBreaks: string[];
}

export class SheetModel {
  /** Sheet-scoped defined names. */
  names: SheetNameModel[] = [];
  /**
   * Cells Excel turned into formulas when text starting with =, + or - was
   * written (the fake does not calculate: `values` reads back the formula text).
   */
  formulas = new Map<string, string>();
  pageLayout: PageLayoutModel = { orientation: 'Portrait', zoom: { scale: 100 }, margins: {}, printTitleRows: null, horizontalBreaks: [], verticalBreaks: [] };
  values: CellValue[][] = [];
  numberFormats: (string | undefined)[][] = [];
  /** Displayed text given by the test (until the cell is written). */
  texts = new Map<string, string>();
  formats = new Map<string, CellFormat>();
  hyperlinks = new Map<string, HyperlinkModel>();
  columnWidths = new Map<number, number>();
  /**
   * Rows Excel was asked to fit to their (wrapped) contents, each with the
   * column widths it was fitted to: a later width change does not refit it.
   */
  autofitRows = new Map<number, string>();
  merged: string[] = [];
  conditionalFormats: ConditionalFormatModel[] = [];
  charts: ChartModel[] = [];
  visibility = 'Visible';
  protected = false;
  tabColor = '';
  freezeRows = 0;
  deleted = false;

  constructor(public id: string, public name: string, readonly workbook: WorkbookModel) {}

  /** The column widths as one comparable text (what an autofit of a row depends on). */
  widthsKey(): string {
    return JSON.stringify([...this.columnWidths].sort((a, b) => a[0] - b[0]));
  }

  value(r: number, c: number): CellValue {
    const v = this.values[r]?.[c];
    return v === undefined || v === null ? '' : v;
  }

  numberFormat(r: number, c: number): string {
    return this.numberFormats[r]?.[c] ?? 'General';
  }

  text(r: number, c: number): string {
    const given = this.texts.get(key(r, c));
    if (given !== undefined) return given;
    return displayText(this.value(r, c), this.numberFormat(r, c), this.workbook.date1904);
  }

  setValue(r: number, c: number, v: CellValue): void {
    (this.values[r] ??= [])[c] = v === null ? '' : v;
    this.texts.delete(key(r, c));
    this.formulas.delete(key(r, c));
  }

  /** A value written through Range.values: read as if typed into the cell (see typedEntry). */
  typeValue(r: number, c: number, v: CellValue): void {
    const entry = typedEntry(v, this.numberFormat(r, c), this.workbook.date1904);
    this.setValue(r, c, entry.value);
    if (entry.formula !== undefined) this.formulas.set(key(r, c), entry.formula);
    if (entry.numberFormat !== undefined) this.setNumberFormat(r, c, entry.numberFormat);
  }

  setNumberFormat(r: number, c: number, f: string): void {
    (this.numberFormats[r] ??= [])[c] = f;
    this.texts.delete(key(r, c));
  }

  format(r: number, c: number): CellFormat {
    let f = this.formats.get(key(r, c));
    if (!f) {
      f = {};
      this.formats.set(key(r, c), f);
    }
    return f;
  }

  /** Bounding box of non-empty values (and, unless valuesOnly, formatted cells). */
  usedRect(valuesOnly: boolean): Rect | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    const take = (r: number, c: number): void => {
      r0 = Math.min(r0, r);
      c0 = Math.min(c0, c);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, c);
    };
    this.values.forEach((row, r) => row?.forEach((v, c) => v !== '' && v !== null && v !== undefined && take(r, c)));
    if (!valuesOnly) {
      this.numberFormats.forEach((row, r) => row?.forEach((f, c) => f !== undefined && f !== 'General' && take(r, c)));
      for (const k of this.formats.keys()) take(...parseKey(k));
    }
    return r1 < 0 ? null : { r0, c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }
}

export interface SettingModel {
  key: string;
  value: unknown;
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  settings = new Map<string, SettingModel>();
  activeSheet: SheetModel | null = null;
  /** Workbook structure protection: no sheet may be added, deleted or renamed. */
  structureProtected = false;
  /** Defined names (named ranges); a table may not take one of these names. */
  definedNames: string[] = [];
  selection: { sheet: SheetModel; rect: Rect } | null = null;
  private nextId = 1;
  constructor(public date1904: boolean) {}

  /** Ids differ per session: a reopened workbook numbers its sheets afresh (see reopen). */
  private session = 0;

  newId(): string {
    const n = String(this.nextId++).padStart(12, '0');
    return `{00000000-0000-4000-${String(8000 + this.session)}-${n}}`;
  }

  /**
   * The workbook closed and opened again: every sheet gets a new id
   * (Worksheet.id is not kept across sessions), while names, defined names,
   * conditional formats, settings and contents stay.
   */
  reopen(): void {
    this.session++;
    for (const sheet of this.sheets) sheet.id = this.newId();
    this.selection = null;
  }

  liveSheets(): SheetModel[] {
    return this.sheets.filter((s) => !s.deleted);
  }

  findSheet(name: string): SheetModel | null {
    const lower = name.toLowerCase();
    return this.liveSheets().find((s) => s.name.toLowerCase() === lower) ?? null;
  }

  liveTables(): TableModel[] {
    return this.tables.filter((t) => !t.deleted && !t.sheet.deleted);
  }

  /** Selected address as Office writes it, e.g. "'PACE Issues'!B7", or null. */
  get selectedAddress(): string | null {
    return this.selection ? rangeAddress(this.selection.sheet.name, this.selection.rect) : null;
  }
}

export function key(r: number, c: number): string {
  return `${r},${c}`;
}

function parseKey(k: string): [number, number] {
  const [r, c] = k.split(',').map(Number);
  return [r, c];
}

/** Office's sheet-name rules; throws InvalidArgument or ItemAlreadyExists. */
export function assertStructureEditable(workbook: WorkbookModel): void {
  if (workbook.structureProtected) throw new FakeOfficeError('AccessDenied', "The workbook's structure is protected: sheets cannot be added, deleted or renamed.");
}

export function validateSheetName(workbook: WorkbookModel, name: unknown, self?: SheetModel): string {
  assertStructureEditable(workbook);
  if (typeof name !== 'string' || name.trim() === '') throw new FakeOfficeError('InvalidArgument', 'The sheet name is blank.');
  if (name.length > 31) throw new FakeOfficeError('InvalidArgument', `The sheet name "${name}" is longer than 31 characters.`);
  if (/[:\\/?*[\]]/.test(name)) throw new FakeOfficeError('InvalidArgument', `The sheet name "${name}" contains a character that is not allowed.`);
  if (name.startsWith("'") || name.endsWith("'")) throw new FakeOfficeError('InvalidArgument', `The sheet name "${name}" starts or ends with an apostrophe.`);
  if (name.toLowerCase() === 'history') throw new FakeOfficeError('InvalidArgument', '"History" is reserved by Excel.');
  const other = workbook.findSheet(name);
  if (other && other !== self) throw new FakeOfficeError('ItemAlreadyExists', `A sheet called "${name}" already exists.`);
  return name;
}

/** Table names: letter/underscore/backslash first, then letters, digits, underscores, periods; not a cell reference. */
export function validateTableName(workbook: WorkbookModel, name: unknown, self?: TableModel): string {
  if (typeof name !== 'string' || !/^[A-Za-z_\\][A-Za-z0-9_.]{0,254}$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[rRcC]$/.test(name)) {
    throw new FakeOfficeError('InvalidArgument', `"${String(name)}" is not a valid table name.`);
  }
  const lower = name.toLowerCase();
  const other = workbook.liveTables().find((t) => t.name.toLowerCase() === lower);
  if (other && other !== self) throw new FakeOfficeError('ItemAlreadyExists', `A table called "${name}" already exists.`);
  if (workbook.definedNames.some((n) => n.toLowerCase() === lower)) throw new FakeOfficeError('ItemAlreadyExists', `"${name}" is already a defined name.`);
  return name;
}

/** "A1", "$A$1:$B$2", "A:C", "2:5" (no sheet part) to a rectangle. */
export function parseRect(address: string): Rect {
  const parts = address.replace(/\$/g, '').trim().split(':');
  if (parts.length > 2 || parts[0] === '') throw new FakeOfficeError('InvalidArgument', `"${address}" is not a range address.`);
  const ends = parts.map((p) => {
    const m = /^([A-Za-z]{0,3})(\d{0,7})$/.exec(p);
    if (!m || (m[1] === '' && m[2] === '')) throw new FakeOfficeError('InvalidArgument', `"${address}" is not a range address.`);
    return { col: m[1] ? columnNumber(m[1]) - 1 : null, row: m[2] ? Number(m[2]) - 1 : null };
  });
  const a = ends[0];
  const b = ends[1] ?? ends[0];
  if ((a.col === null) !== (b.col === null) || (a.row === null) !== (b.row === null)) {
    throw new FakeOfficeError('InvalidArgument', `"${address}" is not a range address.`);
  }
  const r0 = a.row === null ? 0 : Math.min(a.row, b.row as number);
  const r1 = a.row === null ? MAX_ROWS - 1 : Math.max(a.row, b.row as number);
  const c0 = a.col === null ? 0 : Math.min(a.col, b.col as number);
  const c1 = a.col === null ? MAX_COLUMNS - 1 : Math.max(a.col, b.col as number);
  if (r0 < 0 || c0 < 0 || r1 >= MAX_ROWS || c1 >= MAX_COLUMNS) throw new FakeOfficeError('InvalidArgument', `"${address}" is outside the sheet.`);
  return { r0, c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}

/** Splits "'My sheet'!A1:B2" into sheet name (or null) and the local address. */
export function splitSheetAddress(address: string): { sheet: string | null; local: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { sheet: null, local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

export function localAddress(rect: Rect): string {
  const first = `${columnLetter(rect.c0 + 1)}${rect.r0 + 1}`;
  if (rect.rows === 1 && rect.cols === 1) return first;
  return `${first}:${columnLetter(rect.c0 + rect.cols)}${rect.r0 + rect.rows}`;
}

/** As Office's range.address: "Sheet1!A1:B2", quoting names that need it. */
export function rangeAddress(sheetName: string, rect: Rect): string {
  return `${quoteSheetName(sheetName)}!${localAddress(rect)}`;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r0 < b.r0 + b.rows && b.r0 < a.r0 + a.rows && a.c0 < b.c0 + b.cols && b.c0 < a.c0 + a.cols;
}

const TEXT_FORMAT = '@';
/** Excel's default short date format in the en-GB locale the fake simulates (our assumption). */
export const DEFAULT_DATE_FORMAT = 'dd/mm/yyyy';

/**
 * What a cell holds after `value` is written through Range.values, which
 * Excel parses as if the user had typed it (Range.values: "If the returned
 * value starts with a plus (+), minus (-), or equal sign (=), Excel
 * interprets this value as a formula"). Text-formatted cells ("@") keep
 * text as text; numbers written to them become text, as typing does (our
 * assumption). Dates are read in the en-GB order (03/04/2021 = 3 April,
 * our assumption for a UK user), and a date in a General cell gets the
 * short date format, as Excel does when a date is entered.
 */
export function typedEntry(value: CellValue, format: string, date1904: boolean): { value: CellValue; formula?: string; numberFormat?: string } {
  if (format === TEXT_FORMAT) return { value: typeof value === 'number' ? String(value) : value };
  if (typeof value !== 'string' || value === '') return { value };
  const text = value.trim();
  const number = numberFromText(text);
  if (number !== null) return { value: number, ...(text.endsWith('%') && format === 'General' ? { numberFormat: '0%' } : {}) };
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === 'true' };
  const day = dayFromTypedDate(text);
  if (day !== null) return { value: serialFromDay(day, date1904), ...(isDateNumberFormat(format) ? {} : { numberFormat: DEFAULT_DATE_FORMAT }) };
  if (/^[=+-]/.test(value)) {
    const formula = value.startsWith('=') ? value : `=${value}`;
    return { value: formula, formula };
  }
  return { value };
}

/** "000123", "-12", "+5", "1,234.5", "1e3", "50%" as Excel reads them when typed; null for other text. */
function numberFromText(text: string): number | null {
  const m = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)?(\.\d*)?(?:[eE]([+-]?\d+))?(%?)$/.exec(text);
  if (!m || (m[2] === undefined && (m[3] === undefined || m[3] === '.'))) return null;
  const n = Number(`${m[1]}${(m[2] ?? '0').replace(/,/g, '')}${m[3] ?? ''}${m[4] !== undefined ? `e${m[4]}` : ''}`);
  if (!Number.isFinite(n)) return null;
  return m[5] === '%' ? n / 100 : n;
}

/** "2021-03-04" (ISO) or "03/04/2021" / "3/4/21" (day first, en-GB) to a day number; null otherwise. */
function dayFromTypedDate(text: string): number | null {
  let year: number;
  let month: number;
  let dayOfMonth: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/.exec(text);
  if (iso) [year, month, dayOfMonth] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (uk) {
    [dayOfMonth, month, year] = [Number(uk[1]), Number(uk[2]), Number(uk[3])];
    // Excel's two-digit year window: 00-29 are 2000s, 30-99 are 1900s.
    if (uk[3].length === 2) year += year < 30 ? 2000 : 1900;
  } else return null;
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > 31) return null;
  const day = dayFromParts(year, month, dayOfMonth);
  // Rejects 31/02 and the like: the parts must come back unchanged.
  const check = new Date(day * 86_400_000);
  return check.getUTCMonth() + 1 === month && check.getUTCDate() === dayOfMonth ? day : null;
}

/** What Excel would display for a value in a format (the few formats the project uses). */
export function displayText(value: CellValue, format: string, date1904: boolean): string {
  if (value === null || value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (isDateNumberFormat(format)) {
    const day = dayFromSerial(value, date1904);
    if (day === null) return '#'.repeat(8);
    return formatDate(day, format);
  }
  const fixed = /^0(?:\.(0+))?(?:"%")?$/.exec(format);
  if (fixed) return value.toFixed(fixed[1]?.length ?? 0) + (format.endsWith('"%"') ? '%' : '');
  return String(value);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function formatDate(day: number, format: string): string {
  const d = new Date(day * 86_400_000);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const dd = d.getUTCDate();
  const code = format.split(';')[0].replace(/\[[^\]]*\]/g, '');
  return code.replace(/yyyy|yy|mmmm|mmm|mm|m|dd|d|"([^"]*)"|\\(.)/gi, (tok, quoted?: string, escaped?: string) => {
    if (quoted !== undefined) return quoted;
    if (escaped !== undefined) return escaped;
    switch (tok.toLowerCase()) {
      case 'yyyy':
        return String(y).padStart(4, '0');
      case 'yy':
        return String(y % 100).padStart(2, '0');
      case 'mmmm':
        return MONTHS[m - 1];
      case 'mmm':
        return MONTHS[m - 1].slice(0, 3);
      case 'mm':
        return String(m).padStart(2, '0');
      case 'm':
        return String(m);
      case 'dd':
        return String(dd).padStart(2, '0');
      default:
        return String(dd);
    }
  });
}

/** JSON size in bytes (ASCII-ish estimate) of a payload. */
export function payloadBytes(value: unknown): number {
  return JSON.stringify(value)?.length ?? 0;
}
