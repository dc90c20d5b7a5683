import type { SeriesPoint } from '../model';
import { computeRunChart, computeRunChartColumns, runChartFromColumns, sortByDate } from './chart';
import { runChartToJson } from './json';
import { ChunkedWriter, runChartColumnsToJson, writeRunChartDocument } from './jsonStream';

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

function written(grouped: boolean, charts: Array<{ group: string | null; chart: ReturnType<typeof columnsOf> }>, pretty: boolean, chunk = 1 << 16): { text: string; pieces: number } {
  const pieces: string[] = [];
  writeRunChartDocument((t) => pieces.push(t), grouped, charts, pretty);
  expect(pieces.every((p) => p.length > 0)).toBe(true);
  void chunk;
  return { text: pieces.join(''), pieces: pieces.length };
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

  it('sends a long document in chunks rather than one string', () => {
    const long = weekly(Array.from({ length: 5000 }, (_, i) => (i * 37) % 101));
    const { text, pieces } = written(false, [{ group: null, chart: columnsOf(long) }], false);
    expect(pieces).toBeGreaterThan(5);
    expect(JSON.parse(text).points).toHaveLength(5000);
  });
});

describe('ChunkedWriter', () => {
  it('passes pieces on once they reach the chunk size, and the rest on flush', () => {
    const out: string[] = [];
    const w = new ChunkedWriter((t) => out.push(t), 4);
    w.add('ab');
    expect(out).toEqual([]);
    w.add('cde');
    expect(out).toEqual(['abcde']);
    w.add('f');
    w.flush();
    w.flush();
    expect(out).toEqual(['abcde', 'f']);
  });
});
