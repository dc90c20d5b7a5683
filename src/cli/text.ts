/**
 * Human-readable output of the command line: short, plain, UK dates. The
 * JSON (--json) is the contract; this is for people at a terminal.
 */
import type { CheckResult, RunChart } from '../core/model';
import type { InspectResult } from '../core/inspect';
import type { MeasuredAims } from '../core/usecases/pipeline';
import { dayFromIso, ukFromDay } from '../core/dates';
import { fieldLabel } from '../core/fields';
import { SEVERITY_LABELS, severityCounts } from '../core/severity';


function uk(iso: string): string {
  const day = dayFromIso(iso);
  return day === null ? iso : ukFromDay(day);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function formatInspect(json: InspectResult, children: number): string {
  const lines = [
    `Sheet '${json.sheet}'${json.table ? ` (Excel Table ${json.table})` : ''}: headings on row ${json.headerRow}, ${plural(children, 'child', 'children')} on rows ${json.firstDataRow}–${json.lastDataRow}.`,
    json.date1904 ? 'This workbook uses the 1904 date system (dates are read accordingly).' : '',
    json.titleAsOf ? `The title gives an as-of date: ${uk(json.titleAsOf)} (use it with --as-of ${uk(json.titleAsOf)}).` : '',
    '',
    'Columns recognised:',
    ...json.columns.map((c) => `  ${c.column.padEnd(3)} ${c.header.padEnd(36)} → ${fieldLabel(c.field)}${c.confidence < 0.7 ? '  (check this)' : ''}`),
  ];
  if (json.unmapped.length > 0) {
    lines.push('', 'Columns not used:');
    for (const u of json.unmapped) lines.push(`  ${u.column.padEnd(3)} ${u.header}${u.looksLikeDates ? '  (holds dates: can be added as a local milestone)' : ''}`);
  }
  return `${lines.filter((l, i) => l !== '' || (i > 0 && lines[i - 1] !== '')).join('\n')}\n`;
}

export function formatCheck(result: CheckResult): string {
  const lines = [`Checked '${result.sheet}' as of ${uk(result.asOf)}: ${severityCounts(result.counts)}.`];
  for (const f of result.findings) {
    lines.push(`  ${SEVERITY_LABELS[f.severity].toUpperCase().padEnd(7)} ${f.cell.padEnd(6)} ${f.childId ?? '(no ID)'}: ${f.message}`);
  }
  return `${lines.join('\n')}\n`;
}

export function formatAims(asOf: string, measured: MeasuredAims): string {
  const lines = [`Aims as of ${uk(asOf)}:`];
  for (const { result: a } of measured.aims) {
    lines.push('', `${a.name} (${fieldLabel(a.start)} → ${fieldLabel(a.end)})`);
    if (a.targetWeeks !== null) {
      lines.push(
        `  ${a.completed} completed, ${a.withinTarget} within ${a.targetWeeks} weeks` +
          (a.percentWithinTarget === null ? '' : ` (${a.percentWithinTarget}%; aim ${a.targetPercent ?? '–'}%)`),
      );
    } else {
      lines.push(`  ${a.completed} completed`);
    }
    lines.push(`  Median ${a.medianWeeks ?? '–'} weeks. ${a.waiting} waiting${a.targetWeeks !== null ? `, ${a.waitingBeyondTarget} past the target` : ''}.`);
    if (a.excluded.length > 0) {
      const rows = a.excluded.map((e) => e.row);
      lines.push(`  Excluded from every figure: ${plural(a.excluded.length, 'child', 'children')} whose end date is before the start date (row${rows.length === 1 ? '' : 's'} ${rows.join(', ')}).`);
    }
    const signals = a.runChart.points.filter((p) => p.shift || p.trend).length;
    lines.push(`  Run chart: ${a.runChart.points.length} points, ${a.runChart.phases.length} median${a.runChart.phases.length === 1 ? '' : 's'}, ${signals} points in a shift or trend.`);
  }
  lines.push('', 'Children between milestones (still looked after):');
  for (const s of measured.stages) lines.push(`  ${s.label.padEnd(48)} ${s.count}`);
  return `${lines.join('\n')}\n`;
}

export function formatRunChart(chart: RunChart, group: string | null): string {
  const lines = [group === null ? 'Run chart' : `Run chart: ${group}`];
  lines.push(`  ${chart.points.length} points; rules ${chart.rules === 'ihi' ? 'NHS Scotland / IHI' : 'Anhøj'}; improvement is ${chart.direction}.`);
  for (const p of chart.phases) {
    lines.push(`  Median ${Number(p.median.toFixed(2))} from point ${p.firstIndex + 1} to ${p.lastIndex + 1} (calculated from points ${p.medianFrom[0] + 1}–${p.medianFrom[1] + 1}).`);
  }
  const shifts = chart.points.filter((p) => p.shift).length;
  const trends = chart.points.filter((p) => p.trend).length;
  const astro = chart.points.filter((p) => p.astronomical).length;
  lines.push(`  Shift points: ${shifts}. Trend points: ${trends}. Unusually high or low points to look at: ${astro}.`);
  const r = chart.runs;
  lines.push(
    `  Runs: ${r.runs} among ${r.useful} useful points` +
      (r.lower === null
        ? ' (too few points for the runs table).'
        : ` (expected ${r.lower}–${r.upper}${r.limitsFrom === 'computed' ? ', calculated: more points than the published table covers' : ''}${r.tooFew ? ': too few' : r.tooMany ? ': too many' : ''}).`),
  );
  const a = chart.anhoej;
  lines.push(`  Anhøj: longest run ${a.longestRun} (limit ${a.longestRunLimit ?? '–'}), crossings ${a.crossings} (limit ${a.crossingsLimit ?? '–'})${a.signal ? ': signal' : ''}.`);
  return `${lines.join('\n')}\n`;
}
