/**
 * The waiting section of an aim sheet: the children who started but have
 * not reached the end milestone by the as-of date, and their bar chart
 * (within and past target stacked apart).
 */
import { columnLetter } from '../grid';
import type { AimDefinition, AimResult } from '../model';
import { ukFromDay, weeksBetween } from '../dates';
import { DATE_FORMAT, WEEKS_FORMAT, type CellBlock, type PlannedChart, type PlannedSeries } from './plan';
import { columnDataRange, columnWidth, plannedTable, tableBlock, type TableColumn } from './table';
import { COLOURS, dayOf, serialOfIso, type AimSheetContext, type Names, type Section, type TablePlace } from './aimParts';

/** The children still waiting for the end milestone: their table and a bar each, longest wait first. */
export function waitingSection(result: AimResult, aim: AimDefinition, ctx: AimSheetContext, firstColumn: number, names: Names, at: TablePlace): Section {
  const heading: CellBlock = {
    at: `${columnLetter(firstColumn)}${at.headingRow}`,
    values: [[`Children still waiting for ${names.end.waitingFor} (longest wait first)`]],
    style: 'heading',
  };
  const waiting = result.waitingChildren;
  if (waiting.length === 0) {
    const note: CellBlock = {
      at: `${columnLetter(firstColumn)}${at.headerRow}`,
      values: [[`No child in this aim is waiting for ${names.end.waitingFor} on ${ukFromDay(ctx.asOf)}.`]],
      style: 'note',
    };
    return { blocks: [heading, note], tables: [], widths: [14, 7, 12, 10, 10], columnCount: 5 };
  }
  // Exact weeks waited, for the bars; the JSON's weeksWaiting is the same figure rounded.
  const exact = waiting.map((w) => weeksBetween(dayOf(w.startDate) as number, ctx.asOf));
  const hasTarget = aim.targetWeeks !== null;
  const columns: TableColumn[] = [
    { header: 'Child ID', values: waiting.map((w) => w.childId ?? `(no ID, row ${w.row})`), width: 14 },
    { header: 'Row', values: waiting.map((w) => w.row), width: 7 },
    { header: names.start.dateHeader, values: waiting.map((w) => serialOfIso(w.startDate, ctx.date1904)), width: 12, format: DATE_FORMAT },
    { header: 'Weeks waiting', values: exact, width: 10, format: WEEKS_FORMAT },
  ];
  if (hasTarget) {
    columns.push({ header: 'Past target', values: waiting.map((w) => (w.beyondTarget ? 'Yes' : 'No')), width: 10 });
    columns.push({ header: 'Waiting, within target', values: exact.map((v, i) => (waiting[i].beyondTarget ? null : v)), width: 12, format: WEEKS_FORMAT });
    columns.push({ header: 'Waiting, past target', values: exact.map((v, i) => (waiting[i].beyondTarget ? v : null)), width: 12, format: WEEKS_FORMAT });
  } else {
    columns.push({ header: 'Waiting', values: exact, width: 12, format: WEEKS_FORMAT });
  }
  const rows = waiting.length;
  const range = (offset: number) => columnDataRange(at.headerRow, firstColumn + offset, rows);
  const series: PlannedSeries[] = hasTarget
    ? [
        { name: 'Waiting, within target', values: range(5), color: COLOURS.withinTarget, line: 'none', marker: 'none' },
        { name: 'Waiting, past target', values: range(6), color: COLOURS.pastTarget, line: 'none', marker: 'none' },
      ]
    : [{ name: 'Waiting', values: range(4), color: COLOURS.withinTarget, line: 'none', marker: 'none' }];
  const make = (anchor: { from: string; to: string }): PlannedChart => ({
    name: `aim${ctx.index}WaitingChart`,
    kind: 'bar',
    stacked: true,
    title: `Children waiting for ${names.end.waitingFor} on ${ukFromDay(ctx.asOf)}: ${rows}`,
    xAxisTitle: 'Child (longest wait at the top)',
    yAxisTitle: `Weeks since ${names.start.noun}`,
    categories: range(0),
    series,
    anchor,
    reverseCategories: true,
    yAxisMin: 0,
    showLegend: hasTarget,
  });
  const notes = rows > 45 ? [`${rows} children: every child has a bar, and about one in ${Math.ceil(rows / 45)} is named down the side. The table further down names them all.`] : [];
  return {
    blocks: [heading, tableBlock(at.headerRow, firstColumn, columns)],
    tables: [plannedTable(`${ctx.tablePrefix}Waiting`, at.headerRow, firstColumn, columns)],
    widths: columns.map(columnWidth),
    columnCount: columns.length,
    chart: { make, notes },
  };
}
