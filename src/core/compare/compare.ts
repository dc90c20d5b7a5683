/**
 * What changed between last month's tracker (or submission copy) and this
 * month's. Administrators send the tracker every month; a date changed after
 * it was submitted silently rewrites history and moves run-chart points, so
 * every difference is listed once, with its kind, and the ones that look like
 * mistakes carry a severity like the checks' findings.
 *
 * Both months are read through the same header recognition, so columns that
 * moved or were renamed between the months still line up by field.
 */
import type { AimDefinition, ChildRecord, DayNumber, DecodedDate, Severity } from '../model';
import { isDateReading, isoFromDay, roundTo1, ukFromDay, weeksBetween, weeksFromDays } from '../dates';
import { fieldLabel } from '../fields';
import { cellText } from '../records';

/** The kinds of change, in the order they are listed. */
export const CHANGE_KINDS = [
  'added',
  'vanished',
  'goneCeased',
  'dateChanged',
  'dateRemoved',
  'reached',
  'routeChanged',
  'legalStatusChanged',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** What each kind is called on the sheet and in the text output. */
export const CHANGE_KIND_TITLES: Readonly<Record<ChangeKind, string>> = {
  added: 'Children added',
  vanished: 'Children gone without a ceased date',
  goneCeased: 'Children gone after ceasing to be looked after',
  dateChanged: 'Dates changed since last month',
  dateRemoved: 'Dates removed since last month',
  reached: 'Milestones newly recorded',
  routeChanged: 'Permanence route changed',
  legalStatusChanged: 'Legal status changed',
};

/** Why children of this month are missing from last month's submission copy without being new. */
export function leftOutOfLastText(count: number): string {
  const who = count === 1 ? '1 child outside the PACE population is' : `${count} children outside the PACE population are`;
  return `${who} not in last month's submission copy (a copy leaves them out), so not listed as added.`;
}

/** A child's run-chart point on one aim, before and after the change (weeks; null: not a point). */
export interface MovedPoint {
  aim: string;
  aimName: string;
  weeksBefore: number | null;
  weeksAfter: number | null;
}

export interface Change {
  kind: ChangeKind;
  /** This month's ID (last month's for children gone); a pseudonym when both months are submission copies. */
  childId: string;
  /** The field that changed; null for a child added or gone. */
  field: string | null;
  /** Last month's value: yyyy-mm-dd for a date, the text as written otherwise; null when blank. */
  before: string | null;
  after: string | null;
  /** Row and cell on this month's sheet (null for a child gone). */
  row: number | null;
  cell: string | null;
  /** Row on last month's sheet (null for a child added). */
  lastRow: number | null;
  /** A date moved: (after − before) in weeks, one decimal. */
  weeksMoved?: number;
  /** Run-chart points this change moves, adds or removes. */
  points?: MovedPoint[];
  /** Set when the change looks like a mistake to check. */
  severity: Severity | null;
  /** What happened and, for a severity, what to do, in a data lead's words. */
  message: string;
}

export interface CompareOptions {
  /** Last month's as-of date: a milestone first recorded this month but dated on or before it was missing last time. */
  lastAsOf: DayNumber;
  /** A date that moved by more than this many days is a warning; less, information. Default 7. */
  changedDaysThreshold?: number;
  /** The aims whose run-chart points a changed date moves. */
  aims?: readonly AimDefinition[];
  /** Date fields to compare (mapped in both months); text fields are route and legal status. */
  dateFields: readonly string[];
  /** Names for local milestones. */
  localLabels?: ReadonlyMap<string, string>;
  /**
   * How a child of this month is found in last month: by default the same ID;
   * given, a function from this month's ID to last month's (pseudonym matching).
   */
  lastIdOf?: (thisId: string) => string | undefined;
  /**
   * A child of this month missing from last month's file for a known reason,
   * not because the row is new: last month's submission copy leaves out
   * children outside the PACE population. Such children are counted in
   * `leftOutOfLast`, not listed as added.
   */
  leftOutOfLast?: (now: ChildRecord) => boolean;
}

export interface Comparison {
  changes: Change[];
  counts: Record<ChangeKind, number>;
  /** Findings among the changes, by severity. */
  severityCounts: Record<Severity, number>;
  /** Children in both months. */
  matched: number;
  /** IDs that appear on more than one row in a month: matched on their first row only. */
  duplicateIds: string[];
  /** This month's IDs not in last month's file for the known reason `leftOutOfLast` gives. */
  leftOutOfLast: string[];
}

export const DEFAULT_CHANGED_DAYS = 7;

type Value = { kind: 'blank' } | { kind: 'date'; day: DayNumber } | { kind: 'text'; text: string };

/** A date cell as compared: blank, a trusted day, or the text as written (junk such as "tbc" stays visible). */
export function dateValue(date: DecodedDate | undefined): Value {
  if (!date || date.reading === 'blank') return { kind: 'blank' };
  if (date.day !== null && isDateReading(date.reading)) return { kind: 'date', day: date.day };
  // A placeholder keeps its day: 01/01/1900 typed as text and as a date cell are the same entry.
  if (date.day !== null && date.reading === 'placeholder') return { kind: 'text', text: ukFromDay(date.day) };
  return { kind: 'text', text: cellText(date.raw) ?? '' };
}

function shown(value: Value): string | null {
  if (value.kind === 'blank') return null;
  return value.kind === 'date' ? isoFromDay(value.day) : value.text;
}

function shownUk(value: Value): string {
  if (value.kind === 'blank') return 'blank';
  return value.kind === 'date' ? ukFromDay(value.day) : `"${value.text}"`;
}

function sameValue(a: Value, b: Value): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'date' && b.kind === 'date') return a.day === b.day;
  if (a.kind === 'text' && b.kind === 'text') return a.text === b.text;
  return true;
}

