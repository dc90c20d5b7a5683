/**
 * The `runchart` command compiled to WebAssembly (src/wasm, built into
 * dist/node/wasm/runchart.wasm by `npm run prepare`; issue 12): a plain
 * SERIES.csv read without V8's warm-up (a PlainPointsReader for core's
 * parseSeriesTable), and the `--json` document's charts written by the
 * module from the table (the rules and the compact JSON), byte for byte
 * what core's runChartOfTableGroup and jsonStream.ts give. Numbers' texts
 * and the runs and Anhøj limits still come from core: the module asks for
 * them (numberText, limits) and keeps them.
 *
 * CompiledRunchart.load() is null when the module cannot be loaded
 * (wasm.ts): the command then runs core's TypeScript, with the same output.
 */
import { isAscii } from 'buffer';
import * as fs from 'fs';
import * as path from 'path';
import { crossingsLimit, longestRunLimit } from '../core/runchart/anhoej';
import { isoOfDay, PlainPointsReader, SeriesTable } from '../core/runchart/csv';
import { round4 } from '../core/runchart/json';
import type { WriteBytes } from '../core/runchart/jsonStream';
import { cleanNumber } from '../core/runchart/median';
import { runsLimitsFor } from '../core/runchart/runsTest';
import type { RunChartOptions } from '../core/model';
import { compiledModule, growTo, WASM_DIR, WasmMemory } from './wasm';

export const RUNCHART_WASM = path.join(WASM_DIR, 'runchart.wasm');

/** What src/wasm/runchart.ts exports (addresses are byte offsets into `memory`). */
export interface RunchartExports {
  memory: WasmMemory;
  // reader.ts
  bytesNeeded(length: number): number;
  layOut(base: number, length: number): number;
  startReading(pos: number, grouped: number): void;
  readSome(lines: number): number;
  pointCount(): number;
  groupCount(): number;
  dateCount(): number;
  valueCount(): number;
  namesAt(): number;
  nameLengthsAt(): number;
  dateDaysAt(): number;
  valueTableAt(): number;
  startAt(): number;
  daysAt(): number;
  dateIdsAt(): number;
  valueIdsAt(): number;
  valuesAt(): number;
  slotCollisions(): number;
  // rules.ts
  markRules(
    values: number, n: number, baselineCount: number, rephaseRun: number, improving: number, anhoej: number,
    flags: number, phaseOf: number, phases: number, counts: number, runSpace: number, work: number,
  ): number;
  // charts.ts
  useTable(start: number, days: number, dateIds: number, valueIds: number, values: number, groups: number): void;
  usePieces(dates: number, values: number, groupTexts: number, flagTails: number, opening: number, openingLength: number, longestPoint: number, longestGroupText: number): void;
  useOptions(grouped: number, baselinePoints: number, baselineBefore: number, rephaseRun: number, improving: number, anhoej: number): void;
  chartSpaceBytes(most: number): number;
  useChartSpace(at: number, most: number): void;
  chartBound(g: number): number;
  writeCharts(g: number, at: number, limit: number): number;
  writtenTo(): number;
}

/** Where the layout starts (the module's own first page, with its few constants, is left to it). */
const BASE = 65536;
/** The largest file read this way: its memory (about ten bytes for each of the file's) stays well inside WebAssembly's 4 GB. */
const MOST_BYTES = 128 * 1024 * 1024;
/** The most points in one chart the module writes: its space and output for that chart (about 530 MB) stay well inside its memory. */
export const MOST_POINTS = 1_000_000;
/** Lines read by each call: V8 uses a module function's optimised code from its next call on, never within one. */
const LINES_AT_A_TIME = 4096;
/** The output is passed on about this many bytes at a time (more when one chart needs more). */
const OUTPUT_BYTES = 1 << 20;

const encoder = new TextEncoder();
const FLAG_NAMES = ['baseline', 'shift', 'trend', 'rephaseRun', 'astronomical'];

/** A table's columns as addresses in an instance's memory. */
interface Columns {
  start: number;
  days: number;
  dateIds: number;
  valueIds: number;
  values: number;
}

/** One instance: its exports, and its memory as bytes (made again whenever the memory grows). */
class Instance {
  bytes: Uint8Array;
  /** Where the next region may start (8-aligned). */
  end = BASE;
  /** Tables whose columns are views on this memory: made again when it grows (the old views are then detached, with length 0). */
  private readonly bound: Array<{ table: SeriesTable; columns: Columns; points: number }> = [];
  constructor(readonly exports: RunchartExports) {
    this.bytes = new Uint8Array(exports.memory.buffer);
  }

