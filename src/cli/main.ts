/**
 * `pace-tracker`: the command-line twin of the add-in (docs/command-line.md).
 * It runs the same core pipeline on .xlsx files. Exit status: 0 when the
 * command did its job (findings are not failures), 1 for --fail-on, 2 for a
 * usage error or an unreadable file — always one plain line on stderr.
 * Each command's code is loaded only when it runs (runchart never loads exceljs).
 */
import * as fs from 'fs';
import * as path from 'path';
import { isUserFacingError, UserFacingError } from '../core/errors';
import { COMMAND_HELP, isCommandName, wantsHelp } from './help';
import { writeStdoutBytes } from './stdout';
import { forCommandLine } from './wording';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Bytes (UTF-8) for standard output, written before it returns; when absent they are decoded and given to `out`. */
  outBytes?: (bytes: Uint8Array) => void;
}

const defaultIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  outBytes: writeStdoutBytes,
};

export const USAGE = `pace-tracker: read a PACE permanence tracking workbook, check its dates, and measure its aims.

Usage:
  pace-tracker inspect FILE [--sheet NAME] [--map FIELD=COLUMN] [--json]
  pace-tracker check FILE [--sheet NAME] [--as-of DATE] [--date-order COLUMN=mdy|dmy]… [--aims AIMS.json]
                       [--fail-on error|warning|info] [--json]
  pace-tracker aims FILE [--sheet NAME] [--as-of DATE] [--date-order COLUMN=mdy|dmy]… [--aims AIMS.json]
                       [--include-outside-population] [--json]
  pace-tracker runchart SERIES.csv [--baseline N | --baseline-before YYYY-MM-DD]
                       [--rephase N | --no-rephase] [--direction down|up] [--rules ihi|anhoej] [--json | --pretty]
  pace-tracker report FILE [-o OUT.xlsx] [--force] [--sheet NAME] [--as-of DATE] [--date-order COLUMN=mdy|dmy]…
                       [--aims AIMS.json] [--include-outside-population] [--min-month-children N] [--by-quarter]
                       [--last LAST.xlsx [--last-sheet NAME] [--last-as-of DATE] [--key-file KEY]]
  pace-tracker submission FILE -o OUT.xlsx [--sheet NAME] [--key-file KEY] [--dob month|age]
                       [--as-of DATE] [--force] [--yes] [--include-outside-population]
  pace-tracker timeline FILE (--children ID,ID | --group COLUMN=VALUE) [--align calendar|start] [--sheet NAME]
                       [--as-of DATE] [--date-order COLUMN=mdy|dmy]… [-o OUT.xlsx] [--force] [--json]
  pace-tracker compare LAST THIS [--sheet NAME] [--last-sheet NAME] [--as-of DATE] [--last-as-of DATE]
                       [--date-order COLUMN=mdy|dmy]… [--changed-days N] [--key-file KEY] [-o OUT.xlsx] [--force] [--json]
  pace-tracker --version

FILE is the tracking workbook (.xlsx) or a CSV export of it. DATE is written 31/03/2024 or 2024-03-31;
the as-of date defaults to today; a date in the sheet's title ("as at 31/03/2024") is offered, never used
unasked. --date-order G=mdy reads the dates typed as text in column G (a letter or a field id) month first;
aims, report and timeline wait for it when a column's text dates look month/day/year. Rows outside the
PACE population (ceased to be looked after more than a year before the as-of date) are flagged and left
out of the figures and the copy unless you give --include-outside-population. Each command's options and an example: pace-tracker help COMMAND
(or pace-tracker COMMAND --help). Nothing is sent anywhere: files are read and written on this computer only.
`;

/** The version in the project's package.json (found upwards from this file: src/cli or dist/node/cli). */
function packageVersion(): string {
  for (let dir = __dirname, up = 0; up < 4; up++, dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
  }
  return 'unknown';
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    // pace-tracker CMD --help, and pace-tracker help CMD: that command's own options and an example.
    if (isCommandName(command) && wantsHelp(rest)) {
      io.out(COMMAND_HELP[command]);
      return 0;
    }
    if (command === 'help' && rest.length > 0) {
      if (!isCommandName(rest[0])) throw new UserFacingError('usage', `There is no command "${rest[0]}". The commands are inspect, check, aims, runchart, report, submission, timeline and compare.`);
      io.out(COMMAND_HELP[rest[0]]);
      return 0;
    }
    switch (command) {
      case 'inspect':
        return await (await import('./workbook')).inspect(rest, io);
      case 'check':
        return await (await import('./workbook')).check(rest, io);
      case 'aims':
        return await (await import('./workbook')).aims(rest, io);
      case 'runchart':
        return await (await import('./runchart')).runchart(rest, io);
      case 'report':
        return await (await import('./workbook')).report(rest, io);
      case 'submission':
        return await (await import('./submission')).runSubmission(rest, io);
      case 'compare':
        return await (await import('./compare')).runCompare(rest, io);
      case 'timeline':
        return await (await import('./timeline')).runTimeline(rest, io);
      case undefined:
        // A usage error: the usage for reading, and the one plain line on stderr the contract promises.
        io.out(USAGE);
        io.err('pace-tracker: no command given. Use one of inspect, check, aims, runchart, report, submission, timeline or compare (usage above).\n');
        return 2;
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return 0;
      case 'version':
      case '--version':
      case '-V':
        io.out(`pace-tracker ${packageVersion()}\n`);
        return 0;
      default:
        throw new UserFacingError('usage', `Unknown command "${command}". Run "pace-tracker --help" for usage.`);
    }
  } catch (err) {
    if (isUserFacingError(err)) {
      io.err(`pace-tracker: ${forCommandLine(err.message)}\n`);
      return 2;
    }
    // A defect: still one line, but say it is ours.
    const detail = err instanceof Error ? err.message : String(err);
    io.err(`pace-tracker: unexpected problem (${detail}). Your files were not changed. Please report this.\n`);
    return 2;
  }
}
