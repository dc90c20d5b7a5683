/**
 * A WorkbookPort held in memory, for driving the session (src/core/usecases/
 * session.ts) without Excel: sheets are grids, settings a map, and everything
 * the session asks the workbook to do is recorded so a test can see it (the
 * plans written, the cells marked, the copies opened). Settings are cloned in
 * and out, as the workbook's settings store them as JSON.
 *
 * The submission copy's toy "hash" is not HMAC: it only shows which key and
 * ID went in, which is all the session's own tests need. Used only by tests.
 */
import type { SheetGrid } from '../../src/core/grid';
import type { CellMark, SheetSummary, WorkbookPort } from '../../src/core/port';
import type { ReportPlan } from '../../src/core/report/plan';

export interface MemoryPortOptions {
  /** Give the port what the submission copy needs (random key, keyed hash, new workbook). Default true. */
  submission?: boolean;
}

export interface MemoryWorkbook {
  port: WorkbookPort;
  settings: Map<string, unknown>;
  /** Every plan written, in order. */
  written: ReportPlan[];
  /** The marks on each sheet now. */
  marks: Map<string, CellMark[]>;
  /** Every new workbook opened (the submission copies' bytes). */
  opened: Uint8Array[];
  /** How many times each sheet was read whole. */
  reads: Map<string, number>;
  /** Replaces a sheet's cells, as a user editing the workbook would. */
  setSheet(grid: SheetGrid): void;
}

function summary(grid: SheetGrid): SheetSummary {
  const rowCount = grid.values.length;
  const columnCount = grid.values.reduce((n, row) => Math.max(n, row.length), 0);
  return { name: grid.sheetName, rowCount, columnCount, visible: true, protected: false, ownedByAddIn: false };
}

export function memoryWorkbook(grids: SheetGrid[], options: MemoryPortOptions = {}): MemoryWorkbook {
  const sheets = new Map(grids.map((g) => [g.sheetName, g]));
  const settings = new Map<string, unknown>();
  const written: ReportPlan[] = [];
  const marks = new Map<string, CellMark[]>();
  const opened: Uint8Array[] = [];
  const reads = new Map<string, number>();
  let keys = 0;

  const sheet = (name: string): SheetGrid => {
    const grid = sheets.get(name);
    if (!grid) throw new Error(`no sheet '${name}' in the memory workbook`);
    return grid;
  };

  const port: WorkbookPort = {
    listSheets: async () => [...sheets.values()].map(summary),
    readPreviews: async (names, rows) => names.map((n) => ({ ...sheet(n), values: sheet(n).values.slice(0, rows) })),
    readSheet: async (name) => {
      reads.set(name, (reads.get(name) ?? 0) + 1);
      return sheet(name);
    },
    detectDate1904: async () => false,
    loadSetting: async <T>(key: string) => (settings.has(key) ? (structuredClone(settings.get(key)) as T) : null),
    saveSetting: async <T>(key: string, value: T) => {
      settings.set(key, structuredClone(value));
    },
    writeReport: async (plan) => {
      written.push(plan);
      return plan.sheets.map((s) => s.name);
    },
    selectCell: async () => undefined,
    markCells: async (name, cells) => {
      marks.set(name, [...(marks.get(name) ?? []), ...cells]);
    },
    clearMarks: async (name) => {
      marks.delete(name);
    },
    hasMarks: async (name) => (marks.get(name)?.length ?? 0) > 0,
  };
  if (options.submission !== false) {
    port.randomKeyHex = () => String(++keys).repeat(64).slice(0, 64);
    port.hmacSha256Hex = async (keyHex, message) =>
      [...`${keyHex}|${message}`].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 0xffffffffff, 7).toString(16).padStart(16, '0');
    port.openNewWorkbook = async (xlsx) => {
      opened.push(xlsx);
    };
  }
  return { port, settings, written, marks, opened, reads, setSheet: (grid) => sheets.set(grid.sheetName, grid) };
}
