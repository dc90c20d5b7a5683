import type { SeriesPoint } from '../model';
import { computeRunChart, computeRunChartColumns, runChartFromColumns, sortByDate } from './chart';
import { runChartToJson } from './json';
import { ByteWriter, runChartColumnsToJson, writeRunChartDocument } from './jsonStream';

const weekly = (values: number[]): SeriesPoint[] =>
  values.map((value, i) => ({ date: new Date(Date.UTC(2023, 0, 2 + 7 * i)).toISOString().slice(0, 10), value }));

function columnsOf(points: SeriesPoint[], options = {}) {
  const sorted = sortByDate(points);
  return computeRunChartColumns(sorted.map((p) => p.date), sorted.map((p) => p.value), options);
}

const SERIES: Array<[string, SeriesPoint[], object]> = [
  ['a re-phased series with thirds and sevenths', weekly([30, 34, 28, 40, 32, 36, 26, 38, 31, 35, 29, 33, 25, 27, 24, 22, 26, 23, 21, 28, 20, 24, 36, 30].map((v) => v + 1 / 3)), {}],
  ['shifts, trends and an astronomical point', weekly([5, 5, 6, 7, 8, 9, 10, 11, 1, 1, 1, 1, 1, 1, 1, 90, -0.00001, 3]), { rephaseRun: null }],
  ["Anhøj's rules, upwards", weekly([1, 1, 1, 1, 1, 1, 1, 1, 1, 9, 1, 9, 1, 9, 1, 9]), { rules: 'anhoej', direction: 'up' }],
  ['a baseline date with nothing before it (fallback)', weekly([3, 4, 5]), { baseline: { before: '2000-01-01' } }],
  ['no points', [], {}],
];

/** The document as text, and how many chunks it came in (each copied: the writer reuses its buffer). */
function written(grouped: boolean, charts: Array<{ group: string | null; chart: ReturnType<typeof columnsOf> }>, pretty: boolean): { text: string; pieces: number } {
  const pieces: Uint8Array[] = [];
  writeRunChartDocument((b) => pieces.push(b.slice()), grouped, charts, pretty);
  expect(pieces.every((p) => p.length > 0)).toBe(true);
  return { text: Buffer.concat(pieces).toString('utf8'), pieces: pieces.length };
}

describe('writeRunChartDocument', () => {
  it.each(SERIES)('writes exactly JSON.stringify of runChartToJson, compact and pretty: %s', (_name, points, options) => {
    const expected = runChartToJson(computeRunChart(points, options));
    const chart = columnsOf(points, options);
    expect(runChartColumnsToJson(chart)).toEqual(expected);
    expect(written(false, [{ group: null, chart }], false).text).toBe(`${JSON.stringify(expected)}\n`);
    expect(written(false, [{ group: null, chart }], true).text).toBe(`${JSON.stringify(expected, null, 2)}\n`);
  });

  it('writes a grouped document exactly as JSON.stringify of { groups }, names escaped', () => {
    const charts = SERIES.map(([name, points, options], k) => ({ group: k === 0 ? 'Team "North", east\n' : name, chart: columnsOf(points, options) }));
    const doc = { groups: charts.map((c) => ({ group: c.group, ...runChartToJson(runChartFromColumns(c.chart)) })) };
    expect(written(true, charts, false).text).toBe(`${JSON.stringify(doc)}\n`);
    expect(written(true, charts, true).text).toBe(`${JSON.stringify(doc, null, 2)}\n`);
  });

  it('writes { "groups": [] } for a grouped file with no points', () => {
    expect(written(true, [], false).text).toBe('{"groups":[]}\n');
    expect(written(true, [], true).text).toBe(`${JSON.stringify({ groups: [] }, null, 2)}\n`);
  });

  it('sends a long document in chunks of about a megabyte rather than in one piece', () => {
    const long = weekly(Array.from({ length: 20000 }, (_, i) => (i * 37) % 101));
    const { text, pieces } = written(false, [{ group: null, chart: columnsOf(long) }], false);
    expect(pieces).toBeGreaterThan(1);
    expect(JSON.parse(text).points).toHaveLength(20000);
    expect(text).toBe(`${JSON.stringify(runChartToJson(computeRunChart(long)))}\n`);
  });

  it('writes names outside ASCII as UTF-8', () => {
    const charts = [{ group: 'Tîm Gàidhlig – Ceann a Tuath', chart: columnsOf(SERIES[0][1]) }];
    expect(written(true, charts, false).text).toBe(`${JSON.stringify({ groups: [{ group: charts[0].group, ...runChartToJson(computeRunChart(SERIES[0][1])) }] })}\n`);
  });
});

describe('ByteWriter', () => {
  const chunks = (size: number, work: (w: ByteWriter) => void): string[] => {
    const out: string[] = [];
    const w = new ByteWriter((b) => out.push(Buffer.from(b).toString('utf8')), size);
    work(w);
    return out;
  };

  it('passes bytes on when the buffer would overflow, and the rest on flush', () => {
    expect(
      chunks(4, (w) => {
        w.bytes(new Uint8Array([97, 98]));
        w.bytes(new Uint8Array([99, 100, 101]));
        w.flush();
        w.flush();
      }),
    ).toEqual(['ab', 'cde']);
  });

  it('grows for a piece larger than its buffer, and writes text as UTF-8', () => {
    expect(
      chunks(2, (w) => {
        w.text('é');
        w.text('abcdef');
        w.flush();
      }),
    ).toEqual(['é', 'abcdef']);
  });
});
