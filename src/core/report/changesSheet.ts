/**
 * The "PACE Changes" sheet: what changed since last month, one Excel Table per
 * kind of change (children added, gone, dates changed or removed, milestones
 * newly recorded, route and legal status), each cell address a link to this
 * month's tracker, the changes that look like mistakes marked like findings.
 */
import { columnLetter, type CellValue } from '../grid';
import { fieldLabel } from '../fields';
import { dayFromIso, serialFromDay, ukFromDay } from '../dates';
import { SEVERITY_LABELS } from '../checks/registry';
import type { DayNumber } from '../model';
import { CHANGE_KINDS, CHANGE_KIND_TITLES, leftOutOfLastText, type Change, type Comparison } from '../compare/compare';
import { DATE_FORMAT, WEEKS_FORMAT, type CellBlock, type PlannedLink, type PlannedSheet, type PlannedTable } from './plan';
import { linkTarget } from './issuesSheet';
import { columnWidth, plannedTable, tableBlock, type TableColumn } from './table';

export const CHANGES_SHEET_NAME = 'PACE Changes';

export interface ChangesSheetInput {
  comparison: Comparison;
  /** This month's tracker sheet (the links go there). */
  sourceSheet: string;
  thisAsOf: DayNumber;
  lastAsOf: DayNumber;
  /** How last month's data is named on the sheet: its file name, or "last month's submission copy". */
  lastName: string;
  date1904: boolean;
  localLabels?: ReadonlyMap<string, string>;
  /** Children matched by pseudonym rather than by ID. */
  matchedBy: 'childId' | 'pseudonym';
}

/** "12 changes: 3 children added, 1 child gone without a ceased date, …" */
export function changesSummaryLine(comparison: Comparison): string {
  const total = comparison.changes.length;
  if (total === 0) return 'No changes: every child and every date is as it was last month.';
  const parts = CHANGE_KINDS.filter((k) => comparison.counts[k] > 0).map((k) => `${CHANGE_KIND_TITLES[k].toLowerCase()}: ${comparison.counts[k]}`);
  const { error, warning } = comparison.severityCounts;
  const toCheck = error + warning;
  return `${total} ${total === 1 ? 'change' : 'changes'} (${parts.join('; ')}). ${toCheck === 0 ? 'None looks like a mistake.' : `${toCheck} to check.`}`;
}

/** A date as a real date in the target workbook; other text as written. */
function dateCell(value: string | null, date1904: boolean): CellValue {
  if (value === null) return null;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? dayFromIso(value) : null;
  return day === null ? value : serialFromDay(day, date1904);
}

function isDateField(change: Change): boolean {
  return change.kind === 'dateChanged' || change.kind === 'dateRemoved' || change.kind === 'reached';
}

function pointsText(change: Change): string {
  return (change.points ?? [])
    .map((p) => `${p.aimName}: ${p.weeksBefore ?? '–'} → ${p.weeksAfter ?? '–'} wks`)
    .join('; ');
}

/**
 * The same nine columns in every table, so each column keeps one width down
 * the sheet; a column that does not apply to a kind (a child added has no
 * field) is left blank.
 */
function columnsFor(changes: readonly Change[], input: ChangesSheetInput): TableColumn[] {
  const dates = changes.some(isDateField);
  const value = (v: string | null): CellValue => (dates ? dateCell(v, input.date1904) : v ?? '');
  return [
    { header: 'Child ID', values: changes.map((c) => c.childId), format: '@', width: 16 },
    { header: 'Field', values: changes.map((c) => (c.field === null ? '' : fieldLabel(c.field, input.localLabels))), format: '@', width: 26 },
    { header: 'Last month', values: changes.map((c) => value(c.before)), format: dates ? DATE_FORMAT : '@', width: 14 },
    { header: 'This month', values: changes.map((c) => value(c.after)), format: dates ? DATE_FORMAT : '@', width: 14 },
    { header: 'Weeks moved', values: changes.map((c) => c.weeksMoved ?? null), format: WEEKS_FORMAT, width: 12 },
    { header: 'Run-chart points moved', values: changes.map(pointsText), format: '@', width: 36 },
    { header: 'Check', values: changes.map((c) => (c.severity ? SEVERITY_LABELS[c.severity] : '')), format: '@', width: 12 },
    { header: 'What happened', values: changes.map((c) => c.message), format: '@', width: 70 },
    { header: 'Cell', values: changes.map((c) => c.cell ?? (c.lastRow === null ? '' : `row ${c.lastRow} last month`)), format: '@', width: 18 },
  ];
}

export function planChangesSheet(input: ChangesSheetInput): PlannedSheet {
  const { comparison } = input;
  const matched = input.matchedBy === 'pseudonym' ? 'Children matched by pseudonym (same key as last month).' : 'Children matched by child ID.';
  const leftOut = comparison.leftOutOfLast.length;
  const leftOutText = leftOut === 0 ? '' : ` ${leftOutOfLastText(leftOut)}`;
  const blocks: CellBlock[] = [
    { at: 'A1', values: [['PACE Changes']], style: 'title' },
    {
      at: 'A2',
      values: [[`Sheet '${input.sourceSheet}' as of ${ukFromDay(input.thisAsOf)}, compared with ${input.lastName} as of ${ukFromDay(input.lastAsOf)}. ${matched}${leftOutText}`]],
      style: 'subtitle',
    },
    { at: 'A3', values: [[changesSummaryLine(comparison)]], style: 'headline' },
    {
      at: 'A4',
      values: [
        [
          'A date changed after it was submitted rewrites last month’s figures and moves run-chart points: check each one marked Warning, and keep a note of why it changed. Click a cell address to go to it.',
        ],
      ],
      style: 'note',
    },
  ];
  const tables: PlannedTable[] = [];
  const links: PlannedLink[] = [];
  let row = 6;
  for (const kind of CHANGE_KINDS) {
    const changes = comparison.changes.filter((c) => c.kind === kind);
    blocks.push({ at: `A${row}`, values: [[`${CHANGE_KIND_TITLES[kind]} (${changes.length})`]], style: 'heading' });
    row++;
    if (changes.length === 0) {
      blocks.push({ at: `A${row}`, values: [['None.']], style: 'normal' });
      row += 2;
      continue;
    }
    const columns = columnsFor(changes, input);
    blocks.push({ ...tableBlock(row, 1, columns), wrap: true });
    tables.push(plannedTable(`PACE_Changes_${kind}`, row, 1, columns));
    const cellColumn = columnLetter(columns.length);
    changes.forEach((c, i) => {
      if (c.cell) {
        links.push({ cell: `${cellColumn}${row + 1 + i}`, target: linkTarget(input.sourceSheet, c.cell), text: c.cell, tooltip: `Go to ${c.cell} on '${input.sourceSheet}'` });
      }
    });
    row += changes.length + 3;
  }
  return {
    name: CHANGES_SHEET_NAME,
    role: 'changes',
    tabColor: comparison.severityCounts.error + comparison.severityCounts.warning > 0 ? '#ED7D31' : '#2E7D32',
    blocks,
    tables,
    links,
    charts: [],
    columnWidths: columnsFor([], input).map(columnWidth),
    freezeRows: 0,
  };
}
