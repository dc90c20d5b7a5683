/**
 * The run-chart rules of the command line's WebAssembly module
 * (src/wasm/rules.ts, exported by runchart.wasm as markRules) as a
 * RulesKernel, so that test/wasm/rules.test.ts can compare their marks with
 * core's markRules chart by chart. The command itself calls them from the
 * module's chart writer (src/wasm/charts.ts).
 */
import type { ChartMarks, RulesKernel, RulesOptions } from '../../src/core/runchart/chart';
import { longestRunLimit } from '../../src/core/runchart/anhoej';
import { cleanNumber } from '../../src/core/runchart/median';
import type { RunChartPhase } from '../../src/core/model';
import { compiledModule, growTo, WasmMemory } from '../../src/cli/wasm';

interface RulesExports {
  memory: WasmMemory;
  markRules(
    values: number, n: number, baselineCount: number, rephaseRun: number, improving: number, anhoej: number,
    flags: number, phaseOf: number, phases: number, counts: number, runSpace: number, work: number,
  ): number;
}

/** Bytes per phase record, as src/wasm/rules.ts writes them (five f64). */
const PHASE_BYTES = 40;
/** The module keeps nothing in memory of its own; its first page is left to it all the same. */
const BASE = 65536;

/** The kernel of the module in `file` (runchart.wasm); null when it cannot be loaded. */
export function wasmRules(file: string): RulesKernel | null {
  const instantiate = compiledModule<RulesExports>(file);
  if (instantiate === null) return null;
  const notHere = () => {
    throw new Error('markRules asks nothing of the chart writer');
  };
  const kernel = instantiate({ rules: { clean: cleanNumber, longestRunLimit: (useful: number) => longestRunLimit(useful) as number }, charts: { numberText: notHere, limits: notHere } });
  const memory = kernel.memory;

  // Memory laid out for charts of up to `capacity` points, grown (and the views made again) for a longer one.
  let capacity = 0;
  let values = 0;
  let work = 0;
  let phases = 0;
  let phaseOfAt = 0;
  let runSpace = 0;
  let counts = 0;
  let flagsAt = 0;
  let f64 = new Float64Array(0);
  let i32 = new Int32Array(0);
  let u8 = new Uint8Array(0);
  const layOut = (n: number) => {
    capacity = Math.max(n, 1024, capacity * 2);
    values = BASE;
    work = values + capacity * 8;
    phases = work + capacity * 8;
    phaseOfAt = phases + capacity * PHASE_BYTES;
    runSpace = phaseOfAt + capacity * 4;
    counts = runSpace + capacity * 4;
    flagsAt = counts + 16;
    growTo(memory, flagsAt + capacity);
    f64 = new Float64Array(memory.buffer);
    i32 = new Int32Array(memory.buffer);
    u8 = new Uint8Array(memory.buffer);
  };

  return (pointValues: ArrayLike<number>, baselineCount: number, options: RulesOptions, flags: Uint8Array, phaseOf: Int32Array): ChartMarks => {
    const n = pointValues.length;
    if (n > capacity) layOut(n);
    if (pointValues instanceof Float64Array) f64.set(pointValues, values / 8);
    else for (let i = 0; i < n; i++) f64[values / 8 + i] = pointValues[i];
    // markPhases re-phases after exactly rephaseRun points: never when it is null, below 1, not whole or more than the points.
    const r = options.rephaseRun;
    const rephaseRun = r !== null && Number.isInteger(r) && r >= 1 && r <= n ? r : 0;
    const improving = options.direction === 'down' ? -1 : 1;
    const count = kernel.markRules(values, n, baselineCount, rephaseRun, improving, options.rules === 'anhoej' ? 1 : 0, flagsAt, phaseOfAt, phases, counts, runSpace, work);
    flags.set(u8.subarray(flagsAt, flagsAt + n));
    phaseOf.set(i32.subarray(phaseOfAt / 4, phaseOfAt / 4 + n));
    const chartPhases = new Array<RunChartPhase>(count);
    for (let p = 0, at = phases / 8; p < count; p++, at += PHASE_BYTES / 8) {
      chartPhases[p] = { phase: p, firstIndex: f64[at], lastIndex: f64[at + 1], median: f64[at + 2], medianFrom: [f64[at + 3], f64[at + 4]] };
    }
    const c = counts / 4;
    return { phases: chartPhases, useful: i32[c], runs: i32[c + 1], longest: i32[c + 2] };
  };
}
