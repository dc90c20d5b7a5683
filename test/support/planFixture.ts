/**
 * A hand-made report plan shaped like the real one (summary, issues with
 * links, an aim sheet with a run chart and a waiting bar chart), for writer
 * tests that must not depend on the plan builder.
 */
import type { CellValue } from '../../src/core/grid';
import { DATE_FORMAT, PERCENT_FORMAT, ReportPlan, WEEKS_FORMAT } from '../../src/core/report/plan';

/** Serial (1900 system) of an ISO day. */
function serial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / 86400000) + 25569;
}

export const FIXTURE_POINTS = 30;
/** First row of the run-chart data table (header one row above). */
export const FIXTURE_DATA_ROW = 8;

export function fixturePlan(options: { asOf?: string; replaceEarlierReport?: boolean; sheetPrefix?: string } = {}): ReportPlan {
  const prefix = options.sheetPrefix ?? 'PACE';
  const rows: CellValue[][] = [];
  for (let i = 0; i < FIXTURE_POINTS; i++) {
    const end = serial('2021-01-04') + i * 23;
    const weeks = Math.round((i < 15 ? 40 - (i % 5) : 22 + (i % 4)) * 10) / 10;
    rows.push([
      `SYN${String(i + 1).padStart(4, '0')}`,
      end,
      weeks,
      i < 12 ? 38 : null, // baseline median, solid
      i >= 11 ? 38 : null, // extended median, dashed
      26, // target
      i === 14 ? weeks : null, // test of change marker
    ]);
  }
  const lastRow = FIXTURE_DATA_ROW + FIXTURE_POINTS - 1;
  const waiting: CellValue[][] = [
    ['SYN0101', null, 61.3],
    ['SYN0102', null, 40.1],
    ['SYN0103', 20.4, null],
    ['SYN0104', 3.0, null],
  ];
  const wTop = FIXTURE_DATA_ROW;
  return {
    asOf: options.asOf ?? '2024-03-31',
    replaceEarlierReport: options.replaceEarlierReport,
    sheets: [
      {
        name: `${prefix} Summary`,
        role: 'summary',
        tabColor: '#1F4E79',
        blocks: [
          { at: 'A1', values: [['PACE permanence summary']], style: 'title' },
          { at: 'A2', values: [['As at 31/03/2024']], style: 'subtitle' },
          { at: 'A4', values: [['Stage'], ['Waiting for recommendation'], ['Waiting for panel'], ['Waiting for ADM']], style: 'heading' },
          { at: 'B4', values: [['Children'], [23], [11], [5]], columnFormats: ['0'] },
          { at: 'A9', values: [['Counts are children between milestones on the as-of date.']], style: 'note' },
        ],
        tables: [],
        links: [],
        charts: [
          {
            name: 'stagesChart',
            kind: 'column',
            title: 'Children between milestones',
            xAxisTitle: 'Stage',
            yAxisTitle: 'Children',
            categories: 'A5:A7',
            series: [{ name: 'Children', values: 'B5:B7', color: '#2E75B6', line: 'none', marker: 'none', dataLabels: 'value' }],
            anchor: { from: 'D2', to: 'K18' },
            showLegend: false,
          },
        ],
        columnWidths: [34, 10],
        freezeRows: 0,
      },
      {
        name: `${prefix} Issues`,
        role: 'issues',
        blocks: [
          { at: 'A1', values: [['Data issues']], style: 'title' },
          {
            at: 'A3',
            values: [
              ['Cell', 'Severity', 'Child ID', 'Message'],
              ['J64', 'error', 'SYN0061', 'ADM decision (24/04/2022) is before the panel (15/05/2022).'],
              ['I252', 'error', 'SYN0249', 'Panel date "tbc" is not a date.'],
            ],
            wrap: true,
          },
        ],
        tables: [{ name: 'PaceIssues', range: 'A3:D5', style: 'TableStyleMedium2' }],
        links: [
          { cell: 'A4', target: "'Tracker'!J64", text: 'J64', tooltip: 'Go to the cell' },
          { cell: 'A5', target: "#'Tracker'!I252", text: 'I252' },
        ],
        charts: [],
        columnWidths: [8, 10, 10, 60],
        freezeRows: 3,
      },
      {
        name: `${prefix} Aim 2`,
        role: 'aim',
        tabColor: '#70AD47',
        blocks: [
          { at: 'A1', values: [['Aim 2: accommodation to permanence recommendation']], style: 'title' },
          { at: 'A2', values: [['90% within 26 weeks, children from 01/04/2019']], style: 'subtitle' },
          { at: 'A4', values: [['41.5% within 26 weeks']], style: 'headline' },
          { at: 'A5', values: [['Median weeks', 29.3]], style: 'label', columnFormats: [null, WEEKS_FORMAT] },
          {
            at: `A${FIXTURE_DATA_ROW - 1}`,
            values: [['Child ID', 'Recommendation date', 'Weeks', 'Median', 'Median (extended)', 'Target', 'Test of change'], ...rows],
            columnFormats: [null, DATE_FORMAT, WEEKS_FORMAT, WEEKS_FORMAT, WEEKS_FORMAT, WEEKS_FORMAT, WEEKS_FORMAT],
          },
          { at: 'J7', values: [['Child ID', 'Within target', 'Beyond target'], ...waiting], columnFormats: [null, WEEKS_FORMAT, WEEKS_FORMAT] },
          { at: 'J13', values: [['Within target', 41.5]], columnFormats: [null, PERCENT_FORMAT] },
        ],
        tables: [{ name: 'PaceAim2Children', range: `A${FIXTURE_DATA_ROW - 1}:G${lastRow}`, style: 'TableStyleLight9' }],
        links: [],
        charts: [
          {
            name: 'aim2RunChart',
            kind: 'line',
            title: 'Weeks from accommodation to recommendation',
            xAxisTitle: 'Recommendation date',
            yAxisTitle: 'Weeks',
            categories: `B${FIXTURE_DATA_ROW}:B${lastRow}`,
            categoryFormat: DATE_FORMAT,
            series: [
              { name: 'Weeks', values: `C${FIXTURE_DATA_ROW}:C${lastRow}`, color: '#1F4E79', line: 'solid', lineWidth: 1.5, marker: 'circle', markerSize: 5 },
              { name: 'Median', values: `D${FIXTURE_DATA_ROW}:D${lastRow}`, color: '#C00000', line: 'solid', lineWidth: 2, marker: 'none' },
              { name: 'Median (extended)', values: `E${FIXTURE_DATA_ROW}:E${lastRow}`, color: '#C00000', line: 'dash', lineWidth: 2, marker: 'none' },
              { name: 'Target (26 weeks)', values: `F${FIXTURE_DATA_ROW}:F${lastRow}`, color: '#70AD47', line: 'solid', lineWidth: 1, marker: 'none' },
              { name: 'Planning meeting introduced', values: `G${FIXTURE_DATA_ROW}:G${lastRow}`, color: '#7030A0', line: 'none', marker: 'triangle', markerSize: 9, dataLabels: 'seriesName' },
            ],
            anchor: { from: 'I16', to: 'S36' },
            yAxisMin: 0,
            showLegend: true,
          },
          {
            name: 'aim2Waiting',
            kind: 'bar',
            stacked: true,
            title: 'Children waiting for a recommendation',
            xAxisTitle: 'Child',
            yAxisTitle: 'Weeks waited',
            categories: `J${wTop}:J${wTop + 3}`,
            series: [
              { name: 'Within target', values: `K${wTop}:K${wTop + 3}`, color: '#A5A5A5', line: 'none', marker: 'none' },
              { name: 'Beyond target', values: `L${wTop}:L${wTop + 3}`, color: '#C00000', line: 'none', marker: 'none' },
            ],
            anchor: { from: 'I38', to: 'S55' },
            reverseCategories: true,
            yAxisMin: 0,
          },
        ],
        columnWidths: [10, 14, 8, 8, 10, 8, 10, 2, 2, 10, 12, 12],
        freezeRows: 0,
      },
    ],
  };
}
