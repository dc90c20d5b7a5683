/**
 * A "PACE Timeline" sheet: one or more children's journeys as a native
 * stacked-bar chart (the Gantt idiom: an invisible offset series places each
 * bar, then one series per stage in journey order, so users can restyle it),
 * with the chart's data and a table of every stage beside it.
 *
 * All bars are in weeks: aligned by calendar the offset is the weeks from the
 * earliest start on the sheet; aligned by start every bar begins at 0 (weeks
 * since becoming looked after). Only the child ID identifies a child.
 */
import { columnLetter } from '../grid';
import type { DayNumber } from '../model';
import { FIELD_BY_ID, fieldLabel } from '../fields';
import { serialFromDay, ukFromDay, weeksBetween } from '../dates';
import { JOURNEY_MILESTONES, type Journey, type JourneyMilestone, type JourneyStage } from '../timeline/journey';
import { DATE_FORMAT, WEEKS_FORMAT, type CellBlock, type PlannedChart, type PlannedSeries, type PlannedSheet, type PlannedTable } from './plan';
import { columnWidth, plannedTable, tableBlock, type TableColumn } from './table';

export type TimelineAlign = 'calendar' | 'start';

/** At most this many children on one chart; more are split across charts. */
export const CHILDREN_PER_CHART = 50;

/** One colour per stage, by the milestone that ends it; past target is always red. */
const STAGE_COLOURS: Readonly<Record<JourneyMilestone, string>> = {
  lookedAfterStart: '#A5A5A5',
  firstAccommodated: '#9DC3E6',
  permanenceRecommendation: '#2E75B6',
  panel: '#70AD47',
  admDecision: '#FFC000',
  courtApplication: '#7030A0',
  legalPermanence: '#2E7D32',
};
const PAST_TARGET = '#C00000';
const WAITING = '#404040';

export interface TimelineSheetInput {
  journeys: Journey[];
  /** Sheet title's subject: "SYN0042", "team North", "sibling group 7". */
  subject: string;
  asOf: DayNumber;
  align: TimelineAlign;
  date1904: boolean;
  sheetName: string;
  /** Table names must be unique in the workbook. */
  tablePrefix: string;
}

interface StageSeries {
  name: string;
  color: string;
  barFill: 'solid' | 'outline';
  /** The weeks a child's bar has in this series, or null. */
  value(j: Journey): number | null;
}

/** "To panel", "To ADM decision": the short label keeps the legend narrow. */
function stageName(to: JourneyMilestone): string {
  const label = FIELD_BY_ID.get(to)?.shortLabel ?? to;
  return `To ${/^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label}`;
}

function closedStage(j: Journey, to: JourneyMilestone, over: boolean): number | null {
  const s = j.stages.find((x) => !x.open && x.to === to && x.overTarget === over);
  return s ? s.weeks : null;
}

function openStage(j: Journey, over: boolean): number | null {
  const s = j.stages.find((x) => x.open && x.overTarget === over);
  return s ? s.weeks : null;
}

/**
 * The stage series in stacking order: each destination milestone in journey
 * order (and its past-target twin right after it, so a bar's segments stay in
 * time order), then the open segment. Series no child uses are left out.
 */
export function timelineSeries(journeys: readonly Journey[]): StageSeries[] {
  const all: StageSeries[] = [];
  for (const to of JOURNEY_MILESTONES.slice(1)) {
    all.push({ name: stageName(to), color: STAGE_COLOURS[to], barFill: 'solid', value: (j) => closedStage(j, to, false) });
    all.push({ name: `${stageName(to)}, past target`, color: PAST_TARGET, barFill: 'solid', value: (j) => closedStage(j, to, true) });
  }
  all.push({ name: 'Still waiting', color: WAITING, barFill: 'outline', value: (j) => openStage(j, false) });
  all.push({ name: 'Still waiting, past target', color: PAST_TARGET, barFill: 'outline', value: (j) => openStage(j, true) });
  return all.filter((s) => journeys.some((j) => s.value(j) !== null));
}

