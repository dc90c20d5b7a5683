/** A hand-built report plan shaped like the core's: summary, issues and one sheet per aim. */
import type { CellValue } from '../../src/core/grid';
import type { PlannedSheet, ReportPlan } from '../../src/core/report/plan';
import { DATE_FORMAT, WEEKS_FORMAT, PERCENT_FORMAT } from '../../src/core/report/plan';

export function aimSheetName(i: number): string {
  return `Aim ${i} recommendation`;
}

export function aimSheet(i: number, children: number, waiting: number): PlannedSheet {
  const last = 9 + children;
  const rows: CellValue[][] = [['Child ID', 'Row', 'Start', 'End', 'Weeks', 'Within target', 'Centre', 'Target', 'Test of change']];
  for (let c = 0; c < children; c++) {
    rows.push([`C${String(c).padStart(5, '0')}`, c + 4, 43000 + c, 43200 + c, 20 + (c % 17), c % 17 <= 6 ? 'Yes' : 'No', 28.6, 26, c === 5 ? 3 : '']);
  }
  const waitRows: CellValue[][] = [['Child ID', 'Weeks waiting', 'Within target', 'Beyond target']];
  for (let w = 0; w < waiting; w++) waitRows.push([`W${w}`, 60 - w, 60 - w > 26 ? '' : 60 - w, 60 - w > 26 ? 60 - w : '']);
  const waitLast = 9 + waiting;
  return {
    name: aimSheetName(i),
    role: 'aim',
    tabColor: '#2F5597',
    blocks: [
      { at: 'A1', values: [[`Aim ${i}: recommendation within 26 weeks of accommodation`]], style: 'title' },
      { at: 'A2', values: [['As of 31/03/2024']], style: 'subtitle' },
      { at: 'A4', values: [['Completed', children], ['% within target', 41.5]], columnFormats: [null, PERCENT_FORMAT], style: 'label' },
      { at: 'A7', values: [['A note on how to read this sheet.']], style: 'note', wrap: true },
      { at: 'A8', values: [['Children who completed the interval']], style: 'heading' },
      { at: 'A9', values: rows, columnFormats: [null, null, DATE_FORMAT, DATE_FORMAT, WEEKS_FORMAT, null, WEEKS_FORMAT, WEEKS_FORMAT, null] },
      { at: 'K9', values: waitRows, columnFormats: [null, WEEKS_FORMAT, WEEKS_FORMAT, WEEKS_FORMAT] },
    ],
    tables: [
      { name: `PACE_Aim${i}_Children`, range: `A9:I${last}`, style: 'TableStyleMedium2' },
      { name: `PACE_Aim${i}_Waiting`, range: `K9:N${waitLast}`, style: 'TableStyleLight9' },
    ],
    links: Array.from({ length: Math.min(children, 20) }, (_, c) => ({ cell: `B${10 + c}`, target: `'Tracker'!A${c + 4}`, text: String(c + 4), tooltip: 'Go to the child on the tracker' })),
    charts: [
      {
        name: `aim${i}RunChart`,
        kind: 'line',
        title: `Aim ${i}: weeks from accommodation to recommendation`,
        xAxisTitle: 'Date of recommendation',
        yAxisTitle: 'Weeks',
        categories: `D10:D${last}`,
        categoryFormat: DATE_FORMAT,
        series: [
          { name: 'Weeks', values: `E10:E${last}`, color: '#1F4E79', line: 'solid', lineWidth: 1.5, marker: 'circle', markerSize: 5 },
          { name: 'Median', values: `G10:G${last}`, color: '#7F7F7F', line: 'dash', marker: 'none' },
          { name: 'Target (26 weeks)', values: `H10:H${last}`, color: '#C00000', line: 'dash', lineWidth: 1, marker: 'none' },
          { name: 'Tests of change', values: `I10:I${last}`, color: '#548235', line: 'none', marker: 'triangle', markerSize: 8, dataLabels: 'seriesName' },
        ],
        anchor: { from: 'P2', to: 'Z22' },
        yAxisMin: 0,
        yAxisMax: 120,
        showLegend: true,
      },
      {
        name: `aim${i}Waiting`,
        kind: 'bar',
        stacked: true,
        title: 'Children still waiting',
        xAxisTitle: 'Child',
        yAxisTitle: 'Weeks waiting',
        categories: `K10:K${waitLast}`,
        series: [
          { name: 'Within target', values: `M10:M${waitLast}`, color: '#9DC3E6', line: 'solid', marker: 'none' },
          { name: 'Beyond target', values: `N10:N${waitLast}`, color: '#C00000', line: 'solid', marker: 'none' },
        ],
        anchor: { from: 'P24', to: 'Z44' },
        reverseCategories: true,
        showLegend: false,
      },
    ],
    columnWidths: [12, 6, 12, 12, 8, 12, 8, 8, 14, 2, 12, 12, 12, 12],
    freezeRows: 0,
  };
}

export function summarySheet(aims: number): PlannedSheet {
  return {
    name: 'PACE Summary',
    role: 'summary',
    blocks: [
      { at: 'A1', values: [['PACE permanence tracker']], style: 'title' },
      { at: 'A3', values: [['Aim', '% within target'], ...Array.from({ length: aims }, (_, i) => [aimSheetName(i + 1), 40 + i])], columnFormats: [null, PERCENT_FORMAT] },
    ],
    tables: [{ name: 'PACE_Summary_Aims', range: `A3:B${3 + aims}`, style: 'TableStyleMedium2' }],
    links: Array.from({ length: aims }, (_, i) => ({ cell: `A${4 + i}`, target: `'${aimSheetName(i + 1)}'!A1`, text: aimSheetName(i + 1) })).concat([
      { cell: 'D1', target: "'PACE Issues'!A1", text: 'See the issues' },
    ]),
    charts: [],
    columnWidths: [30, 14],
    freezeRows: 0,
  };
}

export function issuesSheet(findings: number): PlannedSheet {
  const rows: CellValue[][] = [['Cell', 'Child', 'Severity', 'Message']];
  for (let f = 0; f < findings; f++) rows.push([`H${f + 4}`, `C${f}`, 'error', `ADM decision is before the panel on row ${f + 4}.`]);
  return {
    name: 'PACE Issues',
    role: 'issues',
    tabColor: '#C00000',
    blocks: [
      { at: 'A1', values: [['Issues found']], style: 'title' },
      { at: 'A3', values: rows, wrap: true },
    ],
    tables: [{ name: 'PACE_Issues', range: `A3:D${3 + findings}`, style: 'TableStyleMedium3' }],
    links: Array.from({ length: findings }, (_, f) => ({ cell: `A${4 + f}`, target: `'Tracker'!H${f + 4}`, text: `H${f + 4}` })),
    charts: [],
    columnWidths: [8, 10, 10, 60],
    freezeRows: 3,
  };
}

export function reportPlan(aims = 4, children = 60, waiting = 12, findings = 25): ReportPlan {
  return {
    asOf: '2024-03-31',
    sheets: [summarySheet(aims), issuesSheet(findings), ...Array.from({ length: aims }, (_, i) => aimSheet(i + 1, children, waiting))],
    replaceEarlierReport: true,
  };
}
