/**
 * Timelines for both twins: pick the children (by ID, by row — the pane's
 * selection — or by a group such as a team, a route or a sibling group), work
 * out each journey, and plan a "PACE Timeline …" sheet.
 */
import type { AimsFile, ChildRecord, DayNumber } from '../model';
import { UserFacingError } from '../errors';
import { FIELD_BY_ID, fieldLabel } from '../fields';
import { cellText } from '../records';
import { columnNumber } from '../grid';
import { normaliseAim } from '../aims/definition';
import { childJourney, type Journey } from '../timeline/journey';
import { planTimelineSheet, type TimelineAlign } from '../report/timelineSheet';
import { safeSheetName } from '../report/table';
import { safeTableName } from '../report/issuesSheet';
import type { PlannedSheet, ReportPlan } from '../report/plan';
import { isoFromDay } from '../dates';
import { aimsOrPresets, type LoadedSheet } from './pipeline';
import { requireDateOrderConfirmed } from './dateOrder';
import { findPlacementsHeader, placementsByChild, readPlacements, type Placement, type PlacementsSheet } from '../timeline/placements';
import { HEADER_SEARCH_ROWS } from '../layout/detect';
import type { SheetSummary, WorkbookPort } from '../port';
import type { SheetGrid } from '../grid';

export type TimelineSelection =
  | { kind: 'children'; childIds: string[] }
  | { kind: 'rows'; rows: number[] }
  /** A text column and a value: "team" / "North", or a column's heading or letter ("Sibling group" / "7"). */
  | { kind: 'group'; column: string; value: string };

export interface TimelineOptions {
  asOf: DayNumber;
  align: TimelineAlign;
  aims?: AimsFile | null;
  /** The workbook's placements sheet, read (null or absent: none, and nothing said). */
  placements?: PlacementsSheet | null;
}

export interface PlannedTimeline {
  journeys: Journey[];
  subject: string;
  sheet: PlannedSheet;
  plan: ReportPlan;
  /** Each chosen child's placements in date order, by child ID (empty without a placements sheet). */
  placements: Map<string, Placement[]>;
  /** The placements sheet read, or null. */
  placementsSheet: PlacementsSheet | null;
}

/** Text fields a group can be chosen by, straight from the records. */
const GROUP_FIELDS = new Set(['team', 'route', 'placementType', 'legalStatus', 'gender']);

function groupReader(sheet: LoadedSheet, column: string): { label: string; read: (r: ChildRecord) => string | null } {
  const wanted = column.trim().toLowerCase();
  const field = [...GROUP_FIELDS].find((f) => f.toLowerCase() === wanted || fieldLabel(f).toLowerCase() === wanted || FIELD_BY_ID.get(f)?.shortLabel.toLowerCase() === wanted);
  if (field) return { label: (FIELD_BY_ID.get(field)?.shortLabel ?? field).toLowerCase(), read: (r) => r.text[field] ?? null };
  // Any other column (a sibling group, a worker): by its heading or its letter, read from the grid.
  const candidates = [...sheet.layout.unmapped.map((u) => ({ header: u.header, column: u.column })), ...sheet.layout.columns.map((c) => ({ header: c.header, column: c.column }))];
  const found = candidates.find((c) => c.header.trim().toLowerCase() === wanted || c.column.toLowerCase() === wanted);
  if (!found) {
    throw new UserFacingError(
      'usage',
      `There is no column "${column}" to group by on sheet '${sheet.layout.sheet}'. Use team, route, placement type, legal status, or the heading of one of the sheet's own columns (for example a sibling group column).`,
    );
  }
  const index = columnNumber(found.column) - sheet.grid.firstColumn;
  return {
    label: found.header.trim() || `column ${found.column}`,
    read: (r) => cellText(sheet.grid.values[r.row - sheet.grid.firstRow]?.[index]),
  };
}

/** The children a selection names, in sheet order; says plainly which were not found. */
export function selectChildren(sheet: LoadedSheet, selection: TimelineSelection): { records: ChildRecord[]; subject: string; shortSubject: string } {
  const records = sheet.records;
  if (selection.kind === 'children') {
    const wanted = selection.childIds.map((id) => id.trim()).filter((id) => id !== '');
    const missing = wanted.filter((id) => !records.some((r) => r.childId === id));
    if (missing.length > 0) throw new UserFacingError('usage', `No child with ID ${missing.join(', ')} on sheet '${sheet.layout.sheet}'.`);
    const set = new Set(wanted);
    const subject = wanted.length <= 3 ? wanted.join(', ') : childrenSubject(wanted.length);
    return { records: records.filter((r) => r.childId !== null && set.has(r.childId)), subject, shortSubject: childrenSubject(wanted.length) };
  }
  if (selection.kind === 'rows') {
    const set = new Set(selection.rows);
    const chosen = records.filter((r) => set.has(r.row));
    if (chosen.length === 0) {
      throw new UserFacingError('usage', `The selected rows hold no child on sheet '${sheet.layout.sheet}'. Select one or more children's rows below the headings, then try again.`);
    }
    const subject = chosen.length === 1 ? chosen[0].childId ?? `row ${chosen[0].row}` : childrenSubject(chosen.length);
    return { records: chosen, subject, shortSubject: subject };
  }
  const group = groupReader(sheet, selection.column);
  const value = selection.value.trim().toLowerCase();
  const chosen = records.filter((r) => (group.read(r) ?? '').trim().toLowerCase() === value);
  if (chosen.length === 0) throw new UserFacingError('usage', `No child has ${group.label} "${selection.value}" on sheet '${sheet.layout.sheet}'.`);
  // The value alone ("Remaining at home") when the column's name does not fit in a sheet name.
  return { records: chosen, subject: `${group.label} ${selection.value.trim()}`, shortSubject: selection.value.trim() };
}

