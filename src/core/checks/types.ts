/**
 * The shape every check rule follows. Rules push findings into an array
 * (no per-record allocation of result lists: 20,000 children must stay fast).
 */
import type { ChildRecord, DateReading, DayNumber, DecodedDate, Finding, SheetLayout } from '../model';
import type { RouteKind } from './route';

export interface CheckContext {
  asOf: DayNumber;
  layout: SheetLayout;
  /** Label of any field, canonical or local milestone, as a data lead knows it. */
  label(field: string): string;
  /** True for local milestones the user mapped (they are checked like canonical milestones). */
  isLocalMilestone(field: string): boolean;
}

/** A rule judged one child row at a time. */
export interface RecordRule {
  scope: 'record';
  /** Stable kebab-case id(s) this rule can report. */
  ids: readonly string[];
  check(record: ChildRecord, ctx: CheckContext, out: Finding[]): void;
}

/**
 * A rule about one date cell, judged only for cells read a certain way: the
 * runner visits each cell once and calls just the rules for its reading, so
 * the common case (a real date) costs two calls, not ten.
 */
export interface CellRule {
  scope: 'cell';
  ids: readonly string[];
  readings: readonly DateReading[];
  check(record: ChildRecord, field: string, date: DecodedDate, ctx: CheckContext, out: Finding[]): void;
}

/** A rule that needs every row at once (duplicates) or only the layout. */
export interface SheetRule {
  scope: 'sheet';
  ids: readonly string[];
  check(records: readonly ChildRecord[], ctx: CheckContext, out: Finding[]): void;
}

/** Readings that give a real calendar day (placeholders keep one but are never used). */
export const DAY_READINGS: readonly DateReading[] = ['dateCell', 'serialNumber', 'text', 'textTwoDigitYear'];

export type CheckRule = CellRule | RecordRule | SheetRule;

export type { RouteKind };
