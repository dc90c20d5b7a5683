/**
 * The `runchart` command's JSON written piece by piece as UTF-8 bytes, so
 * 100,000 points never sit in memory as one string or as objects. Compact
 * output is exactly JSON.stringify of runChartToJson's object (same keys,
 * order and numbers); pretty output is exactly JSON.stringify(…, null, 2) of
 * it. Pure: the chunks go to a `write` callback.
 */
import type { RunChartPhase } from '../model';
import type { RunChartColumns } from './chart';
import { ASTRONOMICAL, BASELINE, REPHASE_RUN_FLAG, SHIFT, TREND } from './flags';
import { round4, RunChartJson } from './json';

/** Takes each chunk of the document; the bytes are reused once it returns, so use (or copy) them before. */
export type WriteBytes = (bytes: Uint8Array) => void;

const encoder = new TextEncoder();

/** Gathers the document's bytes in one buffer and passes them on when it is full (about `size` bytes at a time). */
export class ByteWriter {
  buffer: Uint8Array;
  position = 0;
  constructor(
    private readonly write: WriteBytes,
    size = 1 << 20,
  ) {
    this.buffer = new Uint8Array(size);
  }

  /** Makes room for `length` more bytes (passing on what is there when needed). */
  room(length: number): void {
    if (this.position + length <= this.buffer.length) return;
    this.flush();
    if (length > this.buffer.length) this.buffer = new Uint8Array(length);
  }

  bytes(piece: Uint8Array): void {
    this.room(piece.length);
    this.buffer.set(piece, this.position);
    this.position += piece.length;
  }

  /** Text as UTF-8. */
  text(piece: string): void {
    this.room(piece.length * 3);
    this.position += encoder.encodeInto(piece, this.buffer.subarray(this.position)).written as number;
  }

  flush(): void {
    if (this.position > 0) this.write(this.buffer.subarray(0, this.position));
    this.position = 0;
  }
}

const FLAG_NAMES = ['baseline', 'shift', 'trend', 'rephaseRun', 'astronomical'];
/** `,"baseline":…,"astronomical":…}` for each of the 32 combinations of the five flag bits (flags.ts). */
const FLAG_TAILS = Array.from({ length: 32 }, (_, mask) => encoder.encode(`${FLAG_NAMES.map((name, bit) => `,"${name}":${(mask >> bit) & 1 ? 'true' : 'false'}`).join('')}}`));
const FLAG_TAIL_LONGEST = Math.max(...FLAG_TAILS.map((t) => t.length));

/**
 * The JSON text of every entry of a file's list (its dates or its values), in
 * bytes, made when the list is first met: the charts of a file share the
 * lists, and series repeat their dates and values (whole weeks, one decimal),
 * so each distinct one is turned into text once.
 */
class Pieces<T> {
  private list: readonly T[] = [];
  private pieces: Uint8Array[] = [];
  /** The longest piece's length. */
  longest = 0;
  constructor(private readonly textOf: (entry: T) => string) {}

  of(list: readonly T[]): Uint8Array[] {
    if (list !== this.list) {
      this.list = list;
      this.pieces = encodeAll(list.map(this.textOf));
      this.longest = this.pieces.reduce((most, p) => Math.max(most, p.length), 0);
    }
    return this.pieces;
  }
}

/** Each text in bytes: views on one encoding of them all when they are ASCII (the usual case), else one by one. */
function encodeAll(texts: string[]): Uint8Array[] {
  const all = encoder.encode(texts.join(''));
  let at = 0;
  const pieces = texts.map((t) => all.subarray(at, (at += t.length)));
  return at === all.length ? pieces : texts.map((t) => encoder.encode(t));
}

/** `{"date":"…","value":` and the value as the JSON text of round4(value). */
const piecesOfDocument = () => ({
  dates: new Pieces<string>((date) => `{"date":${JSON.stringify(date)},"value":`),
  values: new Pieces<number>((value) => String(round4(value))),
});
type DocumentPieces = ReturnType<typeof piecesOfDocument>;

/** runChartToJson's object for a chart held as columns (for pretty output and tests). */
export function runChartColumnsToJson(c: RunChartColumns): RunChartJson {
  const points = new Array<RunChartJson['points'][number]>(c.values.length);
  for (let i = 0; i < points.length; i++) {
    const f = c.flags[i];
    points[i] = {
      date: c.dateTexts[c.dateIds[i]],
      value: round4(c.values[i]),
      centre: round4(c.phases[c.phaseOf[i]].median),
      phase: c.phaseOf[i],
      baseline: (f & BASELINE) !== 0,
      shift: (f & SHIFT) !== 0,
      trend: (f & TREND) !== 0,
      rephaseRun: (f & REPHASE_RUN_FLAG) !== 0,
      astronomical: (f & ASTRONOMICAL) !== 0,
    };
  }
  const json: RunChartJson = {
    rules: c.rules,
    direction: c.direction,
    points,
    ...chartTail(c),
  };
  if (c.baselineFallback) json.baselineFallback = true;
  return json;
}

