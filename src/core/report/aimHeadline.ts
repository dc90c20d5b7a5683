/**
 * Page 1 of an aim sheet in words and figures: the headline figures, what
 * the run chart shows (its verdict) and how to read the sheet.
 */
import type { CellValue } from '../grid';
import type { AimDefinition, AimResult, RunChart } from '../model';
import { dayFromIso, ukFromDay } from '../dates';
import { runChartSignals } from '../runchart';
import { PERCENT_FORMAT, WEEKS_FORMAT, type CellBlock } from './plan';
import type { AimSheetContext, Names } from './aimParts';

/** What the run chart shows, in a data lead's words (empty when there is no chart). */
export function runChartVerdict(chart: RunChart, aim: AimDefinition): string {
  if (chart.points.length === 0) return '';
  const signals = runChartSignals(chart);
  const parts: string[] = [];
  if (chart.baselineFallback && 'before' in aim.baseline) {
    parts.push(`No child reached this milestone before ${ukFromDay(dayFromIso(aim.baseline.before) as number)}, so the first ${chart.phases[0].medianFrom[1] + 1} children form the baseline instead.`);
  }
  const signs: string[] = [];
  if (signals.shift) signs.push(chart.rules === 'anhoej' ? 'a run longer than expected on one side of the median' : 'a shift (6 or more children in a row on one side of the median)');
  if (signals.trend) signs.push('a trend (5 or more children in a row each going the same way)');
  if (signals.runs) {
    const r = chart.runs;
    signs.push(r.tooFew ? `too few runs (${r.runs}; at least ${r.lower} expected)` : `too many runs (${r.runs}; at most ${r.upper} expected)`);
  }
  if (chart.rules === 'anhoej' && chart.anhoej.signal && !signals.shift) signs.push('fewer crossings of the median than expected');
  parts.push(
    signs.length === 0
      ? 'Run chart: no sign of non-random change yet.'
      : `Run chart: signs of non-random change: ${signs.join('; ')}.`,
  );
  const rephases = chart.phases.length - 1;
  if (rephases > 0) parts.push(`The median was re-phased ${rephases === 1 ? 'once' : `${rephases} times`} after ${aim.rephaseRun} children in a row improved on it.`);
  if (signals.astronomical) parts.push('Some children are far from the rest (black crosses): check those dates.');
  return parts.join(' ');
}

/** The headline figures: one label and its value a row, from `row` down (labels in A, values in B). */
export function headline(result: AimResult, aim: AimDefinition, row: number): CellBlock[] {
  const labels = ['Completed', 'Within target', '% within target', 'Target %', 'Median weeks', 'Waiting', 'Waiting past target'];
  const hasTarget = aim.targetWeeks !== null;
  const values: CellValue[] = [
    result.completed,
    hasTarget ? result.withinTarget : null,
    result.percentWithinTarget,
    aim.targetPercent,
    result.medianWeeks,
    result.waiting,
    hasTarget ? result.waitingBeyondTarget : null,
  ];
  const formats: (string | null)[] = [null, null, PERCENT_FORMAT, PERCENT_FORMAT, WEEKS_FORMAT, null, null];
  return [
    { at: `A${row}`, values: labels.map((label) => [label]), style: 'label' },
    ...values.map((value, i): CellBlock => ({ at: `B${row + i}`, values: [[value]], style: 'headline', columnFormats: [formats[i]] })),
  ];
}

/** Width of column A that keeps every headline label clear of its value. */
export function headlineLabelWidth(result: AimResult, aim: AimDefinition): number {
  return Math.max(...headline(result, aim, 1)[0].values.map((r) => String(r[0]).length)) + 3;
}

/** How to read the sheet, in words (the run chart's lines and markers). */
export function howToRead(result: AimResult, aim: AimDefinition, names: Names, ctx: AimSheetContext): string {
  const hasTarget = aim.targetWeeks !== null;
  const how = hasTarget
    ? `Weeks = days from ${names.start.noun} to ${names.end.noun} ÷ 7. Within target = ${aim.targetWeeks} weeks or fewer. `
    : `Weeks = days from ${names.start.noun} to ${names.end.noun} ÷ 7. This aim has no target. `;
  const baselineCount = result.runChart.phases[0] ? result.runChart.phases[0].medianFrom[1] + 1 : 0;
  const baseline =
    'before' in aim.baseline && !result.runChart.baselineFallback
      ? `the children who reached it before ${ukFromDay(dayFromIso(aim.baseline.before) as number)}`
      : `the first ${baselineCount || ('points' in aim.baseline ? aim.baseline.points : 12)} children`;
  return (
    `${how}Run chart: one point per child, in date order. The median of ${baseline} is the solid grey line, dashed where carried forward, dash-dot once re-phased; ` +
    `${hasTarget ? 'the target is the dotted red line. ' : ''}Green triangles: a shift or trend the way the aim wants (improvement); orange squares: against it (deterioration); ` +
    `black crosses: a child far from the rest. Source: sheet '${ctx.sourceSheet}'.`
  );
}
