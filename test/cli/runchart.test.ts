/* eslint-disable @typescript-eslint/no-explicit-any -- the JSON documents under test are untyped on purpose: their keys and types are what is checked. */
/**
 * runchart (cli-contract.md): a CSV fixture with a sustained improvement,
 * each option's effect, a grouped file with 3,000 groups, and a bad line.
 */
import { makeTempDir, removeDir, runChartProblems, runCli, runJson, writeText } from './helpers';

const BASELINE = [30, 32, 28, 35, 31, 29, 33, 30, 34, 27, 31, 30]; // median 30.5
const IMPROVED = [20, 22, 19, 21, 18, 23, 20, 17, 22, 21, 19, 20, 24, 18]; // all below 30.5: a sustained shift down
const VALUES = [...BASELINE, ...IMPROVED];
const DAY_MS = 86400000;
const START = Date.UTC(2022, 0, 3) / DAY_MS;
const dateOf = (i: number) => new Date((START + 14 * i) * DAY_MS).toISOString().slice(0, 10);
const DATES = VALUES.map((_, i) => dateOf(i));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Lines in a scrambled (but fixed) order: the file need not be sorted. */
function fixtureCsv(): string {
  const order = VALUES.map((_, i) => (i * 7) % VALUES.length); // 7 and 26 are coprime: a permutation
  expect(new Set(order).size).toBe(VALUES.length);
  return `date,value\n${order.map((i) => `${DATES[i]},${VALUES[i]}`).join('\n')}\n`;
}

/** Runs and the Anhøj statistics, from their definitions, against one centre line over all points. */
function runsReference(values: number[], centre: number) {
  const sides = values.map((v) => Math.sign(v - centre)).filter((s) => s !== 0); // on the line: not useful
  let runs = sides.length > 0 ? 1 : 0;
  let longest = sides.length > 0 ? 1 : 0;
  let current = 1;
  for (let i = 1; i < sides.length; i++) {
    if (sides[i] === sides[i - 1]) current++;
    else {
      runs++;
      current = 1;
    }
    longest = Math.max(longest, current);
  }
  const n = sides.length;
  // 5th percentile of Binomial(n − 1, 0.5): the smallest k with P(X <= k) >= 0.05.
  let cdf = 0;
  let k = 0;
  let coeff = 1;
  for (; k <= n - 1; k++) {
    if (k > 0) coeff = (coeff * (n - k)) / k;
    cdf += coeff / 2 ** (n - 1);
    if (cdf >= 0.05) break;
  }
  return { useful: n, runs, longestRun: longest, crossings: runs - 1, longestRunLimit: Math.round(Math.log2(n) + 3), crossingsLimit: k };
}

let dir: string;
let csv: string;
beforeAll(() => {
  dir = makeTempDir('runchart');
  csv = writeText(dir, 'series.csv', fixtureCsv());
});
afterAll(() => removeDir(dir));

async function chart(...options: string[]): Promise<any> {
  const { run, json } = await runJson(['runchart', csv, ...options, '--json']);
  expect(run.code).toBe(0);
  expect(run.stderr).toBe('');
  expect(runChartProblems(json)).toEqual([]);
  return json;
}

