/**
 * Which sheets belong to the add-in (it may replace those, and only those),
 * and of what kind (report, timeline, changes: src/core/report/ownership.ts).
 *
 * Each sheet the add-in writes carries a hidden sheet-scoped defined name
 * `PaceTracker_Owned` (shared with the command line, src/xlsx/ownership.ts)
 * whose comment gives the sheet's kind and the name it was written as, so a
 * sheet the user has since renamed (to keep it) is recognised as theirs.
 * Names and their comments are saved in the workbook and survive closing
 * and reopening it; worksheet ids do not reliably (they are not meant to be
 * kept across sessions), so ids are used only within one session, for the
 * record older versions of the add-in kept in its settings.
 */
import type { OwnedSheet } from './settings';
import { OWNED_SHEET_NAME, OwnershipMark, ownershipComment, readOwnershipComment, SheetKind, stillOursUnder } from '../core/report/ownership';

export { OWNED_SHEET_NAME, ownershipComment };

/** Marked sheets by id: what each mark says. */
export type SheetMarks = ReadonlyMap<string, OwnershipMark>;

/**
 * The add-in's sheets by id, with their kind:
 * - a marked sheet that says it was written as its current name;
 * - a marked sheet whose mark does not say (the command line's before
 *   kinds), unless the add-in's old record shows it renamed in this session;
 * - an unmarked sheet the add-in's old record lists under its current name
 *   (written before marks, and before kinds: a report sheet).
 * A sheet since renamed is the user's now (they may be keeping it).
 */
export function ownedSheetKinds(registry: OwnedSheet[] | null, sheets: { id: string; name: string }[], marks: SheetMarks = new Map()): Map<string, SheetKind> {
  const recorded = new Map((registry ?? []).map((o) => [o.id, o.name.toLowerCase()]));
  const owned = new Map<string, SheetKind>();
  for (const s of sheets) {
    const name = s.name.toLowerCase();
    const mark = marks.get(s.id);
    if (!mark) {
      if (recorded.get(s.id) === name) owned.set(s.id, 'report');
    } else if (mark.writtenAs !== null ? stillOursUnder(s.name, mark) : !recorded.has(s.id) || recorded.get(s.id) === name) {
      owned.set(s.id, mark.kind);
    }
  }
  return owned;
}

/** Ids of the sheets the add-in may replace (see ownedSheetKinds). */
export function ownedSheetIds(registry: OwnedSheet[] | null, sheets: { id: string; name: string }[], marks: SheetMarks = new Map()): Set<string> {
  return new Set(ownedSheetKinds(registry, sheets, marks).keys());
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
export function queueOwnershipMarks(sheets: Excel.Worksheet[]): { marked(): Map<string, OwnershipMark>; mark(id: string): Excel.NamedItem | null } {
  const marks = sheets.map((s) => s.names.getItemOrNullObject(OWNED_SHEET_NAME).load('comment'));
  return {
    marked: () => new Map(sheets.flatMap((s, i) => (marks[i].isNullObject ? [] : [[s.id, readOwnershipComment(marks[i].comment)] as [string, OwnershipMark]]))),
    mark: (id) => {
      const i = sheets.findIndex((s) => s.id === id);
      return i >= 0 && !marks[i].isNullObject ? marks[i] : null;
    },
  };
}

/** Marks a sheet the add-in has just created as its own, as the command line does (hidden, referring to A1), noting its kind and the name it is written as. */
export function queueOwnershipMark(sheet: Excel.Worksheet, sheetName: string, kind: SheetKind): void {
  const mark = sheet.names.add(OWNED_SHEET_NAME, sheet.getRange('A1'), ownershipComment(sheetName, kind));
  mark.visible = false;
}
