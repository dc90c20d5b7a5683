/**
 * The "PACE Summary" sheet: one row per aim with a link to its sheet, the
 * children between milestones with a column chart, and the tests of change.
 *
 * Layout: 1 title, 2 as-of, 3 source; aims table from row 6; the stages
 * table under it; the tests of change under that. The column chart sits to
 * the right of the aims table so it never covers a table.
 */
import type { CellValue } from '../grid';
import { columnLetter, quoteSheetName } from '../grid';
import type { AimDefinition, AimResult, DayNumber, StageCount, TestOfChange } from '../model';
import { serialFromIso, ukFromDay } from '../dates';
import type { CellBlock, PlannedChart, PlannedLink, PlannedSheet, PlannedTable } from './plan';
import { DATE_FORMAT, PERCENT_FORMAT, WEEKS_FORMAT } from './plan';
import type { TableColumn } from './table';
import { columnDataRange, plannedTable, setWidths, tableBlock, columnWidth } from './table';
import { asOfLine, type PopulationCount } from './exclusions';

export const SUMMARY_SHEET_NAME = 'PACE Summary';

export interface SummaryInput {
  asOf: DayNumber;
  date1904: boolean;
  sourceSheet: string;
  aims: { definition: AimDefinition; result: AimResult; sheetName: string }[];
  stages: StageCount[];
  changes: TestOfChange[];
  /** Prefix making the summary's table names unique in the workbook. */
  tablePrefix?: string;
  /** Rows outside the PACE population, said under the title when there are any. */
  population?: PopulationCount;
}

const AIMS_HEADER_ROW = 6;

export function planSummarySheet(input: SummaryInput): PlannedSheet {
  const prefix = input.tablePrefix ?? 'PACE_Summary_';
  const blocks: CellBlock[] = [
    { at: 'A1', values: [['PACE permanence summary']], style: 'title' },
    { at: 'A2', values: [[asOfLine(`As of ${ukFromDay(input.asOf)}`, { excluded: [] }, input.population)]], style: 'subtitle' },
    { at: 'A3', values: [[`Source: sheet '${input.sourceSheet}'. Each aim has its own sheet with its run chart and the children still waiting.`]], style: 'note' },
    { at: `A${AIMS_HEADER_ROW - 1}`, values: [['Aims']], style: 'heading' },
  ];
  const tables: PlannedTable[] = [];
  const links: PlannedLink[] = [];
  const charts: PlannedChart[] = [];
  const widths: number[] = [];

  // ── Aims ──
  let row = AIMS_HEADER_ROW;
  if (input.aims.length === 0) {
    blocks.push({ at: `A${row}`, values: [['No aims are set. Add aims in the add-in (or an aims file) to track them here.']], style: 'note' });
    row += 2;
  } else {
    const aims = input.aims;
    const columns: TableColumn[] = [
      { header: 'Aim', values: aims.map((a) => a.definition.name), width: 44 },
      { header: 'Completed', values: aims.map((a) => a.result.completed), width: 11 },
      { header: 'Within target', values: aims.map((a) => (a.definition.targetWeeks === null ? null : a.result.withinTarget)), width: 11 },
      { header: '% within target', values: aims.map((a) => a.result.percentWithinTarget), width: 11, format: PERCENT_FORMAT },
      { header: 'Target %', values: aims.map((a) => a.definition.targetPercent), width: 9, format: PERCENT_FORMAT },
      { header: 'Median weeks', values: aims.map((a) => a.result.medianWeeks), width: 10, format: WEEKS_FORMAT },
      { header: 'Waiting', values: aims.map((a) => a.result.waiting), width: 9 },
      { header: 'Waiting past target', values: aims.map((a) => (a.definition.targetWeeks === null ? null : a.result.waitingBeyondTarget)), width: 12 },
      { header: 'Sheet', values: aims.map((a) => a.sheetName), width: 32 },
    ];
    blocks.push(tableBlock(row, 1, columns));
    tables.push(plannedTable(`${prefix}Aims`, row, 1, columns));
    setWidths(widths, 1, columns.map(columnWidth));
    aims.forEach((a, i) => {
      links.push({
        cell: `${columnLetter(columns.length)}${row + 1 + i}`,
        target: `${quoteSheetName(a.sheetName)}!A1`,
        text: a.sheetName,
        tooltip: `Open the sheet for '${a.definition.name}'`,
      });
    });
    row += aims.length + 2;
  }

  // ── Children between milestones ──
  blocks.push({ at: `A${row}`, values: [['Children between milestones (still looked after, respite left out)']], style: 'heading' });
  row += 1;
  const stageHeaderRow = row;
  if (input.stages.length > 0) {
    const stageColumns: TableColumn[] = [
      { header: 'Stage reached (and not yet the next)', values: input.stages.map((s) => s.label), width: 44 },
      { header: 'Children', values: input.stages.map((s) => s.count), width: 11 },
    ];
    blocks.push(tableBlock(stageHeaderRow, 1, stageColumns));
    tables.push(plannedTable(`${prefix}Stages`, stageHeaderRow, 1, stageColumns));
    row += input.stages.length + 1;
    blocks.push({ at: `A${row}`, values: [["Each child is counted once, at the furthest milestone reached by the as-of date. Children with none of these dates are not counted."]], style: 'note' });
    row += 2;
    const chartColumn = 11; // K: right of the aims table (A..I) and a gap column.
    charts.push({
      name: 'summaryStagesChart',
      kind: 'column',
      title: `Children between milestones on ${ukFromDay(input.asOf)}`,
      xAxisTitle: 'Stage reached (and not yet the next)',
      yAxisTitle: 'Children',
      categories: columnDataRange(stageHeaderRow, 1, input.stages.length),
      series: [{ name: 'Children', values: columnDataRange(stageHeaderRow, 2, input.stages.length), color: '#2E75B6', line: 'none', marker: 'none', dataLabels: 'value' }],
      anchor: { from: `${columnLetter(chartColumn)}${AIMS_HEADER_ROW - 1}`, to: `${columnLetter(chartColumn + 9)}${AIMS_HEADER_ROW + 20}` },
      yAxisMin: 0,
      showLegend: false,
    });
  } else {
    blocks.push({ at: `A${row}`, values: [['No milestone dates to count.']], style: 'note' });
    row += 2;
  }

  // ── Tests of change ──
  blocks.push({ at: `A${row}`, values: [['Tests of change (marked on every run chart)']], style: 'heading' });
  row += 1;
  if (input.changes.length === 0) {
    blocks.push({ at: `A${row}`, values: [['No tests of change recorded. Add them with the aims to mark them on every run chart.']], style: 'note' });
  } else {
    const changes = [...input.changes].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const dateValue = (iso: string): CellValue => serialFromIso(iso, input.date1904) ?? iso;
    const changeColumns: TableColumn[] = [
      { header: 'Test of change', values: changes.map((c) => c.label), width: 44 },
      { header: 'Date', values: changes.map((c) => dateValue(c.date)), width: 11, format: DATE_FORMAT },
    ];
    blocks.push(tableBlock(row, 1, changeColumns));
    tables.push(plannedTable(`${prefix}Changes`, row, 1, changeColumns));
  }
  if (widths.length === 0) setWidths(widths, 1, [44, 11]);

  return {
    name: SUMMARY_SHEET_NAME,
    role: 'summary',
    tabColor: '#1F4E79',
    blocks,
    tables,
    links,
    charts,
    columnWidths: widths,
    freezeRows: 3,
  };
}
