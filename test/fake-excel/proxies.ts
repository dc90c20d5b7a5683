/**
 * Proxy objects that behave like Office.js's: calls and property writes are
 * queued and applied at context.sync(); a property can be read only after it
 * was loaded and synced (or set locally), else PropertyNotLoaded. Objects are
 * resolved lazily, once, the first time a synced action uses them, as Office
 * resolves an object path.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- the fake mirrors a dynamically shaped API; its public face is typed as Excel's */
import type { CellValue } from '../../src/core/grid';
import {
  FakeOfficeError,
  SheetModel,
  WorkbookModel,
  Rect,
  TableModel,
  ChartModel,
  SheetNameModel,
  PageLayoutModel,
  SeriesModel,
  ConditionalFormatModel,
  AxisModel,
  CellFormat,
  SettingModel,
  key,
  parseRect,
  splitSheetAddress,
  rangeAddress,
  localAddress,
  intersects,
  validateSheetName,
  MAX_COLUMNS,
  validateTableName,
  payloadBytes,
  assertStructureEditable,
} from './model';

/** Excel on the web refuses requests or responses above 5 MB (Office Add-ins resource limits). */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/**
 * Characters all settings of one add-in may take. Office states no figure;
 * the settings store is reported to fail near 2 MB and errors have been
 * seen near 1 MB, so the fake refuses above 1 MB (our assumption).
 */
export const SETTINGS_LIMIT_CHARS = 1024 * 1024;

/** Excel.run(options, …) with RunOptions.delayForCellEdit (our reading: ExcelApi 1.11). */
export const DELAY_FOR_CELL_EDIT_API = '1.11';

export interface FakeState {
  model: WorkbookModel;
  apiVersion: string;
  syncCount: number;
  requests: number[];
  /** The user is typing in a cell: a batch that does not wait for that fails. */
  editingCell: boolean;
}

/** Characters the workbook's settings take, keys and JSON values. */
export function settingsChars(model: WorkbookModel, replacing?: { key: string; value: unknown }): number {
  let total = 0;
  for (const s of model.settings.values()) if (s.key !== replacing?.key) total += s.key.length + payloadBytes(s.value);
  if (replacing) total += replacing.key.length + payloadBytes(replacing.value);
  return total;
}

type Op = () => void;

export function versionAtLeast(have: string, want: string): boolean {
  const [ha, hb] = have.split('.').map(Number);
  const [wa, wb] = want.split('.').map(Number);
  return ha > wa || (ha === wa && (hb || 0) >= (wb || 0));
}

export class FakeRequestContext {
  private queue: Op[] = [];
  private writeBytes = 0;
  readBytes = 0;
  readonly workbook: FakeWorkbook;
  readonly cache = new Map<object, FakeObject>();

  constructor(readonly state: FakeState) {
    this.workbook = new FakeWorkbook(this, () => state.model);
  }

  get model(): WorkbookModel {
    return this.state.model;
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  addWriteBytes(n: number): void {
    this.writeBytes += n;
  }

  requireApi(version: string, what: string): void {
    if (!versionAtLeast(this.state.apiVersion, version)) {
      throw new FakeOfficeError('ApiNotFound', `${what} needs ExcelApi ${version}; this Excel supports ${this.state.apiVersion}.`);
    }
  }

  get hasPending(): boolean {
    return this.queue.length > 0;
  }

  async sync(): Promise<void> {
    await Promise.resolve();
    this.state.syncCount++;
    if (this.state.editingCell) {
      this.queue = [];
      this.writeBytes = 0;
      // As Office when a batch arrives while the user edits a cell and did not ask to wait (RunOptions.delayForCellEdit).
      throw new FakeOfficeError('InvalidOperationInCellEditMode', 'The operation is not available while Excel is in cell edit mode.');
    }
    const ops = this.queue;
    const written = this.writeBytes;
    this.queue = [];
    this.writeBytes = 0;
    this.readBytes = 0;
    if (written > PAYLOAD_LIMIT_BYTES) {
      this.state.requests.push(written);
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `The request (${written} bytes) is larger than Excel on the web accepts.`);
    }
    try {
      for (const op of ops) op();
    } finally {
      this.state.requests.push(written + this.readBytes);
    }
    if (written + this.readBytes > PAYLOAD_LIMIT_BYTES) {
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `The response (${this.readBytes} bytes) is larger than Excel on the web returns.`);
    }
  }

  /** One proxy per model object, so loaded state is shared like Office's tracked objects. */
  proxyFor<T extends FakeObject>(m: object, make: () => T): T {
    let p = this.cache.get(m);
    if (!p) {
      p = make();
      this.cache.set(m, p);
    }
    return p as T;
  }
}

interface PropSpec {
  get: (self: any) => unknown;
  set?: (self: any, value: any) => void;
  /** Counted in the request payload (values, number formats, texts). */
  payload?: boolean;
  api?: string;
}

const PROPS = new WeakMap<object, Record<string, PropSpec>>();
const NAVS = new WeakMap<object, string[]>();

