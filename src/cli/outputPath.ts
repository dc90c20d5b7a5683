/**
 * Where a command may write, so the user's workbook is never put at risk:
 * never the input however it is reached (another spelling, a symbolic link,
 * a hard link, another letter case on a case-insensitive disk), never an
 * earlier report replaced without --force, and always an .xlsx name.
 */
import * as fs from 'fs';
import * as path from 'path';
import { UserFacingError } from '../core/errors';

/** Real path of a file that may not exist yet: its folder's real path plus its name. */
export function realPathOf(file: string): string {
  const absolute = path.resolve(file);
  try {
    return fs.realpathSync(absolute);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(absolute)), path.basename(absolute));
    } catch {
      return absolute;
    }
  }
}

/** Whether names on this folder's disk ignore letter case (Windows, macOS by default). */
export function folderIgnoresCase(folder: string): boolean {
  const upper = folder.toUpperCase();
  const lower = folder.toLowerCase();
  if (upper === lower) return process.platform === 'win32' || process.platform === 'darwin';
  try {
    const a = fs.statSync(upper);
    const b = fs.statSync(lower);
    return a.ino === b.ino && a.dev === b.dev;
  } catch {
    return false;
  }
}

/**
 * True when writing to `b` would write to the file `a` is: same real path,
 * same file on disk (device and inode: hard links, symbolic links), or the
 * same path in another letter case on a disk that ignores case.
 */
export function isSameFile(a: string, b: string): boolean {
  const realA = realPathOf(a);
  const realB = realPathOf(b);
  if (realA === realB) return true;
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    // ino 0 means the file system gives no identity: fall back to paths only.
    if (sa.ino !== 0 && sa.dev === sb.dev && sa.ino === sb.ino) return true;
  } catch {
    // One of them does not exist yet: only the paths can match.
  }
  return realA.toLowerCase() === realB.toLowerCase() && folderIgnoresCase(path.dirname(realA));
}

/** Throws unless `output` ends in .xlsx (any case). */
export function requireXlsxName(output: string, flag = '-o'): void {
  if (path.extname(output).toLowerCase() !== '.xlsx') {
    throw new UserFacingError('usage', `${flag} must name an .xlsx file (the output is an Excel workbook), not "${output}".`);
  }
}

/** FILE.xlsx → FILE-pace-report.xlsx beside it. */
export function defaultReportPath(input: string): string {
  const ext = path.extname(input);
  return path.join(path.dirname(input), `${path.basename(input, ext)}-pace-report.xlsx`);
}

/** `name.xlsx` → the first of `name (2).xlsx`, `name (3).xlsx`… that does not exist. */
export function nextFreeName(file: string): string {
  const ext = path.extname(file);
  const stem = path.join(path.dirname(file), path.basename(file, ext));
  for (let n = 2; ; n++) {
    const candidate = `${stem} (${n})${ext}`;
    if (!fs.existsSync(candidate)) return candidate;
  }
}

export interface OutputChoice {
  /** The explicit -o, or undefined for the command's default name. */
  given: string | undefined;
  input: string;
  force: boolean;
  /** The default name when -o is not given (a report); undefined when -o is required. */
  defaultName?: string;
  /** Other files the output must not be (the key file…), with what to call them. */
  protect?: { file: string; what: string }[];
  /** "report" or "copy", for messages. */
  what: string;
}

/**
 * The file to write. An explicit -o that exists is refused without --force;
 * the default name moves on to "(2)", "(3)"… so an earlier report is kept.
 */
export function chooseOutput(choice: OutputChoice): string {
  const { given, input, force, what } = choice;
  if (given !== undefined) requireXlsxName(given);
  const wanted = given ?? choice.defaultName;
  if (wanted === undefined) throw new UserFacingError('usage', `Say where to write the ${what} with -o OUT.xlsx.`);
  if (isSameFile(input, wanted)) {
    const same = path.resolve(wanted) === path.resolve(input) ? `${wanted} is your workbook` : `${wanted} is your workbook ${input} under another name or through a link`;
    throw new UserFacingError('usage', `The ${what} must go to a new file, and ${same}: choose another name with -o (your workbook is never overwritten).`);
  }
  for (const p of choice.protect ?? []) {
    if (isSameFile(p.file, wanted)) throw new UserFacingError('usage', `The ${what} cannot be written over ${p.what} (${p.file}): choose another name with -o.`);
  }
  if (!fs.existsSync(wanted)) return wanted;
  if (fs.statSync(wanted).isDirectory()) throw new UserFacingError('usage', `${wanted} is a folder: give a file name ending in .xlsx with -o.`);
  if (force) return wanted;
  if (given !== undefined) {
    throw new UserFacingError('usage', `${given} exists already and was not replaced. Choose another name with -o, or add --force to replace it.`);
  }
  return nextFreeName(wanted);
}

function saveProblem(output: string, what: string, err: unknown): UserFacingError {
  const code = (err as NodeJS.ErrnoException).code;
  const why =
    code === 'EBUSY' || code === 'EPERM' || code === 'EACCES'
      ? ' It may be open in Excel, or you may not have permission to write there: close it and try again.'
      : code === 'ENOENT' || code === 'ENOTDIR'
        ? ' The folder does not exist: check the name.'
        : code === 'ENAMETOOLONG'
          ? ' The name is too long for this computer: choose a shorter name or folder.'
          : code === 'ENOSPC'
            ? ' The disk is full.'
            : ' Check the folder exists and you can write to it.';
  return new UserFacingError('unreadableFile', `The ${what} could not be saved as "${output}".${why}`);
}

/**
 * Writes the bytes. A new file is created exclusively (nothing there is
 * touched if it appeared meanwhile); a replacement (--force) is written
 * beside it and renamed over it, which replaces the name and never writes
 * through a link into another file.
 */
export function writeOutput(output: string, bytes: Uint8Array, force: boolean, what: string): void {
  if (!force || !fs.existsSync(output)) {
    try {
      fs.writeFileSync(output, bytes, { flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new UserFacingError('usage', `${output} appeared while the ${what} was being made and was not replaced. Run the command again.`);
      }
      throw saveProblem(output, what, err);
    }
    return;
  }
  const temporary = path.join(path.dirname(output), `.${path.basename(output)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temporary, bytes, { flag: 'wx' });
    fs.renameSync(temporary, output);
  } catch (err) {
    fs.rmSync(temporary, { force: true });
    throw saveProblem(output, what, err);
  }
}
