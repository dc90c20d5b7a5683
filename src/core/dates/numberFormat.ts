/**
 * Whether an Excel number format shows a date. Formats repeat across a sheet
 * (one per column, usually), so answers are cached.
 */

const cache = new Map<string, boolean>();

/** Elapsed-time sections such as [h]:mm are durations, not dates. */
const ELAPSED = /\[(?:h+|m+|s+)\]/i;

/** Removes the parts of a format that are shown literally or are not about digits. */
function stripLiterals(section: string): string {
  return section
    .replace(/"[^"]*"/g, '') // quoted text: "days"
    .replace(/\\./g, '') // escaped characters: \d
    .replace(/[_*]./g, '') // padding and fill: _) *-
    .replace(/\[[^\]]*\]/g, ''); // [Red], [$-809], [<100]
}

function decide(format: string): boolean {
  const trimmed = format.trim();
  if (trimmed === '' || /^general$/i.test(trimmed) || trimmed === '@') return false;
  // Only the first (positive numbers) section decides how a date would show.
  const firstSection = trimmed.split(';')[0];
  if (ELAPSED.test(stripQuotedOnly(firstSection))) return false;
  const code = stripLiterals(firstSection).toLowerCase();
  if (/[dy]/.test(code)) return true;
  // "mmm" alone is a month; "mm" beside h or s is minutes.
  return /m/.test(code) && !/[hs]/.test(code);
}

function stripQuotedOnly(section: string): string {
  return section.replace(/"[^"]*"/g, '').replace(/\\./g, '');
}

/** The last format asked about: a column repeats the same one row after row. */
let lastFormat: string | null = null;
let lastAnswer = false;

/** True when a cell with this number format shows a date (d, m or y codes outside literals). */
export function isDateNumberFormat(format: string | null): boolean {
  if (format === null || format === undefined) return false;
  if (format === lastFormat) return lastAnswer;
  let answer = cache.get(format);
  if (answer === undefined) {
    answer = decide(format);
    if (cache.size > 10_000) cache.clear(); // formats are few; this only guards odd inputs
    cache.set(format, answer);
  }
  lastFormat = format;
  lastAnswer = answer;
  return answer;
}
