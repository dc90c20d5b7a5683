/**
 * The run-chart rules of one chart, compiled to WebAssembly for the
 * `runchart` command (issue 12). AssemblyScript, not TypeScript: built with
 * reader.ts and charts.ts into dist/node/wasm/runchart.wasm by `npm run
 * prepare` (scripts/build-wasm.js); charts.ts calls markRules per chart.
 *
 * Why a second form of the rules: a command run once ends before V8 has
 * optimised the TypeScript rules (a thousand charts of a hundred points take
 * 25 ms cold, 5 ms warm); WebAssembly runs at full speed from its first
 * point. The TypeScript rules in src/core/runchart stay the definition: this
 * file follows them line for line (each function names the one it follows),
 * and test/wasm/rules.test.ts compares the two on thousands of random charts,
 * flag for flag and phase for phase.
 *
 * Memory is laid out by the caller (charts.ts, or test/support/wasmRules.ts
 * for the comparison): every array is a pointer into this module's memory.
 * Values are finite (the CSV readers' tables hold no other).
 */

/** cleanNumber (core/runchart/median.ts): 12 significant digits, which needs JavaScript's toPrecision. */
@external('rules', 'clean')
declare function clean(x: f64): f64;

/** longestRunLimit (core/runchart/anhoej.ts): round(log2(n)) + 3, as JavaScript's Math works it out. */
@external('rules', 'longestRunLimit')
declare function longestRunLimit(useful: i32): i32;

// flags.ts
const BASELINE: u8 = 1;
const SHIFT: u8 = 2;
const TREND: u8 = 4;
const REPHASE_RUN_FLAG: u8 = 8;
const ASTRONOMICAL: u8 = 16;
// shift.ts, trend.ts, astronomical.ts
const SHIFT_LENGTH: i32 = 6;
const TREND_LENGTH: i32 = 5;
const ASTRONOMICAL_MIN_POINTS: i32 = 10;
const ASTRONOMICAL_IQR_MULTIPLE: f64 = 3;

/** Bytes per phase record: firstIndex, lastIndex, median, medianFrom[0], medianFrom[1], as f64. */
const PHASE_BYTES: usize = 40;

@inline function f64At(p: usize, i: i32): f64 {
  return load<f64>(p + (<usize>i << 3));
}
@inline function setF64(p: usize, i: i32, v: f64): void {
  store<f64>(p + (<usize>i << 3), v);
}
@inline function i32At(p: usize, i: i32): i32 {
  return load<i32>(p + (<usize>i << 2));
}
@inline function setI32(p: usize, i: i32, v: i32): void {
  store<i32>(p + (<usize>i << 2), v);
}
@inline function orFlag(flags: usize, i: i32, bit: u8): void {
  store<u8>(flags + <usize>i, load<u8>(flags + <usize>i) | bit);
}

/** sideTolerance (sides.ts). */
@inline function sideTolerance(centre: f64): f64 {
  return 1e-9 * Math.max(1, Math.abs(centre));
}

/** sideOf (sides.ts). */
@inline function sideOf(value: f64, centre: f64): i32 {
  const diff = value - centre;
  const tolerance = sideTolerance(centre);
  if (diff <= tolerance && diff >= -tolerance) return 0;
  return diff > 0 ? 1 : -1;
}

/** Float64Array.prototype.sort's order for finite numbers: ascending, -0 before +0. */
@inline function before(a: f64, b: f64): bool {
  return a < b || (a == b && a == 0 && (reinterpret<i64>(a) < 0) && (reinterpret<i64>(b) >= 0));
}

/** Sorts a[0, n) in that order: insertion for a few, heapsort beyond (no recursion, no extra space). */
function sortValues(a: usize, n: i32): void {
  if (n <= 32) {
    for (let i = 1; i < n; i++) {
      const v = f64At(a, i);
      let j = i - 1;
      while (j >= 0 && before(v, f64At(a, j))) {
        setF64(a, j + 1, f64At(a, j));
        j--;
      }
      setF64(a, j + 1, v);
    }
    return;
  }
  for (let start = (n >> 1) - 1; start >= 0; start--) siftDown(a, start, n);
  for (let end = n - 1; end > 0; end--) {
    const t = f64At(a, 0);
    setF64(a, 0, f64At(a, end));
    setF64(a, end, t);
    siftDown(a, 0, end);
  }
}

function siftDown(a: usize, root: i32, n: i32): void {
  let r = root;
  for (;;) {
    let child = 2 * r + 1;
    if (child >= n) return;
    if (child + 1 < n && before(f64At(a, child), f64At(a, child + 1))) child++;
    if (!before(f64At(a, r), f64At(a, child))) return;
    const t = f64At(a, r);
    setF64(a, r, f64At(a, child));
    setF64(a, child, t);
    r = child;
  }
}

/** medianOf (median.ts) of values[from, to), sorted in `work`; n > 0. */
function medianOf(values: usize, from: i32, to: i32, work: usize): f64 {
  const n = to - from;
  memory.copy(work, values + (<usize>from << 3), <usize>n << 3);
  sortValues(work, n);
  const mid = n >> 1;
  return n % 2 == 1 ? f64At(work, mid) : (f64At(work, mid - 1) + f64At(work, mid)) / 2;
}

