/**
 * The `runchart --json` document's charts, compiled to WebAssembly (issue
 * 12): for each group of a table, its points in date order, the baseline,
 * the rules (rules.ts) and the chart's compact JSON, byte for byte what
 * core/runchart/jsonStream.ts writes (test/wasm/charts.test.ts compares the
 * two documents on random tables). AssemblyScript, built with reader.ts and
 * rules.ts into dist/node/wasm/runchart.wasm.
 *
 * The texts that need JavaScript's number formatting (a median as
 * String(round4(x))) and the runs and Anhøj objects (whose limits come from
 * core) are asked of JavaScript, which keeps them; everything else is
 * written here from pieces the caller laid out: each date's
 * `{"date":"…","value":`, each value's text, each group's name as JSON, the
 * 32 flag tails and the chart's opening (`"rules":…,"points":[`).
 */
import { markRules } from './rules';

/** String(round4(x)) written at `at`; returns its length (at most 40 bytes). */
@external('charts', 'numberText')
declare function numberText(x: f64, at: usize): i32;

/** `"runs":{…},"anhoej":{…}` for these counts, written at `at`; returns its length (at most TAIL_BYTES). */
@external('charts', 'tailText')
declare function tailText(useful: i32, runs: i32, longest: i32, at: usize): i32;

/** The most bytes tailText writes, and a phase's record or centre piece (generous: integers of 10 digits, numbers of 40). */
const TAIL_BYTES: i32 = 512;
const PHASE_RECORD_BYTES: i32 = 160;
const PHASE_PIECE_BYTES: i32 = 80;
const PHASE_BYTES: usize = 40; // rules.ts's phase records
const DEFAULT_BASELINE_POINTS: i32 = 12;

// The table (reader.ts's, or one copied in by the caller).
let start: usize = 0;
let days: usize = 0;
let dateIds: usize = 0;
let valueIds: usize = 0;
let values: usize = 0;
let groupCount: i32 = 0;

// Pieces: `…Starts` hold n + 1 addresses, piece k being [starts[k], starts[k + 1]).
let datePieceStarts: usize = 0;
let valuePieceStarts: usize = 0;
let groupTextStarts: usize = 0;
let flagTailStarts: usize = 0;
let opening: usize = 0;
let openingLength: i32 = 0;
/** The longest piece of each kind, for the bound on a chart's bytes. */
let longestPoint: i32 = 0;
let longestGroupText: i32 = 0;

// The options.
let grouped: bool = false;
let baselinePoints: i32 = 0;
/** yyyymmdd of --baseline-before, or 0 for a count of points. */
let baselineBefore: i32 = 0;
let rephaseRun: i32 = 0;
let improving: i32 = -1;
let anhoej: bool = false;

// Space for the largest chart (`most` points).
let sortedDateIds: usize = 0;
let sortedValueIds: usize = 0;
let sortedValues: usize = 0;
let sortedDays: usize = 0;
let keys: usize = 0;
let flags: usize = 0;
let phaseOf: usize = 0;
let work: usize = 0;
let runSpace: usize = 0;
let phases: usize = 0;
let counts: usize = 0;
let phasePieceStarts: usize = 0;
let phasePieces: usize = 0;

/** The table's columns (as in core's SeriesTable) and how many groups. */
export function useTable(startAt: usize, daysAt: usize, dateIdsAt: usize, valueIdsAt: usize, valuesAt: usize, groups: i32): void {
  start = startAt;
  days = daysAt;
  dateIds = dateIdsAt;
  valueIds = valueIdsAt;
  values = valuesAt;
  groupCount = groups;
}

/** The pieces (see above) and the longest of the per-point ones together, and of the group names. */
export function usePieces(dates: usize, valuesTexts: usize, groupTexts: usize, flagTails: usize, openingAt: usize, openingBytes: i32, point: i32, groupText: i32): void {
  datePieceStarts = dates;
  valuePieceStarts = valuesTexts;
  groupTextStarts = groupTexts;
  flagTailStarts = flagTails;
  opening = openingAt;
  openingLength = openingBytes;
  longestPoint = point;
  longestGroupText = groupText;
}

/** The options: `before` yyyymmdd or 0 (then `points`), rephase 0 for never, improving -1 ('down') or 1. */
export function useOptions(isGrouped: bool, points: i32, before: i32, rephase: i32, improvingSide: i32, anhoejRules: bool): void {
  grouped = isGrouped;
  baselinePoints = points;
  baselineBefore = before;
  rephaseRun = rephase;
  improving = improvingSide;
  anhoej = anhoejRules;
}

/** Bytes of chart space for charts of up to `most` points. */
export function chartSpaceBytes(most: i32): i32 {
  const n = most + 1;
  return n * (4 + 4 + 8 + 4 + 8 + 1 + 4 + 8 + 4 + <i32>PHASE_BYTES + 4 + PHASE_PIECE_BYTES) + 128;
}

