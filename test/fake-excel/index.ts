/**
 * A strict, in-memory stand-in for the Excel JavaScript API (and the bit of
 * Office.context the adapter uses). Every adapter test runs on it, and the
 * browser harness bundles it in place of Excel. Pure TypeScript, no Node APIs.
 *
 *   const fake = createFakeExcel({ sheets: [{ name: 'Tracker', values: [...] }] });
 *   const port = createExcelPort(fake.Excel, fake.Office);
 *   ...; expect(fake.syncCount).toBe(3); expect(fake.snapshot('Tracker')).toEqual(before);
 */
import type { CellValue, SheetGrid, WorkbookGrid } from '../../src/core/grid';
import { DELAY_FOR_CELL_EDIT_API } from './proxies';
import { FakeOfficeError, SheetModel, WorkbookModel, parseRect, splitSheetAddress, localAddress, key, ChartModel, TableModel, CellFormat, HyperlinkModel } from './model';
import { FakeRequestContext, FakeState, PAYLOAD_LIMIT_BYTES, SETTINGS_LIMIT_CHARS, settingsChars, versionAtLeast } from './proxies';

export { FakeOfficeError, PAYLOAD_LIMIT_BYTES, SETTINGS_LIMIT_CHARS };
export type { ChartModel, TableModel, SheetModel, WorkbookModel };

export interface FakeSheetInit {
  name: string;
  values: CellValue[][];
  /** Same shape as values (rows may be shorter); missing: General. */
  numberFormats?: (string | null | undefined)[][];
  /** Displayed text per cell, when it should differ from what the fake derives. */
  texts?: (string | null | undefined)[][];
  protected?: boolean;
  visible?: boolean;
  /** Excel Tables: name and A1 range including the header row. */
  tables?: { name: string; range: string }[];
  /** Merged areas, A1 (kept for snapshot equality only). */
  merged?: string[];
  /** Pre-existing (user) conditional formats, top priority first: custom rule and fill, or another type (e.g. "ColorScale"). */
  conditionalFormats?: { range: string; formula?: string; fill?: string; type?: string }[];
  /** Pre-existing cell formats, by A1 cell. */
  cellFormats?: Record<string, CellFormat>;
  /** Sheet-scoped defined names (e.g. PaceTracker_Owned, as the command line writes it). */
  names?: { name: string; formula: string; visible?: boolean; comment?: string }[];
}

export interface FakeWorkbookInit {
  sheets: FakeSheetInit[];
  date1904?: boolean;
  /** Workbook settings (key → value) present when the workbook opens. */
  settings?: Record<string, unknown>;
  /** Highest ExcelApi requirement set supported (default "1.12"). */
  apiVersion?: string;
  /** Workbook structure protected (Review > Protect Workbook). */
  structureProtected?: boolean;
  /** Defined names (named ranges) in the workbook. */
  definedNames?: string[];
}

export interface SheetSnapshot {
  name: string;
  values: CellValue[][];
  numberFormats: string[][];
  cellFormats: Record<string, CellFormat>;
  hyperlinks: Record<string, HyperlinkModel>;
  columnWidths: Record<string, number>;
  /** In priority order; `id` is the position, as Office reports it. */
  conditionalFormats: { id: string; type: string; areas: string[]; formula: string | null; fillColor: string | null }[];
  /** Cells Excel made formulas of (A1 → formula). */
  formulas: Record<string, string>;
  /** Rows fitted to their contents (row number → column widths at the time). */
  autofitRows: Record<string, string>;
  merged: string[];
  freezeRows: number;
  tabColor: string;
  /** Sheet-scoped defined names: name = formula (hidden ones marked). */
  names: string[];
  /** Paper, margins, print titles and page breaks appear only once set. */
  pageLayout: {
    orientation: string;
    zoom: Record<string, number | undefined>;
    paperSize?: string;
    margins?: Record<string, number>;
    printTitleRows?: string;
    horizontalBreaks?: string[];
    verticalBreaks?: string[];
  };
}

