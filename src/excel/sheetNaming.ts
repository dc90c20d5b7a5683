/**
 * Names for the report's sheets and tables beside the user's own: free
 * names when the user already has a sheet so called, temporary names while
 * sheets are replaced, and references retargeted to the renamed sheets.
 * Pure decisions the Excel writer must make that the plan cannot; no Office.js here.
 */
import { quoteSheetName } from '../core/grid';

export const MAX_SHEET_NAME = 31;

/** Names to try for a planned sheet whose name a user sheet already has: "X (PACE)", then "X (2)", "X (3)"… within 31 characters. */
export function alternativeSheetNames(wanted: string, count = 50): string[] {
  const fit = (suffix: string): string => wanted.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd().replace(/'+$/, '') + suffix;
  const names = [fit(' (PACE)')];
  for (let n = 2; names.length < count; n++) names.push(fit(` (${n})`));
  return names;
}

/**
 * A planned sheet name Excel accepts. The core guarantees this; checking
 * before touching the workbook means a faulty plan changes nothing.
 */
export function assertPlannedSheetName(name: string): void {
  if (name.trim() === '' || name.length > MAX_SHEET_NAME || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new Error(`The report plan has a sheet name Excel does not accept: "${name}".`);
  }
}

export interface ExistingSheet {
  name: string;
  ownedByAddIn: boolean;
}

export interface SheetNaming {
  /** The name each planned sheet gets, in plan order. */
  names: string[];
  /** Planned name → name used, for sheets that had to be renamed. */
  renamed: Map<string, string>;
  /** Plain-words notes for the user, one per renamed sheet. */
  notes: string[];
}

/**
 * Planned names, keeping clear of sheets the add-in did not make. The
 * add-in's own sheets are replaced, so their names are free.
 */
export function chooseSheetNames(planned: string[], existing: ExistingSheet[]): SheetNaming {
  const taken = new Set(existing.filter((s) => !s.ownedByAddIn).map((s) => s.name.toLowerCase()));
  const names: string[] = [];
  const renamed = new Map<string, string>();
  const notes: string[] = [];
  for (const wanted of planned) {
    let name = wanted;
    if (taken.has(wanted.toLowerCase())) {
      name = alternativeSheetNames(wanted).find((n) => !taken.has(n.toLowerCase())) ?? wanted;
      renamed.set(wanted, name);
      notes.push(`A sheet called "${wanted}" already exists and was not made by the add-in, so it was left alone and the report was written to "${name}".`);
    }
    taken.add(name.toLowerCase());
    names.push(name);
  }
  return { names, renamed, notes };
}

/** Temporary names for new sheets while the old ones are still there (never clashing). */
export function temporaryNames(count: number, existing: string[]): string[] {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const names: string[] = [];
  for (let i = 1; names.length < count; i++) {
    const name = `PACE new ${i}`;
    if (!taken.has(name.toLowerCase())) names.push(name);
  }
  return names;
}

/** A Table name clear of the user's tables: "Name", then "Name_2"… */
export function freeTableName(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${wanted}_${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** Splits "'My sheet'!H17" into sheet and cell; null when there is no sheet part. */
export function splitReference(reference: string): { sheet: string; cell: string } | null {
  const bang = reference.lastIndexOf('!');
  if (bang < 0) return null;
  let sheet = reference.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, cell: reference.slice(bang + 1) };
}

/** A link target pointing at a renamed planned sheet follows the rename. */
export function retarget(reference: string, renamed: Map<string, string>): string {
  const parts = splitReference(reference);
  if (!parts) return reference;
  const to = renamed.get(parts.sheet);
  return to === undefined ? reference : `${quoteSheetName(to)}!${parts.cell}`;
}