  /** `length` bytes of memory, 8-aligned, after what is laid out; returns their address. */
  reserve(length: number): number {
    const at = this.end;
    this.end = at + Math.ceil(length / 8) * 8;
    const before = this.exports.memory.buffer;
    growTo(this.exports.memory, this.end);
    if (this.exports.memory.buffer !== before) {
      this.bytes = new Uint8Array(this.exports.memory.buffer);
      for (const { table, columns, points } of this.bound) this.views(table, columns, points);
    }
    return at;
  }

  /** Makes `table`'s columns (`points` long) views on this memory at `columns`, now and whenever it grows. */
  bind(table: SeriesTable, columns: Columns, points: number): void {
    this.bound.push({ table, columns, points });
    this.views(table, columns, points);
  }

  private views(table: SeriesTable, columns: Columns, n: number): void {
    const buffer = this.exports.memory.buffer;
    table.start = new Int32Array(buffer, columns.start, table.groups.length + 1);
    table.days = new Int32Array(buffer, columns.days, n);
    table.dateIds = new Int32Array(buffer, columns.dateIds, n);
    table.valueIds = new Int32Array(buffer, columns.valueIds, n);
    table.values = new Float64Array(buffer, columns.values, n);
  }

  /** The texts' bytes one after another, then their n + 1 start addresses (the last where the last text ends): that table's address, and the longest text's bytes. */
  pieces(texts: string[]): { starts: number; longest: number } {
    const all = encoder.encode(texts.join(''));
    const at = this.reserve(all.length);
    this.bytes.set(all, at);
    const starts = this.reserve((texts.length + 1) * 4);
    const view = new Int32Array(this.exports.memory.buffer, starts, texts.length + 1);
    let longest = 0;
    let p = at;
    if (all.length === texts.reduce((sum, t) => sum + t.length, 0)) {
      // ASCII: each text's bytes are its characters.
      for (let k = 0; k < texts.length; k++) {
        view[k] = p;
        p += texts[k].length;
        if (texts[k].length > longest) longest = texts[k].length;
      }
    } else {
      for (let k = 0; k < texts.length; k++) {
        const length = encoder.encode(texts[k]).length;
        view[k] = p;
        p += length;
        if (length > longest) longest = length;
      }
    }
    view[texts.length] = p;
    return { starts, longest };
  }
}

export class CompiledRunchart {
  /** The instance that read each table (its columns are views on that instance's memory). */
  private readonly readBy = new WeakMap<SeriesTable, { instance: Instance; columns: Columns }>();

  private constructor(private readonly instantiate: (imports: object) => RunchartExports) {}

  static load(file: string = RUNCHART_WASM): CompiledRunchart | null {
    const instantiate = compiledModule<RunchartExports>(file);
    return instantiate === null ? null : new CompiledRunchart(instantiate);
  }

  /** A new instance, with core's functions for what it asks for. */
  private instance(): Instance {
    let holder: Instance | null = null;
    const put = (bytes: Uint8Array, at: number) => {
      (holder as Instance).bytes.set(bytes, at);
      return bytes.length;
    };
    const imports = {
      rules: { clean: cleanNumber, longestRunLimit: (useful: number) => longestRunLimit(useful) as number },
      charts: {
        numberText: (x: number, at: number) => put(encoder.encode(String(round4(x))), at),
        limits: (useful: number, at: number) => {
          const runs = runsLimitsFor(useful);
          const view = new Int32Array((holder as Instance).exports.memory.buffer, at, 5);
          view[0] = runs?.lower ?? -1;
          view[1] = runs?.upper ?? -1;
          view[2] = runs === null ? 0 : runs.limitsFrom === 'table' ? 1 : 2;
          view[3] = longestRunLimit(useful) ?? -1;
          view[4] = crossingsLimit(useful) ?? -1;
        },
      },
    };
    holder = new Instance(this.instantiate(imports));
    return holder;
  }

  /**
   * Reads `file` straight into a new instance's memory (one copy of its
   * bytes, not two) and gives its text (seriesText) and the reader of those
   * bytes for parseSeriesTable: null when the file is not ASCII (the reader
   * counts bytes, the text characters: the same only for ASCII), too large,
   * or not a plain file. Throws what reading the file throws.
   */
  open(file: string): { text: string; reader: PlainPointsReader | null } {
    const fd = fs.openSync(file, 'r');
    try {
      const stat = fs.fstatSync(fd);
      const size = stat.size;
      if (!stat.isFile() || size > MOST_BYTES) return { text: seriesText(fs.readFileSync(fd)), reader: null };
      const instance = this.instance();
      const at = this.layOut(instance, size);
      if (at === null) return { text: seriesText(fs.readFileSync(fd)), reader: null };
      const bytes = new Uint8Array(instance.exports.memory.buffer, at, size);
      let read = 0;
      while (read < size) {
        const got = fs.readSync(fd, bytes, read, size - read, null);
        if (got === 0) break;
        read += got;
      }
      if (read < size) return { text: seriesText(bytes.subarray(0, read)), reader: null };
      const text = seriesText(bytes);
      return { text, reader: bytes.length === text.length ? (pos, grouped) => this.read(instance, text, pos, grouped) : null };
    } finally {
      fs.closeSync(fd);
    }
  }