/** The enums the adapter uses, with Office's string values. */
export const FakeExcelEnums = {
  ChartType: {
    line: 'Line',
    lineMarkers: 'LineMarkers',
    barClustered: 'BarClustered',
    barStacked: 'BarStacked',
    columnClustered: 'ColumnClustered',
    columnStacked: 'ColumnStacked',
  },
  ChartSeriesBy: { auto: 'Auto', columns: 'Columns', rows: 'Rows' },
  ChartAxisCategoryType: { automatic: 'Automatic', textAxis: 'TextAxis', dateAxis: 'DateAxis' },
  ChartLineStyle: { none: 'None', continuous: 'Continuous', dash: 'Dash', dashDot: 'DashDot', dot: 'Dot', automatic: 'Automatic', roundDot: 'RoundDot' },
  ChartMarkerStyle: {
    invalid: 'Invalid',
    automatic: 'Automatic',
    none: 'None',
    square: 'Square',
    diamond: 'Diamond',
    triangle: 'Triangle',
    x: 'X',
    star: 'Star',
    dot: 'Dot',
    dash: 'Dash',
    circle: 'Circle',
    plus: 'Plus',
    picture: 'Picture',
  },
  ChartLegendPosition: { invalid: 'Invalid', top: 'Top', bottom: 'Bottom', left: 'Left', right: 'Right', corner: 'Corner', custom: 'Custom' },
  ConditionalFormatType: { custom: 'Custom' },
  SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
  HorizontalAlignment: { general: 'General', left: 'Left', center: 'Center', right: 'Right' },
  PageOrientation: { portrait: 'Portrait', landscape: 'Landscape' },
  ChartAxisGroup: { primary: 'Primary', secondary: 'Secondary' },
  ChartAxisType: { invalid: 'Invalid', category: 'Category', value: 'Value', series: 'Series' },
  ChartDataLabelPosition: { top: 'Top', bottom: 'Bottom', right: 'Right', left: 'Left', center: 'Center' },
  PaperType: { letter: 'Letter', a3: 'A3', a4: 'A4', a5: 'A5' },
} as const;

export interface FakeExcel {
  /** Pass as `typeof Excel` to the adapter. */
  Excel: typeof Excel;
  /** Pass as `typeof Office` to the adapter: requirements and document settings. */
  Office: typeof Office;
  /** The in-memory workbook, for assertions. */
  workbook: WorkbookModel;
  readonly syncCount: number;
  /** Estimated payload bytes of each sync, in order. */
  readonly requests: readonly number[];
  readonly largestRequestBytes: number;
  /** Deep copy of a sheet's contents, for before/after equality. */
  snapshot(sheetName: string): SheetSnapshot;
  /** A sheet by name (case-insensitive); throws when missing. */
  sheet(name: string): SheetModel;
  /** A chart by sheet and chart name; throws when missing. */
  chart(sheetName: string, chartName: string): ChartModel;
  /** Changes the supported ExcelApi version (e.g. "1.8" to test fallbacks). */
  setApiVersion(version: string): void;
  /** Resets syncCount and requests (e.g. after arranging). */
  resetCounters(): void;
  /** The base64 packages given to Excel.createWorkbook, in order (each opened as a separate workbook). */
  readonly createdWorkbooks: readonly string[];
  /**
   * The workbook closed and opened again: every sheet gets a new id, while
   * contents, names, conditional formats and settings stay.
   */
  reopen(): void;
  /** The user starts typing in a cell (cell edit mode) … */
  startCellEdit(): void;
  /** … and presses Enter: batches waiting with delayForCellEdit run now. */
  endCellEdit(): void;
  /** Options each Excel.run was given, in order (undefined: none). */
  readonly runOptions: readonly (Record<string, unknown> | undefined)[];
}