/** selectInPlace (median.ts): Hoare's quickselect, the k-th smallest of a[0, n). */
function selectInPlace(a: usize, n: i32, k: i32): f64 {
  let left = 0;
  let right = n - 1;
  while (right > left) {
    const pivot = f64At(a, (left + right) >> 1);
    let i = left;
    let j = right;
    while (i <= j) {
      while (f64At(a, i) < pivot) i++;
      while (f64At(a, j) > pivot) j--;
      if (i <= j) {
        const t = f64At(a, i);
        setF64(a, i, f64At(a, j));
        setF64(a, j, t);
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return f64At(a, k);
}

/** quantileUnsorted7 (median.ts): R's type 7 quantile of a[0, n) in any order (`a` is reordered). */
function quantileUnsorted7(a: usize, n: i32, p: f64): f64 {
  const h = <f64>(n - 1) * p;
  const lo = <i32>Math.floor(h);
  const low = selectInPlace(a, n, lo);
  if (lo + 1 >= n) return low;
  let high = f64At(a, lo + 1);
  for (let i = lo + 2; i < n; i++) if (f64At(a, i) < high) high = f64At(a, i);
  return low + (h - <f64>lo) * (high - low);
}

/**
 * The rules of one chart (chart.ts, markRules): the baseline's flags, the
 * phases (rephase.ts, markPhases), the runs about the baseline median
 * (sides.ts, countSideRuns), then under IHI rules shifts, trends and
 * astronomical points, under Anhøj's the runs beyond the longest-run limit.
 *
 * values[0, n): the chart's values in date order (n > 0, finite);
 * baselineCount >= 1; rephaseRun 0 for never; improving -1 ('down') or 1;
 * anhoej: the rule set. Writes flags (u8 each), phaseOf (i32 each), the
 * phases (PHASE_BYTES each) and the counts (useful, runs, longest: i32) and
 * returns how many phases. `runSpace` holds min(rephaseRun, n) i32 and
 * `work` n f64.
 */
export function markRules(
  values: usize,
  n: i32,
  baselineCount: i32,
  rephaseRun: i32,
  improving: i32,
  anhoej: bool,
  flags: usize,
  phaseOf: usize,
  phases: usize,
  counts: usize,
  runSpace: usize,
  work: usize,
): i32 {
  memory.fill(flags, 0, <usize>n);
  memory.fill(flags, BASELINE, <usize>baselineCount);
  const baselineMedian = clean(medianOf(values, 0, baselineCount, work));
  const phaseCount = markPhases(values, n, baselineCount, baselineMedian, rephaseRun, improving, phaseOf, flags, phases, runSpace, work);

  // countSideRuns (sides.ts) about the baseline median.
  let useful = 0;
  let runs = 0;
  let longest = 0;
  let length = 0;
  let side = 0;
  const tolerance = sideTolerance(baselineMedian);
  for (let i = 0; i < n; i++) {
    const diff = f64At(values, i) - baselineMedian;
    if (diff <= tolerance && diff >= -tolerance) continue;
    const s = diff > 0 ? 1 : -1;
    useful++;
    if (s == side) {
      length++;
    } else {
      runs++;
      side = s;
      length = 1;
    }
    if (length > longest) longest = length;
  }
  setI32(counts, 0, useful);
  setI32(counts, 1, runs);
  setI32(counts, 2, longest);

  if (anhoej) {
    if (useful >= 1) {
      const limit = longestRunLimit(useful);
      if (longest > limit) markRunsBeyond(values, n, baselineMedian, limit, flags);
    }
  } else {
    markShifts(values, n, phaseOf, phases, flags);
    markTrends(values, n, flags);
    markAstronomical(values, n, flags, work);
  }
  return phaseCount;
}

/** markPhases (rephase.ts), with each phase's record written at `phases`; returns how many. */
function markPhases(
  values: usize,
  n: i32,
  baselineCount: i32,
  baselineMedian: f64,
  runLength: i32,
  improving: i32,
  phaseOf: usize,
  flags: usize,
  phases: usize,
  run: usize,
  work: usize,
): i32 {
  let count = 1;
  writePhase(phases, 0, 0, n - 1, baselineMedian, 0, baselineCount - 1);
  if (runLength >= 1) {
    let current = baselineMedian;
    let tolerance = sideTolerance(current);
    let length = 0;
    for (let i = baselineCount; i < n; i++) {
      const diff = f64At(values, i) - current;
      if (diff <= tolerance && diff >= -tolerance) continue;
      const s = diff > 0 ? 1 : -1;
      if (s != improving) {
        length = 0;
        continue;
      }
      setI32(run, length++, i);
      if (length == runLength) {
        // startPhase: the median of exactly the run's points.
        for (let k = 0; k < length; k++) setF64(work, k, f64At(values, i32At(run, k)));
        sortValues(work, length);
        const mid = length >> 1;
        current = clean(length % 2 == 1 ? f64At(work, mid) : (f64At(work, mid - 1) + f64At(work, mid)) / 2);
        const first = i32At(run, 0);
        setF64(phases + <usize>(count - 1) * PHASE_BYTES, 1, <f64>(first - 1));
        writePhase(phases, count, first, n - 1, current, first, i32At(run, length - 1));
        count++;
        for (let k = 0; k < length; k++) orFlag(flags, i32At(run, k), REPHASE_RUN_FLAG);
        tolerance = sideTolerance(current);
        length = 0;
      }
    }
  }
  for (let p = 0; p < count; p++) {
    const record = phases + <usize>p * PHASE_BYTES;
    const last = <i32>f64At(record, 1);
    for (let i = <i32>f64At(record, 0); i <= last; i++) setI32(phaseOf, i, p);
  }
  return count;
}

function writePhase(phases: usize, p: i32, firstIndex: i32, lastIndex: i32, median: f64, from: i32, to: i32): void {
  const record = phases + <usize>p * PHASE_BYTES;
  setF64(record, 0, <f64>firstIndex);
  setF64(record, 1, <f64>lastIndex);
  setF64(record, 2, median);
  setF64(record, 3, <f64>from);
  setF64(record, 4, <f64>to);
}

/** The centre line of point i: its phase's median. */
@inline function centreOf(phaseOf: usize, phases: usize, i: i32): f64 {
  return f64At(phases + <usize>i32At(phaseOf, i) * PHASE_BYTES, 2);
}

/** markShifts (shift.ts): each point against its own phase's median; a phase boundary breaks a run. */
function markShifts(values: usize, n: i32, phaseOf: usize, phases: usize, flags: usize): void {
  let runSide = 0;
  let runPhase = -1;
  let first = 0;
  let last = -1;
  let count = 0;
  let centre = NaN;
  let tolerance: f64 = 0;
  for (let i = 0; i <= n; i++) {
    let s = 0;
    if (i < n) {
      const c = centreOf(phaseOf, phases, i);
      if (c != centre) {
        centre = c;
        tolerance = sideTolerance(centre);
      }
      const diff = f64At(values, i) - centre;
      s = diff <= tolerance && diff >= -tolerance ? 0 : diff > 0 ? 1 : -1;
    }
    const ends = i == n || i32At(phaseOf, i) != runPhase || (s != 0 && s != runSide);
    if (ends) {
      if (count >= SHIFT_LENGTH) {
        for (let k = first; k <= last; k++) if (sideOf(f64At(values, k), centreOf(phaseOf, phases, k)) != 0) orFlag(flags, k, SHIFT);
      }
      count = 0;
      if (i == n) break;
      if (i32At(phaseOf, i) != runPhase) {
        runPhase = i32At(phaseOf, i);
        runSide = 0;
      }
      if (s != 0) runSide = s;
    }
    if (s == 0) continue;
    if (count == 0) first = i;
    last = i;
    count++;
  }
}

/** markTrends (trend.ts). */
function markTrends(values: usize, n: i32, flags: usize): void {
  let lastCounted = 0;
  let direction = 0;
  let counted = 1;
  let start = 0;
  for (let i = 1; i <= n; i++) {
    let d = 0;
    if (i < n) {
      const diff = f64At(values, i) - f64At(values, lastCounted);
      if (diff == 0) continue;
      d = diff > 0 ? 1 : -1;
      if (d == direction) {
        counted++;
        lastCounted = i;
        continue;
      }
    }
    if (counted >= TREND_LENGTH) for (let k = start; k < i; k++) orFlag(flags, k, TREND);
    direction = d;
    counted = 2;
    start = lastCounted;
    lastCounted = i;
  }
}

/** markAstronomical (astronomical.ts): Tukey's far-out fences on quartiles by selection. */
function markAstronomical(values: usize, n: i32, flags: usize, work: usize): void {
  if (n < ASTRONOMICAL_MIN_POINTS) return;
  memory.copy(work, values, <usize>n << 3);
  const q1 = quantileUnsorted7(work, n, 0.25);
  const q3 = quantileUnsorted7(work, n, 0.75);
  const iqr = q3 - q1;
  if (!(iqr > 0)) return;
  const low = q1 - ASTRONOMICAL_IQR_MULTIPLE * iqr;
  const high = q3 + ASTRONOMICAL_IQR_MULTIPLE * iqr;
  for (let i = 0; i < n; i++) {
    const v = f64At(values, i);
    if (v < low || v > high) orFlag(flags, i, ASTRONOMICAL);
  }
}

/** Anhøj's shift marks (chart.ts, runsBeyondLimit over sideRuns): every useful point of a run longer than `limit`. */
function markRunsBeyond(values: usize, n: i32, centre: f64, limit: i32, flags: usize): void {
  let side = 0;
  let first = 0;
  let length = 0;
  for (let i = 0; i <= n; i++) {
    const s = i < n ? sideOf(f64At(values, i), centre) : 2;
    if (s == 0) continue;
    if (s != side) {
      if (length > limit) {
        for (let k = first; k < i; k++) if (sideOf(f64At(values, k), centre) != 0) orFlag(flags, k, SHIFT);
      }
      side = s;
      first = i;
      length = 0;
    }
    length++;
  }
}
