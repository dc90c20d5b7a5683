/**
 * Ids for local milestone columns ("Legal advice meeting" → "legalAdviceMeeting").
 * They appear in AIMS.json and JSON output, so they are plain camelCase and
 * never collide with a canonical field id.
 */
import { isCanonicalField } from '../fields';

/** A camelCase id for a local date column; unique among `taken` when given. */
export function localMilestoneId(header: string, taken?: Iterable<string>): string {
  const words = header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
  let id = words.map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('');
  if (id === '') id = 'localMilestone';
  // Ids start with a letter so they read as names in AIMS.json and formulas.
  if (/^[0-9]/.test(id)) id = `local${id.charAt(0).toUpperCase()}${id.slice(1)}`;
  if (isCanonicalField(id)) id = `${id}Local`;
  const takenSet = new Set(taken ?? []);
  if (!takenSet.has(id)) return id;
  let n = 2;
  while (takenSet.has(`${id}${n}`)) n++;
  return `${id}${n}`;
}
