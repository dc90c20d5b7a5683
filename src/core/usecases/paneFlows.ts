/**
 * The pane's two extra flows, as small pure helpers the session uses:
 * which groups a timeline can be drawn for, which selected rows hold
 * children, and what a comparison says in counts and things to check.
 */
import { FIELD_BY_ID, fieldLabel } from '../fields';
import { columnNumber } from '../grid';
import { cellText } from '../records';
import { CHANGE_KINDS, CHANGE_KIND_TITLES, type ChangeKind } from '../compare/compare';
import type { Severity } from '../model';
import type { SelectedRows } from '../port';
import { UserFacingError } from '../errors';
import type { ComparedSheets } from './compare';
import type { LoadedSheet } from './pipeline';

/** A column children can be grouped by, with the values found in it (and how many children have each). */
export interface TimelineGroup {
  /** What to pass back: a field id (team) or a column letter (G). */
  column: string;
  /** The column as the user knows it ("Team", or the sheet's own heading). */
  label: string;
  values: { value: string; children: number }[];
}

/** Text fields offered first, in this order. */
const GROUP_FIELDS = ['team', 'route', 'placementType', 'legalStatus'] as const;
/** A column with more distinct values than this is not a grouping (names, notes, IDs). */
const MAX_GROUP_VALUES = 40;

function valuesOf(texts: (string | null)[]): { value: string; children: number }[] {
  const counts = new Map<string, number>();
  for (const t of texts) {
    const v = t?.trim();
    if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts].map(([value, children]) => ({ value, children })).sort((a, b) => a.value.localeCompare(b.value, 'en-GB'));
}

/**
 * The groups a timeline can be drawn for: the mapped team, route, placement
 * type and legal status, then the sheet's own unmapped text columns (a sibling
 * group, a worker) whose values repeat. A column with a different value on
 * almost every row (a name, an ID, notes) is never offered.
 */
export function timelineGroups(sheet: LoadedSheet): TimelineGroup[] {
  const records = sheet.records;
  const groups: TimelineGroup[] = [];
  const mapped = new Set(sheet.layout.columns.map((c) => String(c.field)));
  for (const field of GROUP_FIELDS) {
    if (!mapped.has(field)) continue;
    const values = valuesOf(records.map((r) => r.text[field] ?? null));
    if (values.length > 0) groups.push({ column: field, label: FIELD_BY_ID.get(field)?.shortLabel ?? fieldLabel(field), values });
  }
  for (const u of sheet.layout.unmapped) {
    if (u.looksLikeDates || u.notUsed || u.header.trim() === '') continue;
    const index = columnNumber(u.column) - sheet.grid.firstColumn;
    const texts = records.map((r) => cellText(sheet.grid.values[r.row - sheet.grid.firstRow]?.[index]));
    const values = valuesOf(texts);
    const repeats = values.some((v) => v.children > 1);
    if (values.length === 0 || values.length > MAX_GROUP_VALUES || !repeats) continue;
    groups.push({ column: u.column, label: u.header.trim(), values });
  }
  return groups;
}

/** The sheet rows a selection covers, refused in plain words when it is on another sheet or misses the children. */
export function rowsOfSelection(sheet: LoadedSheet, selected: SelectedRows): number[] {
  const name = sheet.layout.sheet;
  if (selected.sheet !== name) {
    throw new UserFacingError('usage', `The selection is on sheet '${selected.sheet}'. Select one or more children's rows on '${name}', then choose Timeline again.`);
  }
  const first = Math.max(selected.firstRow, sheet.layout.firstDataRow);
  const last = Math.min(selected.firstRow + selected.rowCount - 1, sheet.layout.lastDataRow);
  const rows: number[] = [];
  for (let r = first; r <= last; r++) rows.push(r);
  return rows;
}

/** One kind of change and how many there were. */
export interface ChangeCount {
  kind: ChangeKind;
  title: string;
  count: number;
}

/** A change that looks like a mistake, for the pane's list. */
export interface ChangeToCheck {
  childId: string;
  /** The cell on this month's sheet, or null for a child gone. */
  cell: string | null;
  severity: Severity;
  message: string;
}

export interface CompareSummary {
  /** The sheet written ("PACE Changes"). */
  sheet: string;
  lastName: string;
  /** yyyy-mm-dd */
  lastAsOf: string;
  matched: number;
  matchedBy: 'childId' | 'pseudonym';
  /** Every kind, in the sheet's order, with its count (zeros included so the pane's list does not jump). */
  counts: ChangeCount[];
  total: number;
  /** Errors first, then warnings. */
  toCheck: ChangeToCheck[];
  /** Date columns in only one of the two months, by label. */
  notCompared: string[];
  /** Children outside the PACE population missing from last month's submission copy (left out by design, not added). */
  leftOutOfLast: number;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function compareSummary(result: ComparedSheets, written: string, lastName: string, lastAsOf: string, now: LoadedSheet): CompareSummary {
  const { comparison } = result;
  const toCheck = comparison.changes
    .filter((c) => c.severity === 'error' || c.severity === 'warning')
    .map((c) => ({ childId: c.childId, cell: c.cell, severity: c.severity as Severity, message: c.message }))
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return {
    sheet: written,
    lastName,
    lastAsOf,
    matched: comparison.matched,
    matchedBy: result.matchedBy,
    counts: CHANGE_KINDS.map((kind) => ({ kind, title: CHANGE_KIND_TITLES[kind], count: comparison.counts[kind] })),
    total: comparison.changes.length,
    toCheck,
    notCompared: result.notCompared.map((f) => fieldLabel(f, now.localLabels)),
    leftOutOfLast: comparison.leftOutOfLast.length,
  };
}
