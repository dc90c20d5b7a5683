import { UserFacingError } from '../errors';
import type { RunChart } from '../model';
import { computeRunChart } from './chart';
import { round4, runChartToJson, runchartCommandJson } from './json';

describe('round4', () => {
  it('rounds to four decimals without negative zero', () => {
    expect(round4(30.099999999999998)).toBe(30.1);
    expect(round4(28.714285714285715)).toBe(28.7143);
    expect(round4(-0.00001)).toBe(0);
    expect(Object.is(round4(-0.00001), -0)).toBe(false);
  });
});

describe('runChartToJson', () => {
  it('rounds values, centres and medians and keeps everything else', () => {
    const chart: RunChart = computeRunChart([
      { date: '2023-01-01', value: 200 / 7 },
      { date: '2023-01-02', value: 100 / 7 },
    ]);
    const json = runChartToJson(chart);
    expect(json.points[0].value).toBe(28.5714);
    expect(json.points[0].centre).toBe(21.4286);
    expect(json.phases[0].median).toBe(21.4286);
    expect(json.runs).toEqual(chart.runs);
    expect(json.anhoej).toEqual(chart.anhoej);
    expect(Object.keys(json)).toEqual(['rules', 'direction', 'points', 'phases', 'runs', 'anhoej']);
    expect(Object.keys(json.points[0])).toEqual(['date', 'value', 'centre', 'phase', 'baseline', 'shift', 'trend', 'rephaseRun', 'astronomical']);
  });
  it('passes on the baseline fallback only when it happened', () => {
    const points = [{ date: '2023-01-01', value: 1 }];
    expect(runChartToJson(computeRunChart(points, { baseline: { before: '2022-01-01' } })).baselineFallback).toBe(true);
    expect('baselineFallback' in runChartToJson(computeRunChart(points))).toBe(false);
  });
});

describe('runchartCommandJson', () => {
  it('gives one RUNCHART for a date,value file', () => {
    const out = runchartCommandJson('date,value\n2023-01-02,5\n2023-01-01,3\n') as RunChart;
    expect(out.points.map((p) => [p.date, p.value, p.centre])).toEqual([
      ['2023-01-01', 3, 4],
      ['2023-01-02', 5, 4],
    ]);
  });
  it('gives { groups } in order of first appearance for a grouped file, with the options applied', () => {
    const out = runchartCommandJson('date,value,group\n2023-01-01,3,B\n2023-01-01,4,A\n2023-01-02,6,B\n', { rules: 'anhoej', direction: 'up' });
    if (!('groups' in out)) throw new Error('expected groups');
    expect(out.groups.map((g) => [g.group, g.rules, g.direction, g.points.length])).toEqual([
      ['B', 'anhoej', 'up', 2],
      ['A', 'anhoej', 'up', 1],
    ]);
  });
  it('passes on a bad file as a UserFacingError', () => {
    expect(() => runchartCommandJson('date,value\nnot a date,3\n')).toThrow(UserFacingError);
  });
});
