/**
 * `pace-tracker submission`: writes a separate, de-identified workbook to
 * send to the programme (pace-domain.md §5, cli-contract.md "submission").
 * The keyed hash lives here (node:crypto), not in the core; the key file
 * stays with the authority and never goes into the copy.
 */
import { createHmac, randomBytes } from 'crypto';
import * as fs from 'fs';
import * as readline from 'readline';
import { isUserFacingError, UserFacingError } from '../core/errors';
import { isoFromDay } from '../core/dates';
import { makeSubmissionCopy, SETTING_SUBMISSION_KEY, type SubmissionHost } from '../core/usecases/submission';
import { OUTSIDE_POPULATION_REASON } from '../core/population';
import { findIdentifyingColumns, type IdentifyingColumn } from '../core/submission/identifying';
import type { DobMode } from '../core/submission/plan';
import { assignPseudonyms, keyBytesFromText } from '../core/submission/pseudonym';
import { writePlanToNewWorkbook } from '../xlsx/newWorkbook';
import { parseArgs, stringOption } from './args';
import { asOfDay } from './asOf';
import { COMMAND_HELP } from './help';
import { chooseKeyFile, DEFAULT_KEY_FILE_NAME, ensureKeyFolder } from './keyFile';
import { loadInput } from './load';
import { chooseOutput, isSameFile, writeOutput } from './outputPath';
import { forCommandLine } from './wording';

export interface SubmissionIo {
  out(text: string): void;
  err(text: string): void;
  /** Whether a person can answer (default: process.stdin.isTTY). */
  stdinIsTTY?: boolean;
  /** Asks a question and returns the answer (default: a readline prompt on stdin/stdout). */
  ask?(question: string): Promise<string>;
}

/** The key file's name when --key-file is not given (it lives in ~/.pace-tracker: see keyFile.ts). */
export const DEFAULT_KEY_FILE = DEFAULT_KEY_FILE_NAME;

export const SUBMISSION_USAGE = COMMAND_HELP.submission;

function defaultAsk(question: string): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      resolve(answer);
    });
  });
}

function dobOption(value: string | undefined): DobMode {
  if (value === undefined) return 'month';
  if (value === 'month' || value === 'age') return value;
  throw new UserFacingError('usage', `--dob takes month or age, not "${value}".`);
}

/** The column list shown before writing. */
export function formatDropList(columns: IdentifyingColumn[]): string {
  if (columns.length === 0) return 'No identifying columns were found: every column will be copied (child IDs replaced, date of birth reduced).\n';
  const lines = ['These columns will be left out of the copy:'];
  for (const c of columns) {
    const heading = c.header === '' ? '(no heading)' : `'${c.header}'`;
    lines.push(`  ${c.column.padEnd(3)} ${heading.padEnd(36)} ${c.reason} (from its ${c.detectedBy === 'header' ? 'heading' : 'contents'})`);
  }
  return `${lines.join('\n')}\n`;
}

/** The key file's text, or null when there is no key file yet. */
function readKeyText(keyFile: string): string | null {
  if (!fs.existsSync(keyFile)) return null;
  let text: string;
  try {
    text = fs.readFileSync(keyFile, 'utf8');
  } catch {
    throw new UserFacingError('unreadableFile', `The key file ${keyFile} cannot be read. Check you can open it.`);
  }
  if (text.trim() === '') {
    throw new UserFacingError('unreadableFile', `The key file ${keyFile} is empty. Use last month's key file, or remove this one to make a new key.`);
  }
  return text;
}

/** Saves a new key as the key file (never over an existing one) and says so on `io.out`. */
function saveNewKey(keyFile: string, hex: string, io: SubmissionIo): void {
  try {
    ensureKeyFolder(keyFile);
    // Readable by this user only: with the key and a list of real IDs anyone could recompute the pseudonyms.
    fs.writeFileSync(keyFile, `${hex}\n`, { mode: 0o600, flag: 'wx' });
  } catch {
    throw new UserFacingError('unreadableFile', `A new key could not be saved as ${keyFile}. Check the folder exists and you can write to it.`);
  }
  io.out(`Created a new secret key in ${keyFile}. Keep it private (do not send it or put it in a shared folder) and use it every month so pseudonyms match.\n`);
}

/** Reads the key file, or makes a new random key in it; says which on `io.out`. */
export function loadOrCreateKey(keyFile: string, io: SubmissionIo): Uint8Array {
  const text = readKeyText(keyFile);
  if (text !== null) return keyBytesFromText(text);
  const hex = randomBytes(32).toString('hex');
  saveNewKey(keyFile, hex, io);
  return keyBytesFromText(hex);
}

/**
 * The command line as the submission use case's host: the key lives in the
 * key file (not in the workbook), the keyed hash is node:crypto's, and the
 * copy is written to a file instead of opened in Excel.
 */
function commandLineHost(keyFile: string, io: SubmissionIo, writeCopy: (bytes: Uint8Array) => void): SubmissionHost {
  let keyBytes: { text: string; bytes: Uint8Array } | null = null;
  return {
    loadSetting: async <T>(name: string) => (name === SETTING_SUBMISSION_KEY ? (readKeyText(keyFile) as T | null) : null),
    saveSetting: async <T>(name: string, value: T) => {
      if (name === SETTING_SUBMISSION_KEY) saveNewKey(keyFile, String(value), io);
    },
    randomKeyHex: () => randomBytes(32).toString('hex'),
    hmacSha256Hex: async (keyText, message) => {
      if (keyBytes?.text !== keyText) keyBytes = { text: keyText, bytes: keyBytesFromText(keyText) };
      return createHmac('sha256', keyBytes.bytes).update(message, 'utf8').digest('hex');
    },
    openNewWorkbook: async (bytes) => writeCopy(bytes),
  };
}

