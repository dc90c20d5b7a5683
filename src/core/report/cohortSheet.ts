/**
 * The plan of one cohort list's sheet (Highland aim 1 and the like): title,
 * what the list is, the headline count and share reviewed, and the children
 * as an Excel Table, each child ID a link back to the row on the user's sheet.
 *
 * Layout (rows): 1 title, 2 what the list is, 3 as-of line, 5-6 headline
 * figures, 8 table header (frozen), data from 9.
 */
import type { CellValue } from '../grid';
import type { CohortListResult, DayNumber } from '../model';
import { fieldLabel } from '../fields';
import { serialFromIso, ukFromDay } from '../dates';
import { linkTarget, safeTableName } from './issuesSheet';
import type { CellBlock, PlannedLink, PlannedSheet } from './plan';
import { DATE_FORMAT, PERCENT_FORMAT, WEEKS_FORMAT } from './plan';
import { columnWidth, plannedTable, safeSheetName, setWidths, tableBlock, type TableColumn } from './table';

const HEADER_ROW = 8;

export interface CohortSheetContext {
  asOf: DayNumber;
  date1904: boolean;
  sourceSheet: string;
  /** 1-based position among the report's aims (the sheet is "PACE Aim N …"). */
  index: number;
  /** Prefix making this sheet's table names unique in the workbook, e.g. "PACE_Aim5_". */
  tablePrefix: string;
  localLabels?: ReadonlyMap<string, string>;
}

/** "PACE Aim 5 At home 24m+": the "PACE Aim N" start marks it as a report sheet, never a tracker to read. */
export function cohortSheetName(result: CohortListResult, index: number): string {
  return safeSheetName(`PACE Aim ${index} At home ${result.months}m+`);
}

/** What the list is, in a data lead's words. */
export function cohortStatement(result: CohortListResult, localLabels?: ReadonlyMap<string, string>): string {
  const who =
    `Children looked after at home (on the remaining-at-home route, or in a placement at home) who became looked after more than ${result.months} months ` +
    'before the as-of date and have not ceased to be looked after; each is to have a review.';
  const review =
    result.reviewMilestone === null
      ? ' The sheet has no review-date column for this list, so who has been reviewed is not shown: name the column holding the review dates as the list\'s review milestone to see it.'
      : ` Review dates are read from '${fieldLabel(result.reviewMilestone, localLabels)}'.`;
  return `${who}${review}`;
}

export function planCohortSheet(result: CohortListResult, ctx: CohortSheetContext): PlannedSheet {
  const hasReview = result.reviewMilestone !== null;
  const blocks: CellBlock[] = [
    { at: 'A1', values: [[result.name]], style: 'title' },
    { at: 'A2', values: [[cohortStatement(result, ctx.localLabels)]], style: 'subtitle' },
    { at: 'A3', values: [[`As of ${ukFromDay(ctx.asOf)}, from sheet '${ctx.sourceSheet}'`]], style: 'subtitle' },
  ];
  const labels: CellValue[] = ['Children on the list'];
  const figures: CellValue[] = [result.count];
  if (hasReview) {
    labels.push('Reviewed', '% reviewed');
    figures.push(result.reviewed, result.percentReviewed);
  }
  blocks.push({ at: 'A5', values: [labels], style: 'label' });
  blocks.push({ at: 'A6', values: [figures], style: 'headline', columnFormats: hasReview ? [null, null, PERCENT_FORMAT] : [null] });

  const sheet: PlannedSheet = {
    name: cohortSheetName(result, ctx.index),
    role: 'aim',
    tabColor: '#2E75B6',
    blocks,
    tables: [],
    links: [],
    charts: [],
    columnWidths: [],
    freezeRows: 0,
  };
  if (result.children.length === 0) {
    // An Excel Table needs a data row; a plain sentence is clearer than an empty table.
    blocks.push({ at: `A${HEADER_ROW}`, values: [[`No child is on this list on ${ukFromDay(ctx.asOf)}.`]], style: 'note' });
    setWidths(sheet.columnWidths, 1, [22, 14, 14]);
    return sheet;
  }

  const date = (iso: string | null): CellValue => (iso === null ? null : serialFromIso(iso, ctx.date1904));
  const columns: TableColumn[] = [
    { header: 'Child ID', values: result.children.map((c) => c.childId ?? ''), format: '@', width: 14 },
    { header: 'Row', values: result.children.map((c) => c.row), width: 7 },
    { header: 'Became looked after', values: result.children.map((c) => date(c.lookedAfterStart)), format: DATE_FORMAT, width: 14 },
    { header: 'Weeks looked after', values: result.children.map((c) => c.weeksLookedAfter), format: WEEKS_FORMAT, width: 12 },
    { header: 'Team', values: result.children.map((c) => c.team ?? ''), width: 16 },
  ];
  if (hasReview) columns.push({ header: 'Review date', values: result.children.map((c) => date(c.reviewDate)), format: DATE_FORMAT, width: 14 });

  blocks.push(tableBlock(HEADER_ROW, 1, columns));
  sheet.tables.push(plannedTable(safeTableName(`${ctx.tablePrefix}Children`), HEADER_ROW, 1, columns));
  const links: PlannedLink[] = [];
  result.children.forEach((c, i) => {
    if (c.childId === null) return;
    links.push({ cell: `A${HEADER_ROW + 1 + i}`, target: linkTarget(ctx.sourceSheet, `A${c.row}`), text: c.childId, tooltip: `Go to row ${c.row} on '${ctx.sourceSheet}'` });
  });
  sheet.links = links;
  setWidths(sheet.columnWidths, 1, columns.map(columnWidth));
  sheet.freezeRows = HEADER_ROW;
  return sheet;
}
