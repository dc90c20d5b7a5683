/**
 * A child's placement history, from a placements sheet beside the tracker
 * (one row per placement: child ID, start, end, placement type), so a
 * timeline shows the moves as well as the milestones ("a high number of
 * placement moves"). Found by its headings, like the tracker: no sheet, no
 * placements, and nothing said. A row whose dates cannot be read is left out
 * and said plainly, never a crash.
 */
import type { CellValue, SheetGrid } from '../grid';
import { columnLetter } from '../grid';
import type { DayNumber } from '../model';
import { decodeDateCell, isDateReading, weeksBetween } from '../dates';
import { bestFieldForHeader, normaliseHeader } from '../layout/headers';
import { HEADER_SEARCH_ROWS, isBlankCell } from '../layout/detect';
import { cellText } from '../records';

export interface Placement {
  childId: string;
  /** 1-based row on the placements sheet. */
  row: number;
  start: DayNumber;
  /** Null while the placement goes on. */
  end: DayNumber | null;
  type: string | null;
}

export interface PlacementsHeader {
  /** 1-based row of the headings. */
  headerRow: number;
  /** 0-based indexes into the grid's rows. */
  childId: number;
  start: number;
  end: number;
  type: number | null;
}

export interface PlacementsSheet {
  sheet: string;
  placements: Placement[];
  /** Rows left out, in plain words ("Row 7 on 'Placements': …"). */
  problems: string[];
}

const words = (header: string): string[] => normaliseHeader(header).split(' ');

function isChildIdHeading(header: string): boolean {
  return bestFieldForHeader(header)?.field === 'childId';
}

function isStartHeading(header: string): boolean {
  const w = words(header);
  if (w.includes('end') || w.includes('ended')) return false;
  return bestFieldForHeader(header)?.field === 'placementStart' || w.includes('start') || w.includes('started') || (w.includes('from') && w.includes('date'));
}

function isEndHeading(header: string): boolean {
  const w = words(header);
  if (w.includes('start') || w.includes('started')) return false;
  return w.includes('end') || w.includes('ended') || w.includes('until') || (w.includes('to') && w.includes('date'));
}

function isTypeHeading(header: string): boolean {
  const w = words(header);
  return bestFieldForHeader(header)?.field === 'placementType' || w.includes('type') || w.includes('kind');
}

const mentionsPlacement = (text: string) => words(text).some((w) => w === 'placement' || w === 'placements');

/**
 * The row of headings of a placements sheet: a child ID, a start and an end
 * (an end is what a tracker's single "Placement start" column lacks, so the
 * tracker itself is never taken for one); the type when there is one. The
 * sheet's name or one of its headings must say "placement", so another
 * history (legal status start and end) is not taken for placements.
 */
export function findPlacementsHeader(grid: SheetGrid): PlacementsHeader | null {
  const namedForPlacements = mentionsPlacement(grid.sheetName);
  const rows = Math.min(grid.values.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < rows; r++) {
    const headings = (grid.values[r] ?? []).map((v) => (typeof v === 'string' ? v.trim() : ''));
    const find = (test: (h: string) => boolean, not: number[] = []) => headings.findIndex((h, i) => h !== '' && !not.includes(i) && test(h));
    const childId = find(isChildIdHeading);
    if (childId < 0 || !(namedForPlacements || headings.some(mentionsPlacement))) continue;
    const start = find(isStartHeading, [childId]);
    const end = find(isEndHeading, [childId, start]);
    if (start < 0 || end < 0) continue;
    const type = find(isTypeHeading, [childId, start, end]);
    return { headerRow: grid.firstRow + r, childId, start, end, type: type < 0 ? null : type };
  }
  return null;
}

function shown(value: CellValue | undefined): string {
  return typeof value === 'number' ? String(value) : `"${String(value ?? '').trim()}"`;
}

