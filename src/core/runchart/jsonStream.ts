/**
 * The `runchart` command's JSON written piece by piece, so 100,000 points
 * never sit in memory as one string or as objects. Compact output is exactly
 * JSON.stringify of runChartToJson's object (same keys, order and numbers);
 * pretty output is exactly JSON.stringify(…, null, 2) of it. Pure: the
 * pieces go to a `write` callback.
 */
import type { RunChartColumns } from './chart';
import { round4, RunChartJson } from './json';

export type Write = (chunk: string) => void;

/** Gathers small pieces and passes them on in chunks of about `size` characters. */
export class ChunkedWriter {
  private buffer = '';
  constructor(
    private readonly write: Write,
    private readonly size = 1 << 16,
  ) {}

  add(piece: string): void {
    this.buffer += piece;
    if (this.buffer.length >= this.size) this.flush();
  }

  flush(): void {
    if (this.buffer.length > 0) this.write(this.buffer);
    this.buffer = '';
  }
}

const FLAG_NAMES = ['baseline', 'shift', 'trend', 'rephaseRun', 'astronomical'];
/** `,"baseline":…,"astronomical":…}` for each of the 32 combinations of the five flags (bit 0 = baseline). */
const FLAG_TAILS = Array.from({ length: 32 }, (_, mask) => `${FLAG_NAMES.map((name, bit) => `,"${name}":${(mask >> bit) & 1 ? 'true' : 'false'}`).join('')}}`);

// Series repeat their dates and values (whole weeks, one decimal): writing each
// distinct one once saves most of the number-to-text work. Bounded, so a series
// of all-different values costs a little memory and no more.
const CACHE_LIMIT = 1 << 16;
const datePrefixes = new Map<string, string>();
const valueTexts = new Map<number, string>();

/** `{"date":"…","value":` for a date. */
function datePart(date: string): string {
  let part = datePrefixes.get(date);
  if (part === undefined) {
    if (datePrefixes.size >= CACHE_LIMIT) datePrefixes.clear();
    part = `{"date":${JSON.stringify(date)},"value":`;
    datePrefixes.set(date, part);
  }
  return part;
}

/** A value as the JSON text of round4(value). */
function valueText(value: number): string {
  let text = valueTexts.get(value);
  if (text === undefined) {
    if (valueTexts.size >= CACHE_LIMIT) valueTexts.clear();
    text = String(round4(value));
    valueTexts.set(value, text);
  }
  return text;
}

/** runChartToJson's object for a chart held as columns (for pretty output and tests). */
export function runChartColumnsToJson(c: RunChartColumns): RunChartJson {
  const points = new Array<RunChartJson['points'][number]>(c.values.length);
  for (let i = 0; i < points.length; i++) {
    points[i] = {
      date: c.dates[i],
      value: round4(c.values[i]),
      centre: round4(c.phases[c.phaseOf[i]].median),
      phase: c.phaseOf[i],
      baseline: i < c.baselineCount,
      shift: c.shift[i],
      trend: c.trend[i],
      rephaseRun: c.rephaseRun[i],
      astronomical: c.astronomical[i],
    };
  }
  const json: RunChartJson = {
    rules: c.rules,
    direction: c.direction,
    points,
    ...chartTail(c),
  };
  if (c.baselineFallback) json.baselineFallback = true;
  return json;
}

/** One RUNCHART, compact, preceded by `"group":…` when `group` is given. */
export function writeRunChartCompact(out: ChunkedWriter, c: RunChartColumns, group?: string): void {
  out.add(`{${group === undefined ? '' : `"group":${JSON.stringify(group)},`}"rules":${JSON.stringify(c.rules)},"direction":${JSON.stringify(c.direction)},"points":[`);
  // What follows the value: the centre and phase, the same for every point of a phase.
  const phaseParts = c.phases.map((ph) => `,"centre":${round4(ph.median)},"phase":${ph.phase}`);
  const { dates, values, phaseOf, shift, trend, rephaseRun, astronomical, baselineCount } = c;
  for (let i = 0; i < values.length; i++) {
    const mask = (i < baselineCount ? 1 : 0) | (shift[i] ? 2 : 0) | (trend[i] ? 4 : 0) | (rephaseRun[i] ? 8 : 0) | (astronomical[i] ? 16 : 0);
    out.add(`${i === 0 ? '' : ','}${datePart(dates[i])}${valueText(values[i])}${phaseParts[phaseOf[i]]}${FLAG_TAILS[mask]}`);
  }
  const rest = chartTail(c);
  out.add(`],"phases":${JSON.stringify(rest.phases)},"runs":${JSON.stringify(rest.runs)},"anhoej":${JSON.stringify(rest.anhoej)}${c.baselineFallback ? ',"baselineFallback":true' : ''}}`);
}

/** What follows the points, as runChartToJson gives it. */
function chartTail(c: RunChartColumns): Pick<RunChartJson, 'phases' | 'runs' | 'anhoej'> {
  return {
    phases: c.phases.map((ph) => ({
      phase: ph.phase,
      firstIndex: ph.firstIndex,
      lastIndex: ph.lastIndex,
      median: round4(ph.median),
      medianFrom: [ph.medianFrom[0], ph.medianFrom[1]],
    })),
    runs: { ...c.runs },
    anhoej: { ...c.anhoej },
  };
}

/**
 * The whole command's document, one chart at a time: a single RUNCHART for a
 * file without a group column, `{ "groups": [...] }` otherwise. `charts`
 * yields each group's chart when asked, so only one is alive at a time.
 */
export function writeRunChartDocument(
  write: Write,
  grouped: boolean,
  charts: Iterable<{ group: string | null; chart: RunChartColumns }>,
  pretty: boolean,
): void {
  const out = new ChunkedWriter(write);
  if (!grouped) {
    for (const { chart } of charts) {
      if (pretty) out.add(JSON.stringify(runChartColumnsToJson(chart), null, 2));
      else writeRunChartCompact(out, chart);
    }
    out.add('\n');
    out.flush();
    return;
  }
  let first = true;
  out.add(pretty ? '{\n  "groups": [' : '{"groups":[');
  for (const { group, chart } of charts) {
    if (pretty) {
      const text = JSON.stringify({ group, ...runChartColumnsToJson(chart) }, null, 2);
      out.add(`${first ? '' : ','}\n    ${text.replace(/\n/g, '\n    ')}`);
    } else {
      if (!first) out.add(',');
      writeRunChartCompact(out, chart, group as string);
    }
    first = false;
  }
  out.add(pretty ? (first ? ']\n}\n' : '\n  ]\n}\n') : ']}\n');
  out.flush();
}
