/**
 * Which sheets belong to the add-in (it may replace those, and only those).
 * Two records agree on it: the add-in's settings list (sheet ids and names)
 * and, shared with the command line, a hidden sheet-scoped defined name
 * `PaceTracker_Owned` on each report sheet (src/xlsx/ownership.ts).
 */
import type { OwnedSheet } from './settings';

/** The command line's mark (src/xlsx/ownership.ts OWNED_SHEET_NAME), repeated so the pane bundle stays free of the .xlsx code. */
export const OWNED_SHEET_NAME = 'PaceTracker_Owned';

/**
 * Ids of the sheets the add-in wrote and still owns. A sheet in the add-in's
 * list is owned while it keeps its name: one the user has since renamed is
 * theirs now (they may be keeping it), so it is left alone. A marked sheet
 * the list does not know came from the command line and is owned.
 */
export function ownedSheetIds(registry: OwnedSheet[] | null, sheets: { id: string; name: string }[], marked: ReadonlySet<string> = new Set()): Set<string> {
  const recorded = new Map((registry ?? []).map((o) => [o.id, o.name.toLowerCase()]));
  return new Set(
    sheets.filter((s) => (recorded.has(s.id) ? recorded.get(s.id) === s.name.toLowerCase() : marked.has(s.id))).map((s) => s.id),
  );
}

/**
 * Marked sheets the user renamed to keep: their mark should go, so the
 * command line leaves them alone as well.
 */
export function keptMarkedIds(registry: OwnedSheet[] | null, sheets: { id: string; name: string }[], marked: ReadonlySet<string>): Set<string> {
  const owned = ownedSheetIds(registry, sheets, marked);
  return new Set(sheets.filter((s) => marked.has(s.id) && !owned.has(s.id)).map((s) => s.id));
}

/** Queues a look-up of every sheet's mark (one batch; read after the next sync). */
export function queueOwnershipMarks(sheets: Excel.Worksheet[]): { marked(): Set<string>; mark(id: string): Excel.NamedItem | null } {
  const marks = sheets.map((s) => s.names.getItemOrNullObject(OWNED_SHEET_NAME));
  return {
    marked: () => new Set(sheets.filter((_, i) => !marks[i].isNullObject).map((s) => s.id)),
    mark: (id) => {
      const i = sheets.findIndex((s) => s.id === id);
      return i >= 0 && !marks[i].isNullObject ? marks[i] : null;
    },
  };
}

/** Marks a sheet the add-in has just created as its own, as the command line does (hidden, referring to A1). */
export function queueOwnershipMark(sheet: Excel.Worksheet): void {
  const mark = sheet.names.add(OWNED_SHEET_NAME, sheet.getRange('A1'));
  mark.visible = false;
}
