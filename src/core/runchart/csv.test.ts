import fc from 'fast-check';
import { UserFacingError } from '../errors';
import { parseSeriesColumns, parseSeriesCsv, parseSeriesDate, parseSeriesTable, parseSeriesValue, splitCsvLine } from './csv';

function errorOf(text: string): UserFacingError {
  try {
    parseSeriesCsv(text);
  } catch (e) {
    return e as UserFacingError;
  }
  throw new Error('expected a UserFacingError');
}

describe('splitCsvLine', () => {
  it('splits and trims fields', () => {
    expect(splitCsvLine(' 2023-01-01 , 23.4 ,North ', 2)).toEqual(['2023-01-01', '23.4', 'North']);
  });
  it('reads quoted fields with commas and doubled quotes', () => {
    expect(splitCsvLine('"2023-01-01","1.5", "Team ""A"", north"', 2)).toEqual(['2023-01-01', '1.5', 'Team "A", north']);
  });
  it('keeps empty fields', () => {
    expect(splitCsvLine('a,,c,', 2)).toEqual(['a', '', 'c', '']);
  });
  it('refuses an unclosed quote, naming the line', () => {
    expect(() => splitCsvLine('"2023-01-01,5', 7)).toThrow(/Line 7/);
  });
});

describe('parseSeriesDate', () => {
  it('reads yyyy-mm-dd and UK dd/mm/yyyy', () => {
    expect(parseSeriesDate('2023-04-03')).toBe('2023-04-03');
    expect(parseSeriesDate('03/04/2023')).toBe('2023-04-03');
    expect(parseSeriesDate('3/4/2023')).toBe('2023-04-03');
    expect(parseSeriesDate('2023-4-3')).toBe('2023-04-03');
  });
  it('ignores a time of day', () => {
    expect(parseSeriesDate('2023-04-03T00:00:00')).toBe('2023-04-03');
    expect(parseSeriesDate('03/04/2023 00:00')).toBe('2023-04-03');
  });
  it('refuses dates that do not exist and other text', () => {
    expect(parseSeriesDate('2023-02-29')).toBeNull();
    expect(parseSeriesDate('31/04/2023')).toBeNull();
    expect(parseSeriesDate('2024-02-29')).toBe('2024-02-29');
    expect(parseSeriesDate('1900-02-29')).toBeNull();
    expect(parseSeriesDate('tbc')).toBeNull();
    expect(parseSeriesDate('04/2023')).toBeNull();
    expect(parseSeriesDate('')).toBeNull();
  });
});

describe('parseSeriesValue', () => {
  it('reads plain decimal numbers', () => {
    expect(parseSeriesValue('23.4')).toBe(23.4);
    expect(parseSeriesValue('-1')).toBe(-1);
    expect(parseSeriesValue('.5')).toBe(0.5);
    expect(parseSeriesValue('1e2')).toBe(100);
  });
  it('refuses anything else', () => {
    for (const bad of ['', 'abc', '23,4', '12 weeks', 'NaN', 'Infinity', '1e999']) expect(parseSeriesValue(bad)).toBeNull();
  });
});