/** "3 children", "1 child". */
function childrenSubject(n: number): string {
  return `${n} ${n === 1 ? 'child' : 'children'}`;
}

const SHEET_NAME_LIMIT = 31;

/**
 * "PACE Timeline team North". Excel allows 31 characters in a sheet name, so
 * a longer subject gives way to its short form ("3 children" for a list of
 * IDs, the value alone for a group), and only then is cut, at a word boundary,
 * so the name still says whose timeline it is rather than ending mid-word.
 */
export function timelineSheetName(subject: string, shortSubject: string = subject): string {
  const whole = (s: string) => `PACE Timeline ${s}`.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim();
  const fits = [subject, shortSubject].map(whole).find((n) => n.length <= SHEET_NAME_LIMIT);
  if (fits) return safeSheetName(fits);
  const long = whole(shortSubject);
  const space = long.slice(0, SHEET_NAME_LIMIT + 1).lastIndexOf(' ');
  const cut = space > 'PACE Timeline'.length ? long.slice(0, space) : long.slice(0, SHEET_NAME_LIMIT);
  return safeSheetName(cut.replace(/[\s,;(–-]+$/, ''));
}

export function planTimeline(sheet: LoadedSheet, selection: TimelineSelection, options: TimelineOptions): PlannedTimeline {
  // Stage lengths from a month-first column read day first would be wrong without a word: held back as the aims are.
  requireDateOrderConfirmed(sheet.monthFirstColumns, 'timelines are');
  const { records, subject, shortSubject } = selectChildren(sheet, selection);
  const aims = aimsOrPresets(options.aims).aims.map((a) => normaliseAim(a, sheet.localLabels));
  const journeys = records.map((r) => childJourney(r, options.asOf, aims));
  const sheetName = timelineSheetName(subject, shortSubject);
  const placementsSheet = options.placements ?? null;
  const all = placementsByChild(placementsSheet?.placements ?? []);
  const placements = new Map<string, Placement[]>();
  for (const j of journeys) {
    const id = j.childId?.trim();
    if (id && all.has(id)) placements.set(id, all.get(id) as Placement[]);
  }
  const planned = planTimelineSheet({
    journeys,
    subject,
    asOf: options.asOf,
    align: options.align,
    date1904: sheet.date1904,
    sheetName,
    tablePrefix: safeTableName(`PACE_Timeline_${subject}_`).slice(0, 60),
    ...(placementsSheet ? { placements, placementsSheet: { name: placementsSheet.sheet, problems: placementsSheet.problems } } : {}),
  });
  return { journeys, subject, sheet: planned, plan: { asOf: isoFromDay(options.asOf), sheets: [planned], replaceEarlierReport: false, kind: 'timeline' }, placements, placementsSheet };
}

/** The sheets and their first rows as the pane read them to find the tracker (every sheet the add-in did not write). */
export interface SheetsAtLoad {
  sheets: SheetSummary[];
  previews: SheetGrid[];
}

/**
 * The pane's way to the placements sheet: the first rows of every other
 * sheet (not the tracker, not the add-in's own) in one go, then the whole of
 * the first one with placement headings, read in chunks like the tracker.
 * Null when the workbook has none. `atLoad`: the sheets and first rows read
 * when the tracker was (at least HEADER_SEARCH_ROWS of them), looked through
 * instead of reading them again: the report then uses the workbook as it
 * was read, like the tracker's own rows.
 */
export async function readPlacementsThroughPort(
  port: Pick<WorkbookPort, 'listSheets' | 'readPreviews' | 'readSheet'>,
  trackerSheet: string,
  date1904: boolean,
  atLoad?: SheetsAtLoad,
): Promise<PlacementsSheet | null> {
  const others = (atLoad?.sheets ?? (await port.listSheets())).filter((s) => s.name !== trackerSheet && !s.ownedByAddIn && s.rowCount > 1 && !/^PACE /.test(s.name));
  if (others.length === 0) return null;
  const names = new Set(others.map((s) => s.name));
  const previews = atLoad ? atLoad.previews.filter((p) => names.has(p.sheetName)) : await port.readPreviews([...names], HEADER_SEARCH_ROWS);
  const found = previews.find((p) => findPlacementsHeader(p) !== null);
  if (!found) return null;
  return readPlacements(await port.readSheet(found.sheetName), date1904);
}
