/** Which sheets belong to the add-in (it may replace those, and only those). */
import type { OwnedSheet } from './settings';

/**
 * Ids of the sheets the add-in wrote and still owns. A report sheet the
 * user has since renamed is theirs now (they may be keeping it), so it is
 * left alone.
 */
export function ownedSheetIds(registry: OwnedSheet[] | null, sheets: { id: string; name: string }[]): Set<string> {
  const recorded = new Map((registry ?? []).map((o) => [o.id, o.name.toLowerCase()]));
  return new Set(sheets.filter((s) => recorded.get(s.id) === s.name.toLowerCase()).map((s) => s.id));
}
