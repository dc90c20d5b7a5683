/**
 * The plain SERIES.csv reader compiled to WebAssembly (src/wasm/reader.ts, in
 * the runchart command's module) against core's csv.ts, which stays the
 * definition: on every file, the same groups, dates and values (down to the
 * sign of a zero) or, when a line is not plain, no table, so that csv.ts
 * reads the file and gives its own message. The module is compiled from the
 * current source for the test.
 */
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { parseSeriesTable, PlainPointsReader, SeriesTable } from '../../src/core/runchart/csv';
import { CompiledRunchart, RunchartExports } from '../../src/cli/compiledRunchart';
import { compiledModule, growTo } from '../../src/cli/wasm';
import { moduleFromSource } from '../support/wasmModule';


const built = moduleFromSource();
let compiled: CompiledRunchart;

beforeAll(() => {
  compiled = CompiledRunchart.load(built.file) as CompiledRunchart;
  expect(compiled).not.toBeNull();
});

const wasmPlainReader = (bytes: Uint8Array, text: string) => compiled.reader(bytes, text);


/** What a table says, group by group (ids left out: the two readers may number values differently), and whether its columns agree with one another. */
function contents(table: SeriesTable) {
  let consistent = true;
  const groups = table.groups.map((group, g) => {
    const points: Array<[string, number]> = [];
    for (let k = table.start[g]; k < table.start[g + 1]; k++) {
      const date = table.dateTexts[table.dateIds[k]];
      if (!Object.is(table.valueTable[table.valueIds[k]], table.values[k]) || table.days[k] !== Number(date.replace(/-/g, ''))) consistent = false;
      points.push([date, table.values[k]]);
    }
    return { group, points };
  });
  return { groups, consistent };
}

/** csv.ts alone, and csv.ts with the compiled reader: their tables (or messages), and whether the compiled reader gave the table. */
function readBoth(text: string) {
  const read = (reader?: PlainPointsReader) => {
    try {
      return { table: contents(parseSeriesTable(text, false, reader)) };
    } catch (e) {
      return { error: (e as Error).message };
    }
  };
  const inner = wasmPlainReader(Buffer.from(text, 'latin1'), text) as PlainPointsReader;
  expect(inner).not.toBeNull();
  let used = false;
  const compiled = read((pos, grouped) => {
    const table = inner(pos, grouped);
    used = table !== null;
    return table;
  });
  return { typescript: read(), compiled, used };
}

const rows = (lines: string[]) => `date,value,group\n${lines.join('\n')}\n`;

