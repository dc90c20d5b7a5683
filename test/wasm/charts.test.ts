/**
 * The `runchart --json` document written by the command line's WebAssembly
 * module (src/wasm/charts.ts, through src/cli/compiledRunchart.ts) against
 * the one core writes (runChartOfTableGroup and jsonStream.ts's
 * writeRunChartDocument): the same bytes, on random files and options,
 * whether the module or csv.ts read the file. The module is compiled from
 * the current source for the test.
 */
import fc from 'fast-check';
import { parseSeriesTable, SeriesTable } from '../../src/core/runchart/csv';
import { runChartOfTableGroup } from '../../src/core/runchart/chart';
import { writeRunChartDocument } from '../../src/core/runchart/jsonStream';
import type { RunChartOptions } from '../../src/core/model';
import { CompiledRunchart, MOST_POINTS } from '../../src/cli/compiledRunchart';
import { moduleFromSource } from '../support/wasmModule';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { makeSeriesCsv } = require('../../scripts/make-series.js') as { makeSeriesCsv: (o: object) => string };

const built = moduleFromSource();
let compiled: CompiledRunchart;

beforeAll(() => {
  compiled = CompiledRunchart.load(built.file) as CompiledRunchart;
  expect(compiled).not.toBeNull();
});


const isGrouped = (table: SeriesTable) => !(table.groups.length === 1 && table.groups[0] === null);

/** Core's document for a file. */
function typescriptDocument(text: string, options: RunChartOptions): string {
  const table = parseSeriesTable(text);
  const chunks: Buffer[] = [];
  const charts = table.groups.map((group, g) => ({ group, chart: runChartOfTableGroup(table, g, options) }));
  writeRunChartDocument((bytes) => chunks.push(Buffer.from(bytes)), isGrouped(table), charts, false);
  return Buffer.concat(chunks).toString('utf8');
}

/** The module's document for a file (read by the module when it is plain ASCII), or null when it leaves the file to core. */
function compiledDocument(text: string, options: RunChartOptions): { document: string | null; readByModule: boolean } {
  const bytes = Buffer.from(text, 'utf8');
  const inner = compiled.reader(bytes, text);
  let readByModule = false;
  const table = parseSeriesTable(text, false, inner === null ? undefined : (pos, grouped) => {
    const read = inner(pos, grouped);
    readByModule = read !== null;
    return read;
  });
  const chunks: Buffer[] = [];
  const written = compiled.writeDocument(table, isGrouped(table), options, (b) => chunks.push(Buffer.from(b)));
  return { document: written ? Buffer.concat(chunks).toString('utf8') : null, readByModule };
}

const OPTIONS: fc.Arbitrary<RunChartOptions> = fc.record({
  baseline: fc.oneof(
    fc.integer({ min: 1, max: 30 }).map((points) => ({ points })),
    fc.constantFrom('2023-01-01', '2023-03-15', '2023-06-30', '2025-01-01').map((before) => ({ before })),
  ),
  rephaseRun: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 10 })),
  direction: fc.constantFrom('down' as const, 'up' as const),
  rules: fc.constantFrom('ihi' as const, 'anhoej' as const),
});

/** Files with a few groups of a few dozen weekly points, sometimes out of date order, sometimes with names only csv.ts reads. */
const FILE = fc
  .record({
    grouped: fc.boolean(),
    names: fc.shuffledSubarray(['North', 'South', 'Team 7', 'East', '"Tîm a Tuath"', '"A, B"', 'Ceann "Loch"'], { minLength: 1, maxLength: 4 }),
    points: fc.array(
      fc.record({
        week: fc.integer({ min: 0, max: 60 }),
        value: fc.oneof(fc.integer({ min: 0, max: 40 }).map(String), fc.integer({ min: 0, max: 4000 }).map((k) => String(k / 100)), fc.constantFrom('-0', '1234.5678', '1e3')),
        group: fc.nat(),
      }),
      { minLength: 1, maxLength: 120 },
    ),
    sorted: fc.boolean(),
  })
  .map(({ grouped, names, points, sorted }) => {
    const rows = sorted ? [...points].sort((a, b) => a.week - b.week) : points;
    const lines = rows.map((p) => {
      const date = new Date(Date.UTC(2023, 0, 2 + 7 * p.week)).toISOString().slice(0, 10);
      return grouped ? `${date},${p.value},${names[p.group % names.length]}` : `${date},${p.value}`;
    });
    return `${grouped ? 'date,value,group' : 'date,value'}\n${lines.join('\n')}\n`;
  });

describe('the runchart document written by the WebAssembly module', () => {
  it('is byte for byte core’s on random files and options', () => {
    let byModule = 0;
    fc.assert(
      fc.property(FILE, OPTIONS, (text, options) => {
        const { document, readByModule } = compiledDocument(text, options);
        expect(document).toBe(typescriptDocument(text, options));
        if (readByModule) byModule++;
      }),
      { numRuns: 600, seed: 3 },
    );
    // Both ways in: files the module read, and files csv.ts read (copied into the module's memory).
    expect(byModule).toBeGreaterThan(100);
    expect(byModule).toBeLessThan(550);
  });

  it('is byte for byte core’s on a thousand seeded series (the benchmark’s shape, smaller), across several output chunks', () => {
    const text = makeSeriesCsv({ groups: 300, points: 60, seed: 11 });
    for (const options of [{ baseline: { points: 13 }, rephaseRun: 9, direction: 'down' as const }, { baseline: { before: '2021-06-01' }, rules: 'anhoej' as const, direction: 'up' as const }]) {
      const { document, readByModule } = compiledDocument(text, options);
      expect(readByModule).toBe(true);
      expect(document).toBe(typescriptDocument(text, options));
      expect((document as string).length).toBeGreaterThan(2 << 20);
    }
  });

  it('leaves a table it read whole after writing (its columns made again on the memory grown for the document)', () => {
    const text = makeSeriesCsv({ groups: 40, points: 30, seed: 5 });
    const table = parseSeriesTable(text, false, compiled.reader(Buffer.from(text), text) ?? undefined);
    const columns = () => [table.start, table.days, table.dateIds, table.valueIds, table.values].map((c) => Array.from(c as ArrayLike<number>));
    const read = columns();
    expect(read[4]).toHaveLength(1200);
    expect(compiled.writeDocument(table, true, {}, () => undefined)).toBe(true);
    expect(columns()).toEqual(read);
    expect(Array.from(parseSeriesTable(text).values)).toEqual(read[4]);
  });

  it('writes one chart larger than its usual output space in one piece', () => {
    const lines = Array.from({ length: 12000 }, (_, i) => `${new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10)},${(i * 37) % 101}`);
    const text = `date,value\n${lines.join('\n')}\n`;
    const options = { baseline: { points: 20 }, rephaseRun: 7 };
    expect(compiledDocument(text, options).document).toBe(typescriptDocument(text, options));
  });

  it('leaves to core what it does not take: a file without points and without a group column, a chart of more than a million points', () => {
    expect(compiledDocument('date,value\n', {}).document).toBeNull();
    const chunks: Uint8Array[] = [];
    const huge: SeriesTable = { groups: [null], start: Int32Array.from([0, MOST_POINTS + 1]), days: new Int32Array(0), dateIds: new Int32Array(0), dateTexts: [], valueIds: new Int32Array(0), valueTable: [], values: new Float64Array(0) };
    expect(compiled.writeDocument(huge, false, {}, (b) => chunks.push(b))).toBe(false);
    expect(chunks).toEqual([]);
    expect(compiledDocument('date,value,group\n', {}).document).toBe(typescriptDocument('date,value,group\n', {}));
  });
});
