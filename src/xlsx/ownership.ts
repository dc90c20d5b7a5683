/**
 * How a workbook remembers which sheets the add-in wrote: a hidden,
 * sheet-scoped defined name `PaceTracker_Owned` on each of them (referring to
 * the sheet's A1). It survives renaming the sheet, is invisible in the Name
 * Manager, and the Office.js adapter can test it with
 * `worksheet.names.getItemOrNullObject('PaceTracker_Owned')`. A later run
 * replaces exactly these sheets and never touches any other.
 */
import JSZip from 'jszip';
import { escapeXml, parseAttributes, sheetNamesInWorkbookXml, unescapeXml } from './ooxml';

export const OWNED_SHEET_NAME = 'PaceTracker_Owned';

/** Sheet name from a reference like 'Aim 1'!$A$1 or Issues!$A$1. */
export function sheetOfReference(ref: string): string | null {
  const m = /^\s*=?\s*(?:'((?:[^']|'')+)'|([^'!]+))!/.exec(ref);
  if (!m) return null;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
}

const OWNED_RE = new RegExp(`<definedName\\b([^>]*\\bname="${OWNED_SHEET_NAME}"[^>]*)>([\\s\\S]*?)</definedName>`, 'g');

/** Names of the sheets marked as the add-in's in a workbook part. */
export function ownedSheetsInWorkbookXml(workbookXml: string, sheetNames: string[]): string[] {
  const owned = new Set<string>();
  for (let m = OWNED_RE.exec(workbookXml); m; m = OWNED_RE.exec(workbookXml)) {
    const attrs = parseAttributes(m[1]);
    if (attrs.localSheetId !== undefined && sheetNames[Number(attrs.localSheetId)] !== undefined) {
      owned.add(sheetNames[Number(attrs.localSheetId)]);
    } else {
      // A workbook-scoped mark (as a tool that drops the scope writes it) still names its sheets.
      for (const part of unescapeXml(m[2]).split(',')) {
        const sheet = sheetOfReference(part);
        if (sheet && sheetNames.includes(sheet)) owned.add(sheet);
      }
    }
  }
  OWNED_RE.lastIndex = 0;
  return sheetNames.filter((n) => owned.has(n));
}

/** Replaces every ownership mark in a workbook part with one per owned sheet. */
export function markOwnedSheetsInWorkbookXml(workbookXml: string, sheetNames: string[], owned: string[]): string {
  let xml = workbookXml.replace(OWNED_RE, '');
  OWNED_RE.lastIndex = 0;
  const marks = owned
    .filter((n) => sheetNames.includes(n))
    .map((n) => {
      const ref = `'${n.replace(/'/g, "''")}'!$A$1`;
      return `<definedName name="${OWNED_SHEET_NAME}" localSheetId="${sheetNames.indexOf(n)}" hidden="1">${escapeXml(ref)}</definedName>`;
    })
    .join('');
  xml = xml.replace(/<definedNames>\s*<\/definedNames>|<definedNames\/>/, '');
  if (!marks) return xml;
  if (xml.includes('</definedNames>')) return xml.replace('</definedNames>', `${marks}</definedNames>`);
  // CT_Workbook order: definedNames comes after sheets, functionGroups and externalReferences.
  const block = `<definedNames>${marks}</definedNames>`;
  const later = /<(calcPr|oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst)\b/.exec(xml);
  if (later) return xml.slice(0, later.index) + block + xml.slice(later.index);
  return xml.replace('</workbook>', `${block}</workbook>`);
}

/** The add-in's settings key listing its sheets (src/excel/settings.ts OWNED_SHEETS_KEY). */
export const ADDIN_OWNED_SHEETS_SETTING = 'paceTracker.ownedSheets';

/** Decodes a settings value: Office stores JSON text, and the add-in's own values are JSON text too. */
function decodeSettingValue(text: string): unknown {
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
export async function ownedSheetsInPackage(zip: JSZip): Promise<string[]> {
  const workbookXml = await zip.file('xl/workbook.xml')?.async('string');
  if (!workbookXml) return [];
  const names = sheetNamesInWorkbookXml(workbookXml);
  const owned = new Set(ownedSheetsInWorkbookXml(workbookXml, names));
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