  /** The reader for a file's `bytes`, whose text is `text` (seriesText): as `open` gives it, for bytes already read. */
  reader(bytes: Uint8Array, text: string): PlainPointsReader | null {
    if (bytes.length !== text.length || bytes.length > MOST_BYTES) return null;
    return (pos, grouped) => {
      // A new instance for each read: its memory starts zeroed, as the reader's tables need.
      const instance = this.instance();
      const at = this.layOut(instance, bytes.length);
      if (at === null) return null;
      instance.bytes.set(bytes, at);
      return this.read(instance, text, pos, grouped);
    };
  }

  /** The reader's memory laid out for a text of `length` bytes; where the text goes, or null when the memory cannot grow that far. */
  private layOut(instance: Instance, length: number): number | null {
    let at: number;
    try {
      at = instance.reserve(instance.exports.bytesNeeded(length));
    } catch (e) {
      // WebAssembly's memory could not grow that far: csv.ts reads the file.
      if (e instanceof RangeError) return null;
      throw e;
    }
    return instance.exports.layOut(at, length);
  }

  /** The points after the header (from `pos`) of the ASCII text in `instance`'s memory, as a table; null when a line is not plain. */
  private read(instance: Instance, text: string, pos: number, grouped: boolean): SeriesTable | null {
    const reader = instance.exports;
    reader.startReading(pos, grouped ? 1 : 0);
    let more: number;
    do more = reader.readSome(LINES_AT_A_TIME);
    while (more === 1);
    if (more < 0) return null;
    const count = reader.pointCount();
    const buffer = reader.memory.buffer;
    const int32s = (address: number, length: number) => new Int32Array(buffer, address, length);
    const groups = reader.groupCount();
    const names = int32s(reader.namesAt(), groups);
    const nameLengths = int32s(reader.nameLengthsAt(), groups);
    // Empty columns until bind (below) makes them views on the module's memory.
    const empty = new Int32Array(0);
    const table: SeriesTable = {
      groups: grouped ? Array.from(names, (start, g) => text.slice(start, start + nameLengths[g])) : [null],
      start: empty,
      days: empty,
      dateIds: empty,
      dateTexts: Array.from(int32s(reader.dateDaysAt(), reader.dateCount()), isoOfDay),
      valueIds: empty,
      valueTable: Array.from(new Float64Array(buffer, reader.valueTableAt(), reader.valueCount())),
      values: new Float64Array(0),
    };
    const columns = { start: reader.startAt(), days: reader.daysAt(), dateIds: reader.dateIdsAt(), valueIds: reader.valueIdsAt(), values: reader.valuesAt() };
    instance.bind(table, columns, count);
    this.readBy.set(table, { instance, columns });
    return table;
  }

  /**
   * The compact `runchart --json` document of a table (writeRunChartDocument
   * with runChartOfTableGroup's charts), to `write`. False, having written
   * nothing, when the module does not take these options or this table (a
   * group with no points: an empty file without a group column; a chart of
   * more than MOST_POINTS) or its memory cannot grow that far; the caller
   * then writes the document with core.
   */
  writeDocument(table: SeriesTable, grouped: boolean, options: RunChartOptions, write: WriteBytes): boolean {
    const groups = table.groups.length;
    let most = 0;
    for (let g = 0; g < groups; g++) {
      const n = table.start[g + 1] - table.start[g];
      if (n === 0) return false;
      if (n > most) most = n;
    }
    const settings = optionsFor(options);
    if (settings === null || most > MOST_POINTS) return false;
    let largest = 0;
    for (let g = 0; g < groups; g++) if (table.start[g + 1] - table.start[g] === most) largest = g;
    let prepared: { wasm: RunchartExports; output: number; outputBytes: number };
    try {
      prepared = this.prepare(table, grouped, settings, most, largest);
    } catch (e) {
      // WebAssembly's memory could not grow that far: nothing has been written, and core writes the document.
      if (e instanceof RangeError) return false;
      throw e;
    }
    const { wasm, output, outputBytes } = prepared;
    if (grouped) write(encoder.encode('{"groups":['));
    for (let g = 0; g < groups; ) {
      const next = wasm.writeCharts(g, output, output + outputBytes);
      if (next === g) throw new Error(`chart ${g} does not fit its output space`);
      write(new Uint8Array(wasm.memory.buffer, output, wasm.writtenTo() - output));
      g = next;
    }
    write(encoder.encode(grouped ? ']}\n' : '\n'));
    return true;
  }