/** First row per ID; the rest are duplicates (the check flags them). */
function indexById(records: readonly ChildRecord[], duplicates: Set<string>): Map<string, ChildRecord> {
  const byId = new Map<string, ChildRecord>();
  for (const r of records) {
    if (r.childId === null) continue;
    if (byId.has(r.childId)) duplicates.add(r.childId);
    else byId.set(r.childId, r);
  }
  return byId;
}

function dayOf(record: ChildRecord, field: string): DayNumber | null {
  const v = dateValue(record.dates[field]);
  return v.kind === 'date' ? v.day : null;
}

/** Weeks of a run-chart point: both dates readable and in order; else not a point. */
function pointWeeks(start: DayNumber | null, end: DayNumber | null): number | null {
  if (start === null || end === null || end < start) return null;
  return roundTo1(weeksBetween(start, end));
}

/**
 * The aims whose points this field's change touches. Each change is judged on
 * its own (the other milestone as it was last month), so a point that appears
 * because two dates were filled in is put down to the change that completes it.
 */
function movedPoints(field: string, last: ChildRecord, now: ChildRecord, aims: readonly AimDefinition[]): MovedPoint[] {
  const points: MovedPoint[] = [];
  for (const aim of aims) {
    if (aim.start !== field && aim.end !== field) continue;
    const weeksBefore = pointWeeks(dayOf(last, aim.start), dayOf(last, aim.end));
    const weeksAfter = pointWeeks(dayOf(aim.start === field ? now : last, aim.start), dayOf(aim.end === field ? now : last, aim.end));
    if (weeksBefore === weeksAfter) continue;
    points.push({ aim: aim.id, aimName: aim.name, weeksBefore, weeksAfter });
  }
  return points;
}

function pointsSentence(points: readonly MovedPoint[]): string {
  if (points.length === 0) return '';
  const parts = points.map((p) => {
    if (p.weeksBefore === null) return `adds a point to '${p.aimName}' (${p.weeksAfter} weeks)`;
    if (p.weeksAfter === null) return `takes a point off '${p.aimName}' (was ${p.weeksBefore} weeks)`;
    return `moves its point on '${p.aimName}' from ${p.weeksBefore} to ${p.weeksAfter} weeks`;
  });
  return ` This ${parts.join('; ')}.`;
}

