/**
 * How a workbook remembers which sheets the add-in wrote: a hidden,
 * sheet-scoped defined name `PaceTracker_Owned` on each of them (referring to
 * the sheet's A1). It survives renaming the sheet, is invisible in the Name
 * Manager, and the Office.js adapter can test it with
 * `worksheet.names.getItemOrNullObject('PaceTracker_Owned')`. A later run
 * replaces exactly these sheets and never touches any other.
 */
import JSZip from 'jszip';
import { parseAttributes } from './ooxml';
import { OWNED_SHEET_NAME, sheetOfReference, WorkbookXml } from './packageXml';

export { OWNED_SHEET_NAME, sheetOfReference };

/** Names of the sheets marked as the add-in's in a workbook part (`sheetNames` is the tab order it lists). */
export function ownedSheetsInWorkbookXml(workbookXml: string, sheetNames?: string[]): string[] {
  const owned = new WorkbookXml(workbookXml).ownedSheets();
  return sheetNames ? sheetNames.filter((n) => owned.includes(n)) : owned;
}

/** Replaces every ownership mark in a workbook part with one per owned sheet. */
export function markOwnedSheetsInWorkbookXml(workbookXml: string, _sheetNames: string[], owned: string[]): string {
  const wb = new WorkbookXml(workbookXml);
  wb.markOwned(owned);
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

/** Every sheet the add-in or the command line marked as theirs in a package, in tab order. */
export async function ownedSheetsInPackage(zip: JSZip, workbookPath = 'xl/workbook.xml'): Promise<string[]> {
  const workbookXml = await zip.file(workbookPath)?.async('string');
  if (!workbookXml) return [];
  const workbook = new WorkbookXml(workbookXml);
  const names = workbook.sheetNames();
  const owned = new Set(workbook.ownedSheets());
  const parts: string[] = [];
  zip.forEach((path) => {
    if (/^xl\/webextensions\/webextension\d*\.xml$/.test(path)) parts.push(path);
  });
  for (const path of parts) {
    for (const name of ownedSheetsInAddinSettings((await zip.file(path)?.async('string')) ?? '')) owned.add(name);
  }
  return names.filter((n) => owned.has(n));
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