describe('runchart defaults', () => {
  it('sorts by date, takes the first 12 points as baseline, and re-phases after 9 improving points', async () => {
    const json = await chart();
    expect(json.rules).toBe('ihi');
    expect(json.direction).toBe('down');
    expect(json.points.map((p: any) => p.date)).toEqual(DATES);
    expect(json.points.map((p: any) => p.value)).toEqual(VALUES);
    expect(json.points.filter((p: any) => p.baseline)).toHaveLength(12);
    expect(json.points.slice(0, 12).every((p: any) => p.baseline)).toBe(true);
    expect(json.phases).toHaveLength(2);
    expect(json.phases[0]).toEqual({ phase: 0, firstIndex: 0, lastIndex: 11, median: 30.5, medianFrom: [0, 11] });
    // The new median is the median of exactly the first 9 points of the run.
    expect(json.phases[1]).toEqual({ phase: 1, firstIndex: 12, lastIndex: 25, median: median(IMPROVED.slice(0, 9)), medianFrom: [12, 20] });
    expect(json.points.map((p: any) => p.rephaseRun)).toEqual(VALUES.map((_, i) => i >= 12 && i <= 20));
    expect(json.points.map((p: any) => p.centre)).toEqual(VALUES.map((_, i) => (i < 12 ? 30.5 : median(IMPROVED.slice(0, 9)))));
    expect(json.points.map((p: any) => p.phase)).toEqual(VALUES.map((_, i) => (i < 12 ? 0 : 1)));
  });

  it('reports runs and the Anhøj statistics against the first phase centre over all points', async () => {
    const json = await chart();
    const ref = runsReference(VALUES, 30.5);
    expect(json.runs).toMatchObject({ useful: ref.useful, runs: ref.runs });
    expect(json.anhoej).toEqual({
      longestRun: ref.longestRun,
      longestRunLimit: ref.longestRunLimit,
      crossings: ref.crossings,
      crossingsLimit: ref.crossingsLimit,
      signal: ref.longestRun > ref.longestRunLimit || ref.crossings < ref.crossingsLimit,
    });
    expect(json.anhoej.signal).toBe(true);
  });

  it('keeps points with the same date in file order', async () => {
    const ties = writeText(dir, 'ties.csv', 'date,value\n2023-02-01,5\n2023-01-01,9\n2023-01-01,3\n2023-01-01,7\n');
    const { json } = await runJson(['runchart', ties, '--json']);
    expect(json.points.map((p: any) => [p.date, p.value])).toEqual([
      ['2023-01-01', 9],
      ['2023-01-01', 3],
      ['2023-01-01', 7],
      ['2023-02-01', 5],
    ]);
  });

  it('prints ISO dates whatever the file used (dd/mm/yyyy accepted)', async () => {
    const uk = writeText(dir, 'uk.csv', 'date,value\n03/04/2023,1\n01/02/2023,2\n');
    const { json } = await runJson(['runchart', uk, '--json']);
    expect(json.points.map((p: any) => p.date)).toEqual(['2023-02-01', '2023-04-03']);
  });
  it('re-phases again only after 9 more points beyond the new median', async () => {
    const more = [21, 19, 15, 14, 13, 16, 12, 15, 14, 13, 11, 14]; // one point above 20, then a run below it
    const values = [...BASELINE, ...IMPROVED.slice(0, 9), ...more];
    const file = writeText(dir, 'twice.csv', `date,value\n${values.map((v, i) => `${dateOf(i)},${v}`).join('\n')}\n`);
    const { json } = await runJson(['runchart', file, '--json']);
    expect(json.phases.map((p: any) => [p.firstIndex, p.lastIndex, p.median, p.medianFrom])).toEqual([
      [0, 11, 30.5, [0, 11]],
      [12, 21, median(IMPROVED.slice(0, 9)), [12, 20]],
      [22, values.length - 1, median(more.slice(1, 10)), [22, 30]],
    ]);
  });
});

describe('runchart options', () => {
  it('--baseline N: the first N points', async () => {
    const json = await chart('--baseline', '6');
    expect(json.points.filter((p: any) => p.baseline)).toHaveLength(6);
    expect(json.phases[0]).toMatchObject({ firstIndex: 0, median: median(BASELINE.slice(0, 6)), medianFrom: [0, 5] });
  });

  it('--baseline-before DATE: every point before that date', async () => {
    const json = await chart('--baseline-before', DATES[8]);
    expect(json.points.map((p: any) => p.baseline)).toEqual(VALUES.map((_, i) => i < 8));
    expect(json.phases[0]).toMatchObject({ median: median(BASELINE.slice(0, 8)), medianFrom: [0, 7] });
  });

  it('--no-rephase: one median all the way, and the improvement shows as a shift', async () => {
    const json = await chart('--no-rephase');
    expect(json.phases).toHaveLength(1);
    expect(json.phases[0]).toMatchObject({ firstIndex: 0, lastIndex: VALUES.length - 1, median: 30.5 });
    expect(json.points.every((p: any) => p.centre === 30.5 && p.phase === 0 && !p.rephaseRun)).toBe(true);
    // 6 or more consecutive points below the centre line.
    expect(json.points.slice(12).every((p: any) => p.shift)).toBe(true);
    expect(json.points.slice(0, 11).some((p: any) => p.shift)).toBe(false);
  });

  it('--rephase N: the new median from the first N points of the run', async () => {
    const json = await chart('--rephase', '5');
    expect(json.phases[1]).toMatchObject({ firstIndex: 12, median: median(IMPROVED.slice(0, 5)), medianFrom: [12, 16] });
  });

  it('--direction up: a run downwards is not an improvement, so no re-phase', async () => {
    const json = await chart('--direction', 'up');
    expect(json.direction).toBe('up');
    expect(json.phases).toHaveLength(1);
  });

  it('--rules anhoej: the verdict follows Anhøj; runs and anhoej are always there and the same', async () => {
    const ihi = await chart('--no-rephase');
    const anhoej = await chart('--rules', 'anhoej', '--no-rephase');
    expect(anhoej.rules).toBe('anhoej');
    expect(anhoej.runs).toEqual(ihi.runs);
    expect(anhoej.anhoej).toEqual(ihi.anhoej);
    expect(anhoej.points.some((p: any) => p.trend)).toBe(false);
    // The long run below the centre is beyond Anhøj's limit: its points are flagged.
    expect(anhoej.points.slice(12).every((p: any) => p.shift)).toBe(true);
  });
});