function compareDate(
  field: string,
  last: ChildRecord,
  now: ChildRecord,
  options: CompareOptions,
  threshold: number,
): Change | null {
  const before = dateValue(last.dates[field]);
  const after = dateValue(now.dates[field]);
  if (sameValue(before, after)) return null;
  const label = fieldLabel(field, options.localLabels);
  const childId = now.childId as string;
  const points = movedPoints(field, last, now, options.aims ?? []);
  const base = {
    childId,
    field,
    before: shown(before),
    after: shown(after),
    row: now.row,
    cell: now.cells[field] ?? null,
    lastRow: last.row,
    ...(points.length > 0 ? { points } : {}),
  };
  const moves = pointsSentence(points);
  if (before.kind === 'blank') {
    const late = after.kind === 'date' && after.day <= options.lastAsOf;
    return {
      ...base,
      kind: 'reached',
      severity: late ? 'info' : null,
      message: late
        ? `${label} (${shownUk(after)}) was blank last month although it is dated on or before last month's as-of date (${ukFromDay(options.lastAsOf)}): last month's figures were missing it.${moves}`
        : `${label} recorded: ${shownUk(after)}.${moves}`,
    };
  }
  if (after.kind === 'blank') {
    return {
      ...base,
      kind: 'dateRemoved',
      severity: 'warning',
      message: `${label} was ${shownUk(before)} last month and is now blank. A milestone that was reached stays reached: check the date was not deleted by mistake.${moves}`,
    };
  }
  if (before.kind === 'date' && after.kind === 'date') {
    const days = after.day - before.day;
    const weeksMoved = roundTo1(weeksFromDays(days));
    const big = Math.abs(days) > threshold;
    const submitted = before.day <= options.lastAsOf;
    const severity: Severity = big && submitted ? 'warning' : 'info';
    const direction = days > 0 ? 'later' : 'earlier';
    const what =
      `${label} changed from ${shownUk(before)} to ${shownUk(after)} (${Math.abs(days)} ${Math.abs(days) === 1 ? 'day' : 'days'} ${direction}).`;
    const advice =
      severity === 'warning'
        ? ' It had already been submitted: check the new date is right and note why it changed, because it rewrites last month\'s figures.'
        : '';
    return { ...base, kind: 'dateChanged', weeksMoved, severity, message: `${what}${advice}${moves}` };
  }
  // Text on either side (an unreadable entry corrected, or a date replaced by text): a change to check.
  return {
    ...base,
    kind: 'dateChanged',
    severity: after.kind === 'text' ? 'warning' : 'info',
    message:
      after.kind === 'text'
        ? `${label} was ${shownUk(before)} last month and is now ${shownUk(after)}, which is not a date.${moves}`
        : `${label} was ${shownUk(before)} last month and is now ${shownUk(after)}.${moves}`,
  };
}

function compareText(kind: 'routeChanged' | 'legalStatusChanged', field: string, last: ChildRecord, now: ChildRecord): Change | null {
  const before = last.text[field] ?? null;
  const after = now.text[field] ?? null;
  if ((before ?? '').toLowerCase() === (after ?? '').toLowerCase()) return null;
  const label = fieldLabel(field);
  return {
    kind,
    childId: now.childId as string,
    field,
    before,
    after,
    row: now.row,
    cell: now.cells[field] ?? null,
    lastRow: last.row,
    severity: null,
    message: `${label} changed from ${before === null ? 'blank' : `"${before}"`} to ${after === null ? 'blank' : `"${after}"`}.`,
  };
}

function emptyCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/**
 * Every difference between last month's and this month's children, each once.
 * Rows without a child ID cannot be matched and are left to the check.
 */