  /** The table, its pieces, the options, the chart space and the output space laid out in the module's memory. */
  private prepare(table: SeriesTable, grouped: boolean, settings: ModuleOptions, most: number, largest: number): { wasm: RunchartExports; output: number; outputBytes: number } {
    const groups = table.groups.length;
    const { instance, columns } = this.readBy.get(table) ?? this.copied(table);
    const wasm = instance.exports;
    wasm.useTable(columns.start, columns.days, columns.dateIds, columns.valueIds, columns.values, groups);

    const dates = instance.pieces(table.dateTexts.map((date) => `{"date":${JSON.stringify(date)},"value":`));
    const values = instance.pieces(table.valueTable.map((value) => String(round4(value))));
    const names = instance.pieces(table.groups.map((group) => (group === null ? '' : JSON.stringify(group))));
    const tails = instance.pieces(Array.from({ length: 32 }, (_, mask) => `${FLAG_NAMES.map((name, bit) => `,"${name}":${(mask >> bit) & 1 ? 'true' : 'false'}`).join('')}}`));
    const openingBytes = encoder.encode(`"rules":${JSON.stringify(settings.rules)},"direction":${JSON.stringify(settings.direction)},"points":[`);
    const opening = instance.reserve(openingBytes.length);
    instance.bytes.set(openingBytes, opening);
    wasm.usePieces(dates.starts, values.starts, names.starts, tails.starts, opening, openingBytes.length, dates.longest + values.longest + tails.longest, names.longest);
    wasm.useOptions(grouped ? 1 : 0, settings.baselinePoints, settings.baselineBefore, settings.rephaseRun, settings.direction === 'down' ? -1 : 1, settings.rules === 'anhoej' ? 1 : 0);
    wasm.useChartSpace(instance.reserve(wasm.chartSpaceBytes(most)), most);
    const outputBytes = groups === 0 ? OUTPUT_BYTES : Math.max(OUTPUT_BYTES, wasm.chartBound(largest));
    return { wasm, output: instance.reserve(outputBytes), outputBytes };
  }

  /** A new instance holding a copy of the columns of a table core read (a file the compiled reader did not take). */
  private copied(table: SeriesTable): { instance: Instance; columns: Columns } {
    const instance = this.instance();
    const copy = (view: Int32Array | Float64Array) => {
      const at = instance.reserve(view.byteLength);
      instance.bytes.set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength), at);
      return at;
    };
    const columns = { start: copy(table.start), days: copy(table.days), dateIds: copy(table.dateIds), valueIds: copy(table.valueIds), values: copy(table.values) };
    return { instance, columns };
  }
}

/** A series file's text: plain ASCII (what exports usually are) needs no UTF-8 decoding, one copy makes it. */
export function seriesText(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  return isAscii(buffer) ? buffer.toString('latin1') : buffer.toString('utf8');
}

/** The options as the module takes them, or null for options it leaves to core. */
interface ModuleOptions {
  rules: 'ihi' | 'anhoej';
  direction: 'down' | 'up';
  baselinePoints: number;
  baselineBefore: number;
  rephaseRun: number;
}

function optionsFor(options: RunChartOptions): ModuleOptions | null {
  const rules = options.rules ?? 'ihi';
  const direction = options.direction ?? 'down';
  if ((rules !== 'ihi' && rules !== 'anhoej') || (direction !== 'down' && direction !== 'up')) return null;
  // chooseBaseline: a count of at least 1 (12 when not a number), or the points before a date (yyyymmdd compares as the text does).
  let baselinePoints = 12;
  let baselineBefore = 0;
  const baseline = options.baseline;
  if (baseline !== undefined && 'before' in baseline) {
    if (!/^\d{4}-\d\d-\d\d$/.test(baseline.before)) return null;
    baselineBefore = Number(baseline.before.replace(/-/g, ''));
    if (baselineBefore === 0) return null;
  } else if (baseline !== undefined && Number.isFinite(baseline.points)) {
    baselinePoints = Math.min(2 ** 31 - 1, Math.max(1, Math.floor(baseline.points)));
  }
  // markPhases re-phases after exactly rephaseRun points: never when it is null, below 1 or not whole (nor when beyond any chart).
  const r = options.rephaseRun === undefined ? 9 : options.rephaseRun;
  const rephaseRun = r !== null && Number.isInteger(r) && r >= 1 ? Math.min(r, 2 ** 31 - 1) : 0;
  return { rules, direction, baselinePoints, baselineBefore, rephaseRun };
}