function addSheet(model: WorkbookModel, init: FakeSheetInit): void {
  const sheet = new SheetModel(model.newId(), init.name, model);
  init.values.forEach((row, r) => row.forEach((v, c) => v !== null && v !== '' && sheet.setValue(r, c, v)));
  init.numberFormats?.forEach((row, r) => row.forEach((f, c) => f && f !== 'General' && sheet.setNumberFormat(r, c, f)));
  init.texts?.forEach((row, r) => row.forEach((t, c) => typeof t === 'string' && sheet.texts.set(key(r, c), t)));
  sheet.protected = init.protected === true;
  sheet.visibility = init.visible === false ? 'Hidden' : 'Visible';
  sheet.merged = [...(init.merged ?? [])];
  sheet.names = (init.names ?? []).map((n) => ({ name: n.name, formula: n.formula, visible: n.visible ?? true, comment: n.comment ?? '', deleted: false }));
  for (const [cell, f] of Object.entries(init.cellFormats ?? {})) {
    const rect = parseRect(cell);
    Object.assign(sheet.format(rect.r0, rect.c0), f);
  }
  for (const cf of init.conditionalFormats ?? []) {
    // Listed top priority first.
    sheet.conditionalFormats.push({ type: cf.type ?? 'Custom', areas: [parseRect(cf.range)], formula: cf.formula ?? null, fillColor: cf.fill ?? null });
  }
  model.sheets.push(sheet);
  for (const t of init.tables ?? []) {
    model.tables.push({ id: String(model.tables.length + 1), name: t.name, sheet, rect: parseRect(splitSheetAddress(t.range).local), style: 'TableStyleMedium2', showTotals: false });
  }
}