/** Where each bar starts, in weeks. */
export function barOffsets(journeys: readonly Journey[], align: TimelineAlign): { offsets: number[]; origin: DayNumber | null } {
  const starts = journeys.map((j) => j.start).filter((d): d is DayNumber => d !== null);
  const origin = starts.length === 0 ? null : Math.min(...starts);
  const offsets = journeys.map((j) => (align === 'calendar' && j.start !== null && origin !== null ? weeksBetween(origin, j.start) : 0));
  return { offsets, origin };
}

function stageLabel(s: JourneyStage): string {
  const from = fieldLabel(s.from);
  const to = fieldLabel(s.to);
  return s.open ? `${from} → waiting for ${to.charAt(0).toLowerCase()}${to.slice(1)}` : `${from} → ${to}`;
}

function stagesTable(input: TimelineSheetInput, headerRow: number, firstColumn: number): { block: CellBlock; table: PlannedTable | null; columns: TableColumn[] } {
  const rows: { j: Journey; s: JourneyStage }[] = input.journeys.flatMap((j) => j.stages.map((s) => ({ j, s })));
  const ageAt = (j: Journey, day: DayNumber) => j.milestones.find((m) => m.day === day)?.age ?? null;
  const columns: TableColumn[] = [
    { header: 'Child ID', values: rows.map(({ j }) => j.childId ?? `(no ID, row ${j.row})`), format: '@', width: 14 },
    { header: 'Stage', values: rows.map(({ s }) => stageLabel(s)), format: '@', width: 44 },
    { header: 'From', values: rows.map(({ s }) => serialFromDay(s.start, input.date1904)), format: DATE_FORMAT, width: 11 },
    { header: 'To', values: rows.map(({ s }) => serialFromDay(s.end, input.date1904)), format: DATE_FORMAT, width: 11 },
    { header: 'Weeks', values: rows.map(({ s }) => s.weeks), format: WEEKS_FORMAT, width: 8 },
    { header: 'Still waiting', values: rows.map(({ s }) => (s.open ? 'Yes' : 'No')), format: '@', width: 9 },
    { header: 'Target (weeks)', values: rows.map(({ s }) => s.targetWeeks), format: null, width: 9 },
    { header: 'Past target', values: rows.map(({ s }) => (s.targetWeeks === null ? '' : s.overTarget ? 'Yes' : 'No')), format: '@', width: 9 },
    { header: 'Age at start', values: rows.map(({ j, s }) => ageAt(j, s.start)), format: null, width: 8 },
    { header: 'Not recorded in between', values: rows.map(({ s }) => s.notRecorded.map((m) => fieldLabel(m)).join(', ')), format: '@', width: 30 },
  ];
  const block = tableBlock(headerRow, firstColumn, columns);
  return { block, table: rows.length === 0 ? null : plannedTable(`${input.tablePrefix}Stages`, headerRow, firstColumn, columns), columns };
}

const CHART_FIRST_ROW = 6;
const CHART_COLUMNS = 11;

