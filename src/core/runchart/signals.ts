import type { RunChart } from '../model';

/** The chart's verdict in one place, for summaries and sheet text. */
export interface RunChartSignals {
  shift: boolean;
  trend: boolean;
  /** IHI runs rule: too few or too many runs (only reported under 'ihi'). */
  runs: boolean;
  /** Anhøj's rules (only reported under 'anhoej'). */
  anhoej: boolean;
  /** Points to look at; never a signal by itself. */
  astronomical: boolean;
  /** Any non-random signal under the chart's rules (astronomical points are for judgement, so not counted). */
  any: boolean;
}

export function runChartSignals(chart: RunChart): RunChartSignals {
  const shift = chart.points.some((p) => p.shift);
  const trend = chart.points.some((p) => p.trend);
  const astronomical = chart.points.some((p) => p.astronomical);
  if (chart.rules === 'anhoej') {
    const anhoej = chart.anhoej.signal;
    return { shift, trend: false, runs: false, anhoej, astronomical: false, any: anhoej };
  }
  const runs = chart.runs.tooFew || chart.runs.tooMany;
  return { shift, trend, runs, anhoej: false, astronomical, any: shift || trend || runs };
}
