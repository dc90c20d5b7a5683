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
import { placementAsOf, placementMoves, placementsByChild, type Placement, type PlacementsSheet } from '../timeline/placements';
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
  /** Each child's placements in date order, by child ID (from a placements sheet); absent: none drawn. */
  placements?: ReadonlyMap<string, readonly Placement[]>;
  /** The placements sheet's name, and rows of it left out (said on the sheet). */
  placementsSheet?: { name: string; problems: string[] };
}

/** A timeline's placements from the workbook's placements sheet: every child's, by ID, and the sheet's name and rows left out. Nothing without a sheet. */
export function placementsInput(sheet: PlacementsSheet | null | undefined): Pick<TimelineSheetInput, 'placements' | 'placementsSheet'> {
  if (!sheet) return {};
  return { placements: placementsByChild(sheet.placements), placementsSheet: { name: sheet.sheet, problems: sheet.problems } };
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

/** Placement types' colours, in order of first appearance (none is a stage colour or the past-target red). */
const PLACEMENT_COLOURS = ['#5B9BD5', '#ED7D31', '#A9D18E', '#FFD966', '#8064A2', '#F4B183', '#4BACC6', '#BF9000', '#C9C9C9', '#7F6000'];
const NO_TYPE = 'Type not recorded';

/** A darker shade (70%) of a colour: every second placement, so a move between two of the same type still shows. */
export function darker(hex: string): string {
  const rgb = [1, 3, 5].map((i) => Math.round(parseInt(hex.slice(i, i + 2), 16) * 0.7));
  return `#${rgb.map((v) => v.toString(16).padStart(2, '0').toUpperCase()).join('')}`;
}

/** A placement as drawn: the weeks since the end of the one before (or the bar's base), then its own weeks. */
interface PlacementPart {
  gap: number;
  weeks: number;
  type: string;
}

function placementsOf(input: TimelineSheetInput, j: Journey): readonly Placement[] {
  return j.childId === null ? [] : input.placements?.get(j.childId.trim()) ?? [];
}

/**
 * A child's placements as consecutive parts from `base` (placements before it,
 * or overlapping the one before, are cut at it; later ones at the as-of date).
 */
export function placementParts(placements: readonly Placement[], base: DayNumber, asOf: DayNumber): PlacementPart[] {
  const parts: PlacementPart[] = [];
  let cursor = base;
  for (const p of placements) {
    const at = placementAsOf(p, asOf);
    if (!at || at.end <= cursor) continue;
    const start = Math.max(at.start, cursor);
    parts.push({ gap: weeksBetween(cursor, start), weeks: weeksBetween(start, at.end), type: p.type?.trim() || NO_TYPE });
    cursor = at.end;
  }
  return parts;
}

/** One bar on the chart: a child's journey, or the placements row under it. */
interface ChartRow {
  label: string;
  journey: Journey;
  offset: number;
  /** Null on a journey row. */
  parts: PlacementPart[] | null;
}

/** A placements series: the k-th placement of one type (or the invisible gap before the k-th placement). */
interface PlacementSeries {
  name: string;
  color: string;
  barFill: 'solid' | 'none';
  inLegend: boolean;
  value(row: ChartRow): number | null;
}

/**
 * Stacking order: the gap before placement k, then one series per type
 * placed k-th, then k+1… A type's first series carries its name alone (the
 * legend entry); later ones say which placement they are. Every second
 * placement is a darker shade of its type's colour.
 */
export function placementSeries(rows: readonly ChartRow[]): PlacementSeries[] {
  const withParts = rows.filter((r) => r.parts !== null && r.parts.length > 0);
  const longest = Math.max(0, ...withParts.map((r) => (r.parts as PlacementPart[]).length));
  const types: string[] = [];
  for (const r of withParts) for (const p of r.parts as PlacementPart[]) if (!types.includes(p.type)) types.push(p.type);
  const named = new Set<string>();
  const out: PlacementSeries[] = [];
  for (let k = 0; k < longest; k++) {
    const at = (r: ChartRow) => r.parts?.[k] ?? null;
    if (k > 0 && withParts.some((r) => (at(r)?.gap ?? 0) > 0)) {
      out.push({ name: `Between placements ${k} and ${k + 1}`, color: '#FFFFFF', barFill: 'none', inLegend: false, value: (r) => at(r)?.gap ?? null });
    }
    for (const type of types) {
      if (!withParts.some((r) => at(r)?.type === type)) continue;
      const first = !named.has(type);
      named.add(type);
      out.push({
        name: first ? type : `${type} (placement ${k + 1})`,
        color: k % 2 === 0 ? PLACEMENT_COLOURS[types.indexOf(type) % PLACEMENT_COLOURS.length] : darker(PLACEMENT_COLOURS[types.indexOf(type) % PLACEMENT_COLOURS.length]),
        barFill: 'solid',
        inLegend: first,
        value: (r) => (at(r)?.type === type ? (at(r) as PlacementPart).weeks : null),
      });
    }
  }
  return out;
}

/** The chart's rows: each journey, and under it the child's placements when the workbook has any for them. */
function chartRows(input: TimelineSheetInput): { rows: ChartRow[]; origin: DayNumber | null; withPlacements: boolean } {
  const { journeys } = input;
  const withPlacements = journeys.some((j) => placementParts(placementsOf(input, j), Number.NEGATIVE_INFINITY, input.asOf).length > 0);
  if (!withPlacements) {
    const { offsets, origin } = barOffsets(journeys, input.align);
    return { rows: journeys.map((j, i) => ({ label: j.childId ?? `(no ID, row ${j.row})`, journey: j, offset: offsets[i], parts: null })), origin, withPlacements };
  }
  const starts: DayNumber[] = [];
  for (const j of journeys) {
    if (j.start !== null) starts.push(j.start);
    const first = placementsOf(input, j).find((p) => p.start <= input.asOf);
    if (first) starts.push(first.start);
  }
  const origin = starts.length === 0 ? null : Math.min(...starts);
  const rows: ChartRow[] = [];
  for (const j of journeys) {
    const label = j.childId ?? `(no ID, row ${j.row})`;
    rows.push({ label, journey: j, offset: input.align === 'calendar' && j.start !== null && origin !== null ? weeksBetween(origin, j.start) : 0, parts: null });
    const placements = placementsOf(input, j);
    const firstStart = placements.find((p) => p.start <= input.asOf)?.start;
    if (firstStart === undefined) continue;
    // By calendar a placements bar starts on the shared calendar; by start, from the child's week 0 (earlier placements cut there).
    const base = input.align === 'calendar' ? (origin as DayNumber) : j.start ?? firstStart;
    const parts = placementParts(placements, base, input.asOf);
    if (parts.length === 0) continue;
    const [first, ...rest] = parts;
    rows.push({ label: `${label} placements`, journey: j, offset: first.gap, parts: [{ ...first, gap: 0 }, ...rest] });
  }
  return { rows, origin, withPlacements };
}

function placementTables(input: TimelineSheetInput, headerRow: number): { blocks: CellBlock[]; tables: PlannedTable[]; nextRow: number } {
  const children = input.journeys.filter((j) => placementsOf(input, j).length > 0);
  const id = (j: Journey) => j.childId ?? `(no ID, row ${j.row})`;
  const summary: TableColumn[] = [
    { header: 'Child ID', values: children.map(id), format: '@', width: 14 },
    { header: 'Placements', values: children.map((j) => placementsOf(input, j).filter((p) => p.start <= input.asOf).length), format: '0', width: 11 },
    { header: 'Moves', values: children.map((j) => placementMoves(placementsOf(input, j).filter((p) => p.start <= input.asOf))), format: '0', width: 8 },
  ];
  const list = children.flatMap((j) => {
    const shown = placementsOf(input, j).filter((p) => p.start <= input.asOf);
    return shown.map((p, i) => ({ j, p, n: `${i + 1} of ${shown.length}`, at: placementAsOf(p, input.asOf) as NonNullable<ReturnType<typeof placementAsOf>> }));
  });
  // Column for column under the stages table (type under the wide Stage column, dates under its dates), so both fit their widths.
  const detail: TableColumn[] = [
    { header: 'Child ID', values: list.map(({ j }) => id(j)), format: '@', width: 14 },
    { header: 'Placement type', values: list.map(({ p }) => p.type?.trim() || NO_TYPE), format: '@', width: 44 },
    { header: 'From', values: list.map(({ p }) => serialFromDay(p.start, input.date1904)), format: DATE_FORMAT, width: 11 },
    { header: 'To', values: list.map(({ p, at }) => (at.ongoing ? null : serialFromDay(p.end as DayNumber, input.date1904))), format: DATE_FORMAT, width: 11 },
    { header: 'Weeks', values: list.map(({ at }) => at.weeks), format: WEEKS_FORMAT, width: 8 },
    { header: 'Still going', values: list.map(({ at }) => (at.ongoing ? 'Yes' : 'No')), format: '@', width: 9 },
    { header: 'Placement', values: list.map(({ n }) => n), format: '@', width: 9 },
  ];
  const blocks: CellBlock[] = [];
  const tables: PlannedTable[] = [];
  const sheetName = input.placementsSheet?.name ?? 'the placements sheet';
  blocks.push({ at: `A${headerRow - 1}`, values: [[`Placements (from sheet '${sheetName}'): how many, and the moves between them`]], style: 'heading' });
  let row = headerRow;
  if (children.length > 0) {
    blocks.push(tableBlock(row, 1, summary));
    tables.push(plannedTable(`${input.tablePrefix}Moves`, row, 1, summary));
    row += children.length + 3;
    blocks.push({ at: `A${row - 1}`, values: [['Each placement']], style: 'heading' });
    blocks.push(tableBlock(row, 1, detail));
    tables.push(plannedTable(`${input.tablePrefix}Placements`, row, 1, detail));
    row += list.length + 2;
  }
  const problems = input.placementsSheet?.problems ?? [];
  if (problems.length > 0) {
    const shown = problems.slice(0, 20);
    const more = problems.length - shown.length;
    blocks.push({
      at: `A${row}`,
      values: [[`Rows of '${sheetName}' left out (fix them there and make this sheet again):`], ...shown.map((p) => [p]), ...(more > 0 ? [[`…and ${more} more.`]] : [])],
      style: 'note',
    });
    row += shown.length + (more > 0 ? 1 : 0) + 2;
  }
  return { blocks, tables, nextRow: row };
}

/**
 * The whole 10 weeks just past the end of the longest bar (its offset and
 * every segment stacked): the value axis's maximum shared by every chart of
 * a split sheet, so each of them reaches past every bar, with room to spare.
 */
export function sharedAxisMax(stacked: readonly Pick<TableColumn, 'values'>[]): number {
  const rows = Math.max(0, ...stacked.map((c) => c.values.length));
  let longest = 0;
  for (let i = 0; i < rows; i++) {
    const end = stacked.reduce((sum, c) => sum + (typeof c.values[i] === 'number' ? (c.values[i] as number) : 0), 0);
    longest = Math.max(longest, end);
  }
  return (Math.floor(longest / 10) + 1) * 10;
}

const CHART_FIRST_ROW = 6;
const CHART_COLUMNS = 11;

export function planTimelineSheet(input: TimelineSheetInput): PlannedSheet {
  const { journeys } = input;
  const series = timelineSeries(journeys);
  const { rows: barRows, origin, withPlacements } = chartRows(input);
  const extra = withPlacements ? placementSeries(barRows) : [];
  // Where each child's rows start among the chart's rows (two rows for a child with placements).
  const firstRowOf: number[] = [];
  barRows.forEach((r, i) => {
    if (r.parts === null) firstRowOf.push(i);
  });
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
          'Each bar is one child’s journey: a segment per stage between the milestones reached, labelled with its weeks. Red segments took longer than the aim’s target; an open segment is the time still waiting at the as-of date. The table below lists every stage with its dates.' +
            (withPlacements
              ? ' Under a child’s bar, a second bar shows their placements, one colour per placement type and every second placement a darker shade, so each move shows as a change of colour.'
              : ''),
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
    { header: 'Child ID', values: barRows.map((r) => r.label), format: '@', width: withPlacements ? 20 : 14 },
    { header: 'Start (offset)', values: barRows.map((r) => r.offset), format: WEEKS_FORMAT, width: 10 },
    ...series.map((s) => ({ header: s.name, values: barRows.map((r) => (r.parts === null ? s.value(r.journey) : null)), format: WEEKS_FORMAT, width: 11 })),
    ...extra.map((s) => ({ header: s.name, values: barRows.map((r) => s.value(r)), format: WEEKS_FORMAT, width: 11 })),
  ];
  blocks.push({ at: `${columnLetter(dataColumn)}${dataHeaderRow - 1}`, values: [['Chart data (weeks)']], style: 'heading' });
  blocks.push(tableBlock(dataHeaderRow, dataColumn, dataColumns));
  if (journeys.length > 0) tables.push(plannedTable(`${input.tablePrefix}ChartData`, dataHeaderRow, dataColumn, dataColumns));

  // Split across charts, each chart would scale its own axis and the same weeks would look different lengths: one scale for all.
  const parts = Math.ceil(journeys.length / CHILDREN_PER_CHART);
  const sharedMax = parts > 1 ? sharedAxisMax(dataColumns.slice(1)) : undefined;

  let row = CHART_FIRST_ROW;
  for (let first = 0, n = 1; first < journeys.length; first += CHILDREN_PER_CHART, n++) {
    const children = Math.min(CHILDREN_PER_CHART, journeys.length - first);
    const top = firstRowOf[first];
    const count = (first + children < journeys.length ? firstRowOf[first + children] : barRows.length) - top;
    const range = (offset: number) => {
      const column = dataColumn + offset;
      return `${columnLetter(column)}${dataHeaderRow + 1 + top}:${columnLetter(column)}${dataHeaderRow + top + count}`;
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
      ...extra.map((s, i) => ({
        name: s.name,
        values: range(2 + series.length + i),
        color: s.color,
        line: 'none' as const,
        marker: 'none' as const,
        barFill: s.barFill,
        ...(s.inLegend ? {} : { inLegend: false }),
      })),
    ];
    const height = Math.max(14, Math.ceil(count * 1.6) + 8);
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
      ...(sharedMax !== undefined ? { yAxisMax: sharedMax } : {}),
      showLegend: true,
    });
    row += height + 2;
  }

  const stagesHeader = Math.max(row + 1, dataHeaderRow + barRows.length + 3);
  blocks.push({ at: `A${stagesHeader - 1}`, values: [['Stages']], style: 'heading' });
  const stages = stagesTable(input, stagesHeader, 1);
  if (stages.table) {
    blocks.push(stages.block);
    tables.push(stages.table);
  } else {
    blocks.push({ at: `A${stagesHeader}`, values: [['No stage to show: none of these children has a milestone on or before the as-of date.']], style: 'normal' });
  }
  if (withPlacements || (input.placementsSheet?.problems.length ?? 0) > 0) {
    const stageRows = stages.table ? stages.columns[0].values.length : 1;
    const placed = placementTables(input, stagesHeader + stageRows + 3);
    blocks.push(...placed.blocks);
    tables.push(...placed.tables);
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
