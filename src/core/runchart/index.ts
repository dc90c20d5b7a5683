/**
 * The run-chart engine: one pure function per rule (median, shift, trend,
 * runs, Anhøj, re-phasing, astronomical), put together by computeRunChart.
 * See /work/shared/pace-domain.md §4 and cli-contract.md (runchart).
 */
export { computeRunChart, sortByDate } from './chart';
export { parseSeriesCsv } from './csv';
export type { SeriesGroup, ParsedSeries } from './csv';
export { runChartToJson, runchartCommandJson } from './json';
export type { RunChartJson } from './json';
export { runChartSignals } from './signals';
export type { RunChartSignals } from './signals';
export { median } from './median';
export { qbinom } from './binomial';
export { runsLimits } from './runsTest';
export { longestRunLimit, crossingsLimit } from './anhoej';

