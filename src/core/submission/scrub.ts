/**
 * Removing identifying text from messages and cells: original child IDs
 * become their pseudonyms, a full date of birth becomes month and year (or
 * goes), values of dropped columns go. Each is a plain text-to-text function.
 */
import type { CellValue } from '../grid';
import type { ReportPlan } from '../report/plan';
import { containsPostcode, isChiNumber, isEmail, isPhoneNumber } from './detectors';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Replaces text with a table of pieces; longest piece first, so "C12" never eats into "C123". */
export interface Replacer {
  (text: string): string;
}

/**
 * Replaces every occurrence of the original IDs (a whole ID, not part of a
 * longer word or number, any letter case) with its pseudonym.
 */
export function idReplacer(pseudonyms: ReadonlyMap<string, string>): Replacer {
  const byLower = new Map<string, string>();
  for (const [id, key] of pseudonyms) if (id.trim() !== '') byLower.set(id.trim().toLowerCase(), key);
  if (byLower.size === 0) return (text) => text;
  const ids = [...byLower.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`(?<![A-Za-z0-9])(?:${ids.join('|')})(?![A-Za-z0-9])`, 'gi');
  return (text) => text.replace(pattern, (match) => byLower.get(match.toLowerCase()) ?? match);
}

/**
 * Removes each of the given values (values of dropped columns) wherever it
 * appears, as a whole word or number. Very short values (a single letter,
 * "1") are left: they would wreck ordinary words and say nothing about a child.
 */
export function valueRemover(values: Iterable<string>, replacement = '[removed]'): Replacer {
  const unique = new Set<string>();
  for (const v of values) {
    const t = v.trim();
    if (t.length >= 3) unique.add(t.toLowerCase());
  }
  if (unique.size === 0) return (text) => text;
  const pieces = [...unique].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`(?<![A-Za-z0-9])(?:${pieces.join('|')})(?![A-Za-z0-9])`, 'gi');
  return (text) => text.replace(pattern, replacement);
}

/**
 * Text left in a date column that is not a date ("tbc", "awaiting panel"):
 * kept when short and harmless, else replaced, because people type names
 * and phone numbers into date cells too.
 */
export function safeOddText(text: string): string {
  const t = text.trim();
  const wordy = t.length > 30 || t.split(/\s+/).length > 4;
  const personal = isEmail(t) || containsPostcode(t) || isPhoneNumber(t) || isChiNumber(t) || /\b[A-Z][a-z]+\s+[A-Z][a-z]+\b/.test(t);
  return wordy || personal ? '(text removed: not a date)' : t;
}

/** Every piece of text a plan would put in a workbook: sheet names, cell text, link text and targets, chart titles and series names. */
export function planTexts(plan: ReportPlan): string[] {
  const out: string[] = [plan.asOf];
  const push = (v: CellValue | undefined) => {
    if (v !== null && v !== undefined && v !== '') out.push(String(v));
  };
  for (const sheet of plan.sheets) {
    out.push(sheet.name);
    for (const block of sheet.blocks) for (const row of block.values) for (const v of row) push(v);
    for (const link of sheet.links) out.push(link.text, link.target, link.tooltip ?? '');
    for (const table of sheet.tables) out.push(table.name);
    for (const chart of sheet.charts) {
      out.push(chart.name, chart.title, chart.xAxisTitle, chart.yAxisTitle);
      for (const s of chart.series) out.push(s.name);
    }
  }
  return out.filter((t) => t !== '');
}