export function createFakeExcel(init: FakeWorkbookInit): FakeExcel {
  const model = new WorkbookModel(init.date1904 === true);
  for (const s of init.sheets) addSheet(model, s);
  for (const [k, value] of Object.entries(init.settings ?? {})) model.settings.set(k, { key: k, value });
  model.structureProtected = init.structureProtected === true;
  model.definedNames = [...(init.definedNames ?? [])];
  model.activeSheet = model.liveSheets().find((s) => s.visibility === 'Visible') ?? null;
  const state: FakeState = { model, apiVersion: init.apiVersion ?? '1.12', syncCount: 0, requests: [], editingCell: false };
  const createdWorkbooks: string[] = [];
  const runOptions: (Record<string, unknown> | undefined)[] = [];
  let editEnded: (() => void) | null = null;
  let editDone: Promise<void> = Promise.resolve();

  type Batch<T> = (context: FakeRequestContext) => Promise<T>;
  const excelNamespace = {
    ...FakeExcelEnums,
    /** Excel.run(batch) or Excel.run(options, batch). */
    async run<T>(first: Batch<T> | Record<string, unknown>, second?: Batch<T>): Promise<T> {
      const options = typeof first === 'function' ? undefined : first;
      const batch = (typeof first === 'function' ? first : second) as Batch<T>;
      runOptions.push(options);
      // RunOptions.delayForCellEdit: the batch waits until the user leaves cell edit mode (where supported).
      if (options?.delayForCellEdit === true && versionAtLeast(state.apiVersion, DELAY_FOR_CELL_EDIT_API)) await editDone;
      const context = new FakeRequestContext(state);
      const result = await batch(context);
      // Office sends what is still queued when the batch returns.
      if (context.hasPending) await context.sync();
      return result;
    },
    /** As Excel.createWorkbook (ExcelApi 1.8): opens a separate workbook; this one is untouched. */
    async createWorkbook(base64?: string): Promise<void> {
      await Promise.resolve();
      if (!versionAtLeast(state.apiVersion, '1.8')) {
        throw new FakeOfficeError('ApiNotFound', `createWorkbook needs ExcelApi 1.8; this Excel supports ${state.apiVersion}.`);
      }
      if (base64 !== undefined && (typeof base64 !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 !== 0)) {
        throw new FakeOfficeError('InvalidArgument', 'createWorkbook takes the file as base64 text.');
      }
      // The base64 text travels in one request, under Excel on the web's request limit like any other.
      if (base64 !== undefined && base64.length > PAYLOAD_LIMIT_BYTES) {
        throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `The file (${base64.length} characters of base64) is larger than one request may carry.`);
      }
      createdWorkbooks.push(base64 ?? '');
    },
  };

  const documentSettings = {
    get: (name: string): unknown => model.settings.get(name)?.value ?? null,
    set: (name: string, value: unknown): void => void model.settings.set(name, { key: name, value: JSON.parse(JSON.stringify(value)) }),
    remove: (name: string): void => void model.settings.delete(name),
    saveAsync: (callback?: (result: { status: string; error?: { code: string; message: string } }) => void): void => {
      state.syncCount++;
      // The same store as workbook.settings, with the same cap (our assumption, see SETTINGS_LIMIT_CHARS).
      if (settingsChars(model) > SETTINGS_LIMIT_CHARS) {
        callback?.({ status: 'failed', error: { code: 'GeneralException', message: 'The settings are too large to save.' } });
        return;
      }
      callback?.({ status: 'succeeded' });
    },
  };

  const officeNamespace = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    HostType: { Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline' },
    /** As Office.onReady, for the browser harness. */
    onReady: (callback?: (info: { host: string; platform: string }) => void) => {
      const info = { host: 'Excel', platform: 'OfficeOnline' };
      callback?.(info);
      return Promise.resolve(info);
    },
    context: {
      requirements: {
        isSetSupported(name: string, minVersion?: string | number): boolean {
          if (name !== 'ExcelApi') return false;
          const want = minVersion === undefined ? '1.1' : String(minVersion);
          const [ha, hb] = state.apiVersion.split('.').map(Number);
          const [wa, wb] = want.split('.').map(Number);
          return ha > wa || (ha === wa && (hb || 0) >= (wb || 0));
        },
      },
      document: { settings: documentSettings },
    },
  };

  const findSheet = (name: string): SheetModel => {
    const s = model.findSheet(name);
    if (!s) throw new Error(`The fake workbook has no sheet "${name}".`);
    return s;
  };

  return {
    Excel: excelNamespace as unknown as typeof Excel,
    Office: officeNamespace as unknown as typeof Office,
    workbook: model,
    get syncCount() {
      return state.syncCount;
    },
    get requests() {
      return state.requests;
    },
    get largestRequestBytes() {
      return state.requests.reduce((a, b) => Math.max(a, b), 0);
    },
    snapshot: (name) => snapshotSheet(findSheet(name)),
    sheet: findSheet,
    chart(sheetName, chartName) {
      const c = findSheet(sheetName).charts.find((x) => !x.deleted && x.name === chartName);
      if (!c) throw new Error(`The fake sheet "${sheetName}" has no chart "${chartName}".`);
      return c;
    },
    setApiVersion(version) {
      state.apiVersion = version;
    },
    resetCounters() {
      state.syncCount = 0;
      state.requests = [];
    },
    get createdWorkbooks() {
      return createdWorkbooks;
    },
    reopen() {
      model.reopen();
    },
    startCellEdit() {
      if (state.editingCell) return;
      state.editingCell = true;
      editDone = new Promise<void>((resolve) => (editEnded = resolve));
    },
    endCellEdit() {
      state.editingCell = false;
      editEnded?.();
      editEnded = null;
    },
    get runOptions() {
      return runOptions;
    },
  };
}

function cellOfKey(k: string): string {
  const [r, c] = k.split(',').map(Number);
  return localAddress({ r0: r, c0: c, rows: 1, cols: 1 });
}

