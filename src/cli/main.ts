/**
 * `pace-tracker`: the command-line twin of the add-in (see cli-contract.md).
 * It runs the same core pipeline on .xlsx files. Exit status: 0 when the
 * command did its job (findings are not failures), 1 for --fail-on, 2 for a
 * usage error or an unreadable file — always one plain line on stderr.
 */
import * as fs from 'fs';
import * as path from 'path';
import { isUserFacingError, UserFacingError } from '../core/errors';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const defaultIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};

export const USAGE = `pace-tracker: read a PACE permanence tracking workbook, check its dates, and measure its aims.

Usage:
  pace-tracker inspect FILE.xlsx [--sheet NAME] [--json]
  pace-tracker check FILE.xlsx [--sheet NAME] [--as-of YYYY-MM-DD] [--fail-on error|warning|info] [--json]
  pace-tracker aims FILE.xlsx [--sheet NAME] [--as-of YYYY-MM-DD] [--aims AIMS.json] [--json]
  pace-tracker runchart SERIES.csv [--baseline N | --baseline-before YYYY-MM-DD]
                       [--rephase N | --no-rephase] [--direction down|up] [--rules ihi|anhoej] [--json | --pretty]
  pace-tracker report FILE.xlsx [-o OUT.xlsx] [--sheet NAME] [--as-of YYYY-MM-DD] [--aims AIMS.json]
  pace-tracker submission FILE.xlsx -o OUT.xlsx [--sheet NAME] [--key-file KEY] [--dob month|age]
                       [--as-of YYYY-MM-DD] [--yes]
  pace-tracker --version

The as-of date defaults to today. Nothing is sent anywhere: files are read and written on this computer only.
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
    switch (command) {
      // Each command loads only its own modules, on demand (issue 12): runchart never loads exceljs.
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
      case undefined:
        // A usage error: the usage for reading, and the one plain line on stderr the contract promises.
        io.out(USAGE);
        io.err('pace-tracker: no command given. Use one of inspect, check, aims, runchart, report or submission (usage above).\n');
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
      io.err(`pace-tracker: ${err.message}\n`);
      return 2;
    }
    // A defect: still one line, but say it is ours.
    const detail = err instanceof Error ? err.message : String(err);
    io.err(`pace-tracker: unexpected problem (${detail}). Your files were not changed. Please report this.\n`);
    return 2;
  }
}
