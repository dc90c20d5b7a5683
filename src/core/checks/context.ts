/**
 * Shared helpers for rules: which dates can be trusted for comparisons, and
 * how a finding is built. "One clear finding per problem": a date that is
 * unreadable, a placeholder, in the future or before birth is reported by its
 * own rule and then left out of order, gap and age comparisons.
 */
import { fieldLabel, isCanonicalField, MILESTONES } from '../fields';
import type { ChildRecord, DayNumber, DecodedDate, Finding, Severity, SheetLayout } from '../model';
import type { CheckContext } from './types';

/** Readings that give a real calendar day (placeholders keep a day but are never used). */
export function isReadDate(date: DecodedDate | undefined): date is DecodedDate & { day: DayNumber } {
  if (!date || date.day === null) return false;
  switch (date.reading) {
    case 'dateCell':
    case 'serialNumber':
    case 'text':
    case 'textTwoDigitYear':
      return true;
    default:
      return false;
  }
}

/** The day of a field when it was read as a date, else null. */
export function readDay(record: ChildRecord, field: string): DayNumber | null {
  const date = record.dates[field];
  return isReadDate(date) ? date.day : null;
}

/** Date of birth when it can be used as a reference: read and not in the future. */
export function birthDay(record: ChildRecord, asOf: DayNumber): DayNumber | null {
  const dob = readDay(record, 'dateOfBirth');
  return dob !== null && dob <= asOf ? dob : null;
}

/**
 * The day of a field for comparisons: read, not after the as-of date and not
 * before the date of birth (those are already reported on their own).
 */
export function trustedDay(record: ChildRecord, field: string, asOf: DayNumber): DayNumber | null {
  const day = readDay(record, field);
  if (day === null || day > asOf) return null;
  const dob = birthDay(record, asOf);
  if (dob !== null && field !== 'dateOfBirth' && day < dob) return null;
  return day;
}

/** True when the field is mapped on this sheet and its cell is empty. */
export function isBlank(record: ChildRecord, field: string): boolean {
  const date = record.dates[field];
  return date !== undefined && date.reading === 'blank' && record.cells[field] !== undefined;
}

/**
 * Adds a finding about one child row, blaming `field`'s cell (and listing
 * `otherField`'s too, for a finding about two cells). A field with no cell on
 * the sheet cannot be pointed at, so nothing is added.
 */
export function report(
  out: Finding[],
  record: ChildRecord,
  rule: string,
  severity: Severity,
  field: string,
  message: string,
  otherField?: string,
): void {
  const cell = record.cells[field];
  if (cell === undefined) return;
  const finding: Finding = { rule, severity, cell, row: record.row, field, childId: record.childId, message };
  if (otherField !== undefined) {
    const other = record.cells[otherField];
    if (other !== undefined) finding.cells = [cell, other];
  }
  out.push(finding);
}

/** How a milestone reads inside a sentence ("the ADM decision"). */
const PHRASES: Readonly<Record<string, string>> = {
  dateOfBirth: 'the date of birth',
  lookedAfterStart: 'the date the child became looked after',
  firstAccommodated: 'the first accommodation away from home',
  lastAccommodated: 'the latest accommodation away from home',
  permanenceRecommendation: 'the permanence recommendation',
  panel: 'the permanence panel',
  admDecision: 'the ADM decision',
  finalPlacement: 'the move to the final placement',
  courtApplication: 'the court application',
  legalPermanence: 'legal permanence',
  placementStart: 'the current placement start',
  legalStatusStart: 'the current legal status start',
  ceasedDate: 'the date the child ceased to be looked after',
};

/** A field as a phrase inside a sentence; local milestones use the user's name. */
export function phrase(field: string, ctx: CheckContext): string {
  return PHRASES[field] ?? `'${ctx.label(field)}'`;
}

/** The same phrase starting a sentence. */
export function Phrase(field: string, ctx: CheckContext): string {
  const p = phrase(field, ctx);
  return p.charAt(0).toUpperCase() + p.slice(1);
}

/** "Child C0123 (row 17)" or "The child on row 17" when there is no ID. */
export function whoIs(record: ChildRecord): string {
  return record.childId ? `Child ${record.childId} (row ${record.row})` : `The child on row ${record.row}`;
}

export function buildContext(layout: SheetLayout, asOf: DayNumber): CheckContext {
  const localLabels = new Map<string, string>();
  for (const column of layout.columns) {
    if (!isCanonicalField(column.field)) localLabels.set(column.field, column.label || column.header || column.field);
  }
  return {
    asOf,
    layout,
    label: (field) => fieldLabel(field, localLabels),
    // Every non-canonical date field on a record is a local milestone the user mapped.
    isLocalMilestone: (field) => !isCanonicalField(field),
  };
}

/** Every milestone field on a record: canonical milestones plus local ones. */
export function milestoneFields(record: ChildRecord, ctx: CheckContext): string[] {
  const fields: string[] = [];
  for (const field of MILESTONES) if (record.dates[field] !== undefined) fields.push(field);
  for (const field in record.dates) if (ctx.isLocalMilestone(field)) fields.push(field);
  return fields;
}
