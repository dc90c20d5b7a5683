/**
 * Which sheets belong to the add-in (it may replace those, and only those).
 *
 * Each report sheet carries a hidden sheet-scoped defined name
 * `PaceTracker_Owned` (shared with the command line, src/xlsx/ownership.ts).
 * The add-in also puts in the name's comment the sheet name it wrote, so a
 * sheet the user has since renamed (to keep it) is recognised as theirs.
 * Names and their comments are saved in the workbook and survive closing
 * and reopening it; worksheet ids do not reliably (they are not meant to be
 * kept across sessions), so ids are used only within one session, for the
 * record older versions of the add-in kept in its settings.
 */
import type { OwnedSheet } from './settings';

/** The command line's mark (src/xlsx/ownership.ts OWNED_SHEET_NAME), repeated so the pane bundle stays free of the .xlsx code. */
export const OWNED_SHEET_NAME = 'PaceTracker_Owned';

const COMMENT_PREFIX = 'PACE Permanence Tracker report sheet, written as: ';

/** The comment on the add-in's mark: the sheet name it was written under (well within Excel's 255 characters). */
export function ownershipComment(sheetName: string): string {
  return COMMENT_PREFIX + sheetName;
}

/** The sheet name a mark's comment records; null for a mark without one (the command line's, or an older add-in's). */
export function writtenNameOf(comment: string | null | undefined): string | null {
  return comment && comment.startsWith(COMMENT_PREFIX) ? comment.slice(COMMENT_PREFIX.length) : null;
}

/** Marked sheets by id: the name each was written under, or null when the mark does not say. */
export type SheetMarks = ReadonlyMap<string, string | null>;

/**
 * Ids of the sheets the add-in may replace:
 * - a marked sheet that says it was written as its current name;
 * - a marked sheet whose mark does not say (the command line's), unless
 *   the add-in's old record shows it renamed in this session;
 * - an unmarked sheet the add-in's old record lists under its current name.
 * A report sheet since renamed is the user's now (they may be keeping it).
 */
export function ownedSheetIds(registry: OwnedSheet[] | null, sheets: { id: string; name: string }[], marks: SheetMarks = new Map()): Set<string> {
  const recorded = new Map((registry ?? []).map((o) => [o.id, o.name.toLowerCase()]));
  const owned = (s: { id: string; name: string }): boolean => {
    const name = s.name.toLowerCase();
    if (!marks.has(s.id)) return recorded.get(s.id) === name;
    const writtenAs = marks.get(s.id);
    if (writtenAs !== null && writtenAs !== undefined) return writtenAs.toLowerCase() === name;
    return !recorded.has(s.id) || recorded.get(s.id) === name;
  };
  return new Set(sheets.filter(owned).map((s) => s.id));
}

/**
 * Marked sheets the user renamed to keep: their mark should go, so the
 * command line leaves them alone as well.
 */
export function keptMarkedIds(registry: OwnedSheet[] | null, sheets: { id: string; name: string }[], marks: SheetMarks): Set<string> {
  const owned = ownedSheetIds(registry, sheets, marks);
  return new Set(sheets.filter((s) => marks.has(s.id) && !owned.has(s.id)).map((s) => s.id));
}

/** Queues a look-up of every sheet's mark and its comment (one batch; read after the next sync). */
export function queueOwnershipMarks(sheets: Excel.Worksheet[]): { marked(): Map<string, string | null>; mark(id: string): Excel.NamedItem | null } {
  const marks = sheets.map((s) => s.names.getItemOrNullObject(OWNED_SHEET_NAME).load('comment'));
  return {
    marked: () => new Map(sheets.flatMap((s, i) => (marks[i].isNullObject ? [] : [[s.id, writtenNameOf(marks[i].comment)] as [string, string | null]]))),
    mark: (id) => {
      const i = sheets.findIndex((s) => s.id === id);
      return i >= 0 && !marks[i].isNullObject ? marks[i] : null;
    },
  };
}

/** Marks a sheet the add-in has just created as its own, as the command line does (hidden, referring to A1), noting the name it is written as. */
export function queueOwnershipMark(sheet: Excel.Worksheet, sheetName: string): void {
  const mark = sheet.names.add(OWNED_SHEET_NAME, sheet.getRange('A1'), ownershipComment(sheetName));
  mark.visible = false;
}