/** Child ID → pseudonym with the keyed hash (HMAC-SHA-256). */
export function pseudonymsFor(ids: string[], key: Uint8Array): Map<string, string> {
  const hmacs = new Map(ids.map((id) => [id, createHmac('sha256', key).update(id, 'utf8').digest('hex')]));
  return assignPseudonyms(hmacs);
}

async function confirmed(columns: IdentifyingColumn[], yes: boolean, io: SubmissionIo): Promise<boolean> {
  if (yes) return true;
  const tty = io.stdinIsTTY ?? process.stdin.isTTY === true;
  if (!tty) {
    throw new UserFacingError(
      'usage',
      'Not written: nobody is at a terminal to confirm the columns to leave out. Review the list above, then run the same command again with --yes.',
    );
  }
  const ask = io.ask ?? defaultAsk;
  const answer = await ask(columns.length > 0 ? 'Write the copy without these columns? [y/N] ' : 'Write the copy? [y/N] ');
  return /^\s*y(es)?\s*$/i.test(answer);
}

/**
 * Runs the command; 0 when the copy was written, 1 when the user said no,
 * 2 for a usage error or an unreadable file (one plain line on stderr).
 */
export async function runSubmission(argv: string[], io: SubmissionIo): Promise<number> {
  try {
    return await submission(argv, io);
  } catch (err) {
    if (!isUserFacingError(err)) throw err;
    io.err(`pace-tracker: ${forCommandLine(err.message)}\n`);
    return 2;
  }
}

async function submission(argv: string[], io: SubmissionIo): Promise<number> {
  const args = parseArgs(argv, {
    output: { value: true, aliases: ['-o'] },
    sheet: { value: true },
    'key-file': { value: true },
    dob: { value: true },
    'as-of': { value: true },
    map: { value: true },
    force: { value: false },
    yes: { value: false, aliases: ['-y'] },
    help: { value: false, aliases: ['-h'] },
    'include-outside-population': { value: false },
  });
  if (args.options.has('help')) {
    io.out(SUBMISSION_USAGE);
    return 0;
  }
  if (args.positional.length !== 1) throw new UserFacingError('usage', 'Give exactly one FILE.xlsx. Run "pace-tracker submission --help" for usage.');
  const input = args.positional[0];
  const given = stringOption(args, 'output');
  const force = args.options.has('force');
  const dob = dobOption(stringOption(args, 'dob'));
  const asOf = asOfDay(stringOption(args, 'as-of'));
  const { keyFile, note: keyNote } = chooseKeyFile(stringOption(args, 'key-file'), input);
  if (isSameFile(keyFile, input) || (given !== undefined && isSameFile(keyFile, given))) {
    throw new UserFacingError('usage', 'The key file must be a file of its own, not the workbook or the copy.');
  }
  const pick = () => chooseOutput({ given, input, force, what: 'copy', protect: [{ file: keyFile, what: 'the key file' }] });
  pick();

  const { sheet, keepFinding } = await loadInput(input, stringOption(args, 'sheet'), stringOption(args, 'map'));
  const columns = findIdentifyingColumns(sheet.grid, sheet.layout);
  io.out(`Sheet '${sheet.layout.sheet}': ${sheet.records.length} children.\n`);
  io.out(formatDropList(columns));

  if (!(await confirmed(columns, args.options.has('yes'), io))) {
    io.out('Nothing was written.\n');
    return 1;
  }

  if (keyNote) io.out(`${keyNote}\n`);
  let output = '';
  const host = commandLineHost(keyFile, io, (bytes) => {
    output = pick();
    writeOutput(output, bytes, force, 'copy');
  });
  // The pane's steps (core/usecases/submission.ts); rows outside the PACE population are left out unless kept.
  const made = await makeSubmissionCopy(host, (plan) => writePlanToNewWorkbook(plan), {
    sheet,
    drop: columns.map((c) => c.column),
    dob,
    asOf,
    includeOutsidePopulation: args.options.has('include-outside-population'),
    keepFinding,
  });
  io.out(
    (made.rowsLeftOut > 0
      ? `Left out ${made.rowsLeftOut} row${made.rowsLeftOut === 1 ? '' : 's'} outside the PACE population (${OUTSIDE_POPULATION_REASON}); use --include-outside-population to keep them.\n`
      : '') +
    `Wrote ${output}: ${made.children} children as of ${isoFromDay(asOf)}, ${columns.length} column${columns.length === 1 ? '' : 's'} left out, ` +
      `date of birth as ${dob === 'month' ? 'month and year' : 'age at each milestone'}, child IDs pseudonymised with the key in ${keyFile}.\n` +
      `The key stays here: keep ${keyFile} private, never send it, and use it again next month so each child keeps the same pseudonymous ID.\n` +
      'Check the copy before you send it (see its Cover sheet).\n',
  );
  return 0;
}
