/**
 * What the use-cases need from a workbook, whichever it is: the open workbook
 * in Excel (src/excel) or a test double. Keeping this narrow keeps Office.js
 * out of the core and lets the task pane be driven by use-cases only.
 */
import type { SheetGrid } from './grid';
import type { ReportPlan } from './report/plan';
import type { Severity } from './model';

export interface SheetSummary {
  name: string;
  /** Rows × columns of the used range (0 × 0 when empty). */
  rowCount: number;
  columnCount: number;
  visible: boolean;
  protected: boolean;
  /** True when the add-in wrote this sheet (it will be replaced on re-run). */
  ownedByAddIn: boolean;
}

export interface CellMark {
  cell: string; // A1 on the source sheet
  severity: Severity;
  note: string;
}

/** The block of rows the user has selected (1-based rows). */
export interface SelectedRows {
  sheet: string;
  firstRow: number;
  rowCount: number;
}

export interface WorkbookPort {
  /** Every sheet with its size and state (one sync). */
  listSheets(): Promise<SheetSummary[]>;
  /** The first rows of several sheets in one go, for finding headers and picking the sheet (a fixed number of syncs, not one per sheet). */
  readPreviews(sheets: string[], rows: number): Promise<SheetGrid[]>;
  /**
   * The whole used range (or Table) of a sheet, values and number formats, read in chunks.
   * onProgress: rows read so far, of all rows, and (when known) how many the next request fetches.
   */
  readSheet(sheet: string, onProgress?: (rowsRead: number, totalRows: number, rowsComing?: number) => void): Promise<SheetGrid>;
  /** True when the workbook uses the 1904 date system (inferred without writing). */
  detectDate1904(sheet: string): Promise<boolean>;
  /** Add-in settings stored in the workbook (mapping, aims, as-of…), by key. */
  loadSetting<T>(key: string): Promise<T | null>;
  saveSetting<T>(key: string, value: T): Promise<void>;
  /**
   * Writes the plan's sheets, replacing the add-in's own earlier ones; never touches other sheets.
   * Returns the names the sheets were written under (a user's own sheet may have taken a planned name).
   * onProgress may say how many of the planned sheets are done (for a progress bar).
   */
  writeReport(plan: ReportPlan, onProgress?: (message: string, step?: { done: number; total: number }) => void): Promise<string[]>;
  /** Selects and scrolls to a cell on a sheet. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Marks flagged cells on the source sheet (removable in one step by clearMarks). */
  markCells(sheet: string, marks: CellMark[]): Promise<void>;
  /** Removes exactly what markCells added, restoring the sheet. */
  clearMarks(sheet: string): Promise<void>;
  /** Whether marks from this add-in are currently on the sheet. */
  hasMarks(sheet: string): Promise<boolean>;
  /** Where the user's selection is (optional: a port without it cannot offer "the selected rows"). */
  selectedRows?(): Promise<SelectedRows>;
  /*
   * For the de-identified submission copy (optional: a port without them
   * cannot make one, and the session says so in plain words).
   */
  /** 32 random bytes as 64 hex characters: a new secret key for pseudonyms. */
  randomKeyHex?(): string;
  /** HMAC-SHA-256 of the message (UTF-8) under the key (keyBytesFromText of keyHex), as hex. */
  hmacSha256Hex?(keyHex: string, message: string): Promise<string>;
  /** Opens a NEW workbook holding this .xlsx package; never touches the open one. */
  openNewWorkbook?(xlsx: Uint8Array): Promise<void>;
}