export function planTimelineSheet(input: TimelineSheetInput): PlannedSheet {
  const { journeys } = input;
  const series = timelineSeries(journeys);
  const { offsets, origin } = barOffsets(journeys, input.align);
  const blocks: CellBlock[] = [
    { at: 'A1', values: [[`PACE Timeline: ${input.subject}`]], style: 'title' },
    {
      at: 'A2',
      values: [
        [
          `${journeys.length} ${journeys.length === 1 ? 'child' : 'children'} as of ${ukFromDay(input.asOf)}, ` +
            (input.align === 'calendar' && origin !== null ? `on one calendar: weeks from ${ukFromDay(origin)}.` : 'each from becoming looked after (week 0).'),
        ],
      ],
      style: 'subtitle',
    },
    {
      at: 'A3',
      values: [
        [
          'Each bar is one child’s journey: a segment per stage between the milestones reached, labelled with its weeks. Red segments took longer than the aim’s target; an open segment is the time still waiting at the as-of date. The table below lists every stage with its dates.',
        ],
      ],
      style: 'note',
    },
  ];
  const tables: PlannedTable[] = [];
  const charts: PlannedChart[] = [];
  const widths: number[] = [];

  // Chart data to the right of the charts: one row per child, one column per series.
  const dataColumn = CHART_COLUMNS + 2;
  const dataHeaderRow = CHART_FIRST_ROW;
  const dataColumns: TableColumn[] = [
    { header: 'Child ID', values: journeys.map((j) => j.childId ?? `(no ID, row ${j.row})`), format: '@', width: 14 },
    { header: 'Start (offset)', values: offsets, format: WEEKS_FORMAT, width: 10 },
    ...series.map((s) => ({ header: s.name, values: journeys.map((j) => s.value(j)), format: WEEKS_FORMAT, width: 11 })),
  ];
  blocks.push({ at: `${columnLetter(dataColumn)}${dataHeaderRow - 1}`, values: [['Chart data (weeks)']], style: 'heading' });
  blocks.push(tableBlock(dataHeaderRow, dataColumn, dataColumns));
  if (journeys.length > 0) tables.push(plannedTable(`${input.tablePrefix}ChartData`, dataHeaderRow, dataColumn, dataColumns));

  let row = CHART_FIRST_ROW;
  for (let first = 0, n = 1; first < journeys.length; first += CHILDREN_PER_CHART, n++) {
    const count = Math.min(CHILDREN_PER_CHART, journeys.length - first);
    const range = (offset: number) => {
      const column = dataColumn + offset;
      return `${columnLetter(column)}${dataHeaderRow + 1 + first}:${columnLetter(column)}${dataHeaderRow + first + count}`;
    };
    const planned: PlannedSeries[] = [
      { name: 'Start', values: range(1), color: '#FFFFFF', line: 'none', marker: 'none', barFill: 'none', inLegend: false },
      ...series.map((s, i) => ({
        name: s.name,
        values: range(2 + i),
        color: s.color,
        line: 'none' as const,
        marker: 'none' as const,
        barFill: s.barFill,
        dataLabels: 'value' as const,
        labelFormat: '0.0',
      })),
    ];
    const height = Math.max(14, Math.ceil(count * 1.6) + 8);
    const parts = Math.ceil(journeys.length / CHILDREN_PER_CHART);
    charts.push({
      name: `timelineChart${n}`,
      kind: 'bar',
      stacked: true,
      title: parts === 1 ? `Journey to permanence: ${input.subject}` : `Journey to permanence: ${input.subject} (${n} of ${parts})`,
      xAxisTitle: journeys.length === 1 ? '' : 'Child',
      yAxisTitle: input.align === 'calendar' && origin !== null ? `Weeks from ${ukFromDay(origin)}` : 'Weeks since becoming looked after',
      categories: range(0),
      series: planned,
      anchor: { from: `A${row}`, to: `${columnLetter(CHART_COLUMNS)}${row + height}` },
      reverseCategories: true,
      yAxisMin: 0,
      showLegend: true,
    });
    row += height + 2;
  }

  const stagesHeader = Math.max(row + 1, dataHeaderRow + journeys.length + 3);
  blocks.push({ at: `A${stagesHeader - 1}`, values: [['Stages']], style: 'heading' });
  const stages = stagesTable(input, stagesHeader, 1);
  if (stages.table) {
    blocks.push(stages.block);
    tables.push(stages.table);
  } else {
    blocks.push({ at: `A${stagesHeader}`, values: [['No stage to show: none of these children has a milestone on or before the as-of date.']], style: 'normal' });
  }
  stages.columns.forEach((c, i) => (widths[i] = columnWidth(c)));
  for (let i = stages.columns.length; i < dataColumn - 1; i++) widths[i] = 9;
  dataColumns.forEach((c, i) => (widths[dataColumn - 1 + i] = columnWidth(c)));
  return {
    name: input.sheetName,
    role: 'timeline',
    tabColor: '#2E75B6',
    blocks,
    tables,
    links: [],
    charts,
    columnWidths: widths.map((w) => w ?? 9),
    freezeRows: 0,
  };
}
