/**
 * Which sheets in a user's workbook the add-in (or the command line) wrote,
 * of what kind, and which of them a new write replaces. Shared by both
 * writers (src/excel, src/xlsx) so a workbook passed between the pane and
 * the command line is treated the same way by either.
 *
 * Each sheet we write carries a hidden sheet-scoped defined name
 * `PaceTracker_Owned` whose comment says what kind of sheet it is and the
 * name it was written as: "PACE Permanence Tracker timeline sheet, written
 * as: PACE Timeline Team North". The kind keeps the flows apart (a report
 * replaces report sheets, never a timeline or the changes sheet); the name
 * tells a sheet the user has since renamed (to keep it) from ours.
 */
import type { ReportPlan, SheetKind } from './plan';

export type { SheetKind };

/** The defined name that marks a sheet as ours. */
export const OWNED_SHEET_NAME = 'PaceTracker_Owned';

const KINDS: readonly SheetKind[] = ['report', 'timeline', 'changes'];

/** The kind a plan's sheets are marked as. */
export function planKind(plan: Pick<ReportPlan, 'kind'>): SheetKind {
  return plan.kind ?? 'report';
}

const COMMENT_START = 'PACE Permanence Tracker ';
const COMMENT_MIDDLE = ' sheet, written as: ';

/** The comment on a mark: the sheet's kind and the name it is written as (well within Excel's 255 characters). */
export function ownershipComment(sheetName: string, kind: SheetKind): string {
  return `${COMMENT_START}${kind}${COMMENT_MIDDLE}${sheetName}`;
}

/** What a mark says about its sheet. */
export interface OwnershipMark {
  kind: SheetKind;
  /** The name the sheet was written as; null when the mark does not say. */
  writtenAs: string | null;
}

/**
 * Reads a mark's comment. A mark without a kind — the command line's before
 * this version had no comment at all, the add-in's always said "report
 * sheet" — is read as a report sheet: those versions treated every marked
 * sheet as part of the report (a full report replaced them all), so reading
 * them that way changes nothing for workbooks they wrote; each such sheet
 * gets its real kind the next time its own flow writes it. A comment we did
 * not write (someone edited it) says no name either.
 */
export function readOwnershipComment(comment: string | null | undefined): OwnershipMark {
  const text = comment ?? '';
  if (text.startsWith(COMMENT_START)) {
    const rest = text.slice(COMMENT_START.length);
    const at = rest.indexOf(COMMENT_MIDDLE);
    const kind = rest.slice(0, at) as SheetKind;
    if (at > 0 && KINDS.includes(kind)) return { kind, writtenAs: rest.slice(at + COMMENT_MIDDLE.length) };
  }
  return { kind: 'report', writtenAs: null };
}

/**
 * Whether a marked sheet is still ours under its current name: a mark that
 * names the sheet must name it as it is now (ignoring case, as Excel
 * compares sheet names); a sheet the user renamed is theirs now (they may be
 * keeping last month's copy). A mark that does not say is taken at its word.
 */
export function stillOursUnder(currentName: string, mark: OwnershipMark): boolean {
  return mark.writtenAs === null || mark.writtenAs.toLowerCase() === currentName.toLowerCase();
}

/**
 * Whether writing `plan` replaces one of our sheets (by its current name and
 * kind): any sheet the plan writes again under the same name, and — for a
 * full write (plan.replaceEarlierReport) — every sheet of the plan's kind.
 * So a full report replaces the earlier report's sheets, however many aims
 * it had, and keeps every timeline and the changes sheet; a timeline
 * replaces only the timeline of the same subject (same name); a comparison
 * only the changes sheet.
 */
export function replacedByPlan(plan: Pick<ReportPlan, 'sheets' | 'replaceEarlierReport' | 'kind'>, sheet: { name: string; kind: SheetKind }): boolean {
  const name = sheet.name.toLowerCase();
  if (plan.sheets.some((s) => s.name.toLowerCase() === name)) return true;
  return plan.replaceEarlierReport === true && planKind(plan) === sheet.kind;
}
