/**
 * What a file must be before anything reads or edits it as a workbook, with
 * a plain message for each way it can fail: empty or damaged, encrypted
 * (password), another kind of file, the Strict variant of the format, or
 * hostile XML (a document type declaration: entity expansion, external
 * entities). The reader runs it before exceljs sees the bytes, the writer
 * before it edits anything; the input file is never changed.
 */
import * as zlib from 'zlib';
import JSZip from './jszip';
import { UserFacingError } from '../core/errors';
import { readStoredEntries, StoredEntry } from './zipPackage';
import { damagedPackageMessage, decodeXmlBytes, hasDoctype, hostilePackageMessage, isXmlPartName, parseXml } from './xmlDom';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** Compound File (OLE) header: encrypted .xlsx files and old .xls files. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** "EncryptionInfo" as a compound file names its streams (UTF-16LE): an Office file encrypted with a password. */
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

export const OFFICE_DOCUMENT_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
/** The Strict variant of the format names its relationships and namespaces under purl.oclc.org. */
const STRICT_OFFICE_DOCUMENT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument';
const STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const PACKAGE_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CONTENT_TYPES = 'http://schemas.openxmlformats.org/package/2006/content-types';
export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

function startsWith(buf: Uint8Array, magic: number[]): boolean {
  return buf.length >= magic.length && magic.every((b, i) => buf[i] === b);
}

function quoted(name: string): string {
  return name ? `"${name}"` : 'The file';
}

/** Every refusal starts the same way, so people (and scripts) recognise it; the reason follows. */
function cannotOpen(name: string, why: string): string {
  return `${quoted(name)} could not be opened as an Excel workbook (.xlsx): ${why}`;
}

export function encryptedMessage(name: string): string {
  return cannotOpen(name, 'it is password-protected (encrypted). Remove the password in Excel (File > Info > Protect Workbook > Encrypt with Password), save a copy and use the copy.');
}

export function notXlsxMessage(name: string, oldExcel: boolean): string {
  if (oldExcel) return cannotOpen(name, 'it is an older Excel file (.xls) or another Office document. Open it in Excel, save it as Excel Workbook (.xlsx) and use the copy.');
  return cannotOpen(name, 'it is not a workbook. Open it in Excel, save it as Excel Workbook (.xlsx) and use the copy.');
}

export function strictMessage(name: string): string {
  return cannotOpen(name, 'it is saved as "Strict Open XML Spreadsheet", which this tool cannot read or write. Open it in Excel, save it as "Excel Workbook (.xlsx)" and use the copy.');
}

/** True when the bytes are a compound file holding an EncryptionInfo stream (an encrypted Office package). */
export function isEncryptedOfficeFile(buf: Uint8Array): boolean {
  return startsWith(buf, CFB_MAGIC) && Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).includes(ENCRYPTION_INFO);
}

/** Refuses bytes that are not a zip package, each in its own words. */
export function assertZipBytes(buf: Uint8Array, name = ''): void {
  if (buf.length < 4 || (buf.length < 22 && startsWith(buf, ZIP_MAGIC))) throw new UserFacingError('unreadableFile', damagedPackageMessage(name));
  if (isEncryptedOfficeFile(buf)) throw new UserFacingError('unreadableFile', encryptedMessage(name));
  if (startsWith(buf, CFB_MAGIC)) throw new UserFacingError('unreadableFile', notXlsxMessage(name, true));
  if (!startsWith(buf, ZIP_MAGIC)) throw new UserFacingError('unreadableFile', notXlsxMessage(name, false));
}

/** Loads the zip; a truncated or damaged one is "empty or damaged". */
export async function loadZip(buf: Uint8Array, name = ''): Promise<JSZip> {
  assertZipBytes(buf, name);
  try {
    return await JSZip.loadAsync(buf);
  } catch {
    throw new UserFacingError('unreadableFile', damagedPackageMessage(name));
  }
}

/** How much of a part is inflated to look at its prolog before inflating all of it. */
const HEAD_BYTES = 4096;

/**
 * The first few kilobytes of a part's text, inflated from the zip bytes
 * without inflating the rest; null when the entry cannot be read that way.
 */