describe('the plain reader compiled to WebAssembly', () => {
  it('reads every value of up to four digits, with any decimal places and either sign, as Number() does', () => {
    const texts: string[] = [];
    for (let digits = 1; digits <= 4; digits++) {
      for (let n = 0; n < 10 ** digits; n++) {
        const plain = String(n).padStart(digits, '0');
        for (let places = 0; places < digits; places++) {
          const text = places === 0 ? plain : `${plain.slice(0, digits - places)}.${plain.slice(digits - places)}`;
          texts.push(text, `-${text}`);
        }
      }
    }
    const { typescript, compiled, used } = readBoth(rows(texts.map((t) => `2024-01-01,${t},N`)));
    expect(used).toBe(true);
    expect(compiled).toEqual(typescript);
    const values = (compiled as { table: { groups: Array<{ points: Array<[string, number]> }> } }).table.groups[0].points.map((p) => p[1]);
    expect(values.filter((v, i) => !Object.is(v, Number(texts[i])))).toEqual([]);
  });

  it('reads longer values (up to fifteen figures) as Number() does, and leaves longer ones to csv.ts', () => {
    const random = fc.sample(fc.tuple(fc.bigInt({ min: 0n, max: 999_999_999_999_999n }), fc.integer({ min: 0, max: 14 }), fc.boolean()), { numRuns: 3000, seed: 7 });
    const texts = random.map(([digits, places, negative]) => {
      const plain = String(digits).padStart(places + 1, '0');
      return `${negative ? '-' : ''}${places === 0 ? plain : `${plain.slice(0, plain.length - places)}.${plain.slice(plain.length - places)}`}`;
    });
    const { typescript, compiled, used } = readBoth(rows(texts.map((t, i) => `2024-01-${String((i % 28) + 1).padStart(2, '0')},${t},G${i % 7}`)));
    expect(used).toBe(true);
    expect(compiled).toEqual(typescript);
    expect(readBoth(rows(['2024-01-01,1234567890123456,N'])).used).toBe(false);
  });

  it('grows its tables past their first size: thousands of groups, dates and values', () => {
    const lines = Array.from({ length: 30000 }, (_, i) => {
      const day = new Date(Date.UTC(2000, 0, 1 + (i % 4000))).toISOString().slice(0, 10);
      return `${day},${1000 + ((i * 7919) % 9000) / 100},Team ${i % 5000}`;
    });
    const { typescript, compiled, used } = readBoth(rows(lines));
    expect(used).toBe(true);
    expect(compiled).toEqual(typescript);
    expect((compiled as { table: { groups: unknown[]; consistent: boolean } }).table).toEqual({ groups: expect.any(Array), consistent: true });
    expect((compiled as { table: { groups: unknown[] } }).table.groups).toHaveLength(5000);
    // Each distinct date and value once, after the tables have doubled several times (each is written as text once).
    const text = rows(lines);
    const table = parseSeriesTable(text, false, wasmPlainReader(Buffer.from(text, 'latin1'), text) as PlainPointsReader);
    expect(new Set(table.valueTable).size).toBe(table.valueTable.length);
    expect(table.valueTable).toHaveLength(new Set(lines.map((l) => Number(l.split(',')[1]))).size);
    expect(new Set(table.dateTexts).size).toBe(4000);
    expect(table.dateTexts).toHaveLength(4000);
  });

  it('reads a long series of a date a day (hundreds of thousands of dates in its table), its lookups finding their slot at once', () => {
    // 100,000 days, each once, and as many values: the date and value tables double many times.
    const lines = Array.from({ length: 100000 }, (_, i) => `${new Date(Date.UTC(1000, 0, 1 + i)).toISOString().slice(0, 10)},${i * 1.25}`);
    const text = `date,value\n${lines.join('\n')}\n`;
    const { typescript, compiled: fromModule, used } = readBoth(text);
    expect(used).toBe(true);
    expect(fromModule).toEqual(typescript);
    // A hash that mixed too few bits once put these dates in 65,536 places: 1.7 billion slots passed over (5 s here; minutes for more dates).
    const instantiate = compiledModule<RunchartExports>(built.file) as (imports: object) => RunchartExports;
    const reader = instantiate({ rules: { clean: Number, longestRunLimit: Number }, charts: { numberText: Number, limits: Number } });
    const base = 65536;
    growTo(reader.memory, base + reader.bytesNeeded(text.length));
    new Uint8Array(reader.memory.buffer).set(Buffer.from(text, 'latin1'), reader.layOut(base, text.length));
    reader.startReading('date,value\n'.length, 0);
    while (reader.readSome(4096) === 1);
    expect(reader.pointCount()).toBe(100000);
    // 200,000 lookups that add a date or a value; with tables at most half full, about a third of a slot passed over each.
    expect(reader.slotCollisions()).toBeLessThan(200000);
  });

  it('reads a file without a group column, blank lines and CRLF line ends', () => {
    for (const text of ['date,value\n2023-01-02,1\n\n2023-01-09,2.5\r\n2023-01-16,-3\n\n', 'date,value\r\n2023-01-02,1\r\n2023-01-02,1', 'date,value\n', 'date,value,group\n']) {
      const { typescript, compiled, used } = readBoth(text);
      expect(used).toBe(true);
      expect(compiled).toEqual(typescript);
    }
  });

  it('gives no table for a line csv.ts reads another way, so csv.ts reads the file and names the line', () => {
    for (const line of ['2023-02-29,1,N', '02/01/2023,1,N', '2023-1-2,1,N', '2023-01-02,+1,N', '2023-01-02,.5,N', '2023-01-02,5.,N', '2023-01-02,1e3,N', '2023-01-02, 1,N', '2023-01-02,1, N', '2023-01-02,1,N ', '2023-01-02,1,"N"', '2023-01-02,1,N,x', '2023-01-02,1', ' ,', '2023-01-02,x,N']) {
      const { typescript, compiled, used } = readBoth(rows(['2023-01-02,1,N', line, '2023-01-09,2,N']));
      expect([line, used]).toEqual([line, false]);
      expect(compiled).toEqual(typescript);
    }
  });

  // Lines close to the plain form, in date blocks with the groups in turn (as exports come): most are plain.
  const rarely = <T,>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<T>) => fc.oneof({ arbitrary: usual, weight: 12 }, { arbitrary: odd, weight: 1 });
  const VALUE = rarely(
    fc.oneof(fc.integer({ min: 0, max: 99999 }).map(String), fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${b}`), fc.constantFrom('-0', '-12.5', '007', '0.50')),
    fc.constantFrom('5.', '.5', '+5', '1e2', '', 'x', '1 ', '-', '1.2.3', '12345678901234567'),
  );
  const GROUP = rarely(fc.constantFrom('North', 'South', 'Team 1', 'Team 10', 'A much longer team name', '', '~'), fc.constantFrom(' North', 'North ', '"North"', 'A, B', 'a"b', 'Nor\tth', 'x\x7f'));
  const DATE = rarely(fc.constantFrom('2023-01-02', '2023-01-09', '2024-02-29', '2023-12-31', '0000-01-01'), fc.constantFrom('2023-02-29', '09/01/2023', '2023-1-9', '2023-01-0x'));
  const ODD = rarely(fc.constantFrom('', '\n', '\r\n'), fc.constantFrom(',extra', '\n,,', '\n '));
  const FILE = fc
    .record({
      grouped: fc.boolean(),
      blocks: fc.array(fc.record({ date: DATE, lines: fc.array(fc.record({ value: VALUE, group: GROUP, odd: ODD }), { minLength: 1, maxLength: 8 }) }), { minLength: 1, maxLength: 6 }),
      end: fc.constantFrom('\n', '\r\n'),
      last: fc.constantFrom('', '\n', '\r\n', '\n\n'),
    })
    .map(({ grouped, blocks, end, last }) => {
      const lines = [grouped ? 'date,value,group' : 'date,value'];
      for (const block of blocks) for (const l of block.lines) lines.push(`${block.date},${l.value}${grouped ? `,${l.group}` : ''}${l.odd}`);
      return lines.join(end) + last;
    });

  it('agrees with csv.ts on random files of lines close to the plain form', () => {
    let read = 0;
    fc.assert(
      fc.property(FILE, (text) => {
        const { typescript, compiled, used } = readBoth(text);
        expect(compiled).toEqual(typescript);
        if (used) read++;
      }),
      { numRuns: 1500, seed: 21 },
    );
    // Enough of them wholly plain that the compiled reader gave their tables.
    expect(read).toBeGreaterThan(100);
  });

  it('reads a file straight into its memory: the same table, and no reader for a file that is not ASCII', () => {
    const plain = path.join(built.dir, 'plain.csv');
    const text = rows(['2023-01-02,1,North', '2023-01-02,2.5,South', '2023-01-09,-3,North']);
    fs.writeFileSync(plain, text);
    const opened = compiled.open(plain);
    expect(opened.text).toBe(text);
    expect(opened.reader).not.toBeNull();
    expect(contents(parseSeriesTable(opened.text, false, opened.reader as PlainPointsReader))).toEqual(contents(parseSeriesTable(text)));
    const welsh = path.join(built.dir, 'welsh.csv');
    fs.writeFileSync(welsh, rows(['2023-01-02,1,Tîm']));
    expect(compiled.open(welsh)).toEqual({ text: rows(['2023-01-02,1,Tîm']), reader: null });
    expect(() => compiled.open(built.dir)).toThrow(expect.objectContaining({ code: 'EISDIR' }));
  });

  it('is left out when the file is not ASCII or the module has not been built', () => {
    const text = 'date,value,group\n2023-01-02,1,Tîm\n';
    expect(wasmPlainReader(Buffer.from(text, 'utf8'), text)).toBeNull();
    expect(CompiledRunchart.load(path.join(built.dir, 'not-built.wasm'))).toBeNull();
  });
});