describe('parseSeriesCsv', () => {
  it('reads a date,value file as one series in file order', () => {
    const text = 'date,value\n2023-02-01,30.1\n2023-01-01,25\n';
    expect(parseSeriesCsv(text)).toEqual({
      groups: [{ group: null, points: [{ date: '2023-02-01', value: 30.1 }, { date: '2023-01-01', value: 25 }] }],
    });
  });
  it('tolerates a BOM, CRLF, any header case and order, spaces, quotes and blank lines', () => {
    const text = '\uFEFF Value , DATE \r\n\r\n"12.5", 03/04/2023\r\n,\r\n7,2023-04-04\r\n';
    expect(parseSeriesCsv(text).groups[0].points).toEqual([
      { date: '2023-04-03', value: 12.5 },
      { date: '2023-04-04', value: 7 },
    ]);
  });
  it('splits date,value,group files into groups in order of first appearance', () => {
    const text = 'date,value,group\n2023-01-01,1,South\n2023-01-02,2,North\n2023-01-03,3,South\n2023-01-04,4,"East, coast"\n';
    const parsed = parseSeriesCsv(text);
    expect(parsed.groups.map((g) => g.group)).toEqual(['South', 'North', 'East, coast']);
    expect(parsed.groups[0].points.map((p) => p.value)).toEqual([1, 3]);
  });
  it('gives one empty series for a header alone, and no groups for a grouped header alone', () => {
    expect(parseSeriesCsv('date,value\n')).toEqual({ groups: [{ group: null, points: [] }] });
    expect(parseSeriesCsv('date,value,group')).toEqual({ groups: [] });
  });
  it('explains a bad header', () => {
    const e = errorOf('when,weeks\n2023-01-01,3\n');
    expect(e).toBeInstanceOf(UserFacingError);
    expect(e.kind).toBe('badSeries');
    expect(e.message).toMatch(/header date,value/);
    expect(errorOf('date,value,team\n').message).toMatch(/date,value,group/);
    expect(errorOf('date,date,value\n').kind).toBe('badSeries');
  });
  it('explains an empty file', () => {
    expect(errorOf('').message).toMatch(/empty/);
    expect(errorOf('\n \n').kind).toBe('badSeries');
  });
  it('names the line of a bad date, a bad value or a wrong number of fields', () => {
    const bad = 'date,value\n2023-01-01,3\n2023-02-30,4\n';
    expect(errorOf(bad).message).toMatch(/^Line 3: "2023-02-30" is not a date/);
    expect(errorOf('date,value\r\n2023-01-01,three\r\n').message).toMatch(/^Line 2: the value "three" is not a number/);
    expect(errorOf('date,value\n2023-01-01,3,North\n').message).toMatch(/^Line 2 has 3 fields/);
    expect(errorOf('date,value\n\n\n2023-01-01,\n').message).toMatch(/^Line 4: the value "" is not a number/);
  });
  it('reads 100,000 lines in 20,000 groups, each group in order of first appearance', () => {
    const lines = ['date,value,group'];
    for (let i = 0; i < 100000; i++) lines.push(`2023-01-${String((i % 28) + 1).padStart(2, '0')},${i % 50},G${i % 20000}`);
    const parsed = parseSeriesCsv(lines.join('\n'));
    expect(parsed.groups).toHaveLength(20000);
    expect(parsed.groups[19999].group).toBe('G19999');
    expect(parsed.groups[0].points).toHaveLength(5);
  });
});