/** Declares the loadable properties and navigation properties of a proxy class. */
function declare(cls: { prototype: object }, props: Record<string, PropSpec>, navs: string[] = []): void {
  PROPS.set(cls.prototype, props);
  NAVS.set(cls.prototype, navs);
  for (const [name, spec] of Object.entries(props)) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      get(this: FakeObject) {
        if (spec.api) this._ctx.requireApi(spec.api, name);
        if (!this._loaded.has(name)) {
          throw new FakeOfficeError(
            'PropertyNotLoaded',
            `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
          );
        }
        return this._loaded.get(name);
      },
      set(this: FakeObject, value: unknown) {
        if (spec.api) this._ctx.requireApi(spec.api, name);
        if (!spec.set) throw new FakeOfficeError('InvalidOperation', `The property '${name}' is read-only.`);
        this._loaded.set(name, value);
        if (spec.payload) this._ctx.addWriteBytes(payloadBytes(value));
        const setter = spec.set;
        this._ctx.enqueue(() => setter(this, value));
      },
    });
  }
}

function parseLoad(arg: unknown): string[] | undefined {
  if (arg === undefined || arg === null) return undefined;
  if (typeof arg === 'string') return arg.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((a) => parseLoad(a) ?? []);
  if (typeof arg === 'object') {
    const o = arg as { select?: unknown; expand?: unknown };
    const paths = [...(parseLoad(o.select) ?? []), ...(parseLoad(o.expand) ?? [])];
    return paths.length ? paths : undefined;
  }
  throw new FakeOfficeError('InvalidArgument', 'load() takes a string, an array or an object.');
}

export abstract class FakeObject {
  _loaded = new Map<string, unknown>();
  private captured = false;
  private target: unknown = null;
  _isNull: boolean | undefined;

  constructor(readonly _ctx: FakeRequestContext, private readonly resolve: () => unknown, readonly _nullable = false) {
    if (_nullable) _ctx.enqueue(() => (this._isNull = this._target() === null));
  }

  get context(): FakeRequestContext {
    return this._ctx;
  }

  private _navCache?: Map<string, FakeObject>;
  /** The same child proxy every time, so what was loaded on it stays readable. */
  protected _nav<T extends FakeObject>(name: string, make: () => T): T {
    this._navCache ??= new Map();
    let child = this._navCache.get(name);
    if (!child) {
      child = make();
      this._navCache.set(name, child);
    }
    return child as T;
  }

  get isNullObject(): boolean {
    if (!this._nullable) return false;
    if (this._isNull === undefined) throw new FakeOfficeError('PropertyNotLoaded', "The property 'isNullObject' is not available before context.sync().");
    return this._isNull;
  }

  /** The model object, resolved once (null for a missing nullable item). */
  _target(): any {
    if (!this.captured) {
      this.target = this.resolve() ?? null;
      this.captured = true;
    }
    return this.target;
  }

  /** The model object; a missing or deleted one is an error, as in Office. */
  _m(): any {
    const t = this._target();
    if (t === null || (typeof t === 'object' && (t as { deleted?: boolean }).deleted)) {
      throw new FakeOfficeError('ItemNotFound', 'The requested resource does not exist.');
    }
    return t;
  }

  load(arg?: unknown): this {
    const paths = parseLoad(arg);
    this._ctx.enqueue(() => this._loadNow(paths));
    return this;
  }

  _loadNow(paths: string[] | undefined): void {
    const proto = Object.getPrototypeOf(this);
    const props = PROPS.get(proto) ?? {};
    const navs = NAVS.get(proto) ?? [];
    const isNull = this._nullable && this._target() === null;
    if (!isNull) this._m();
    const wanted = paths ?? Object.keys(props).filter((n) => !props[n].api || this._apiOk(props[n].api as string));
    for (const path of wanted) {
      const slash = path.indexOf('/');
      const head = slash < 0 ? path : path.slice(0, slash);
      const rest = slash < 0 ? undefined : path.slice(slash + 1);
      if (props[head] && rest === undefined) {
        if (props[head].api) this._ctx.requireApi(props[head].api as string, head);
        const v = isNull ? null : props[head].get(this);
        this._loaded.set(head, v);
        if (props[head].payload) this._ctx.readBytes += payloadBytes(v);
      } else if (navs.includes(head)) {
        if (!isNull) ((this as any)[head] as FakeObject)._loadNow(rest === undefined ? undefined : [rest]);
      } else {
        throw new FakeOfficeError('InvalidArgument', `Cannot load '${path}': no such property on ${this.constructor.name}.`);
      }
    }
  }

  private _apiOk(v: string): boolean {
    try {
      this._ctx.requireApi(v, '');
      return true;
    } catch {
      return false;
    }
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }
}

/** A collection: `items` (and items' properties) after load. */
export abstract class FakeCollection<M extends object, P extends FakeObject> extends FakeObject {
  private _items: P[] | undefined;

  abstract _list(): M[];
  abstract _item(m: M): P;

  get items(): P[] {
    if (!this._items) throw new FakeOfficeError('PropertyNotLoaded', "The property 'items' is not available. Call load() and context.sync() first.");
    return this._items;
  }

  override _loadNow(paths: string[] | undefined): void {
    this._m();
    const proto = Object.getPrototypeOf(this);
    const props = PROPS.get(proto) ?? {};
    const itemPaths: string[] = [];
    let wantItems = paths === undefined;
    for (const path of paths ?? []) {
      if (props[path]) {
        const v = props[path].get(this);
        this._loaded.set(path, v);
      } else if (path === 'items') {
        wantItems = true;
      } else {
        wantItems = true;
        itemPaths.push(path.startsWith('items/') ? path.slice(6) : path);
      }
    }
    if (wantItems) {
      const items = this._list().map((m) => this._item(m));
      for (const item of items) item._loadNow(itemPaths.length ? itemPaths : undefined);
      this._items = items;
    }
  }
}

/** Result of a method such as getCount(): value after sync. */
export class FakeClientResult<T> {
  private _value: T | undefined;
  private _set = false;
  _resolve(v: T): void {
    this._value = v;
    this._set = true;
  }
  get value(): T {
    if (!this._set) throw new FakeOfficeError('PropertyNotLoaded', 'The value is not available before context.sync().');
    return this._value as T;
  }
}

function assertWritable(sheet: SheetModel): void {
  if (sheet.protected) throw new FakeOfficeError('AccessDenied', `The sheet "${sheet.name}" is protected; the change cannot be made.`);
}

// ---------------------------------------------------------------- workbook

export class FakeWorkbook extends FakeObject {
  get worksheets(): FakeWorksheetCollection {
    return (this._ws ??= new FakeWorksheetCollection(this._ctx, () => this._ctx.model));
  }
  get tables(): FakeTableCollection {
    return (this._tables ??= new FakeTableCollection(this._ctx, () => this._ctx.model, null));
  }
  get settings(): FakeSettingCollection {
    this._ctx.requireApi('1.4', 'workbook.settings');
    return (this._settings ??= new FakeSettingCollection(this._ctx, () => this._ctx.model));
  }
  get protection(): FakeWorkbookProtection {
    this._ctx.requireApi('1.7', 'workbook.protection');
    return this._nav('protection', () => new FakeWorkbookProtection(this._ctx, () => this._ctx.model));
  }
  get names(): FakeNamedItemCollection {
    return this._nav('names', () => new FakeNamedItemCollection(this._ctx, () => this._ctx.model));
  }
  private _ws?: FakeWorksheetCollection;
  private _tables?: FakeTableCollection;
  private _settings?: FakeSettingCollection;

  getSelectedRange(): FakeRange {
    this._ctx.requireApi('1.1', 'workbook.getSelectedRange');
    return new FakeRange(this._ctx, () => {
      const sel = this._ctx.model.selection;
      if (!sel) throw new FakeOfficeError('ItemNotFound', 'Nothing is selected.');
      return { sheet: sel.sheet, rect: sel.rect };
    });
  }
}
declare(FakeWorkbook, {}, ['worksheets', 'tables', 'settings', 'protection', 'names']);

export class FakeWorkbookProtection extends FakeObject {}
declare(FakeWorkbookProtection, { protected: { get: (p) => (p._m() as WorkbookModel).structureProtected } });

/** Defined names, by name only (what the adapter needs to avoid clashes). */
export class FakeNamedItem extends FakeObject {}
declare(FakeNamedItem, { name: { get: (n) => n._m().name } });

export class FakeNamedItemCollection extends FakeCollection<{ name: string }, FakeNamedItem> {
  private readonly models = new Map<string, { name: string }>();
  _list(): { name: string }[] {
    return this._ctx.model.definedNames.map((name) => {
      let m = this.models.get(name);
      if (!m) {
        m = { name };
        this.models.set(name, m);
      }
      return m;
    });
  }
  _item(m: { name: string }): FakeNamedItem {
    return this._ctx.proxyFor(m, () => new FakeNamedItem(this._ctx, () => m));
  }
}
declare(FakeNamedItemCollection, {});

// ---------------------------------------------------------------- worksheets

export class FakeWorksheetCollection extends FakeCollection<SheetModel, FakeWorksheet> {
  _list(): SheetModel[] {
    return this._ctx.model.liveSheets();
  }
  _item(m: SheetModel): FakeWorksheet {
    return this._ctx.proxyFor(m, () => new FakeWorksheet(this._ctx, () => m));
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this._ctx, () => {
      const s = this._ctx.model.findSheet(name);
      if (!s) throw new FakeOfficeError('ItemNotFound', `There is no sheet called "${name}".`);
      return s;
    });
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    this._ctx.requireApi('1.4', 'getItemOrNullObject');
    return new FakeWorksheet(this._ctx, () => this._ctx.model.findSheet(name), true);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this._ctx, () => this._ctx.model.activeSheet ?? this._ctx.model.liveSheets()[0]);
  }
  add(name?: string): FakeWorksheet {
    const ref: { sheet?: SheetModel } = {};
    this._ctx.enqueue(() => {
      const model = this._ctx.model;
      let chosen = name;
      if (chosen === undefined) {
        let n = model.liveSheets().length + 1;
        while (model.findSheet(`Sheet${n}`)) n++;
        chosen = `Sheet${n}`;
      }
      validateSheetName(model, chosen);
      const sheet = new SheetModel(model.newId(), chosen, model);
      model.sheets.push(sheet);
      ref.sheet = sheet;
    });
    return new FakeWorksheet(this._ctx, () => {
      if (!ref.sheet) throw new FakeOfficeError('InvalidObjectPath', 'The sheet was not added.');
      return ref.sheet;
    });
  }
  getCount(): FakeClientResult<number> {
    const r = new FakeClientResult<number>();
    this._ctx.enqueue(() => r._resolve(this._list().length));
    return r;
  }
}
declare(FakeWorksheetCollection, {});

export class FakeWorksheet extends FakeObject {
  private _protection?: FakeWorksheetProtection;
  private _freeze?: FakeFreezePanes;
  private _tables?: FakeTableCollection;
  private _charts?: FakeChartCollection;

  /** Worksheet.protection (ExcelApi 1.2). */
  get protection(): FakeWorksheetProtection {
    this._ctx.requireApi('1.2', 'worksheet.protection');
    return (this._protection ??= new FakeWorksheetProtection(this._ctx, () => this._m()));
  }
  get freezePanes(): FakeFreezePanes {
    this._ctx.requireApi('1.7', 'freezePanes');
    return (this._freeze ??= new FakeFreezePanes(this._ctx, () => this._m()));
  }
  get tables(): FakeTableCollection {
    return (this._tables ??= new FakeTableCollection(this._ctx, () => this._m(), () => this._m()));
  }
  get charts(): FakeChartCollection {
    return (this._charts ??= new FakeChartCollection(this._ctx, () => this._m()));
  }
  /** Names scoped to this sheet (ExcelApi 1.4). */
  get names(): FakeSheetNamedItemCollection {
    this._ctx.requireApi('1.4', 'worksheet.names');
    return this._nav('names', () => new FakeSheetNamedItemCollection(this._ctx, () => this._m()));
  }
  /** Page layout (ExcelApi 1.9). */
  get pageLayout(): FakePageLayout {
    this._ctx.requireApi('1.9', 'worksheet.pageLayout');
    return this._nav('pageLayout', () => new FakePageLayout(this._ctx, () => this._m()));
  }
  /** Manual page breaks above a row (ExcelApi 1.9: "This collection only contains manual page breaks"). */
  get horizontalPageBreaks(): FakePageBreakCollection {
    this._ctx.requireApi('1.9', 'worksheet.horizontalPageBreaks');
    return this._nav('horizontalPageBreaks', () => new FakePageBreakCollection(this._ctx, () => this._m(), 'horizontalBreaks'));
  }
  /** Manual page breaks left of a column (ExcelApi 1.9). */
  get verticalPageBreaks(): FakePageBreakCollection {
    this._ctx.requireApi('1.9', 'worksheet.verticalPageBreaks');
    return this._nav('verticalPageBreaks', () => new FakePageBreakCollection(this._ctx, () => this._m(), 'verticalBreaks'));
  }

  activate(): void {
    this._ctx.enqueue(() => {
      const s: SheetModel = this._m();
      if (s.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'A hidden sheet cannot be activated.');
      s.workbook.activeSheet = s;
    });
  }

  delete(): void {
    this._ctx.enqueue(() => {
      const s: SheetModel = this._m();
      const wb = s.workbook;
      assertStructureEditable(wb);
      const visible = wb.liveSheets().filter((x) => x.visibility === 'Visible');
      if (visible.length === 1 && visible[0] === s) throw new FakeOfficeError('InvalidOperation', 'A workbook must keep at least one visible sheet.');
      s.deleted = true;
      for (const t of wb.tables) if (t.sheet === s) t.deleted = true;
      if (wb.activeSheet === s) wb.activeSheet = wb.liveSheets().find((x) => x.visibility === 'Visible') ?? null;
      if (wb.selection?.sheet === s) wb.selection = null;
    });
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this._ctx, () => {
      const sheet: SheetModel = this._m();
      if (address === undefined) return { sheet, rect: parseRect('A:XFD') };
      const { sheet: named, local } = splitSheetAddress(address);
      if (named !== null && named.toLowerCase() !== sheet.name.toLowerCase()) {
        throw new FakeOfficeError('InvalidArgument', `"${address}" is not on sheet "${sheet.name}".`);
      }
      return { sheet, rect: parseRect(local) };
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    this._ctx.requireApi('1.7', 'getRangeByIndexes');
    return new FakeRange(this._ctx, () => {
      if (![startRow, startColumn, rowCount, columnCount].every(Number.isInteger) || rowCount < 1 || columnCount < 1 || startRow < 0 || startColumn < 0) {
        throw new FakeOfficeError('InvalidArgument', 'getRangeByIndexes needs whole, positive sizes.');
      }
      return { sheet: this._m(), rect: { r0: startRow, c0: startColumn, rows: rowCount, cols: columnCount } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    this._ctx.requireApi('1.4', 'getUsedRangeOrNullObject');
    return new FakeRange(
      this._ctx,
      () => {
        const sheet: SheetModel = this._m();
        const rect = sheet.usedRect(valuesOnly === true);
        return rect ? { sheet, rect } : null;
      },
      true,
    );
  }

  getRanges(address: string): FakeRangeAreas {
    this._ctx.requireApi('1.9', 'getRanges');
    return new FakeRangeAreas(this._ctx, () => {
      const sheet: SheetModel = this._m();
      const rects = address.split(',').map((a) => {
        const { sheet: named, local } = splitSheetAddress(a.trim());
        if (named !== null && named.toLowerCase() !== sheet.name.toLowerCase()) throw new FakeOfficeError('InvalidArgument', `"${a}" is not on this sheet.`);
        return parseRect(local);
      });
      return { sheet, rects };
    });
  }
}
declare(
  FakeWorksheet,
  {
    name: {
      get: (w) => w._m().name,
      set: (w, v) => {
        const s: SheetModel = w._m();
        s.name = validateSheetName(s.workbook, v, s);
      },
    },
    id: { get: (w) => w._m().id },
    position: {
      get: (w) => w._m().workbook.liveSheets().indexOf(w._m()),
      set: (w, v: number) => {
        const s: SheetModel = w._m();
        const wb = s.workbook;
        wb.sheets = wb.sheets.filter((x) => x !== s);
        const live = wb.liveSheets();
        const before = live[v];
        const at = before ? wb.sheets.indexOf(before) : wb.sheets.length;
        wb.sheets.splice(at, 0, s);
      },
    },
    visibility: {
      get: (w) => w._m().visibility,
      set: (w, v: string) => {
        if (!['Visible', 'Hidden', 'VeryHidden'].includes(v)) throw new FakeOfficeError('InvalidArgument', `"${v}" is not a sheet visibility.`);
        w._m().visibility = v;
      },
    },
    tabColor: { api: '1.7', get: (w) => w._m().tabColor, set: (w, v: string) => (w._m().tabColor = v) },
  },
  ['protection', 'tables', 'charts'],
);

/** Sheet-scoped defined names: add, look up (or null object), list. */
export class FakeSheetNamedItemCollection extends FakeCollection<SheetNameModel, FakeSheetNamedItem> {
  _list(): SheetNameModel[] {
    return (this._m() as SheetModel).names.filter((n) => !n.deleted);
  }
  _item(m: SheetNameModel): FakeSheetNamedItem {
    return this._ctx.proxyFor(m, () => new FakeSheetNamedItem(this._ctx, () => m));
  }
  add(name: string, reference: FakeRange | string, comment?: string): FakeSheetNamedItem {
    const ref: { n?: SheetNameModel } = {};
    this._ctx.enqueue(() => {
      const sheet: SheetModel = this._m();
      assertStructureEditable(sheet.workbook);
      if (typeof name !== 'string' || !/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name)) throw new FakeOfficeError('InvalidArgument', `"${name}" is not a valid name.`);
      if (comment !== undefined && (typeof comment !== 'string' || comment.length > 255)) throw new FakeOfficeError('InvalidArgument', 'A name comment must be text of at most 255 characters.');
      if (this._list().some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new FakeOfficeError('ItemAlreadyExists', `The name "${name}" already exists on this sheet.`);
      let formula: string;
      if (typeof reference === 'string') formula = reference.startsWith('=') ? reference : `=${reference}`;
      else if (reference instanceof FakeRange) {
        const target: RangeRef = reference._m();
        // As Office reports it: absolute, with the sheet ("='PACE Issues'!$A$1").
        formula = `=${rangeAddress(target.sheet.name, target.rect).replace(/([A-Z]+)(\d+)(?=(:|$))/g, '$$$1$$$2')}`;
      } else throw new FakeOfficeError('InvalidArgument', 'A name must refer to a range or a formula.');
      const n: SheetNameModel = { name, formula, visible: true, comment: comment ?? '', deleted: false };
      sheet.names.push(n);
      ref.n = n;
    });
    return new FakeSheetNamedItem(this._ctx, () => {
      if (!ref.n) throw new FakeOfficeError('InvalidObjectPath', 'The name was not added.');
      return ref.n;
    });
  }
  getItemOrNullObject(name: string): FakeSheetNamedItem {
    return new FakeSheetNamedItem(this._ctx, () => this._list().find((n) => n.name.toLowerCase() === name.toLowerCase()) ?? null, true);
  }
}
declare(FakeSheetNamedItemCollection, {});

export class FakeSheetNamedItem extends FakeObject {
  delete(): void {
    this._ctx.enqueue(() => {
      (this._m() as SheetNameModel).deleted = true;
    });
  }
}
declare(FakeSheetNamedItem, {
  name: { get: (n) => n._m().name },
  formula: { get: (n) => n._m().formula },
  comment: { api: '1.4', get: (n) => n._m().comment, set: (n, v: string) => (n._m().comment = String(v)) },
  visible: {
    get: (n) => n._m().visible,
    set: (n, v: boolean) => {
      if (typeof v !== 'boolean') throw new FakeOfficeError('InvalidArgument', 'visible must be true or false.');
      n._m().visible = v;
    },
  },
});

export class FakePageLayout extends FakeObject {
  /**
   * PageLayout.setPrintTitleRows (ExcelApi 1.9): "The rows to be repeated at
   * the top of each page. The range must span the entire row to be valid."
   */
  setPrintTitleRows(printTitleRows: string): void {
    this._ctx.enqueue(() => {
      const rect = parseRect(splitSheetAddress(printTitleRows).local);
      if (rect.c0 !== 0 || rect.cols !== MAX_COLUMNS) throw new FakeOfficeError('InvalidArgument', 'Print title rows must span entire rows.');
      (this._m() as SheetModel).pageLayout.printTitleRows = printTitleRows;
    });
  }
}
/** Excel.PaperType values the fake knows (ours: a subset of the enum). */
const PAPER_TYPES = ['Letter', 'A3', 'A4', 'A5'];
/** PageLayout margins (ExcelApi 1.9): "in points, for use when printing". */
const marginProp = (name: string) => ({
  get: (p: FakeObject) => (p._m() as SheetModel).pageLayout.margins[name],
  set: (p: FakeObject, v: number) => {
    if (typeof v !== 'number' || !(v >= 0)) throw new FakeOfficeError('InvalidArgument', `${name} must be a number of points.`);
    (p._m() as SheetModel).pageLayout.margins[name] = v;
  },
});
declare(FakePageLayout, {
  paperSize: {
    get: (p) => (p._m() as SheetModel).pageLayout.paperSize,
    set: (p, v: string) => {
      if (!PAPER_TYPES.includes(v)) throw new FakeOfficeError('InvalidArgument', `"${v}" is not a paper size.`);
      (p._m() as SheetModel).pageLayout.paperSize = v;
    },
  },
  leftMargin: marginProp('leftMargin'),
  rightMargin: marginProp('rightMargin'),
  topMargin: marginProp('topMargin'),
  bottomMargin: marginProp('bottomMargin'),
  headerMargin: marginProp('headerMargin'),
  footerMargin: marginProp('footerMargin'),
  orientation: {
    get: (p) => (p._m() as SheetModel).pageLayout.orientation,
    set: (p, v: string) => {
      if (v !== 'Portrait' && v !== 'Landscape') throw new FakeOfficeError('InvalidArgument', `"${v}" is not a page orientation.`);
      (p._m() as SheetModel).pageLayout.orientation = v;
    },
  },
  zoom: {
    get: (p) => ({ ...(p._m() as SheetModel).pageLayout.zoom }),
    set: (p, v: PageLayoutModel['zoom']) => {
      const ok = (x: unknown) => x === undefined || (typeof x === 'number' && Number.isInteger(x) && x >= 0);
      if (v === null || typeof v !== 'object' || !ok(v.horizontalFitToPages) || !ok(v.verticalFitToPages) || !ok(v.scale)) {
        throw new FakeOfficeError('InvalidArgument', 'The page zoom needs whole numbers of pages or a scale.');
      }
      (p._m() as SheetModel).pageLayout.zoom = { ...v };
    },
  },
});

/** PageBreakCollection (ExcelApi 1.9): add(pageBreakRange) "Adds a page break before the top-left cell of the range specified." */
export class FakePageBreakCollection extends FakeObject {
  constructor(ctx: FakeRequestContext, resolve: () => unknown, private readonly which: 'horizontalBreaks' | 'verticalBreaks') {
    super(ctx, resolve);
  }
  add(pageBreakRange: string): void {
    this._ctx.enqueue(() => {
      const rect = parseRect(splitSheetAddress(pageBreakRange).local);
      const at = localAddress({ r0: rect.r0, c0: rect.c0, rows: 1, cols: 1 });
      const list = (this._m() as SheetModel).pageLayout[this.which];
      if (!list.includes(at)) list.push(at);
    });
  }
}
declare(FakePageBreakCollection, {});

export class FakeWorksheetProtection extends FakeObject {}
declare(FakeWorksheetProtection, { protected: { get: (p) => p._m().protected } });

export class FakeFreezePanes extends FakeObject {
  freezeRows(count?: number): void {
    this._ctx.enqueue(() => {
      const n = count ?? 1;
      if (!Number.isInteger(n) || n < 0) throw new FakeOfficeError('InvalidArgument', 'freezeRows needs a whole number.');
      (this._m() as SheetModel).freezeRows = n;
    });
  }
  unfreeze(): void {
    this._ctx.enqueue(() => ((this._m() as SheetModel).freezeRows = 0));
  }
}
declare(FakeFreezePanes, {});

// ---------------------------------------------------------------- ranges

interface RangeRef {
  sheet: SheetModel;
  rect: Rect;
}

function cells(rect: Rect, f: (r: number, c: number) => void): void {
  for (let r = rect.r0; r < rect.r0 + rect.rows; r++) for (let c = rect.c0; c < rect.c0 + rect.cols; c++) f(r, c);
}

function matrix<T>(rect: Rect, f: (r: number, c: number) => T): T[][] {
  // A whole sheet (or column) read cell by cell would exceed any real response limit long before.
  if (rect.rows * rect.cols > 5_000_000) throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `Reading ${rect.rows} × ${rect.cols} cells at once is too much.`);
  const out: T[][] = [];
  for (let r = rect.r0; r < rect.r0 + rect.rows; r++) {
    const row: T[] = [];
    for (let c = rect.c0; c < rect.c0 + rect.cols; c++) row.push(f(r, c));
    out.push(row);
  }
  return out;
}

function checkShape(rect: Rect, value: unknown, what: string, cellOk: (v: unknown) => boolean): unknown[][] {
  const ok =
    Array.isArray(value) &&
    value.length === rect.rows &&
    value.every((row) => Array.isArray(row) && row.length === rect.cols && row.every(cellOk));
  if (!ok) {
    throw new FakeOfficeError('InvalidArgument', `The ${what} given do not match the size of the range (${rect.rows} × ${rect.cols}).`);
  }
  return value as unknown[][];
}

const isCellValue = (v: unknown): boolean => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/** Same value in every cell, or null when they differ (as Office reports mixed formats). */
function uniform<T>(rect: Rect, f: (r: number, c: number) => T): T | null {
  let first: T | undefined;
  let same = true;
  let seen = false;
  cells(rect, (r, c) => {
    const v = f(r, c);
    if (!seen) {
      first = v;
      seen = true;
    } else if (v !== first) same = false;
  });
  return same ? (first as T) : null;
}

export class FakeRange extends FakeObject {
  private _format?: FakeRangeFormat;
  private _cfs?: FakeConditionalFormatCollection;

  get format(): FakeRangeFormat {
    return (this._format ??= new FakeRangeFormat(this._ctx, () => this._m()));
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    this._ctx.requireApi('1.6', 'conditionalFormats');
    return (this._cfs ??= new FakeConditionalFormatCollection(this._ctx, () => {
      const ref: RangeRef = this._m();
      return { sheet: ref.sheet, rects: [ref.rect] };
    }));
  }
  get worksheet(): FakeWorksheet {
    return this._nav('worksheet', () => new FakeWorksheet(this._ctx, () => (this._m() as RangeRef).sheet));
  }

  select(): void {
    this._ctx.enqueue(() => {
      const ref: RangeRef = this._m();
      if (ref.sheet.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'A cell on a hidden sheet cannot be selected.');
      ref.sheet.workbook.activeSheet = ref.sheet;
      ref.sheet.workbook.selection = { sheet: ref.sheet, rect: ref.rect };
    });
  }
}
declare(
  FakeRange,
  {
    values: {
      payload: true,
      get: (r) => {
        const { sheet, rect }: RangeRef = r._m();
        return matrix(rect, (i, j) => sheet.value(i, j));
      },
      set: (r, v) => {
        const { sheet, rect }: RangeRef = r._m();
        assertWritable(sheet);
        const rows = checkShape(rect, v, 'values', isCellValue);
        // Written values are read as if typed (Range.values reference): see typedEntry.
        cells(rect, (i, j) => sheet.typeValue(i, j, rows[i - rect.r0][j - rect.c0] as CellValue));
      },
    },
    numberFormat: {
      payload: true,
      get: (r) => {
        const { sheet, rect }: RangeRef = r._m();
        return matrix(rect, (i, j) => sheet.numberFormat(i, j));
      },
      set: (r, v) => {
        const { sheet, rect }: RangeRef = r._m();
        assertWritable(sheet);
        const rows = checkShape(rect, v, 'number formats', (x) => typeof x === 'string');
        cells(rect, (i, j) => sheet.setNumberFormat(i, j, rows[i - rect.r0][j - rect.c0] as string));
      },
    },
    text: {
      payload: true,
      get: (r) => {
        const { sheet, rect }: RangeRef = r._m();
        return matrix(rect, (i, j) => sheet.text(i, j));
      },
    },
    address: { get: (r) => rangeAddress(r._m().sheet.name, r._m().rect) },
    rowCount: { get: (r) => r._m().rect.rows },
    columnCount: { get: (r) => r._m().rect.cols },
    rowIndex: { get: (r) => r._m().rect.r0 },
    columnIndex: { get: (r) => r._m().rect.c0 },
    hyperlink: {
      api: '1.7',
      get: (r) => {
        const { sheet, rect }: RangeRef = r._m();
        const h = sheet.hyperlinks.get(key(rect.r0, rect.c0));
        return h ? { ...h } : null;
      },
      set: (r, v) => {
        const { sheet, rect }: RangeRef = r._m();
        assertWritable(sheet);
        if (v === null || typeof v !== 'object') throw new FakeOfficeError('InvalidArgument', 'A hyperlink must be an object.');
        cells(rect, (i, j) => {
          sheet.hyperlinks.set(key(i, j), { ...v });
          if (typeof v.textToDisplay === 'string') sheet.setValue(i, j, v.textToDisplay);
        });
      },
    },
  },
  ['format'],
);

/** Several areas of one sheet (ExcelApi 1.9), used for one conditional format over many cells. */
export class FakeRangeAreas extends FakeObject {
  private _cfs?: FakeConditionalFormatCollection;
  get conditionalFormats(): FakeConditionalFormatCollection {
    return (this._cfs ??= new FakeConditionalFormatCollection(this._ctx, () => this._m()));
  }
}
declare(FakeRangeAreas, {
  address: { get: (a) => a._m().rects.map((r: Rect) => rangeAddress(a._m().sheet.name, r)).join(',') },
  areaCount: { get: (a) => a._m().rects.length },
});

export class FakeRangeFormat extends FakeObject {
  private _font?: FakeRangeFont;
  private _fill?: FakeRangeFill;
  get font(): FakeRangeFont {
    return (this._font ??= new FakeRangeFont(this._ctx, () => this._m()));
  }
  get fill(): FakeRangeFill {
    return (this._fill ??= new FakeRangeFill(this._ctx, () => this._m()));
  }
  /** Fits the rows to their contents at the column widths of that moment (ExcelApi 1.2). */
  autofitRows(): void {
    this._ctx.requireApi('1.2', 'autofitRows');
    this._ctx.enqueue(() => {
      const { sheet, rect }: RangeRef = this._m();
      for (let r = rect.r0; r < rect.r0 + rect.rows; r++) sheet.autofitRows.set(r, sheet.widthsKey());
    });
  }
  autofitColumns(): void {
    this._ctx.requireApi('1.2', 'autofitColumns');
    this._ctx.enqueue(() => {
      const { sheet, rect }: RangeRef = this._m();
      for (let c = rect.c0; c < rect.c0 + rect.cols; c++) {
        let longest = 0;
        for (let r = rect.r0; r < rect.r0 + rect.rows; r++) longest = Math.max(longest, sheet.text(r, c).length);
        sheet.columnWidths.set(c, Math.max(8.43, longest) * 7 * 0.75);
      }
    });
  }
}

function cellFormatProp(field: keyof CellFormat): PropSpec {
  return {
    get: (p) => {
      const { sheet, rect }: RangeRef = p._m();
      return uniform(rect, (r, c) => sheet.formats.get(key(r, c))?.[field] ?? null);
    },
    set: (p, v) => {
      const { sheet, rect }: RangeRef = p._m();
      assertWritable(sheet);
      cells(rect, (r, c) => ((sheet.format(r, c) as Record<string, unknown>)[field] = v));
    },
  };
}

declare(
  FakeRangeFormat,
  {
    columnWidth: {
      api: '1.2',
      get: (p) => {
        const { sheet, rect }: RangeRef = p._m();
        return uniform({ ...rect, r0: 0, rows: 1 }, (_r, c) => sheet.columnWidths.get(c) ?? 48);
      },
      set: (p, v: number) => {
        const { sheet, rect }: RangeRef = p._m();
        assertWritable(sheet);
        if (typeof v !== 'number' || !(v >= 0)) throw new FakeOfficeError('InvalidArgument', 'Column width must be a number of points.');
        for (let c = rect.c0; c < rect.c0 + rect.cols; c++) sheet.columnWidths.set(c, v);
      },
    },
    wrapText: cellFormatProp('wrapText'),
    horizontalAlignment: cellFormatProp('horizontalAlignment'),
  },
  ['font', 'fill'],
);

export class FakeRangeFont extends FakeObject {}
declare(FakeRangeFont, {
  bold: cellFormatProp('bold'),
  italic: cellFormatProp('italic'),
  size: cellFormatProp('size'),
  color: cellFormatProp('color'),
});

export class FakeRangeFill extends FakeObject {}
declare(FakeRangeFill, { color: cellFormatProp('fill') });

// ---------------------------------------------------------------- conditional formats

interface AreasRef {
  sheet: SheetModel;
  rects: Rect[];
}

/**
 * The conditional formats that intersect a range, in priority order (top
 * first). An item has no key: its `id` is "the priority of the conditional
 * format in the current ConditionalFormatCollection" (ConditionalFormat.id,
 * ExcelApi 1.6), and add() "adds a new conditional format to the collection
 * at the first/top priority", shifting every other one down.
 */
export class FakeConditionalFormatCollection extends FakeCollection<ConditionalFormatModel, FakeConditionalFormat> {
  private readonly proxies = new Map<ConditionalFormatModel, FakeConditionalFormat>();
  _list(): ConditionalFormatModel[] {
    const { sheet, rects }: AreasRef = this._m();
    return sheet.conditionalFormats.filter((cf) => cf.areas.some((a) => rects.some((r) => intersects(a, r))));
  }
  _item(m: ConditionalFormatModel): FakeConditionalFormat {
    let p = this.proxies.get(m);
    if (!p) {
      p = new FakeConditionalFormat(this._ctx, () => m, this);
      this.proxies.set(m, p);
    }
    return p;
  }
  /** The position of a format in this collection now ("0" = top priority). */
  _idOf(m: ConditionalFormatModel): string {
    const at = this._list().indexOf(m);
    if (at < 0) throw new FakeOfficeError('ItemNotFound', 'The conditional format is no longer there.');
    return String(at);
  }
  add(type: string): FakeConditionalFormat {
    if (type !== 'Custom') throw new FakeOfficeError('InvalidArgument', `The fake supports custom conditional formats only, not "${type}".`);
    const ref: { cf?: ConditionalFormatModel } = {};
    this._ctx.enqueue(() => {
      const { sheet, rects }: AreasRef = this._m();
      assertWritable(sheet);
      const cf: ConditionalFormatModel = { type, areas: rects.map((r) => ({ ...r })), formula: null, fillColor: null };
      // First/top priority: before every other format on the sheet.
      sheet.conditionalFormats.unshift(cf);
      ref.cf = cf;
    });
    return new FakeConditionalFormat(this._ctx, () => ref.cf ?? null, this);
  }
  /** By id, that is by position in this collection when the request runs. */
  getItem(id: string): FakeConditionalFormat {
    return new FakeConditionalFormat(
      this._ctx,
      () => {
        const cf = /^\d+$/.test(String(id)) ? this._list()[Number(id)] : undefined;
        if (!cf) throw new FakeOfficeError('ItemNotFound', `There is no conditional format ${id}.`);
        return cf;
      },
      this,
    );
  }
  getItemAt(index: number): FakeConditionalFormat {
    return this.getItem(String(index));
  }
  getCount(): FakeClientResult<number> {
    const r = new FakeClientResult<number>();
    this._ctx.enqueue(() => r._resolve(this._list().length));
    return r;
  }
  clearAll(): void {
    this._ctx.enqueue(() => {
      const { sheet }: AreasRef = this._m();
      assertWritable(sheet);
      const gone = new Set(this._list());
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !gone.has(cf));
    });
  }
}
declare(FakeConditionalFormatCollection, {});

export class FakeConditionalFormat extends FakeObject {
  private _custom?: FakeCustomConditionalFormat;
  constructor(ctx: FakeRequestContext, resolve: () => unknown, readonly _collection: FakeConditionalFormatCollection) {
    super(ctx, resolve);
  }
  /** Only on a custom format: "Returns the custom conditional format properties if the current conditional format is a custom type." */
  get custom(): FakeCustomConditionalFormat {
    return (this._custom ??= new FakeCustomConditionalFormat(this._ctx, () => {
      const cf: ConditionalFormatModel = this._m();
      if (cf.type !== 'Custom') throw new FakeOfficeError('InvalidArgument', `This conditional format is of type ${cf.type}, not Custom.`);
      return cf;
    }));
  }
  delete(): void {
    this._ctx.enqueue(() => {
      const cf: ConditionalFormatModel = this._m();
      for (const sheet of this._ctx.model.sheets) {
        if (sheet.conditionalFormats.includes(cf)) {
          assertWritable(sheet);
          sheet.conditionalFormats = sheet.conditionalFormats.filter((x) => x !== cf);
        }
      }
      (cf as { deleted?: boolean }).deleted = true;
    });
  }
}
declare(
  FakeConditionalFormat,
  { id: { get: (c: FakeConditionalFormat) => c._collection._idOf(c._m()) }, type: { get: (c) => c._m().type } },
  ['custom'],
);

export class FakeCustomConditionalFormat extends FakeObject {
  get rule(): FakeConditionalFormatRule {
    return this._nav('rule', () => new FakeConditionalFormatRule(this._ctx, () => this._m()));
  }
  get format(): FakeConditionalRangeFormat {
    return this._nav('format', () => new FakeConditionalRangeFormat(this._ctx, () => this._m()));
  }
}
declare(FakeCustomConditionalFormat, {}, ['rule', 'format']);

export class FakeConditionalFormatRule extends FakeObject {}
declare(FakeConditionalFormatRule, {
  formula: {
    get: (r) => r._m().formula,
    set: (r, v) => {
      if (typeof v !== 'string' || !v.startsWith('=')) throw new FakeOfficeError('InvalidArgument', 'A rule formula must start with "=".');
      r._m().formula = v;
    },
  },
});

export class FakeConditionalRangeFormat extends FakeObject {
  get fill(): FakeConditionalRangeFill {
    return this._nav('fill', () => new FakeConditionalRangeFill(this._ctx, () => this._m()));
  }
}
declare(FakeConditionalRangeFormat, {}, ['fill']);

export class FakeConditionalRangeFill extends FakeObject {}
declare(FakeConditionalRangeFill, { color: { get: (f) => f._m().fillColor, set: (f, v) => (f._m().fillColor = v) } });

// ---------------------------------------------------------------- tables

export class FakeTableCollection extends FakeCollection<TableModel, FakeTable> {
  constructor(ctx: FakeRequestContext, resolve: () => unknown, private readonly sheetOf: (() => SheetModel) | null) {
    super(ctx, resolve);
  }
  _list(): TableModel[] {
    const sheet = this.sheetOf ? this.sheetOf() : null;
    return this._ctx.model.liveTables().filter((t) => !sheet || t.sheet === sheet);
  }
  _item(m: TableModel): FakeTable {
    return this._ctx.proxyFor(m, () => new FakeTable(this._ctx, () => m));
  }
  private find(name: string): TableModel | null {
    const lower = name.toLowerCase();
    return this._list().find((t) => t.name.toLowerCase() === lower) ?? null;
  }
  getItem(name: string): FakeTable {
    return new FakeTable(this._ctx, () => {
      const t = this.find(name);
      if (!t) throw new FakeOfficeError('ItemNotFound', `There is no table called "${name}".`);
      return t;
    });
  }
  getItemOrNullObject(name: string): FakeTable {
    return new FakeTable(this._ctx, () => this.find(name), true);
  }
  add(address: string | FakeRange, hasHeaders: boolean): FakeTable {
    const ref: { t?: TableModel } = {};
    this._ctx.enqueue(() => {
      const model = this._ctx.model;
      let target: RangeRef;
      if (typeof address === 'string') {
        const { sheet: named, local } = splitSheetAddress(address);
        // TableCollection.add: "If the address does not contain a sheet name, the currently-active sheet is used",
        // whichever collection (the workbook's or a worksheet's) is asked.
        const sheet = named !== null ? model.findSheet(named) : model.activeSheet ?? model.liveSheets()[0] ?? null;
        if (!sheet) throw new FakeOfficeError('InvalidArgument', `"${address}" does not name a sheet.`);
        target = { sheet, rect: parseRect(local) };
      } else target = address._m();
      assertWritable(target.sheet);
      if (model.liveTables().some((t) => t.sheet === target.sheet && intersects(t.rect, target.rect))) {
        throw new FakeOfficeError('InvalidOperation', 'A table cannot overlap another table.');
      }
      const { sheet, rect } = target;
      let tableRect = rect;
      if (hasHeaders) {
        const seen = new Set<string>();
        for (let c = rect.c0; c < rect.c0 + rect.cols; c++) {
          let h = String(sheet.value(rect.r0, c));
          if (h === '' || seen.has(h.toLowerCase())) h = `Column${c - rect.c0 + 1}`;
          seen.add(h.toLowerCase());
          sheet.setValue(rect.r0, c, h);
        }
        if (rect.rows < 2) tableRect = { ...rect, rows: 2 };
      } else {
        for (let c = rect.c0; c < rect.c0 + rect.cols; c++) sheet.setValue(rect.r0 - 1 >= 0 ? rect.r0 - 1 : rect.r0, c, `Column${c - rect.c0 + 1}`);
        tableRect = rect.r0 > 0 ? { ...rect, r0: rect.r0 - 1, rows: rect.rows + 1 } : rect;
      }
      let n = model.tables.length + 1;
      while (model.liveTables().some((t) => t.name.toLowerCase() === `table${n}`)) n++;
      const t: TableModel = { id: String(model.tables.length + 1), name: `Table${n}`, sheet, rect: tableRect, style: 'TableStyleMedium2', showTotals: false };
      model.tables.push(t);
      ref.t = t;
    });
    return new FakeTable(this._ctx, () => ref.t ?? null);
  }
  getCount(): FakeClientResult<number> {
    const r = new FakeClientResult<number>();
    this._ctx.enqueue(() => r._resolve(this._list().length));
    return r;
  }
}
declare(FakeTableCollection, { count: { get: (c) => c._list().length } });

export class FakeTable extends FakeObject {
  getRange(): FakeRange {
    return new FakeRange(this._ctx, () => {
      const t: TableModel = this._m();
      return { sheet: t.sheet, rect: t.rect };
    });
  }
  getHeaderRowRange(): FakeRange {
    return new FakeRange(this._ctx, () => {
      const t: TableModel = this._m();
      return { sheet: t.sheet, rect: { ...t.rect, rows: 1 } };
    });
  }
  getDataBodyRange(): FakeRange {
    return new FakeRange(this._ctx, () => {
      const t: TableModel = this._m();
      return { sheet: t.sheet, rect: { ...t.rect, r0: t.rect.r0 + 1, rows: t.rect.rows - 1 - (t.showTotals ? 1 : 0) } };
    });
  }
  /** Table.worksheet (ExcelApi 1.2). */
  get worksheet(): FakeWorksheet {
    this._ctx.requireApi('1.2', 'table.worksheet');
    return this._nav('worksheet', () => new FakeWorksheet(this._ctx, () => (this._m() as TableModel).sheet));
  }
  delete(): void {
    this._ctx.enqueue(() => {
      const t: TableModel = this._m();
      assertWritable(t.sheet);
      t.deleted = true;
    });
  }
}
declare(
  FakeTable,
  {
  name: { get: (t) => t._m().name, set: (t, v) => (t._m().name = validateTableName(t._ctx.model, v, t._m())) },
  id: { get: (t) => t._m().id },
  style: { get: (t) => t._m().style, set: (t, v) => (t._m().style = String(v)) },
  showTotals: { get: (t) => t._m().showTotals, set: (t, v) => (t._m().showTotals = Boolean(v)) },
  },
  ['worksheet'],
);

// ---------------------------------------------------------------- charts

function newAxis(): AxisModel {
  return { title: null, categoryType: 'Automatic', numberFormat: null, minimum: null, maximum: null, reversePlotOrder: false };
}

function newSeries(name: string, values: string | null, xValues: string | null): SeriesModel {
  return {
    name,
    values,
    xValues,
    lineColor: null,
    fillColor: null,
    lineStyle: 'Continuous',
    lineWeight: null,
    markerStyle: 'Automatic',
    markerSize: null,
    markerBackgroundColor: null,
    markerForegroundColor: null,
    hasDataLabels: false,
    showSeriesName: false,
    showValue: false,
    labelNumberFormat: null,
    chartType: null,
    axisGroup: 'Primary',
    pointLabels: {},
  };
}

/** A series' data must be one row or one column. */
function seriesReference(ref: RangeRef): string {
  if (ref.rect.rows !== 1 && ref.rect.cols !== 1) throw new FakeOfficeError('InvalidArgument', 'Series data must be a single row or column.');
  return rangeAddress(ref.sheet.name, ref.rect);
}

const CHART_TYPES = ['Line', 'LineMarkers', 'BarClustered', 'BarStacked', 'ColumnClustered', 'ColumnStacked'];

export class FakeChartCollection extends FakeCollection<ChartModel, FakeChart> {
  _list(): ChartModel[] {
    return (this._m() as SheetModel).charts.filter((c) => !c.deleted);
  }
  _item(m: ChartModel): FakeChart {
    return this._ctx.proxyFor(m, () => new FakeChart(this._ctx, () => m));
  }
  add(type: string, sourceData: FakeRange, seriesBy?: string): FakeChart {
    const ref: { c?: ChartModel } = {};
    this._ctx.enqueue(() => {
      const sheet: SheetModel = this._m();
      assertWritable(sheet);
      if (!CHART_TYPES.includes(type)) throw new FakeOfficeError('InvalidArgument', `The fake does not know chart type "${type}".`);
      const src: RangeRef = sourceData._m();
      const by = seriesBy ?? 'Auto';
      const byRows = by === 'Rows';
      const lines = byRows ? src.rect.rows : src.rect.cols;
      const slice = (i: number): Rect => (byRows ? { ...src.rect, r0: src.rect.r0 + i, rows: 1 } : { ...src.rect, c0: src.rect.c0 + i, cols: 1 });
      // As Excel: with several columns the first holds the categories; one column is one series.
      const categories = lines > 1 ? rangeAddress(src.sheet.name, slice(0)) : null;
      const series: SeriesModel[] = [];
      for (let i = lines > 1 ? 1 : 0; i < lines; i++) series.push(newSeries(`Series${series.length + 1}`, rangeAddress(src.sheet.name, slice(i)), categories));
      const chart: ChartModel = {
        id: sheet.workbook.newId(),
        name: `Chart ${sheet.charts.length + 1}`,
        type,
        seriesBy: by,
        source: rangeAddress(src.sheet.name, src.rect),
        title: null,
        categoryAxis: newAxis(),
        valueAxis: newAxis(),
        secondaryValueAxis: newAxis(),
        legendVisible: true,
        legendPosition: 'Right',
        series,
        position: null,
      };
      sheet.charts.push(chart);
      ref.c = chart;
    });
    return new FakeChart(this._ctx, () => ref.c ?? null);
  }
  getItem(name: string): FakeChart {
    return new FakeChart(this._ctx, () => {
      const c = this._list().find((x) => x.name === name);
      if (!c) throw new FakeOfficeError('ItemNotFound', `There is no chart called "${name}".`);
      return c;
    });
  }
  getItemOrNullObject(name: string): FakeChart {
    return new FakeChart(this._ctx, () => this._list().find((x) => x.name === name) ?? null, true);
  }
}
declare(FakeChartCollection, { count: { get: (c) => c._list().length } });

export class FakeChart extends FakeObject {
  get title(): FakeChartTitle {
    return this._nav('title', () => new FakeChartTitle(this._ctx, () => this._m()));
  }
  get axes(): FakeChartAxes {
    return this._nav('axes', () => new FakeChartAxes(this._ctx, () => this._m()));
  }
  get legend(): FakeChartLegend {
    return this._nav('legend', () => new FakeChartLegend(this._ctx, () => this._m()));
  }
  get series(): FakeChartSeriesCollection {
    return this._nav('series', () => new FakeChartSeriesCollection(this._ctx, () => this._m()));
  }
  setPosition(startCell: string | FakeRange, endCell?: string | FakeRange): void {
    this._ctx.enqueue(() => {
      const chart: ChartModel = this._m();
      const cell = (c: string | FakeRange): string => (typeof c === 'string' ? localAddress(parseRect(splitSheetAddress(c).local)) : localAddress((c._m() as RangeRef).rect));
      const from = cell(startCell);
      chart.position = { from, to: endCell === undefined ? from : cell(endCell) };
    });
  }
  delete(): void {
    this._ctx.enqueue(() => ((this._m() as ChartModel).deleted = true));
  }
}
declare(
  FakeChart,
  {
    name: { get: (c) => c._m().name, set: (c, v) => (c._m().name = String(v)) },
    id: { get: (c) => c._m().id },
    chartType: { api: '1.7', get: (c) => c._m().type, set: (c, v) => (c._m().type = v) },
  },
  ['title', 'axes', 'legend', 'series'],
);

export class FakeChartTitle extends FakeObject {}
declare(FakeChartTitle, {
  text: { get: (t) => t._m().title, set: (t, v) => (t._m().title = v) },
  visible: { get: (t) => t._m().title !== null, set: (t, v) => (v ? undefined : (t._m().title = null)) },
});

export class FakeChartAxes extends FakeObject {
  get categoryAxis(): FakeChartAxis {
    return this._nav('categoryAxis', () => new FakeChartAxis(this._ctx, () => (this._m() as ChartModel).categoryAxis));
  }
  get valueAxis(): FakeChartAxis {
    return this._nav('valueAxis', () => new FakeChartAxis(this._ctx, () => (this._m() as ChartModel).valueAxis));
  }
  /**
   * ChartAxes.getItem(type, group) (ExcelApi 1.7): "the specific axis
   * identified by type and group". The secondary value axis exists only while
   * a series is on the secondary group (ItemNotFound otherwise, at sync: our
   * assumption, as Excel draws no second axis without one). The series axis
   * (3-D charts only) and a secondary category axis are not modelled
   * (InvalidArgument, ours).
   */
  getItem(type: string, group: string = 'Primary'): FakeChartAxis {
    this._ctx.requireApi('1.7', 'axes.getItem');
    return new FakeChartAxis(this._ctx, () => {
      const chart = this._m() as ChartModel;
      if (group !== 'Primary' && group !== 'Secondary') throw new FakeOfficeError('InvalidArgument', `"${group}" is not an axis group.`);
      if (type === 'Category' && group === 'Primary') return chart.categoryAxis;
      if (type === 'Value' && group === 'Primary') return chart.valueAxis;
      if (type === 'Value') {
        if (!chart.series.some((s) => !s.deleted && s.axisGroup === 'Secondary')) throw new FakeOfficeError('ItemNotFound', 'This chart has no secondary value axis: no series is on the secondary axis group.');
        return chart.secondaryValueAxis;
      }
      throw new FakeOfficeError('InvalidArgument', `The fake does not model the ${group.toLowerCase()} ${type.toLowerCase()} axis.`);
    });
  }
}
declare(FakeChartAxes, {}, ['categoryAxis', 'valueAxis']);

export class FakeChartAxis extends FakeObject {
  get title(): FakeChartAxisTitle {
    return this._nav('title', () => new FakeChartAxisTitle(this._ctx, () => this._m()));
  }
}
declare(
  FakeChartAxis,
  {
    categoryType: {
      api: '1.7',
      get: (a) => a._m().categoryType,
      set: (a, v) => {
        if (!['Automatic', 'TextAxis', 'DateAxis'].includes(v)) throw new FakeOfficeError('InvalidArgument', `"${v}" is not a category type.`);
        a._m().categoryType = v;
      },
    },
    numberFormat: { api: '1.8', get: (a) => a._m().numberFormat, set: (a, v) => (a._m().numberFormat = v) },
    minimum: { get: (a) => a._m().minimum, set: (a, v) => (a._m().minimum = v) },
    maximum: { get: (a) => a._m().maximum, set: (a, v) => (a._m().maximum = v) },
    reversePlotOrder: { api: '1.7', get: (a) => a._m().reversePlotOrder, set: (a, v) => (a._m().reversePlotOrder = Boolean(v)) },
  },
  ['title'],
);

export class FakeChartAxisTitle extends FakeObject {}
declare(FakeChartAxisTitle, { text: { get: (t) => t._m().title, set: (t, v) => (t._m().title = v) } });

export class FakeChartLegend extends FakeObject {}
declare(FakeChartLegend, {
  visible: { get: (l) => l._m().legendVisible, set: (l, v) => (l._m().legendVisible = Boolean(v)) },
  position: { get: (l) => l._m().legendPosition, set: (l, v) => (l._m().legendPosition = v) },
});

export class FakeChartSeriesCollection extends FakeCollection<SeriesModel, FakeChartSeries> {
  _list(): SeriesModel[] {
    return (this._m() as ChartModel).series.filter((s) => !s.deleted);
  }
  _item(m: SeriesModel): FakeChartSeries {
    return this._ctx.proxyFor(m, () => new FakeChartSeries(this._ctx, () => m));
  }
  getItemAt(index: number): FakeChartSeries {
    return new FakeChartSeries(this._ctx, () => {
      const s = this._list()[index];
      if (!s) throw new FakeOfficeError('ItemNotFound', `The chart has no series number ${index}.`);
      return s;
    });
  }
  add(name?: string, index?: number): FakeChartSeries {
    this._ctx.requireApi('1.7', 'series.add');
    const ref: { s?: SeriesModel } = {};
    this._ctx.enqueue(() => {
      const chart: ChartModel = this._m();
      const s = newSeries(name ?? `Series${chart.series.length + 1}`, null, null);
      const live = this._list();
      const at = index === undefined || index >= live.length ? chart.series.length : chart.series.indexOf(live[index]);
      chart.series.splice(at, 0, s);
      ref.s = s;
    });
    return new FakeChartSeries(this._ctx, () => ref.s ?? null);
  }
  getCount(): FakeClientResult<number> {
    const r = new FakeClientResult<number>();
    this._ctx.enqueue(() => r._resolve(this._list().length));
    return r;
  }
}
declare(FakeChartSeriesCollection, { count: { get: (c) => c._list().length } });

export class FakeChartSeries extends FakeObject {
  get format(): FakeChartSeriesFormat {
    return this._nav('format', () => new FakeChartSeriesFormat(this._ctx, () => this._m()));
  }
  get dataLabels(): FakeChartDataLabels {
    this._ctx.requireApi('1.8', 'series.dataLabels');
    return this._nav('dataLabels', () => new FakeChartDataLabels(this._ctx, () => this._m()));
  }
  /** ChartSeries.points (ExcelApi 1.7). */
  get points(): FakeChartPointsCollection {
    this._ctx.requireApi('1.7', 'series.points');
    return this._nav('points', () => new FakeChartPointsCollection(this._ctx, () => this._m()));
  }
  setValues(source: FakeRange): void {
    this._ctx.requireApi('1.7', 'setValues');
    this._ctx.enqueue(() => ((this._m() as SeriesModel).values = seriesReference(source._m())));
  }
  setXAxisValues(source: FakeRange): void {
    this._ctx.requireApi('1.7', 'setXAxisValues');
    this._ctx.enqueue(() => ((this._m() as SeriesModel).xValues = seriesReference(source._m())));
  }
  delete(): void {
    this._ctx.requireApi('1.7', 'series.delete');
    this._ctx.enqueue(() => ((this._m() as SeriesModel).deleted = true));
  }
}
const MARKERS = ['Invalid', 'Automatic', 'None', 'Square', 'Diamond', 'Triangle', 'X', 'Star', 'Dot', 'Dash', 'Circle', 'Plus', 'Picture'];
declare(
  FakeChartSeries,
  {
    name: { get: (s) => s._m().name, set: (s, v) => (s._m().name = String(v)) },
    markerStyle: {
      api: '1.7',
      get: (s) => s._m().markerStyle,
      set: (s, v) => {
        if (!MARKERS.includes(v)) throw new FakeOfficeError('InvalidArgument', `"${v}" is not a marker style.`);
        s._m().markerStyle = v;
      },
    },
    markerSize: {
      api: '1.7',
      get: (s) => s._m().markerSize,
      set: (s, v) => {
        if (!Number.isInteger(v) || v < 2 || v > 72) throw new FakeOfficeError('InvalidArgument', 'Marker size must be a whole number from 2 to 72.');
        s._m().markerSize = v;
      },
    },
    markerBackgroundColor: { api: '1.7', get: (s) => s._m().markerBackgroundColor, set: (s, v) => (s._m().markerBackgroundColor = v) },
    markerForegroundColor: { api: '1.7', get: (s) => s._m().markerForegroundColor, set: (s, v) => (s._m().markerForegroundColor = v) },
    hasDataLabels: { api: '1.7', get: (s) => s._m().hasDataLabels, set: (s, v) => (s._m().hasDataLabels = Boolean(v)) },
    chartType: {
      api: '1.7',
      get: (s) => s._m().chartType,
      set: (s, v) => {
        if (!CHART_TYPES.includes(v)) throw new FakeOfficeError('InvalidArgument', `"${v}" is not a chart type the fake knows.`);
        s._m().chartType = v;
      },
    },
    axisGroup: {
      api: '1.8',
      get: (s) => s._m().axisGroup,
      set: (s, v) => {
        if (v !== 'Primary' && v !== 'Secondary') throw new FakeOfficeError('InvalidArgument', `"${v}" is not an axis group.`);
        s._m().axisGroup = v;
      },
    },
  },
  ['format'],
);

export class FakeChartSeriesFormat extends FakeObject {
  get line(): FakeChartLineFormat {
    return this._nav('line', () => new FakeChartLineFormat(this._ctx, () => this._m()));
  }
  get fill(): FakeChartFill {
    return this._nav('fill', () => new FakeChartFill(this._ctx, () => this._m()));
  }
}

export class FakeChartFill extends FakeObject {
  setSolidColor(color: string): void {
    this._ctx.enqueue(() => ((this._m() as SeriesModel).fillColor = color));
  }
  clear(): void {
    this._ctx.enqueue(() => ((this._m() as SeriesModel).fillColor = null));
  }
}
declare(FakeChartFill, {});
declare(FakeChartSeriesFormat, {}, ['line']);

const LINE_STYLES = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Grey25', 'Grey50', 'Grey75', 'Automatic', 'RoundDot'];
export class FakeChartLineFormat extends FakeObject {}
declare(FakeChartLineFormat, {
  color: { get: (l) => l._m().lineColor, set: (l, v) => (l._m().lineColor = v) },
  lineStyle: {
    api: '1.7',
    get: (l) => l._m().lineStyle,
    set: (l, v) => {
      if (!LINE_STYLES.includes(v)) throw new FakeOfficeError('InvalidArgument', `"${v}" is not a line style.`);
      l._m().lineStyle = v;
    },
  },
  weight: { api: '1.7', get: (l) => l._m().lineWeight, set: (l, v) => (l._m().lineWeight = v) },
});

/** A series' points; getItemAt(index) (ExcelApi 1.1). The fake does not check the index against the data (ours). */
export class FakeChartPointsCollection extends FakeObject {
  getItemAt(index: number): FakeChartPoint {
    return new FakeChartPoint(this._ctx, () => this._m(), index);
  }
}
declare(FakeChartPointsCollection, {});

type PointLabel = SeriesModel['pointLabels'][number];
function pointLabel(series: SeriesModel, index: number): PointLabel {
  return (series.pointLabels[index] ??= { hasDataLabel: false, text: null, position: null, showSeriesName: false, showValue: false });
}

export class FakeChartPoint extends FakeObject {
  constructor(ctx: FakeRequestContext, resolve: () => unknown, readonly index: number) {
    super(ctx, resolve);
  }
  /** ChartPoint.dataLabel (ExcelApi 1.7). */
  get dataLabel(): FakeChartPointDataLabel {
    this._ctx.requireApi('1.7', 'point.dataLabel');
    return this._nav('dataLabel', () => new FakeChartPointDataLabel(this._ctx, () => this._m(), this.index));
  }
}
declare(FakeChartPoint, {
  hasDataLabel: {
    api: '1.7',
    get: (p) => pointLabel(p._m(), (p as FakeChartPoint).index).hasDataLabel,
    set: (p, v) => (pointLabel(p._m(), (p as FakeChartPoint).index).hasDataLabel = Boolean(v)),
  },
});

/** Excel.ChartDataLabelPosition values. */
const LABEL_POSITIONS = ['Invalid', 'None', 'Center', 'InsideEnd', 'InsideBase', 'OutsideEnd', 'Left', 'Right', 'Top', 'Bottom', 'BestFit', 'Callout'];
export class FakeChartPointDataLabel extends FakeObject {
  constructor(ctx: FakeRequestContext, resolve: () => unknown, readonly index: number) {
    super(ctx, resolve);
  }
}
const labelOf = (d: FakeObject) => pointLabel(d._m(), (d as FakeChartPointDataLabel).index);
declare(FakeChartPointDataLabel, {
  text: { api: '1.8', get: (d) => labelOf(d).text, set: (d, v) => (labelOf(d).text = String(v)) },
  position: {
    api: '1.7',
    get: (d) => labelOf(d).position,
    set: (d, v) => {
      if (!LABEL_POSITIONS.includes(v)) throw new FakeOfficeError('InvalidArgument', `"${v}" is not a data label position.`);
      labelOf(d).position = v;
    },
  },
  showSeriesName: { api: '1.7', get: (d) => labelOf(d).showSeriesName, set: (d, v) => (labelOf(d).showSeriesName = Boolean(v)) },
  showValue: { api: '1.7', get: (d) => labelOf(d).showValue, set: (d, v) => (labelOf(d).showValue = Boolean(v)) },
});

export class FakeChartDataLabels extends FakeObject {}
declare(FakeChartDataLabels, {
  showSeriesName: { get: (d) => d._m().showSeriesName, set: (d, v) => (d._m().showSeriesName = Boolean(v)) },
  showValue: { get: (d) => d._m().showValue, set: (d, v) => (d._m().showValue = Boolean(v)) },
  // ChartDataLabels.numberFormat: ExcelApi 1.8 (learn.microsoft.com/javascript/api/excel/excel.chartdatalabels#excel-excel-chartdatalabels-numberformat-member).
  numberFormat: { api: '1.8', get: (d) => d._m().labelNumberFormat, set: (d, v) => (d._m().labelNumberFormat = String(v)) },
});

// ---------------------------------------------------------------- settings

export class FakeSettingCollection extends FakeCollection<SettingModel, FakeSetting> {
  _list(): SettingModel[] {
    return [...this._ctx.model.settings.values()];
  }
  _item(m: SettingModel): FakeSetting {
    return this._ctx.proxyFor(m, () => new FakeSetting(this._ctx, () => m));
  }
  add(k: string, value: unknown): FakeSetting {
    this._ctx.addWriteBytes(payloadBytes(value));
    const ref: { s?: SettingModel } = {};
    this._ctx.enqueue(() => {
      if (typeof k !== 'string' || k === '') throw new FakeOfficeError('InvalidArgument', 'A setting needs a key.');
      if (value === undefined) throw new FakeOfficeError('InvalidArgument', 'A setting needs a value.');
      if (settingsChars(this._ctx.model, { key: k, value }) > SETTINGS_LIMIT_CHARS) {
        throw new FakeOfficeError('GeneralException', 'The add-in settings are too large to store in the workbook.');
      }
      const s: SettingModel = { key: k, value: JSON.parse(JSON.stringify(value)) };
      this._ctx.model.settings.set(k, s);
      ref.s = s;
    });
    return new FakeSetting(this._ctx, () => ref.s ?? null);
  }
  getItem(k: string): FakeSetting {
    return new FakeSetting(this._ctx, () => {
      const s = this._ctx.model.settings.get(k);
      if (!s) throw new FakeOfficeError('ItemNotFound', `There is no setting "${k}".`);
      return s;
    });
  }
  getItemOrNullObject(k: string): FakeSetting {
    return new FakeSetting(this._ctx, () => this._ctx.model.settings.get(k) ?? null, true);
  }
}
declare(FakeSettingCollection, {});

export class FakeSetting extends FakeObject {
  delete(): void {
    this._ctx.enqueue(() => {
      const s: SettingModel = this._m();
      this._ctx.model.settings.delete(s.key);
      (s as { deleted?: boolean }).deleted = true;
    });
  }
}
declare(FakeSetting, {
  key: { get: (s) => s._m().key },
  value: {
    payload: true,
    get: (s) => JSON.parse(JSON.stringify(s._m().value)),
    set: (s, v) => (s._m().value = JSON.parse(JSON.stringify(v))),
  },
});