describe('runchart with a group column', () => {
  it('handles 3,000 groups in order of first appearance', async () => {
    const GROUPS = 3000;
    const name = (g: number) => `Team ${String((g * 7919) % 10007).padStart(5, '0')}`; // not alphabetical
    const lines = ['date,value,group'];
    // Interleaved: first a point for every group, then more points in reverse group order.
    for (let g = 0; g < GROUPS; g++) lines.push(`2023-03-${String(1 + (g % 28)).padStart(2, '0')},${g % 50},${name(g)}`);
    for (let g = GROUPS - 1; g >= 0; g--) lines.push(`2023-01-15,${(g % 50) + 1},"${name(g)}"`);
    for (let g = 0; g < GROUPS; g += 3) lines.push(`2023-02-10,${g % 7},${name(g)}`);
    const grouped = writeText(dir, 'grouped.csv', `${lines.join('\r\n')}\r\n`);
    const { run, json } = await runJson(['runchart', grouped, '--json']);
    expect(run.code).toBe(0);
    expect(json.groups).toHaveLength(GROUPS);
    expect(json.groups.map((x: any) => x.group)).toEqual(Array.from({ length: GROUPS }, (_, g) => name(g)));
    json.groups.forEach((x: any, g: number) => {
      const expected = [[`2023-01-15`, (g % 50) + 1], ...(g % 3 === 0 ? [['2023-02-10', g % 7]] : []), [`2023-03-${String(1 + (g % 28)).padStart(2, '0')}`, g % 50]];
      expect(x.points.map((p: any) => [p.date, p.value])).toEqual(expected);
    });
    expect(runChartProblems(json.groups[0], 'first')).toEqual([]);
    expect(runChartProblems(json.groups[GROUPS - 1], 'last')).toEqual([]);
  });

  it('a grouped file with no points yet is still {groups: []}; an ungrouped one an empty RUNCHART', async () => {
    const grouped = (await runJson(['runchart', writeText(dir, 'empty-grouped.csv', 'date,value,group\n'), '--json'])).json;
    expect(grouped).toEqual({ groups: [] });
    const single = (await runJson(['runchart', writeText(dir, 'empty.csv', 'date,value\n'), '--json'])).json;
    expect(runChartProblems(single)).toEqual([]);
    expect(single.points).toEqual([]);
  });

  it('applies the options to every group', async () => {
    const lines = ['group,date,value'];
    for (let i = 0; i < VALUES.length; i++) lines.push(`A,${DATES[i]},${VALUES[i]}`, `B,${DATES[i]},${VALUES[i] + 1}`);
    const grouped = writeText(dir, 'two.csv', `${lines.join('\n')}\n`);
    const { json } = await runJson(['runchart', grouped, '--baseline', '4', '--no-rephase', '--json']);
    expect(json.groups.map((g: any) => g.group)).toEqual(['A', 'B']);
    expect(json.groups[0].phases).toEqual([{ phase: 0, firstIndex: 0, lastIndex: VALUES.length - 1, median: median(VALUES.slice(0, 4)), medianFrom: [0, 3] }]);
    expect(json.groups[1].phases[0].median).toBe(median(VALUES.slice(0, 4)) + 1);
  });
});

describe('runchart with a bad file', () => {
  it.each([
    ['a date that is not a date', 'date,value\n2023-01-01,4\n2023-01-02,5\n2023-13-45,6\n', 4],
    ['a value that is not a number', 'date,value\n2023-01-01,4\n2023-01-02,5 weeks\n', 3],
    ['a line with too many fields', 'date,value\n2023-01-01,4\n2023-01-02,5\n2023-01-03,6\n2023-01-04,7,North\n', 5],
  ])('%s: exit 2, one line naming the line', async (_label, text, line) => {
    const file = writeText(dir, 'bad.csv', text);
    const run = await runCli(['runchart', file, '--json']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^pace-tracker: [^\n]+\n$/);
    expect(run.stderr).toMatch(new RegExp(`[Ll]ine ${line}\\b`));
  });

  it('a file without the date,value header: exit 2 saying what the header must be', async () => {
    const file = writeText(dir, 'noheader.csv', '2023-01-01,4\n');
    const run = await runCli(['runchart', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^pace-tracker: [^\n]*date,value[^\n]*\n$/);
  });
});