/** One RUNCHART, compact, preceded by `"group":…` when `group` is given. */
function writeRunChartCompact(out: ByteWriter, pieces: DocumentPieces, c: RunChartColumns, group?: string): void {
  out.text(`{${group === undefined ? '' : `"group":${JSON.stringify(group)},`}"rules":${JSON.stringify(c.rules)},"direction":${JSON.stringify(c.direction)},"points":[`);
  // What follows the value: the centre and phase, the same for every point of a phase.
  const phasePieces = phasePiecesOf(c.phases);
  const datePieces = pieces.dates.of(c.dateTexts);
  const valuePieces = pieces.values.of(c.valueTable);
  const longestPoint = 1 + pieces.dates.longest + pieces.values.longest + phasePieces.reduce((most, p) => Math.max(most, p.length), 0) + FLAG_TAIL_LONGEST;
  // Block by block, each with room made for it first: no test for room per point.
  const n = c.flags.length;
  const perBlock = Math.max(1, Math.floor(out.buffer.length / longestPoint) >> 1);
  for (let from = 0; from < n; from += perBlock) {
    const to = Math.min(n, from + perBlock);
    out.room((to - from) * longestPoint);
    out.position = writePoints(out.buffer, out.position, datePieces, valuePieces, phasePieces, c, from, to);
  }
  const rest = chartTail(c);
  out.text(`],"phases":${JSON.stringify(rest.phases)},"runs":${JSON.stringify(rest.runs)},"anhoej":${JSON.stringify(rest.anhoej)}${c.baselineFallback ? ',"baselineFallback":true' : ''}}`);
}

/**
 * Points `from` to `to` − 1 of a chart, comma-separated, into `buffer` from
 * `at`, which has room for them; returns the position after them. The loop
 * every byte of a large document goes through: kept small and alone (room is
 * made by the caller, so no rarely taken path is left in it to undo V8's
 * optimising when first taken), so that it is optimised early.
 */
function writePoints(buffer: Uint8Array, at: number, datePieces: Uint8Array[], valuePieces: Uint8Array[], phasePieces: Uint8Array[], c: RunChartColumns, from: number, to: number): number {
  const { dateIds, valueIds, phaseOf, flags } = c;
  for (let i = from; i < to; i++) {
    if (i > 0) buffer[at++] = 44; // ,
    let piece = datePieces[dateIds[i]];
    buffer.set(piece, at);
    at += piece.length;
    piece = valuePieces[valueIds[i]];
    buffer.set(piece, at);
    at += piece.length;
    piece = phasePieces[phaseOf[i]];
    buffer.set(piece, at);
    at += piece.length;
    piece = FLAG_TAILS[flags[i]];
    buffer.set(piece, at);
    at += piece.length;
  }
  return at;
}

/** Space for one chart's phase pieces, reused from chart to chart (views on it, not an array buffer per piece). */
let phaseSpace = new Uint8Array(1024);

/** `,"centre":…,"phase":…` for each phase, in bytes: valid until the next chart's. */
function phasePiecesOf(phases: readonly RunChartPhase[]): Uint8Array[] {
  const texts = phases.map((ph) => `,"centre":${round4(ph.median)},"phase":${ph.phase}`);
  const bytes = texts.reduce((sum, t) => sum + t.length * 3, 0);
  if (phaseSpace.length < bytes) phaseSpace = new Uint8Array(bytes * 2);
  let at = 0;
  return texts.map((t) => {
    const written = encoder.encodeInto(t, phaseSpace.subarray(at)).written as number;
    at += written;
    return phaseSpace.subarray(at - written, at);
  });
}

/** What follows the points, as runChartToJson gives it. */
function chartTail(c: RunChartColumns): Pick<RunChartJson, 'phases' | 'runs' | 'anhoej'> {
  return {
    phases: c.phases.map((ph) => ({
      phase: ph.phase,
      firstIndex: ph.firstIndex,
      lastIndex: ph.lastIndex,
      median: round4(ph.median),
      medianFrom: [ph.medianFrom[0], ph.medianFrom[1]],
    })),
    runs: { ...c.runs },
    anhoej: { ...c.anhoej },
  };
}

/**
 * The whole command's document as UTF-8, one chart at a time: a single
 * RUNCHART for a file without a group column, `{ "groups": [...] }`
 * otherwise. `charts` yields each group's chart when asked, so only one is
 * alive at a time. Compact output goes byte by byte into one buffer passed on
 * when full (no string per point); pretty output is JSON.stringify's.
 */
export function writeRunChartDocument(
  write: WriteBytes,
  grouped: boolean,
  charts: Iterable<{ group: string | null; chart: RunChartColumns }>,
  pretty: boolean,
): void {
  const out = new ByteWriter(write);
  const pieces = piecesOfDocument();
  if (!grouped) {
    for (const { chart } of charts) {
      if (pretty) out.text(JSON.stringify(runChartColumnsToJson(chart), null, 2));
      else writeRunChartCompact(out, pieces, chart);
    }
    out.text('\n');
    out.flush();
    return;
  }
  let first = true;
  out.text(pretty ? '{\n  "groups": [' : '{"groups":[');
  for (const { group, chart } of charts) {
    if (pretty) {
      const text = JSON.stringify({ group, ...runChartColumnsToJson(chart) }, null, 2);
      out.text(`${first ? '' : ','}\n    ${text.replace(/\n/g, '\n    ')}`);
    } else {
      if (!first) out.text(',');
      writeRunChartCompact(out, pieces, chart, group as string);
    }
    first = false;
  }
  out.text(pretty ? (first ? ']\n}\n' : '\n  ]\n}\n') : ']}\n');
  out.flush();
}
