/**
 * The one source of the words people see for a finding's severity: the pane,
 * the PACE Issues sheet and the command line's text all say "Error",
 * "Warning" and "Note". The JSON keeps the contract's ids (error, warning, info).
 */
import type { Severity } from './model';

/** Most serious first: the order findings are listed and counted in. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** The word for one finding of each severity, as a heading or label. */
export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Note',
};

/** The plural, for counts ("3 warnings"). */
export const SEVERITY_PLURALS: Readonly<Record<Severity, string>> = {
  error: 'Errors',
  warning: 'Warnings',
  info: 'Notes',
};

/** What each severity asks of the user, in one sentence each. */
export const SEVERITY_MEANINGS: Readonly<Record<Severity, string>> = {
  error: 'cannot be right: correct it on your sheet',
  warning: 'probably wrong or unclear: check it',
  info: 'said for transparency (how a value was read, or a row left out of the aims): nothing to correct',
};

/** "1 error", "3 warnings", "0 notes". */
export function severityCount(severity: Severity, n: number): string {
  const word = n === 1 ? SEVERITY_LABELS[severity] : SEVERITY_PLURALS[severity];
  return `${n} ${word.toLowerCase()}`;
}

/** "2 errors, 1 warning, 5 notes": every severity, most serious first. */
export function severityCounts(counts: Readonly<Record<Severity, number>>): string {
  return SEVERITIES.map((s) => severityCount(s, counts[s])).join(', ');
}