function snapshotSheet(sheet: SheetModel): SheetSnapshot {
  const used = sheet.usedRect(false);
  const rows = used ? used.r0 + used.rows : 0;
  const cols = used ? used.c0 + used.cols : 0;
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  for (let r = 0; r < rows; r++) {
    values.push(Array.from({ length: cols }, (_, c) => sheet.value(r, c)));
    numberFormats.push(Array.from({ length: cols }, (_, c) => sheet.numberFormat(r, c)));
  }
  const cellFormats: Record<string, CellFormat> = {};
  for (const [k, f] of sheet.formats) {
    const clean = Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== null));
    if (Object.keys(clean).length) {
      const [r, c] = k.split(',').map(Number);
      cellFormats[localAddress({ r0: r, c0: c, rows: 1, cols: 1 })] = clean as CellFormat;
    }
  }
  const hyperlinks: Record<string, HyperlinkModel> = {};
  for (const [k, h] of sheet.hyperlinks) {
    const [r, c] = k.split(',').map(Number);
    hyperlinks[localAddress({ r0: r, c0: c, rows: 1, cols: 1 })] = { ...h };
  }
  return {
    name: sheet.name,
    values,
    numberFormats,
    cellFormats,
    hyperlinks,
    columnWidths: Object.fromEntries([...sheet.columnWidths].map(([c, w]) => [String(c), w])),
    conditionalFormats: sheet.conditionalFormats.map((cf, i) => ({ id: String(i), type: cf.type, areas: cf.areas.map(localAddress), formula: cf.formula, fillColor: cf.fillColor })),
    formulas: Object.fromEntries([...sheet.formulas].map(([k, f]) => [cellOfKey(k), f])),
    autofitRows: Object.fromEntries([...sheet.autofitRows].map(([r, widths]) => [String(r + 1), widths])),
    merged: [...sheet.merged],
    freezeRows: sheet.freezeRows,
    tabColor: sheet.tabColor,
    names: sheet.names.filter((n) => !n.deleted).map((n) => `${n.name}${n.visible ? '' : ' (hidden)'} ${n.formula}${n.comment ? ` // ${n.comment}` : ''}`),
    pageLayout: pageLayoutSnapshot(sheet.pageLayout),
  };
}

function pageLayoutSnapshot(p: SheetModel['pageLayout']): SheetSnapshot['pageLayout'] {
  return {
    orientation: p.orientation,
    zoom: { ...p.zoom },
    ...(p.paperSize !== undefined ? { paperSize: p.paperSize } : {}),
    ...(Object.keys(p.margins).length > 0 ? { margins: { ...p.margins } } : {}),
    ...(p.printTitleRows !== null ? { printTitleRows: p.printTitleRows } : {}),
    ...(p.horizontalBreaks.length > 0 ? { horizontalBreaks: [...p.horizontalBreaks] } : {}),
    ...(p.verticalBreaks.length > 0 ? { verticalBreaks: [...p.verticalBreaks] } : {}),
  };
}

/** Places a grid's block at its firstRow/firstColumn on a sheet init. */
function sheetFromGrid(grid: SheetGrid): FakeSheetInit {
  const pad = <T>(rows: T[][], fill: T): T[][] => [
    ...Array.from({ length: grid.firstRow - 1 }, () => [] as T[]),
    ...rows.map((row) => [...Array.from({ length: grid.firstColumn - 1 }, () => fill), ...row]),
  ];
  const values = pad<CellValue>(grid.values, '');
  const init: FakeSheetInit = { name: grid.sheetName, values };
  if (grid.numberFormats) init.numberFormats = pad<string | null>(grid.numberFormats, null);
  if (grid.table && grid.values.length) {
    const rect = { r0: grid.firstRow - 1, c0: grid.firstColumn - 1, rows: grid.values.length, cols: grid.values[0]?.length ?? 1 };
    init.tables = [{ name: grid.table, range: localAddress(rect) }];
  }
  return init;
}

/**
 * A fake workbook made from SheetGrid JSON (one grid, several, or a
 * WorkbookGrid), for colleagues' tests and the browser harness.
 */
export function fakeFromGrid(grid: SheetGrid | SheetGrid[] | WorkbookGrid, options: Omit<FakeWorkbookInit, 'sheets'> = {}): FakeExcel {
  const grids = Array.isArray(grid) ? grid : 'sheets' in grid ? grid.sheets : [grid];
  const date1904 = options.date1904 ?? (!Array.isArray(grid) && 'date1904' in grid ? grid.date1904 : false);
  return createFakeExcel({ ...options, date1904, sheets: grids.map(sheetFromGrid) });
}
