/**
 * Test builders for the checks: hand-made child records and a matching sheet
 * layout, so rule tests read like the sheet a data lead keeps. Used only by
 * tests (no reader needed).
 */
import { DATE_FIELDS, FIELDS, isCanonicalField } from '../../src/core/fields';
import type { CellValue } from '../../src/core/grid';
import { buildContext } from '../../src/core/checks/context';
import { dayFromIsoDate } from '../../src/core/checks/format';
import type { CheckRule } from '../../src/core/checks/types';
import type { ChildRecord, ColumnMapping, DateReading, DayNumber, DecodedDate, Finding, SheetLayout, UnmappedColumn } from '../../src/core/model';

/** Where each canonical field sits on the test sheet. */
export const TEST_COLUMNS: Readonly<Record<string, string>> = Object.fromEntries(
  FIELDS.map((f, i) => [f.id, String.fromCharCode(65 + i)]),
);

/** Columns handed to local milestones, in order of first use. */
const LOCAL_COLUMNS = ['U', 'V', 'W', 'X', 'Y', 'Z'];

/** A test's ISO date as a day number; a typo in a test fails loudly. */
export function dayFromIso(iso: string): DayNumber {
  const day = dayFromIsoDate(iso);
  if (day === null) throw new Error(`Not an ISO date: ${iso}`);
  return day;
}

/**
 * How a test writes a date cell:
 * - 'yyyy-mm-dd' → a real date cell; '' or null → blank;
 * - '#N/A', '#REF!'… → an Excel error value; any other text ('tbc') → unreadable;
 * - a number → an implausible number (2019, -5);
 * - an object for the other readings, e.g. { reading: 'text', iso: '2019-04-03', raw: '3.4.19' }.
 */
export type DateSpec = string | number | null | { reading: DateReading; iso?: string; raw?: CellValue };

export function decoded(spec: DateSpec): DecodedDate {
  if (spec === null || spec === '') return { reading: 'blank', day: null, raw: '' };
  if (typeof spec === 'number') return { reading: 'implausibleNumber', day: null, raw: spec };
  if (typeof spec === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(spec)) {
      const day = dayFromIso(spec);
      return { reading: 'dateCell', day, raw: day + 25569 };
    }
    if (spec.startsWith('#')) return { reading: 'error', day: null, raw: spec };
    return { reading: 'unreadable', day: null, raw: spec };
  }
  const day = spec.iso ? dayFromIso(spec.iso) : null;
  const raw = spec.raw !== undefined ? spec.raw : day !== null ? day + 25569 : '';
  return { reading: spec.reading, day, raw };
}

export interface ChildSpec {
  row: number;
  childId?: string | null;
  route?: string;
  text?: Partial<Record<string, string>>;
  dates?: Record<string, DateSpec>;
  respite?: boolean | null;
  respiteRaw?: CellValue;
  /** Canonical fields whose column is not on the sheet at all. */
  unmapped?: string[];
}

/**
 * One child row. Every canonical date field is mapped (blank unless given),
 * like a full PACE sheet; local milestones appear when given in `dates`.
 */
export function child(spec: ChildSpec): ChildRecord {
  const unmapped = new Set(spec.unmapped ?? []);
  const dates: Record<string, DecodedDate> = {};
  const cells: Record<string, string> = {};
  for (const field of DATE_FIELDS) {
    if (unmapped.has(field)) continue;
    dates[field] = decoded(spec.dates?.[field] ?? null);
  }
  let local = 0;
  for (const [field, value] of Object.entries(spec.dates ?? {})) {
    if (isCanonicalField(field)) continue;
    dates[field] = decoded(value);
    cells[field] = `${LOCAL_COLUMNS[local++]}${spec.row}`;
  }
  for (const field of FIELDS) {
    if (!unmapped.has(field.id)) cells[field.id] = `${TEST_COLUMNS[field.id]}${spec.row}`;
  }
  const text: Partial<Record<string, string>> = { ...(spec.text ?? {}) };
  if (spec.route !== undefined) text.route = spec.route;
  const record: ChildRecord = {
    row: spec.row,
    childId: spec.childId === undefined ? `C${String(spec.row).padStart(4, '0')}` : spec.childId,
    text,
    dates,
    respite: spec.respite ?? null,
    cells,
  };
  if (spec.respiteRaw !== undefined) record.respiteRaw = spec.respiteRaw;
  return record;
}

/** A layout matching `child` records: header on row 3, every canonical field mapped. */
export function testLayout(options: { local?: Record<string, string>; unmapped?: UnmappedColumn[]; sheet?: string } = {}): SheetLayout {
  const columns: ColumnMapping[] = FIELDS.map((f) => ({ field: f.id, header: f.label, column: TEST_COLUMNS[f.id], confidence: 1 }));
  let i = 0;
  for (const [field, label] of Object.entries(options.local ?? {})) {
    columns.push({ field, header: label, column: LOCAL_COLUMNS[i++], confidence: 1, label });
  }
  return {
    sheet: options.sheet ?? 'Tracker',
    headerRow: 3,
    firstDataRow: 4,
    lastDataRow: 400,
    date1904: false,
    table: null,
    columns,
    unmapped: options.unmapped ?? [],
  };
}

/** The rule ids of findings, for compact assertions. */
export function rulesOf(findings: readonly Finding[]): string[] {
  return findings.map((f) => f.rule);
}

/** Runs one rule on some records, as runChecks would, and returns its findings. */
export function runRule(
  rule: CheckRule,
  records: ChildRecord | ChildRecord[],
  options: { asOf?: string; layout?: SheetLayout } = {},
): Finding[] {
  const list = Array.isArray(records) ? records : [records];
  const layout = options.layout ?? testLayout();
  const ctx = buildContext(layout, dayFromIso(options.asOf ?? '2024-03-31'));
  const out: Finding[] = [];
  if (rule.scope === 'sheet') rule.check(list, ctx, out);
  else if (rule.scope === 'record') for (const record of list) rule.check(record, ctx, out);
  else {
    for (const record of list) {
      for (const field in record.dates) {
        const date = record.dates[field];
        if (rule.readings.includes(date.reading)) rule.check(record, field, date, ctx, out);
      }
    }
  }
  return out;
}