export function compareMonths(lastRecords: readonly ChildRecord[], thisRecords: readonly ChildRecord[], options: CompareOptions): Comparison {
  const threshold = options.changedDaysThreshold ?? DEFAULT_CHANGED_DAYS;
  const duplicates = new Set<string>();
  const lastById = indexById(lastRecords, duplicates);
  const thisById = indexById(thisRecords, duplicates);
  const lastIdOf = options.lastIdOf ?? ((id: string) => id);
  const changes: Change[] = [];
  const matchedLast = new Set<string>();
  const leftOutOfLast: string[] = [];
  let matched = 0;

  for (const [id, now] of thisById) {
    const lastId = lastIdOf(id);
    const last = lastId === undefined ? undefined : lastById.get(lastId);
    if (!last || lastId === undefined) {
      if (options.leftOutOfLast?.(now)) {
        leftOutOfLast.push(id);
        continue;
      }
      changes.push({
        kind: 'added',
        childId: id,
        field: null,
        before: null,
        after: null,
        row: now.row,
        cell: now.cells.childId ?? null,
        lastRow: null,
        severity: null,
        message: `New this month (row ${now.row}).`,
      });
      continue;
    }
    matched++;
    matchedLast.add(lastId);
    for (const field of options.dateFields) {
      const change = compareDate(field, last, now, options, threshold);
      if (change) changes.push(change);
    }
    const route = compareText('routeChanged', 'route', last, now);
    if (route) changes.push(route);
    const legal = compareText('legalStatusChanged', 'legalStatus', last, now);
    if (legal) changes.push(legal);
  }

  for (const [id, last] of lastById) {
    if (matchedLast.has(id)) continue;
    const ceased = dateValue(last.dates.ceasedDate);
    const didCease = ceased.kind === 'date';
    changes.push({
      kind: didCease ? 'goneCeased' : 'vanished',
      childId: id,
      field: null,
      before: null,
      after: null,
      row: null,
      cell: null,
      lastRow: last.row,
      severity: didCease ? null : 'warning',
      message: didCease
        ? `Not on this month's sheet; ceased to be looked after on ${shownUk(ceased)} (last month's row ${last.row}).`
        : `On last month's sheet (row ${last.row}) but not on this month's, with no date ceased to be looked after. A child stays in the PACE data for a year after ceasing: check the row was not deleted by mistake.`,
    });
  }

  const order = new Map(CHANGE_KINDS.map((k, i) => [k, i]));
  changes.sort(
    (a, b) =>
      (order.get(a.kind) as number) - (order.get(b.kind) as number) ||
      (a.row ?? Number.MAX_SAFE_INTEGER) - (b.row ?? Number.MAX_SAFE_INTEGER) ||
      (a.lastRow ?? 0) - (b.lastRow ?? 0),
  );
  const counts = emptyCounts(CHANGE_KINDS);
  const severityCounts = emptyCounts<Severity>(['error', 'warning', 'info']);
  for (const c of changes) {
    counts[c.kind]++;
    if (c.severity) severityCounts[c.severity]++;
  }
  return { changes, counts, severityCounts, matched, duplicateIds: [...duplicates], leftOutOfLast };
}

/**
 * Matching by pseudonym: last month's copy carries "P-3FA94C0B12"-style IDs
 * made with the authority's key. A pseudonym is the start of the keyed hash
 * of the ID (lengthened only where two would clash), so this month's ID
 * matches the last-month pseudonym its own hash starts with.
 */
export function pseudonymMatcher(lastIds: Iterable<string>, hmacHexOf: (id: string) => string): (thisId: string) => string | undefined {
  const byPrefix = new Map<string, string[]>();
  for (const id of lastIds) {
    const m = /^P-([0-9A-Fa-f]{10,})$/.exec(id.trim());
    if (!m) continue;
    const hex = m[1].toLowerCase();
    const key = hex.slice(0, 10);
    byPrefix.set(key, [...(byPrefix.get(key) ?? []), id]);
  }
  return (thisId) => {
    const hex = hmacHexOf(thisId).toLowerCase();
    const candidates = byPrefix.get(hex.slice(0, 10));
    if (!candidates) return undefined;
    // The longest pseudonym that the hash starts with: a lengthened one is the more specific.
    let best: string | undefined;
    for (const c of candidates) {
      const cHex = c.trim().slice(2).toLowerCase();
      if (hex.startsWith(cHex) && (best === undefined || cHex.length > best.length - 2)) best = c;
    }
    return best;
  };
}

/** True when most IDs look like the submission copy's pseudonyms. */
export function looksPseudonymised(records: readonly ChildRecord[]): boolean {
  let ids = 0;
  let pseudonyms = 0;
  for (const r of records) {
    if (r.childId === null) continue;
    ids++;
    if (/^P-[0-9A-F]{10,}$/.test(r.childId)) pseudonyms++;
  }
  return ids > 0 && pseudonyms / ids >= 0.9;
}

/** The JSON each change becomes (the programme's own checks read it). */
export function changeToJson(change: Change): Record<string, unknown> {
  return {
    kind: change.kind,
    childId: change.childId,
    field: change.field,
    before: change.before,
    after: change.after,
    row: change.row,
    cell: change.cell,
    lastRow: change.lastRow,
    ...(change.weeksMoved !== undefined ? { weeksMoved: change.weeksMoved } : {}),
    ...(change.points ? { points: change.points } : {}),
    severity: change.severity,
    message: change.message,
  };
}
