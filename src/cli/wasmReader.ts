/**
 * The plain SERIES.csv reader compiled to WebAssembly (src/wasm/reader.ts,
 * built into dist/node/wasm/reader.wasm by `npm run prepare`), as the
 * PlainPointsReader core's parseSeriesTable takes: a file of plain lines is
 * read without V8's warm-up (issue 12); any other file is read by csv.ts as
 * before. Null when the module cannot be loaded (wasm.ts), or when the file
 * is not plain ASCII (the reader counts bytes, the text counts characters:
 * the same only for ASCII) or too large for its memory.
 */
import * as path from 'path';
import { isoOfDay, PlainPointsReader, SeriesTable } from '../core/runchart/csv';
import { compiledModule, growTo, WASM_DIR, WasmMemory } from './wasm';

export const READER_WASM = path.join(WASM_DIR, 'reader.wasm');

interface ReaderExports {
  memory: WasmMemory;
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
}

/** Lines read by each call: V8 uses its optimised code for a module's function from the next call on, never within one. */
const LINES_AT_A_TIME = 4096;
/** Where the layout starts (the module's own first page is left to it). */
const BASE = 65536;
/** The largest file read this way: its memory (about ten bytes for each of the file's) stays well inside WebAssembly's 4 GB. */
export const MOST_BYTES = 128 * 1024 * 1024;

/**
 * A reader of `bytes` (the file) whose text is `text` (the same file decoded:
 * for ASCII, one character per byte, and no BOM, which is not ASCII).
 */
export function wasmPlainReader(bytes: Uint8Array, text: string, file: string = READER_WASM): PlainPointsReader | null {
  if (bytes.length !== text.length || bytes.length > MOST_BYTES) return null;
  const instantiate = compiledModule<ReaderExports>(file);
  if (instantiate === null) return null;
  return (pos, grouped) => {
    // A new instance for each read: its memory starts zeroed, as the reader's tables need.
    const reader = instantiate();
    growTo(reader.memory, BASE + reader.bytesNeeded(bytes.length));
    new Uint8Array(reader.memory.buffer).set(bytes, reader.layOut(BASE, bytes.length));
    reader.startReading(pos, grouped ? 1 : 0);
    let more: number;
    do more = reader.readSome(LINES_AT_A_TIME);
    while (more === 1);
    if (more < 0) return null;
    const count = reader.pointCount();
    const buffer = reader.memory.buffer;
    const int32s = (at: number, length: number) => new Int32Array(buffer, at, length);
    const groups = reader.groupCount();
    const names = int32s(reader.namesAt(), groups);
    const nameLengths = int32s(reader.nameLengthsAt(), groups);
    const table: SeriesTable = {
      groups: grouped ? Array.from(names, (start, g) => text.slice(start, start + nameLengths[g])) : [null],
      start: int32s(reader.startAt(), groups + 1),
      days: int32s(reader.daysAt(), count),
      dateIds: int32s(reader.dateIdsAt(), count),
      dateTexts: Array.from(int32s(reader.dateDaysAt(), reader.dateCount()), isoOfDay),
      valueIds: int32s(reader.valueIdsAt(), count),
      valueTable: Array.from(new Float64Array(buffer, reader.valueTableAt(), reader.valueCount())),
      values: new Float64Array(buffer, reader.valuesAt(), count),
    };
    return table;
  };
}
