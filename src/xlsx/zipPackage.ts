/**
 * Saves an edited .xlsx package. Parts the report did not touch are copied
 * from the input file still compressed, byte for byte; new and changed parts
 * are compressed with Node's zlib. JSZip's own writer compresses in
 * JavaScript, which took several times longer than everything else the
 * report writer does (report sheets and chart caches run to tens of MB of XML).
 */
import * as zlib from 'zlib';
import type JSZip from 'jszip';

/** One stored entry of a zip file, as its central directory describes it. */
export interface StoredEntry {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  dosTime: number;
  dosDate: number;
  /** The compressed bytes. */
  data: Uint8Array;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const DEFLATE = 8;
const STORE = 0;
/** General purpose flag bits: 3 = sizes in a data descriptor, 11 = UTF-8 names. */
const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Every entry of a zip file, read from its central directory (null when the
 * bytes are not a zip this writer can copy from: ZIP64 or damaged).
 */
export function readStoredEntries(bytes: Uint8Array): Map<string, StoredEntry> | null {
  const dv = view(bytes);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (dv.getUint32(i, true) === END_OF_CENTRAL_DIRECTORY) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = dv.getUint16(eocd + 10, true);
  let at = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || at === 0xffffffff) return null;
  const entries = new Map<string, StoredEntry>();
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || dv.getUint32(at, true) !== CENTRAL_HEADER) return null;
    const flags = dv.getUint16(at + 8, true);
    const method = dv.getUint16(at + 10, true);
    const compressedSize = dv.getUint32(at + 20, true);
    const nameLength = dv.getUint16(at + 28, true);
    const extraLength = dv.getUint16(at + 30, true);
    const commentLength = dv.getUint16(at + 32, true);
    const localAt = dv.getUint32(at + 42, true);
    // Names are UTF-8 in every package Office writes; old tools' code-page names are left to JSZip's decoding below.
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (localAt + 30 > bytes.length || dv.getUint32(localAt, true) !== LOCAL_HEADER) return null;
    const dataAt = localAt + 30 + dv.getUint16(localAt + 26, true) + dv.getUint16(localAt + 28, true);
    if (dataAt + compressedSize > bytes.length) return null;
    entries.set(name, {
      name,
      method,
      flags,
      crc32: dv.getUint32(at + 16, true),
      compressedSize,
      uncompressedSize: dv.getUint32(at + 24, true),
      dosTime: dv.getUint16(at + 12, true),
      dosDate: dv.getUint16(at + 14, true),
      data: bytes.subarray(dataAt, dataAt + compressedSize),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

let crcTable: Uint32Array | null = null;

/** CRC-32 of bytes, in JavaScript (for a Node without zlib.crc32). */
export function crc32Js(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let i = 0; i < 256; i++) {
      let c = i;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[i] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** CRC-32 of bytes (zlib's when this Node has it: Node 20.15 and later). */
export function crc32(bytes: Uint8Array): number {
  const native = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
  return typeof native === 'function' ? native(bytes) >>> 0 : crc32Js(bytes);
}

/** DOS date and time fields of a moment (local time, 2-second steps, as zip tools write them). */
export function dosDateTime(when: Date): { dosTime: number; dosDate: number } {
  const year = Math.max(1980, when.getFullYear());
  return {
    dosTime: (when.getHours() << 11) | (when.getMinutes() << 5) | Math.floor(when.getSeconds() / 2),
    dosDate: ((year - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate(),
  };
}

/** Compression level of new parts: 5 is half the time of zlib's default 6 on report XML, for about 2% more bytes. */
export const COMPRESSION_LEVEL = 5;

function entryOf(name: string, content: Uint8Array, deflated: Uint8Array, when: Date): StoredEntry {
  // Incompressible content (rare in a package of XML) is stored as it is.
  const stored = deflated.length >= content.length;
  return {
    name,
    method: stored ? STORE : DEFLATE,
    flags: FLAG_UTF8,
    crc32: crc32(content),
    compressedSize: stored ? content.length : deflated.length,
    uncompressedSize: content.length,
    ...dosDateTime(when),
    data: stored ? content : deflated,
  };
}

/** A new entry holding `content`, compressed now. */
export function compressedEntry(name: string, content: Uint8Array, when: Date, level = COMPRESSION_LEVEL): StoredEntry {
  return entryOf(name, content, zlib.deflateRawSync(content, { level }), when);
}

/**
 * A new entry holding `content`, compressed on Node's thread pool: large
 * report parts compress while the next ones are being built.
 */
export function compressEntry(name: string, content: Uint8Array, when: Date, level = COMPRESSION_LEVEL): Promise<StoredEntry> {
  return new Promise((resolve, reject) => {
    zlib.deflateRaw(content, { level }, (err, deflated) => (err ? reject(err) : resolve(entryOf(name, content, deflated, when))));
  });
}

/** The bytes of a zip file holding `entries` in order. */
export function writeZip(entries: StoredEntry[]): Buffer {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = encoder.encode(e.name);
    // Sizes are in the headers, so no data descriptor follows the data.
    const flags = (e.flags & ~FLAG_DATA_DESCRIPTOR) | FLAG_UTF8;
    const local = Buffer.alloc(30 + name.length);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt16LE(e.dosTime, 10);
    local.writeUInt16LE(e.dosDate, 12);
    local.writeUInt32LE(e.crc32 >>> 0, 14);
    local.writeUInt32LE(e.compressedSize, 18);
    local.writeUInt32LE(e.uncompressedSize, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    local.set(name, 30);

    const dir = Buffer.alloc(46 + name.length);
    dir.writeUInt32LE(CENTRAL_HEADER, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(flags, 8);
    dir.writeUInt16LE(e.method, 10);
    dir.writeUInt16LE(e.dosTime, 12);
    dir.writeUInt16LE(e.dosDate, 14);
    dir.writeUInt32LE(e.crc32 >>> 0, 16);
    dir.writeUInt32LE(e.compressedSize, 20);
    dir.writeUInt32LE(e.uncompressedSize, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    dir.set(name, 46);

    chunks.push(local, e.data);
    central.push(dir);
    offset += local.length + e.data.length;
  }
  const centralSize = central.reduce((n, c) => n + c.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}

/** Files of a loaded package as they were right after loading, to tell later edits apart. */
export type PackageSnapshot = Map<string, JSZip.JSZipObject>;

export function snapshotPackage(zip: JSZip): PackageSnapshot {
  return new Map(Object.entries(zip.files));
}

/**
 * The package as bytes: the parts of `zip`, then the `added` entries (parts
 * compressed already, not in `zip`). A part still as loaded (the same JSZip
 * object as in `snapshot`) is copied from `input` compressed as it is; any
 * other part is compressed anew.
 */
export async function savePackage(
  zip: JSZip,
  input: Uint8Array,
  snapshot: PackageSnapshot,
  added: Map<string, Promise<StoredEntry>> = new Map(),
  when = new Date(),
): Promise<Buffer> {
  // A file the copy cannot read (ZIP64) has every part compressed anew.
  const stored = readStoredEntries(input) ?? new Map<string, StoredEntry>();
  const entries: StoredEntry[] = [];
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir || added.has(name)) continue;
    const original = stored.get(name);
    if (original && snapshot.get(name) === file && (original.method === DEFLATE || original.method === STORE)) {
      entries.push(original);
    } else {
      entries.push(compressedEntry(name, await file.async('uint8array'), when));
    }
  }
  entries.push(...(await Promise.all(added.values())));
  return writeZip(entries);
}
