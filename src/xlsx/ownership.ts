/**
 * How a workbook remembers which sheets the add-in or the command line
 * wrote: a hidden, sheet-scoped defined name `PaceTracker_Owned` on each of
 * them (referring to the sheet's A1), whose comment gives the sheet's kind
 * (report, timeline, changes) and the name it was written as
 * (src/core/report/ownership.ts). It survives renaming the sheet, is
 * invisible in the Name Manager, and the Office.js adapter reads the same
 * name and comment. A later run replaces only our sheets of the kind it
 * writes; a sheet the user renamed is theirs (kept, its mark dropped), and
 * any other sheet is never touched.
 */
import JSZip from './jszip';
import type { SheetKind } from '../core/report/plan';
import { ownershipComment, readOwnershipComment, stillOursUnder } from '../core/report/ownership';
import { parseAttributes } from './ooxml';
import { OWNED_SHEET_NAME, sheetOfReference, WorkbookXml } from './packageXml';

export { OWNED_SHEET_NAME, sheetOfReference };

/** One of our sheets in a package: its name, kind, and its mark's comment as found (kept as it is when the sheet stays). */
export interface OwnedSheetInPackage {
  name: string;
  kind: SheetKind;
  comment: string | null;
}

/** Our sheets by their marks: those still under the name their mark says they were written as (or whose mark does not say). */
function ownedByMarks(workbook: WorkbookXml): OwnedSheetInPackage[] {
  return workbook.ownershipMarks().flatMap(({ sheet, comment }) => {
    const mark = readOwnershipComment(comment);
    return stillOursUnder(sheet, mark) ? [{ name: sheet, kind: mark.kind, comment }] : [];
  });
}

/** Names of our sheets in a workbook part, in tab order (`sheetNames` narrows them to those listed). */
export function ownedSheetsInWorkbookXml(workbookXml: string, sheetNames?: string[]): string[] {
  const owned = ownedByMarks(new WorkbookXml(workbookXml)).map((o) => o.name);
  return sheetNames ? sheetNames.filter((n) => owned.includes(n)) : owned;
}

/** Replaces every ownership mark in a workbook part with one per sheet listed, noting its kind and name. */
export function markOwnedSheetsInWorkbookXml(workbookXml: string, owned: { name: string; kind: SheetKind }[]): string {
  const wb = new WorkbookXml(workbookXml);
  wb.markOwned(owned.map((o) => ({ sheet: o.name, comment: ownershipComment(o.name, o.kind) })));
  return wb.toXml();
}

/** The add-in's settings key listing its sheets (src/excel/settings.ts OWNED_SHEETS_KEY). */
export const ADDIN_OWNED_SHEETS_SETTING = 'paceTracker.ownedSheets';

/** Decodes a settings value: Office stores JSON text, and the add-in's own values are JSON text too (possibly JSON-encoded again); text that is not JSON stays text. */
export function decodeSettingValue(text: string): unknown {
  let value: unknown = text;
  for (let i = 0; i < 3 && typeof value === 'string'; i++) {
    try {
      value = JSON.parse(value);
    } catch {
      break;
    }
  }
  return value;
}

/**
 * Sheet names the task pane recorded as its own in the add-in settings
 * (a web extension part: <we:property name="paceTracker.ownedSheets" value="…"/>),
 * so a workbook written by the add-in and then run through the command line
 * has its report sheets replaced, not duplicated.
 */
export function ownedSheetsInAddinSettings(webExtensionXml: string): string[] {
  const names: string[] = [];
  const re = /<(?:\w+:)?property\b([^>]*)\/?>/g;
  for (let m = re.exec(webExtensionXml); m; m = re.exec(webExtensionXml)) {
    const attrs = parseAttributes(m[1]);
    if (attrs.name !== ADDIN_OWNED_SHEETS_SETTING || attrs.value === undefined) continue;
    const value = decodeSettingValue(attrs.value);
    if (!Array.isArray(value)) continue;
    for (const item of value) if (item && typeof item === 'object' && typeof (item as { name?: unknown }).name === 'string') names.push((item as { name: string }).name);
  }
  return names;
}

/**
 * Our sheets in a package, in tab order: those the marks say are ours, and
 * unmarked ones the task pane's record lists (written before marks, so
 * before kinds: report sheets).
 */
export async function ownershipInPackage(zip: JSZip, workbookPath = 'xl/workbook.xml'): Promise<OwnedSheetInPackage[]> {
  const workbookXml = await zip.file(workbookPath)?.async('string');
  if (!workbookXml) return [];
  const workbook = new WorkbookXml(workbookXml);
  const names = workbook.sheetNames();
  const marked = new Set(workbook.ownedSheets());
  const owned = new Map(ownedByMarks(workbook).map((o) => [o.name, o]));
  const parts: string[] = [];
  zip.forEach((path) => {
    if (/^xl\/webextensions\/webextension\d*\.xml$/.test(path)) parts.push(path);
  });
  for (const path of parts) {
    for (const name of ownedSheetsInAddinSettings((await zip.file(path)?.async('string')) ?? '')) {
      if (!marked.has(name) && names.includes(name)) owned.set(name, { name, kind: 'report', comment: null });
    }
  }
  return names.flatMap((n) => owned.get(n) ?? []);
}

/** Names of our sheets in a package, in tab order. */
export async function ownedSheetsInPackage(zip: JSZip, workbookPath = 'xl/workbook.xml'): Promise<string[]> {
  return (await ownershipInPackage(zip, workbookPath)).map((o) => o.name);
}

/** The add-in's sheets in an .xlsx package (empty when the file is not a readable package). */
export async function ownedSheetNames(buf: Uint8Array): Promise<string[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf);
  } catch {
    return [];
  }
  return ownedSheetsInPackage(zip);
}
