/**
 * A small builder of hand-made child records for the aims and report tests:
 * dates as yyyy-mm-dd (read as real date cells) or as a DecodedDate when a
 * test needs a placeholder, unreadable text and the like.
 */
import type { ChildRecord, DecodedDate } from '../../src/core/model';
import { dayFromIso } from '../../src/core/dates';

export interface ChildSpec {
  row: number;
  childId?: string | null;
  /** Field id → 'yyyy-mm-dd' (a date cell), or a DecodedDate as it is. */
  dates?: Record<string, string | DecodedDate>;
  text?: Partial<Record<string, string>>;
  respite?: boolean | null;
}

export function dateCell(iso: string): DecodedDate {
  const day = dayFromIso(iso);
  if (day === null) throw new Error(`testing: '${iso}' is not a yyyy-mm-dd date`);
  return { reading: 'dateCell', day, raw: iso };
}

export function child(spec: ChildSpec): ChildRecord {
  const dates: Record<string, DecodedDate> = {};
  for (const [field, value] of Object.entries(spec.dates ?? {})) {
    dates[field] = typeof value === 'string' ? dateCell(value) : value;
  }
  return {
    row: spec.row,
    childId: spec.childId === undefined ? `C${spec.row}` : spec.childId,
    text: { ...(spec.text ?? {}) },
    dates,
    respite: spec.respite ?? null,
    cells: {},
  };
}

/** Day number of a yyyy-mm-dd string (throws on a typo, so tests fail loudly). */
export function day(iso: string): number {
  const d = dayFromIso(iso);
  if (d === null) throw new Error(`testing: '${iso}' is not a yyyy-mm-dd date`);
  return d;
}
