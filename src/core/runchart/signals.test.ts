import type { SeriesPoint } from '../model';
import { computeRunChart } from './chart';
import { runChartSignals } from './signals';

const series = (values: number[]): SeriesPoint[] =>
  values.map((value, i) => ({ date: `2023-01-${String(i + 1).padStart(2, '0')}`, value }));

describe('runChartSignals', () => {
  it('reports a shift under IHI rules', () => {
    const chart = computeRunChart(series([5, 6, 4, 5, 6, 4, 5, 6, 4, 5, 6, 4, 1, 1, 1, 1, 1, 1]), { rephaseRun: null });
    const s = runChartSignals(chart);
    expect([s.shift, s.any]).toEqual([true, true]);
    expect(s.anhoej).toBe(false);
  });
  it('reports nothing for a random-looking series', () => {
    const s = runChartSignals(computeRunChart(series([5, 6, 7, 4, 3, 6, 7, 4, 3, 5, 6, 4])));
    expect(s).toEqual({ shift: false, trend: false, runs: false, anhoej: false, astronomical: false, any: false });
  });
  it("uses Anhøj's verdict under 'anhoej' and ignores the IHI runs table there", () => {
    const values = [...new Array(10).fill(1), ...new Array(10).fill(9)];
    const ihi = runChartSignals(computeRunChart(series(values), { baseline: { points: 20 }, rephaseRun: null }));
    expect([ihi.runs, ihi.shift, ihi.any]).toEqual([true, true, true]);
    const anhoej = runChartSignals(computeRunChart(series(values), { baseline: { points: 20 }, rephaseRun: null, rules: 'anhoej' }));
    expect(anhoej).toEqual({ shift: true, trend: false, runs: false, anhoej: true, astronomical: false, any: true });
  });
  it('never counts an astronomical point as a signal by itself', () => {
    const s = runChartSignals(computeRunChart(series([5, 6, 4, 7, 3, 6, 4, 5, 7, 3, 6, 200]), { rephaseRun: null }));
    expect([s.astronomical, s.any]).toEqual([true, false]);
  });
});