export function partHead(stored: Map<string, StoredEntry> | null, path: string): string | null {
  const entry = stored?.get(path);
  if (!entry || (entry.method !== 0 && entry.method !== 8)) return null;
  try {
    const head = entry.method === 0 ? entry.data.subarray(0, HEAD_BYTES) : zlib.inflateRawSync(entry.data.subarray(0, HEAD_BYTES), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
    return decodeXmlBytes(head);
  } catch {
    return null;
  }
}

/**
 * Whether the prolog of a stored (compressed) part holds a document type
 * declaration, inflating only its first few kilobytes; null when that is not
 * enough to tell (a long prolog), so the caller reads the whole part.
 */
function storedPartHasDoctype(method: number, data: Uint8Array): boolean | null {
  let head: Uint8Array;
  try {
    head = method === 0 ? data.subarray(0, HEAD_BYTES) : zlib.inflateRawSync(data.subarray(0, HEAD_BYTES), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  } catch {
    return null;
  }
  const text = decodeXmlBytes(head);
  if (hasDoctype(text)) return true;
  // Decided only if the root element's start is within the head.
  const rootSeen = /<[A-Za-z_]/.test(text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ''));
  return rootSeen ? false : null;
}

/**
 * Refuses a package with a document type declaration in any XML part. Reads
 * the head of each part straight from the zip, so a huge hostile part is
 * neither expanded nor even inflated in full.
 */
export async function assertNoDoctype(zip: JSZip, buf: Uint8Array, name = ''): Promise<void> {
  const stored = readStoredEntries(buf);
  const paths: string[] = [];
  zip.forEach((path, file) => {
    if (!file.dir && isXmlPartName(path)) paths.push(path);
  });
  for (const path of paths) {
    const entry = stored?.get(path);
    let verdict = entry && (entry.method === 0 || entry.method === 8) ? storedPartHasDoctype(entry.method, entry.data) : null;
    if (verdict === null) verdict = hasDoctype(decodeXmlBytes(await (zip.file(path) as JSZip.JSZipObject).async('uint8array')));
    if (verdict) throw new UserFacingError('unreadableFile', hostilePackageMessage(name));
  }
}

/** The package's main parts, found the way the Open Packaging Conventions say (not by assumed names). */
export interface PackageMap {
  /** The workbook part, e.g. "xl/workbook.xml". */
  workbookPath: string;
}

/** Resolves a package-relationship target (from the package root). */
function rootTarget(target: string): string {
  const path = target.replace(/^\//, '');
  try {
    return decodeURIComponent(path);
  } catch {
    // A stray % that is not an escape: the name as written.
    return path;
  }
}

/**
 * Checks the package is a Transitional .xlsx whose index parts are
 * well-formed, and says where its workbook part is. Refuses (plainly) a
 * damaged package, hostile XML and the Strict format.
 */
export async function checkPackage(zip: JSZip, buf: Uint8Array, name = ''): Promise<PackageMap> {
  await assertNoDoctype(zip, buf, name);
  const text = async (path: string): Promise<string> => {
    const file = zip.file(path);
    if (!file) throw new UserFacingError('unreadableFile', damagedPackageMessage(name));
    return decodeXmlBytes(await file.async('uint8array'));
  };
  const types = parseXml(await text('[Content_Types].xml'), name);
  if (types.documentElement?.namespaceURI !== CONTENT_TYPES) throw new UserFacingError('unreadableFile', damagedPackageMessage(name));
  const rels = parseXml(await text('_rels/.rels'), name);
  if (rels.documentElement?.namespaceURI !== PACKAGE_RELS) throw new UserFacingError('unreadableFile', damagedPackageMessage(name));
  let workbookPath: string | null = null;
  for (const r of Array.from(rels.getElementsByTagNameNS(PACKAGE_RELS, 'Relationship'))) {
    const type = r.getAttribute('Type');
    if (type === STRICT_OFFICE_DOCUMENT_REL) throw new UserFacingError('unreadableFile', strictMessage(name));
    if (type === OFFICE_DOCUMENT_REL && r.getAttribute('TargetMode') !== 'External') workbookPath = rootTarget(r.getAttribute('Target') ?? '');
  }
  if (!workbookPath || !zip.file(workbookPath)) throw new UserFacingError('unreadableFile', notXlsxMessage(name, false));
  const workbook = parseXml(await text(workbookPath), name);
  const root = workbook.documentElement;
  if (root?.namespaceURI === STRICT_MAIN) throw new UserFacingError('unreadableFile', strictMessage(name));
  if (root?.namespaceURI !== MAIN_NS || root.localName !== 'workbook') throw new UserFacingError('unreadableFile', notXlsxMessage(name, false));
  return { workbookPath };
}