/** Every placement on a sheet with placement headings, or null when the sheet has none. */
export function readPlacements(grid: SheetGrid, date1904: boolean): PlacementsSheet | null {
  const header = findPlacementsHeader(grid);
  if (!header) return null;
  const placements: Placement[] = [];
  const problems: string[] = [];
  const at = (r: number) => `Row ${grid.firstRow + r} on '${grid.sheetName}'`;
  const headingOf = (index: number) => String(grid.values[header.headerRow - grid.firstRow][index]).trim();
  for (let r = header.headerRow - grid.firstRow + 1; r < grid.values.length; r++) {
    const values = grid.values[r] ?? [];
    if (values.every((v) => isBlankCell(v))) continue;
    const childId = cellText(values[header.childId]);
    if (childId === null) {
      problems.push(`${at(r)} has no child ID (column ${columnLetter(grid.firstColumn + header.childId)}), so it is left out.`);
      continue;
    }
    const date = (index: number) => decodeDateCell(values[index] ?? null, grid.numberFormats?.[r]?.[index] ?? null, date1904);
    const start = date(header.start);
    if (start.day === null || !isDateReading(start.reading)) {
      const what = isBlankCell(values[header.start]) ? 'is blank' : `${shown(values[header.start])} is not a date`;
      problems.push(`${at(r)} (${childId}): the ${headingOf(header.start)} ${what}, so this placement is left out.`);
      continue;
    }
    const end = date(header.end);
    if (!isBlankCell(values[header.end]) && (end.day === null || !isDateReading(end.reading))) {
      problems.push(`${at(r)} (${childId}): the ${headingOf(header.end)} ${shown(values[header.end])} is not a date, so this placement is left out.`);
      continue;
    }
    if (end.day !== null && end.day < start.day) {
      problems.push(`${at(r)} (${childId}): the placement ends before it starts, so it is left out.`);
      continue;
    }
    placements.push({ childId, row: grid.firstRow + r, start: start.day, end: end.day, type: header.type === null ? null : cellText(values[header.type]) });
  }
  return { sheet: grid.sheetName, placements, problems };
}

/** The first sheet (other than the tracker and the add-in's own) that holds placements, read; null when there is none. */
export function findPlacementsSheet(sheets: readonly SheetGrid[], trackerSheet: string, date1904: boolean): PlacementsSheet | null {
  for (const grid of sheets) {
    if (grid.sheetName === trackerSheet || grid.ownedByAddIn === true || /^PACE /.test(grid.sheetName)) continue;
    const read = readPlacements(grid, date1904);
    if (read) return read;
  }
  return null;
}

/** Each child's placements in date order (by ID as written, trimmed). */
export function placementsByChild(placements: readonly Placement[]): Map<string, Placement[]> {
  const byChild = new Map<string, Placement[]>();
  for (const p of placements) {
    const id = p.childId.trim();
    byChild.set(id, [...(byChild.get(id) ?? []), p]);
  }
  for (const list of byChild.values()) list.sort((a, b) => a.start - b.start || a.row - b.row);
  return byChild;
}

/** Moves between placements: one fewer than the placements. */
export function placementMoves(placements: readonly Placement[]): number {
  return Math.max(0, placements.length - 1);
}

/** A placement as it stood at the as-of date: ended then or still going (end null). Null when it starts after the as-of date. */
export function placementAsOf(p: Placement, asOf: DayNumber): { start: DayNumber; end: DayNumber; ongoing: boolean; weeks: number } | null {
  if (p.start > asOf) return null;
  const ongoing = p.end === null || p.end > asOf;
  const end = ongoing ? asOf : (p.end as DayNumber);
  return { start: p.start, end, ongoing, weeks: weeksBetween(p.start, end) };
}

/** A placement as JSON (ISO dates; end null while it goes on). */
export function placementToJson(p: Placement, iso: (day: DayNumber) => string): Record<string, unknown> {
  return { row: p.row, type: p.type, start: iso(p.start), end: p.end === null ? null : iso(p.end) };
}