/** Lays out chart space at `at` (8-aligned) for charts of up to `most` points. */
export function useChartSpace(at: usize, most: i32): void {
  const n = <usize>(most + 1);
  keys = at; at += n << 3;
  sortedValues = at; at += n << 3;
  work = at; at += n << 3;
  phases = at; at += n * PHASE_BYTES;
  sortedDateIds = at; at += n << 2;
  sortedValueIds = at; at += n << 2;
  sortedDays = at; at += n << 2;
  phaseOf = at; at += n << 2;
  runSpace = at; at += n << 2;
  phasePieceStarts = at; at += (n + 1) << 2;
  counts = at; at += 16;
  flags = at; at += n;
  phasePieces = at;
}

/** At most how many bytes group g's chart takes. */
export function chartBound(g: i32): i32 {
  const n = i32At(start, g + 1) - i32At(start, g);
  return n * (longestPoint + 1 + PHASE_PIECE_BYTES) + (n + 1) * PHASE_RECORD_BYTES + longestGroupText + openingLength + TAIL_BYTES + 64;
}

@inline function i32At(p: usize, i: i32): i32 {
  return load<i32>(p + (<usize>i << 2));
}
@inline function setI32(p: usize, i: i32, v: i32): void {
  store<i32>(p + (<usize>i << 2), v);
}

/** Copies piece k of a table of pieces to `at`; returns the end. */
@inline function piece(starts: usize, k: i32, at: usize): usize {
  const from = <usize>i32At(starts, k);
  const length = <usize>i32At(starts, k + 1) - from;
  copyBytes(at, from, length);
  return at + length;
}

/** Short copies eight bytes at a time (pieces are a few dozen bytes; memory.copy's call costs more). */
@inline function copyBytes(to: usize, from: usize, length: usize): void {
  if (length <= 64) {
    let k: usize = 0;
    for (; k + 8 <= length; k += 8) store<u64>(to + k, load<u64>(from + k));
    for (; k < length; k++) store<u8>(to + k, load<u8>(from + k));
  } else {
    memory.copy(to, from, length);
  }
}

@inline function byte(at: usize, c: i32): usize {
  store<u8>(at, <u8>c);
  return at + 1;
}

/** ASCII text (a literal) at `at`; returns the end. */
function text(at: usize, s: string): usize {
  for (let i = 0; i < s.length; i++) store<u8>(at + <usize>i, <u8>s.charCodeAt(i));
  return at + <usize>s.length;
}

/** An integer in decimal at `at`; returns the end. */
function integer(at: usize, value: i32): usize {
  if (value < 0) {
    at = byte(at, 45);
    value = -value;
  }
  let digits = 1;
  for (let v = value; v >= 10; v /= 10) digits++;
  let p = at + <usize>digits;
  let v = value;
  do {
    p--;
    store<u8>(p, <u8>(48 + v % 10));
    v /= 10;
  } while (v > 0);
  return at + <usize>digits;
}

/**
 * Group g's points in date order (ties in file order): the table's own
 * columns when they already are (the usual case), else sorted copies
 * (chart.ts, dateOrder). Sets the three pointers below.
 */
let chartDateIds: usize = 0;
let chartValueIds: usize = 0;
let chartValues: usize = 0;
let chartDays: usize = 0;
function orderPoints(from: i32, n: i32): void {
  chartDateIds = dateIds + (<usize>from << 2);
  chartValueIds = valueIds + (<usize>from << 2);
  chartValues = values + (<usize>from << 3);
  chartDays = days + (<usize>from << 2);
  let ordered = true;
  for (let i = 1; i < n; i++) {
    if (i32At(chartDays, i - 1) > i32At(chartDays, i)) {
      ordered = false;
      break;
    }
  }
  if (ordered) return;
  // Keys day × 2^32 + position: all different, so any sort keeps ties in file order.
  for (let i = 0; i < n; i++) store<u64>(keys + (<usize>i << 3), (<u64>(<u32>i32At(chartDays, i)) << 32) | <u64>(<u32>i));
  sortKeys(n);
  for (let k = 0; k < n; k++) {
    const i = <i32>(load<u64>(keys + (<usize>k << 3)) & 0xffffffff);
    setI32(sortedDateIds, k, i32At(chartDateIds, i));
    setI32(sortedValueIds, k, i32At(chartValueIds, i));
    setI32(sortedDays, k, i32At(chartDays, i));
    store<f64>(sortedValues + (<usize>k << 3), load<f64>(chartValues + (<usize>i << 3)));
  }
  chartDateIds = sortedDateIds;
  chartValueIds = sortedValueIds;
  chartValues = sortedValues;
  chartDays = sortedDays;
}

