/**
 * The core's messages are shared with the task pane, and a few of them name
 * a pane step ("map it on the Sheet step"). At a terminal there is no pane:
 * these say the command-line way instead (--map, --sheet). Each rewording is
 * tested against the core's real message, so a changed core wording shows.
 */
import type { CheckResult } from '../core/model';

const REWORDINGS: [RegExp, string][] = [
  [/to give it another name, map it on the Sheet step\./g, 'to read it as a standard milestone instead, use --map FIELD=COLUMN (e.g. --map panel=H).'],
  [/map it on the Sheet step/g, 'map it with --map FIELD=COLUMN'],
  [/\(the Sheet tab\)/g, '(name it with --sheet NAME)'],
  [/Choose the sheet that holds the children's rows\./g, "Name the sheet that holds the children's rows with --sheet NAME."],
  [/The add-in looks for headings/g, 'pace-tracker looks for headings'],
];

/** A message as the command line should print it. */
export function forCommandLine(message: string): string {
  return REWORDINGS.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), message);
}

/** The check result with every finding's message in command-line words. */
export function checkForCommandLine(result: CheckResult): CheckResult {
  return { ...result, findings: result.findings.map((f) => ({ ...f, message: forCommandLine(f.message) })) };
}
