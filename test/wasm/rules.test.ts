/**
 * The run-chart rules compiled to WebAssembly (src/wasm/rules.ts, in the
 * runchart command's module) against the TypeScript rules they follow (core's
 * markRules): the same flags, phases and run counts on thousands of random
 * charts. The module is compiled from the current source for the test.
 */
import fc from 'fast-check';
import { markRules, RulesKernel, RulesOptions } from '../../src/core/runchart/chart';
import { wasmRules } from '../support/wasmRules';
import { ASTRONOMICAL, REPHASE_RUN_FLAG, SHIFT, TREND } from '../../src/core/runchart/flags';
import { moduleFromSource } from '../support/wasmModule';


const built = moduleFromSource();
let compiled: RulesKernel;

beforeAll(() => {
  const kernel = wasmRules(built.file);
  if (kernel === null) throw new Error('the compiled rules did not load');
  compiled = kernel;
});


function both(values: number[], baselineCount: number, options: RulesOptions) {
  const run = (kernel: RulesKernel) => {
    const flags = new Uint8Array(values.length).fill(255);
    const phaseOf = new Int32Array(values.length).fill(-7);
    const marks = kernel(Float64Array.from(values), baselineCount, options, flags, phaseOf);
    return { ...marks, flags: Array.from(flags), phaseOf: Array.from(phaseOf) };
  };
  return { typescript: run(markRules), webassembly: run(compiled) };
}

/** Values that tie, sit on medians and make runs and trends: a few levels, halves, tenths, and -0. */
const value = fc.oneof(
  fc.integer({ min: 0, max: 8 }),
  fc.integer({ min: -40, max: 40 }).map((k) => k / 2),
  fc.integer({ min: 0, max: 600 }).map((k) => k / 10),
  fc.constant(-0),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
);
const options: fc.Arbitrary<RulesOptions> = fc.record({
  rules: fc.constantFrom('ihi' as const, 'anhoej' as const),
  direction: fc.constantFrom('down' as const, 'up' as const),
  rephaseRun: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 12 }), fc.constant(2.5), fc.constant(1e12)),
});
const chart = fc.array(value, { minLength: 1, maxLength: 140 }).chain((values) =>
  fc.tuple(fc.constant(values), fc.integer({ min: 1, max: values.length }), options),
);

describe('the rules compiled to WebAssembly', () => {
  it('mark every chart as the TypeScript rules do', () => {
    fc.assert(
      fc.property(chart, ([values, baselineCount, opts]) => {
        const { typescript, webassembly } = both(values, baselineCount, opts);
        expect(webassembly).toEqual(typescript);
      }),
      { numRuns: 3000 },
    );
  });

  it('agree on long charts (a baseline sorted by heapsort, thousands of points, charts longer than the memory first laid out)', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1500, maxLength: 5000 }), fc.integer({ min: 33, max: 1500 }), options, (values, baselineCount, opts) => {
        const { typescript, webassembly } = both(values, baselineCount, opts);
        expect(webassembly).toEqual(typescript);
      }),
      { numRuns: 40 },
    );
  });

  it('find every kind of mark on a chart made to have them (so the comparisons above compare something)', () => {
    // 12 high points, 9 low ones (a new phase), a fall of 6, then one far-out point.
    const values = [...Array(12).fill(30), ...Array(9).fill(20), 19, 18, 17, 16, 15, 14, 300, ...Array(10).fill(25)];
    const { typescript, webassembly } = both(values, 12, { rules: 'ihi', direction: 'down', rephaseRun: 9 });
    expect(webassembly).toEqual(typescript);
    const bits = webassembly.flags.reduce((all, f) => all | f, 0);
    for (const bit of [SHIFT, TREND, REPHASE_RUN_FLAG, ASTRONOMICAL]) expect(bits & bit).toBe(bit);
    expect(webassembly.phases).toHaveLength(2);
    expect(webassembly.phases[1]).toEqual({ phase: 1, firstIndex: 12, lastIndex: values.length - 1, median: 20, medianFrom: [12, 20] });
  });

});