/** Heapsort of keys[0, n). */
function sortKeys(n: i32): void {
  for (let root = (n >> 1) - 1; root >= 0; root--) siftKeys(root, n);
  for (let end = n - 1; end > 0; end--) {
    const t = load<u64>(keys);
    store<u64>(keys, load<u64>(keys + (<usize>end << 3)));
    store<u64>(keys + (<usize>end << 3), t);
    siftKeys(0, end);
  }
}

function siftKeys(root: i32, n: i32): void {
  let r = root;
  for (;;) {
    let child = 2 * r + 1;
    if (child >= n) return;
    if (child + 1 < n && load<u64>(keys + (<usize>child << 3)) < load<u64>(keys + (<usize>(child + 1) << 3))) child++;
    const a = keys + (<usize>r << 3);
    const b = keys + (<usize>child << 3);
    if (load<u64>(a) >= load<u64>(b)) return;
    const t = load<u64>(a);
    store<u64>(a, load<u64>(b));
    store<u64>(b, t);
    r = child;
  }
}

/**
 * Writes the charts of groups g, g + 1, … at `at` while each fits before
 * `limit` (chartBound), each after a comma but the document's first
 * (g == 0). Returns the first group not written; `writtenTo()` gives where
 * the bytes end. Always writes at least one chart when `at` has room for it.
 */
let written: usize = 0;
export function writeCharts(g: i32, at: usize, limit: usize): i32 {
  while (g < groupCount && at + <usize>chartBound(g) <= limit) {
    if (g > 0) at = byte(at, 44);
    at = writeChart(g, at);
    g++;
  }
  written = at;
  return g;
}

export function writtenTo(): usize {
  return written;
}

/** Group g's chart (n >= 1 points) at `at`: runChartOfTableGroup, then jsonStream.ts's writeRunChartCompact. */
function writeChart(g: i32, at: usize): usize {
  const from = i32At(start, g);
  const n = i32At(start, g + 1) - from;
  orderPoints(from, n);

  // chooseBaseline (baseline.ts).
  let baselineCount = 0;
  let fallback = false;
  if (baselineBefore > 0) {
    while (baselineCount < n && i32At(chartDays, baselineCount) < baselineBefore) baselineCount++;
    if (baselineCount == 0) {
      baselineCount = min(DEFAULT_BASELINE_POINTS, n);
      fallback = true;
    }
  } else {
    baselineCount = min(baselinePoints, n);
  }
  const phaseCount = markRules(chartValues, n, baselineCount, rephaseRun, improving, anhoej, flags, phaseOf, phases, counts, runSpace, work);

  at = byte(at, 123); // {
  if (grouped) {
    at = text(at, '"group":');
    at = piece(groupTextStarts, g, at);
    at = byte(at, 44);
  }
  copyBytes(at, opening, <usize>openingLength);
  at += <usize>openingLength;

  // Each phase's `,"centre":…,"phase":…`, the same for each of its points.
  let p = phasePieces;
  for (let k = 0; k < phaseCount; k++) {
    setI32(phasePieceStarts, k, <i32>p);
    p = text(p, ',"centre":');
    p += <usize>numberText(load<f64>(phases + <usize>k * PHASE_BYTES, 16), p);
    p = text(p, ',"phase":');
    p = integer(p, k);
  }
  setI32(phasePieceStarts, phaseCount, <i32>p);

  for (let i = 0; i < n; i++) {
    if (i > 0) at = byte(at, 44);
    at = piece(datePieceStarts, i32At(chartDateIds, i), at);
    at = piece(valuePieceStarts, i32At(chartValueIds, i), at);
    at = piece(phasePieceStarts, i32At(phaseOf, i), at);
    at = piece(flagTailStarts, <i32>load<u8>(flags + <usize>i), at);
  }

  at = text(at, '],"phases":[');
  for (let k = 0; k < phaseCount; k++) {
    const record = phases + <usize>k * PHASE_BYTES;
    if (k > 0) at = byte(at, 44);
    at = text(at, '{"phase":');
    at = integer(at, k);
    at = text(at, ',"firstIndex":');
    at = integer(at, <i32>load<f64>(record));
    at = text(at, ',"lastIndex":');
    at = integer(at, <i32>load<f64>(record, 8));
    at = text(at, ',"median":');
    at += <usize>numberText(load<f64>(record, 16), at);
    at = text(at, ',"medianFrom":[');
    at = integer(at, <i32>load<f64>(record, 24));
    at = byte(at, 44);
    at = integer(at, <i32>load<f64>(record, 32));
    at = text(at, ']}');
  }
  at = text(at, '],');
  at += <usize>tailText(load<i32>(counts), load<i32>(counts, 4), load<i32>(counts, 8), at);
  if (fallback) at = text(at, ',"baselineFallback":true');
  return byte(at, 125); // }
}
