/**
 * Where the submission's secret key lives when --key-file is not given.
 *
 * Not beside the workbook: tracking workbooks sit in shared drives, team
 * folders and project folders, where a key would be copied, backed up or
 * committed along with them, and anyone holding the key and a list of real
 * IDs can recompute every pseudonym. The user's own home folder is private to
 * them on every system, and one key there serves every month's workbook
 * whatever it is called (a key per workbook name would change the
 * pseudonyms whenever the file is renamed for a new month).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const DEFAULT_KEY_FILE_NAME = 'pace-submission.key';
/** The folder in the user's home that holds it. */
export const KEY_FOLDER_NAME = '.pace-tracker';

/** Names the folder that holds the key instead of ~/.pace-tracker (e.g. an encrypted drive). */
export const KEY_FOLDER_ENV = 'PACE_TRACKER_HOME';

/** The folder for the key: $PACE_TRACKER_HOME when set, else .pace-tracker in the user's home folder. */
export function keyFolder(home?: string): string {
  const chosen = process.env[KEY_FOLDER_ENV];
  if (home === undefined && chosen !== undefined && chosen.trim() !== '') return path.resolve(chosen);
  return path.join(home ?? os.homedir(), KEY_FOLDER_NAME);
}

/** ~/.pace-tracker/pace-submission.key, or in $PACE_TRACKER_HOME. */
export function defaultKeyFile(home?: string): string {
  return path.join(keyFolder(home), DEFAULT_KEY_FILE_NAME);
}

/** Where earlier versions put the key: beside the workbook. Still read, so pseudonyms keep matching. */
export function legacyKeyFile(input: string): string {
  return path.join(path.dirname(input), DEFAULT_KEY_FILE_NAME);
}

export interface KeyChoice {
  keyFile: string;
  /** A line to show before writing (why this key), or null. */
  note: string | null;
}

/**
 * The key to use: --key-file when given; else last month's key beside the
 * workbook when one is there (reused so pseudonyms match, with advice to move
 * it); else the private default in the home folder.
 */
export function chooseKeyFile(given: string | undefined, input: string, home?: string): KeyChoice {
  if (given !== undefined) return { keyFile: given, note: null };
  const legacy = legacyKeyFile(input);
  const preferred = defaultKeyFile(home);
  if (fs.existsSync(legacy) && !fs.existsSync(preferred)) {
    return {
      keyFile: legacy,
      note:
        `Using the key file found beside the workbook (${legacy}), so pseudonymous IDs match earlier months. ` +
        `Keys are safer out of shared and project folders: move it to ${preferred}, or give its place with --key-file.`,
    };
  }
  return { keyFile: preferred, note: null };
}

/** Makes the folder for a new key, readable by this user only. */
export function ensureKeyFolder(keyFile: string): void {
  fs.mkdirSync(path.dirname(keyFile), { recursive: true, mode: 0o700 });
}
