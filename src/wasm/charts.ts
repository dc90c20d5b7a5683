/**
 * The `runchart --json` document's charts, compiled to WebAssembly (issue
 * 12): for each group of a table, its points in date order, the baseline,
 * the rules (rules.ts) and the chart's compact JSON, byte for byte what
 * core/runchart/jsonStream.ts writes (test/wasm/charts.test.ts compares the
 * two documents on random tables). AssemblyScript, built with reader.ts and
 * rules.ts into dist/node/wasm/runchart.wasm.
 *
 * What needs JavaScript's number formatting (a median as String(round4(x)))
 * or core's limits for the runs and Anhøj tests is asked of JavaScript, and
 * kept here; everything else is written here from pieces the caller laid
 * out: each date's
 * `{"date":"…","value":`, each value's text, each group's name as JSON, the
 * 32 flag tails and the chart's opening (`"rules":…,"points":[`).
 */
import { markRules } from './rules';

/** String(round4(x)) written at `at`; returns its length (at most 40 bytes). */
@external('charts', 'numberText')
declare function numberText(x: f64, at: usize): i32;

/**
 * The limits core gives for `useful` observations, written at `at` as five
 * i32 (-1 for null): the runs rule's lower and upper limits and where they
 * come from (0 none, 1 the published table, 2 computed: runsLimitsFor), and
 * Anhøj's longest-run and crossings limits (longestRunLimit, crossingsLimit).
 */
@external('charts', 'limits')
declare function limits(useful: i32, at: usize): void;

/** The most bytes of the runs and Anhøj objects, and of a phase's record or centre piece (generous: integers of 10 digits, numbers of 40). */
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
/** Limits by number of useful observations (0 to `most`): five i32 each, and a byte each saying whether they are known yet. */
let limitsTable: usize = 0;
let limitsKnown: usize = 0;
/** Numbers' texts met so far (a median repeats across charts): slots by the number's bits, each the text's address and length. */
let numberSlots: usize = 0;
let numberKeys: usize = 0;
let numberTexts: usize = 0;
let numbersKept: i32 = 0;
const NUMBER_SLOTS: i32 = 4096;
const NUMBER_TEXT_BYTES: i32 = 40;

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
  return n * (4 + 4 + 8 + 4 + 8 + 1 + 4 + 8 + 4 + <i32>PHASE_BYTES + 4 + PHASE_PIECE_BYTES + 20 + 1) + NUMBER_SLOTS * (8 + 8 + NUMBER_TEXT_BYTES) + 256;
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
  limitsTable = at; at += n * 20;
  numberKeys = at; at += <usize>NUMBER_SLOTS << 3;
  numberSlots = at; at += <usize>NUMBER_SLOTS << 3;
  numberTexts = at; at += <usize>(NUMBER_SLOTS * NUMBER_TEXT_BYTES);
  // Read before they are written: cleared by writing (see reader.ts on pages first read).
  memory.fill(numberSlots, 0, <usize>NUMBER_SLOTS << 3);
  limitsKnown = at; at += n;
  memory.fill(limitsKnown, 0, n);
  flags = at; at += n;
  phasePieces = at;
}

/** The text of round4(x) at `at` (kept for the next time while there is room); returns its end. */
function number(at: usize, x: f64): usize {
  const bits = reinterpret<u64>(x);
  let slot = <i32>(((bits ^ (bits >> 29)) * 0x9e3779b97f4a7c15) >> 52) & (NUMBER_SLOTS - 1);
  for (;;) {
    const entry = numberSlots + (<usize>slot << 3);
    const length = load<i32>(entry, 4);
    if (length == 0) break;
    if (load<u64>(numberKeys + (<usize>slot << 3)) == bits) {
      copyBytes(at, <usize>load<i32>(entry), <usize>length);
      return at + <usize>length;
    }
    slot = (slot + 1) & (NUMBER_SLOTS - 1);
  }
  const length = numberText(x, at);
  // Kept while the table is at most half full (so that a search always ends at an empty slot).
  if (numbersKept < NUMBER_SLOTS / 2 && length <= NUMBER_TEXT_BYTES) {
    const text = numberTexts + <usize>(numbersKept * NUMBER_TEXT_BYTES);
    copyBytes(text, at, <usize>length);
    store<u64>(numberKeys + (<usize>slot << 3), bits);
    store<i32>(numberSlots + (<usize>slot << 3), <i32>text);
    store<i32>(numberSlots + (<usize>slot << 3), length, 4);
    numbersKept++;
  }
  return at + <usize>length;
}