/** What reading `text` gives: its groups, or the message it stops with (so two readings can be compared either way). */
function outcome(text: string, lineByLine = false): { groups: ReturnType<typeof parseSeriesColumns> } | { error: string } {
  try {
    return { groups: parseSeriesColumns(text, lineByLine) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

describe('parseSeriesColumns: the one-pass reading of plain files gives what the general reader gives', () => {
  // A small seeded generator (mulberry32) so the cases are the same on every run.
  const rng = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const DATES = ['2023-01-02', '2023-01-09', '2022-12-26', '09/01/2023', '2023-1-9', '2023-02-29', '2024-02-29', '2023-13-01', 'soon', ''];
  const VALUES = ['12', '12.5', '-3.25', '0', '-0', '007', '.5', '5.', '+5', '1e2', '12.50', '1234567890123456', '3 weeks', '', 'NaN'];
  // Names the one pass must leave to the general reader too: padded, quoted, with a tab, a comma or a lone carriage return.
  const GROUPS = ['North', 'South', 'Team 1', 'x', '', 'Tîm a Tuath', ' North', 'South ', '"North"', '"A, B"', 'Nor\tth', 'a"b', 'a\rb', 'a\u2028b', '1\u00a0'];

  it('agrees on 400 seeded files mixing good lines, bad lines, blank lines and CRLF', () => {
    const random = rng(42);
    const pick = <T,>(xs: T[]) => xs[Math.floor(random() * xs.length)];
    for (let f = 0; f < 400; f++) {
      const grouped = random() < 0.7;
      const lines = [grouped ? pick(['date,value,group', 'group,date,value', 'Value,Date,Group']) : pick(['date,value', 'value,date'])];
      const header = lines[0].toLowerCase().split(',');
      const clean = random() < 0.5; // half the files have only good lines, so they are read through
      for (let i = 0; i < 1 + Math.floor(random() * 12); i++) {
        if (!clean && random() < 0.1) {
          lines.push(pick(['', ',,', '2023-01-02,1,North,extra', '2023-01-02']));
          continue;
        }
        const cells: Record<string, string> = {
          date: clean ? pick(DATES.slice(0, 3)) : pick(DATES),
          value: clean ? pick(VALUES.slice(0, 7)) : pick(VALUES),
          group: pick(GROUPS),
        };
        lines.push(header.map((h) => cells[h]).join(','));
      }
      const text = lines.join(random() < 0.3 ? '\r\n' : '\n') + (random() < 0.5 ? '\n' : '');
      expect([text, outcome(text)]).toEqual([text, outcome(text, true)]);
    }
  });

  it('reads a plain file with the same numbers Number() gives', () => {
    const values = ['0.1', '0.7', '123456789.012345', '-45.6789', '99999999999999.9'];
    const text = `date,value\n${values.map((v, i) => `2023-01-${String(i + 1).padStart(2, '0')},${v}`).join('\n')}\n`;
    expect(parseSeriesColumns(text)[0].values).toEqual(values.map(Number));
    expect(Object.is(parseSeriesColumns('date,value\n2023-01-01,-0\n')[0].values[0], -0)).toBe(true);
  });

  it('shares one date string per distinct date and gives each point its day number', () => {
    const [north, south] = parseSeriesColumns('date,value,group\n2023-01-02,1,N\n2023-01-02,2,S\n09/01/2023,3,N\n');
    expect(north.dates).toEqual(['2023-01-02', '2023-01-09']);
    expect(north.days).toEqual([20230102, 20230109]);
    expect(south.dates[0]).toBe(north.dates[0]);
  });

  it('reads a file with old Mac line ends (carriage returns alone) line by line, as the general reader does', () => {
    const lf = 'date,value,group\n2023-01-02,1,N\n2023-01-09,2,N\n';
    expect(parseSeriesColumns(lf.replace(/\n/g, '\r'))).toEqual(parseSeriesColumns(lf));
    expect(outcome('date,value\r2023-01-02,1\r2023-01-09,x\r')).toEqual({ error: expect.stringContaining('Line 3') });
  });
});

describe('parseSeriesColumns: the quickest path (a line like the last, read in place) gives what the general reader gives', () => {

  it('reads every value of up to four digits, with any decimal places and either sign, as Number() does', () => {
    const texts: string[] = [];
    for (let digits = 1; digits <= 5; digits++) {
      for (let n = 0; n < 10 ** digits; n += digits === 5 ? 7 : 1) {
        const plain = String(n).padStart(digits, '0');
        for (let places = 0; places < digits; places++) {
          const text = places === 0 ? plain : `${plain.slice(0, digits - places)}.${plain.slice(digits - places)}`;
          texts.push(text, `-${text}`);
        }
      }
    }
    // One date and one group, so every line after the first is a candidate for the quickest path.
    const file = `date,value,group\n${texts.map((t) => `2024-01-01,${t},N`).join('\n')}\n`;
    const read = parseSeriesColumns(file)[0].values;
    expect(read).toHaveLength(texts.length);
    const wrong = texts.filter((t, i) => !Object.is(read[i], Number(t)));
    expect(wrong).toEqual([]);
  });

  // Lines close to the plain form, in date blocks with the groups in turn (as exports come), so most are candidates.
  const VALUE = fc.oneof(
    fc.integer({ min: 0, max: 99999 }).map(String),
    fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${b}`),
    fc.constantFrom('-0', '-12.5', '007', '5.', '.5', '+5', '1e2', '12.50', '', 'x', '1 ', ' 1', '-', '1.2.3'),
  );
  const GROUP = fc.constantFrom('North', 'South', 'Team 1', 'Team 10', '', ' North', 'North ', '"North"', '"A, B"', 'A, B', 'a"b', 'Nor\tth', 'a\u2028b');
  const DATE = fc.constantFrom('2023-01-02', '2023-01-09', '2023-02-29', '09/01/2023', '2023-1-9', '+023-01-02', '2023-01- 2', '2023-01-0x');
  const LINE_END = fc.constantFrom('\n', '\r\n');
  const FILE = fc
    .record({
      grouped: fc.boolean(),
      blocks: fc.array(fc.record({ date: DATE, lines: fc.array(fc.record({ value: VALUE, group: GROUP, odd: fc.constantFrom('', '', '', '', ',extra', '\n', '\n,,') }), { minLength: 1, maxLength: 8 }) }), { minLength: 1, maxLength: 6 }),
      end: LINE_END,
      last: fc.constantFrom('', '\n', '\r\n'),
    })
    .map(({ grouped, blocks, end, last }) => {
      const lines = [grouped ? 'date,value,group' : 'date,value'];
      for (const block of blocks) for (const l of block.lines) lines.push(`${block.date},${l.value}${grouped ? `,${l.group}` : ''}${l.odd}`);
      return lines.join(end) + last;
    });

  it('compares a line only with names the plain pattern reads as they are', () => {
    // "A, B" quoted names a group; unquoted on the next line it is four fields, however alike the text.
    const text = 'date,value,group\n2023-01-02,1,"A, B"\n2023-01-02,2,A, B\n';
    expect(outcome(text)).toEqual({ error: expect.stringContaining('Line 3 has 4 fields') });
    expect(outcome(text)).toEqual(outcome(text, true));
  });

  it('agrees with the general reader on random files of lines close to the plain form', () => {
    fc.assert(
      fc.property(FILE, (text) => {
        expect(outcome(text)).toEqual(outcome(text, true));
      }),
      { numRuns: 500, seed: 12 },
    );
  });
});

describe('parseSeriesTable', () => {
  it('gathers each group in order of first appearance, its points in file order, each distinct date once', () => {
    const table = parseSeriesTable('date,value,group\n2023-01-09,1,N\n2023-01-02,2,S\n02/01/2023,3,N\n2023-01-09,4,S\n');
    expect(table.groups).toEqual(['N', 'S']);
    expect(Array.from(table.start)).toEqual([0, 2, 4]);
    expect(Array.from(table.values)).toEqual([1, 3, 2, 4]);
    expect(Array.from(table.days)).toEqual([20230109, 20230102, 20230102, 20230109]);
    expect(table.dateTexts).toEqual(['2023-01-09', '2023-01-02']);
    expect(Array.from(table.dateIds)).toEqual([0, 1, 1, 0]);
  });

  it('makes room for more points than it guessed from the file’s length (short lines with UK dates)', () => {
    // 11 characters a line ("3/1/2024,7" and its line end): more lines than the reader's first guess (one point per 13 characters) makes room for.
    const lines = Array.from({ length: 500 }, (_, i) => `${(i % 9) + 1}/1/2024,${i % 10}`);
    const table = parseSeriesTable(`date,value\n${lines.join('\n')}\n`);
    expect(Array.from(table.values)).toEqual(lines.map((_, i) => i % 10));
    expect(Array.from(table.days.subarray(495))).toEqual([20240101, 20240102, 20240103, 20240104, 20240105]); // 495 = 55 × 9
  });

  it('gives one group named null for a file without a group column, and no groups for a grouped file without points', () => {
    expect(parseSeriesTable('date,value\n').groups).toEqual([null]);
    expect(parseSeriesTable('date,value,group\n').groups).toEqual([]);
  });
});
