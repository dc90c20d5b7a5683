import type { RunChart, RunChartOptions } from '../model';
import { parseSeriesCsv } from './csv';
import { computeRunChart } from './chart';

/** The RUNCHART object of cli-contract.md (same shape as RunChart, numbers rounded for reading). */
export type RunChartJson = RunChart;

/**
 * Four decimals: enough to tell any two weeks or percentages apart, and no
 * 30.099999999999998 in the output. Values are rounded the same way so a
 * point shown on the centre line really is on it. The chart itself keeps the
 * exact numbers (its rules are judged on those).
 */
export function round4(x: number): number {
  const r = Math.round(x * 1e4) / 1e4;
  return Object.is(r, -0) ? 0 : r;
}

export function runChartToJson(chart: RunChart): RunChartJson {
  const json: RunChartJson = {
    rules: chart.rules,
    direction: chart.direction,
    points: chart.points.map((p) => ({
      date: p.date,
      value: round4(p.value),
      centre: p.centre === null ? null : round4(p.centre),
      phase: p.phase,
      baseline: p.baseline,
      shift: p.shift,
      trend: p.trend,
      rephaseRun: p.rephaseRun,
      astronomical: p.astronomical,
    })),
    phases: chart.phases.map((ph) => ({
      phase: ph.phase,
      firstIndex: ph.firstIndex,
      lastIndex: ph.lastIndex,
      median: round4(ph.median),
      medianFrom: [ph.medianFrom[0], ph.medianFrom[1]],
    })),
    runs: { ...chart.runs },
    anhoej: { ...chart.anhoej },
  };
  if (chart.baselineFallback) json.baselineFallback = true;
  return json;
}

/**
 * The whole `runchart` command's output for SERIES.csv text: one RUNCHART for
 * a `date,value` file, `{ groups: [{ group, ...RUNCHART }] }` for a file with a
 * group column (groups in order of first appearance). Throws
 * UserFacingError('badSeries') for a bad file.
 */
export function runchartCommandJson(
  text: string,
  options: RunChartOptions = {},
): RunChartJson | { groups: Array<{ group: string } & RunChartJson> } {
  const parsed = parseSeriesCsv(text);
  if (parsed.groups.length === 1 && parsed.groups[0].group === null) {
    return runChartToJson(computeRunChart(parsed.groups[0].points, options));
  }
  return {
    groups: parsed.groups.map((g) => ({ group: g.group as string, ...runChartToJson(computeRunChart(g.points, options)) })),
  };
}