/** A limit (-1 for null) in JSON. */
function limitText(at: usize, value: i32): usize {
  return value < 0 ? text(at, 'null') : integer(at, value);
}

function booleanText(at: usize, value: bool): usize {
  return text(at, value ? 'true' : 'false');
}

/**
 * `"runs":{…},"anhoej":{…}` as JSON.stringify writes runsTestFrom(useful,
 * runs) and anhoejTestFrom(useful, runs, longest) (runsTest.ts, anhoej.ts),
 * from core's limits for `useful`.
 */
function runsAndAnhoej(at: usize, useful: i32, runs: i32, longest: i32): usize {
  const known = limitsKnown + <usize>useful;
  const limit = limitsTable + <usize>useful * 20;
  if (load<u8>(known) == 0) {
    limits(useful, limit);
    store<u8>(known, 1);
  }
  const lower = load<i32>(limit);
  const upper = load<i32>(limit, 4);
  const from = load<i32>(limit, 8);
  const runLimit = load<i32>(limit, 12);
  const crossLimit = load<i32>(limit, 16);
  at = text(at, '"runs":{"useful":');
  at = integer(at, useful);
  at = text(at, ',"runs":');
  at = integer(at, runs);
  at = text(at, ',"lower":');
  at = limitText(at, lower);
  at = text(at, ',"upper":');
  at = limitText(at, upper);
  at = text(at, ',"tooFew":');
  at = booleanText(at, from != 0 && runs < lower);
  at = text(at, ',"tooMany":');
  at = booleanText(at, from != 0 && runs > upper);
  at = text(at, ',"limitsFrom":');
  at = text(at, from == 0 ? 'null' : from == 1 ? '"table"' : '"computed"');
  const crossings = max(runs - 1, 0);
  at = text(at, '},"anhoej":{"longestRun":');
  at = integer(at, longest);
  at = text(at, ',"longestRunLimit":');
  at = limitText(at, runLimit);
  at = text(at, ',"crossings":');
  at = integer(at, crossings);
  at = text(at, ',"crossingsLimit":');
  at = limitText(at, crossLimit);
  at = text(at, ',"signal":');
  at = booleanText(at, runLimit >= 0 && crossLimit >= 0 && (longest > runLimit || crossings < crossLimit));
  return byte(at, 125);
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

/**
 * Copies piece k of a table of pieces to `at`; returns the end. Eight bytes
 * at a time, the last eight possibly running past the piece's end: what
 * follows in the output is overwritten by the next piece, or lies past the
 * end of what is written (chartBound leaves room), and what follows the
 * piece in memory is the next piece or a later region.
 */
@inline function piece(starts: usize, k: i32, at: usize): usize {
  const from = <usize>i32At(starts, k);
  const length = <usize>i32At(starts, k + 1) - from;
  let done: usize = 0;
  do {
    store<u64>(at + done, load<u64>(from + done));
    done += 8;
  } while (done < length);
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

/** ASCII text (a literal) at `at`; returns the end. Read from the string's UTF-16 units in place (no bounds check per character). */
function text(at: usize, s: string): usize {
  const units = changetype<usize>(s);
  const length = <usize>s.length;
  for (let i: usize = 0; i < length; i++) store<u8>(at + i, <u8>load<u16>(units + (i << 1)));
  return at + length;
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
    p = number(p, load<f64>(phases + <usize>k * PHASE_BYTES, 16));
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
    at = number(at, load<f64>(record, 16));
    at = text(at, ',"medianFrom":[');
    at = integer(at, <i32>load<f64>(record, 24));
    at = byte(at, 44);
    at = integer(at, <i32>load<f64>(record, 32));
    at = text(at, ']}');
  }
  at = text(at, '],');
  at = runsAndAnhoej(at, load<i32>(counts), load<i32>(counts, 4), load<i32>(counts, 8));
  if (fallback) at = text(at, ',"baselineFallback":true');
  return byte(at, 125); // }
}
