/**
 * Opening the user's file, with the real cause when it cannot be read: not
 * there, a folder, no permission, a name too long, empty, cut short. These
 * are the file system's answers, given before the workbook reader sees a
 * byte; whether a package is encrypted or damaged inside is the reader's call.
 * A .csv export of the tracker is read directly.
 */
import * as fs from 'fs';
import * as path from 'path';
import { UserFacingError } from '../core/errors';
import type { WorkbookGrid } from '../core/grid';
import { readWorkbookBuffer } from '../xlsx/read';
import { csvToWorkbook, decodeCsvBytes } from './csv';

export type InputKind = 'xlsx' | 'csv';

export interface InputFile {
  file: string;
  kind: InputKind;
  bytes: Buffer;
}

/** The plain sentence for a file-system error code met while opening `file`. */
export function fileProblem(file: string, code: string | undefined): UserFacingError {
  const name = `"${file}"`;
  switch (code) {
    case 'ENOENT':
      return new UserFacingError('unreadableFile', `${name} does not exist. Check the file name and the folder.`);
    case 'ENOTDIR':
      return new UserFacingError('unreadableFile', `${name} does not exist: part of its path is a file, not a folder. Check the path.`);
    case 'EISDIR':
      return new UserFacingError('unreadableFile', `${name} is a folder, not a file. Give the workbook inside it.`);
    case 'EACCES':
    case 'EPERM':
      return new UserFacingError('unreadableFile', `${name} cannot be read: you do not have permission to read it. Ask its owner for access, or save a copy you can read.`);
    case 'ENAMETOOLONG':
      return new UserFacingError('unreadableFile', `The file name or path is too long for this computer (${file.length} characters). Move or rename the file so its path is shorter.`);
    case 'EBUSY':
      return new UserFacingError('unreadableFile', `${name} is in use by another program and cannot be read. Close it there and try again.`);
    case 'ELOOP':
      return new UserFacingError('unreadableFile', `${name} is a link that points round in a circle, so there is no file to read.`);
    default:
      return new UserFacingError('unreadableFile', `${name} could not be read${code ? ` (${code})` : ''}. Check the file name and that you can open it.`);
  }
}

export function emptyOrDamaged(file: string, detail: string): UserFacingError {
  return new UserFacingError('unreadableFile', `"${file}" is empty or damaged: ${detail}. Open the original in Excel and save it again, or copy it again.`);
}

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const ZIP_END_OF_DIRECTORY = [0x50, 0x4b, 0x05, 0x06];
/** The end record is in the last 22 bytes plus at most a 64 KiB comment. */
const END_RECORD_SEARCH = 22 + 0xffff;

function startsWith(bytes: Uint8Array, magic: number[], at = 0): boolean {
  return magic.every((b, i) => bytes[at + i] === b);
}

/** True for a zip package whose end record is missing: a download or copy cut short. */
export function isTruncatedZip(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, ZIP_LOCAL_HEADER)) return false;
  const from = Math.max(0, bytes.length - END_RECORD_SEARCH);
  for (let i = bytes.length - 22; i >= from; i--) {
    if (startsWith(bytes, ZIP_END_OF_DIRECTORY, i)) return false;
  }
  return true;
}

/** A CSV (or tab-separated text) export by its name; anything else goes to the workbook reader. */
export function inputKind(file: string): InputKind {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') return 'csv';
  return 'xlsx';
}

/** Reads the file's bytes, turning every file-system refusal into its plain cause. */
export function readInputFile(file: string): InputFile {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    throw fileProblem(file, (err as NodeJS.ErrnoException).code);
  }
  if (stat.isDirectory()) throw fileProblem(file, 'EISDIR');
  if (stat.size === 0) throw emptyOrDamaged(file, 'it holds no data at all (0 bytes)');
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    throw fileProblem(file, (err as NodeJS.ErrnoException).code);
  }
  const kind = inputKind(file);
  if (kind === 'xlsx' && isTruncatedZip(bytes)) {
    throw emptyOrDamaged(file, 'the workbook is cut short (perhaps an unfinished download or copy)');
  }
  return { file, kind, bytes };
}

/** The workbook grid of an input file, .xlsx or .csv. */
export async function readInputWorkbook(input: InputFile): Promise<WorkbookGrid> {
  if (input.kind === 'csv') {
    const workbook = csvToWorkbook(decodeCsvBytes(input.bytes), path.basename(input.file));
    if (workbook.sheets[0].values.length === 0) throw emptyOrDamaged(input.file, 'it holds no rows');
    return workbook;
  }
  return readWorkbookBuffer(input.bytes, path.basename(input.file));
}
