/**
 * Pure helpers for the Share step: which columns are ticked to leave out,
 * and the words shown for them and for the result. Kept apart from the
 * component so they are tested without a browser.
 */
import { REASON_EXPLANATIONS } from '../core/submission/detectors';
import type { IdentifyingColumn } from '../core/submission/identifying';
import type { SubmissionResult } from '../core/usecases/types';
import { children } from './view';

/** Every identifying column starts ticked (left out); the user unticks what should stay. */
export function initialDrop(columns: readonly IdentifyingColumn[]): Set<string> {
  return new Set(columns.map((c) => c.column));
}

/** The ticked set with one column ticked or unticked (a new set, for React state). */
export function toggleDrop(drop: ReadonlySet<string>, column: string, leaveOut: boolean): Set<string> {
  const next = new Set(drop);
  if (leaveOut) next.add(column);
  else next.delete(column);
  return next;
}

/** The ticked columns in sheet order (A, B, …, Z, AA), as the session takes them. */
export function dropList(drop: ReadonlySet<string>): string[] {
  return [...drop].sort((a, b) => a.length - b.length || a.localeCompare(b));
}

/** "Column B, 'Surname': holds what look like people’s names (from its heading)." */
export function columnLabel(column: IdentifyingColumn): string {
  const heading = column.header === '' ? '(no heading)' : `'${column.header}'`;
  const how = column.detectedBy === 'header' ? 'from its heading' : 'from what is in it';
  return `Column ${column.column}, ${heading}: ${REASON_EXPLANATIONS[column.reason]} (${how}).`;
}

/**
 * "A new workbook opened with 12 children; 13 columns removed. Check it before sending.",
 * with "2 rows outside the PACE population left out" when there were any.
 */
export function resultText(result: SubmissionResult): string {
  const columns = result.dropped === 1 ? '1 column' : `${result.dropped} columns`;
  const left = result.rowsLeftOut ?? 0;
  const rows = left === 0 ? '' : `; ${left === 1 ? '1 row' : `${left.toLocaleString('en-GB')} rows`} outside the PACE population left out`;
  return `A new workbook opened with ${children(result.children)}; ${columns} removed${rows}. Check it before sending.`;
}
