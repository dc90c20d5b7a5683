import JSZip from 'jszip';
import * as zlib from 'zlib';
import { compressedEntry, compressEntry, crc32, crc32Js, dosDateTime, readStoredEntries, savePackage, snapshotPackage, writeZip } from './zipPackage';

const WHEN = new Date(2024, 2, 31, 14, 30, 12);
const bytes = (text: string) => new TextEncoder().encode(text);

async function sampleZip(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('xl/worksheets/sheet1.xml', `<worksheet>${'<row/>'.repeat(500)}</worksheet>`, { compression: 'DEFLATE' });
  zip.file('xl/media/image1.png', new Uint8Array([137, 80, 78, 71]), { compression: 'STORE' });
  zip.file('xl/ünïcode.xml', '<x/>');
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', streamFiles: true });
}

describe('crc32', () => {
  it('gives the standard check value, natively and in JavaScript', () => {
    expect(crc32(bytes('123456789'))).toBe(0xcbf43926);
    expect(crc32Js(bytes('123456789'))).toBe(0xcbf43926);
    expect(crc32Js(new Uint8Array(0))).toBe(0);
  });
});

describe('dosDateTime', () => {
  it('packs local date and time in two-second steps', () => {
    expect(dosDateTime(WHEN)).toEqual({ dosTime: (14 << 11) | (30 << 5) | 6, dosDate: (44 << 9) | (3 << 5) | 31 });
  });
});

describe('reading and writing zip files', () => {
  it('reads every entry from the central directory, data descriptors and UTF-8 names included', async () => {
    const entries = readStoredEntries(await sampleZip())!;
    expect([...entries.keys()].filter((n) => !n.endsWith('/'))).toEqual(['[Content_Types].xml', 'xl/worksheets/sheet1.xml', 'xl/media/image1.png', 'xl/ünïcode.xml']);
    const sheet = entries.get('xl/worksheets/sheet1.xml')!;
    expect(sheet.method).toBe(8);
    expect(zlib.inflateRawSync(sheet.data).toString()).toBe(`<worksheet>${'<row/>'.repeat(500)}</worksheet>`);
    expect(entries.get('xl/media/image1.png')).toMatchObject({ method: 0, compressedSize: 4, uncompressedSize: 4 });
  });

  it('says when bytes are not a zip it can read', () => {
    expect(readStoredEntries(bytes('not a zip at all, just some text'))).toBeNull();
  });

  it('writes a zip that JSZip reads back, with checked CRCs', async () => {
    const out = writeZip([compressedEntry('a.xml', bytes('<a>' + 'x'.repeat(1000) + '</a>'), WHEN), compressedEntry('b.bin', new Uint8Array([1, 2, 3]), WHEN), await compressEntry('c/ü.xml', bytes('<c/>'), WHEN)]);
    const zip = await JSZip.loadAsync(out, { checkCRC32: true });
    expect(await zip.file('a.xml')!.async('string')).toBe('<a>' + 'x'.repeat(1000) + '</a>');
    expect([...(await zip.file('b.bin')!.async('uint8array'))]).toEqual([1, 2, 3]);
    expect(await zip.file('c/ü.xml')!.async('string')).toBe('<c/>');
    expect(zip.file('a.xml')!.date.getMinutes()).toBe(30);
  });

  it('stores content that compressing would make larger', () => {
    const entry = compressedEntry('b.bin', new Uint8Array([1, 2, 3]), WHEN);
    expect(entry).toMatchObject({ method: 0, compressedSize: 3, uncompressedSize: 3, crc32: crc32(new Uint8Array([1, 2, 3])) });
  });
});

describe('savePackage', () => {
  it('copies untouched parts compressed as they were, and writes changed, removed and added parts', async () => {
    const input = await sampleZip();
    const zip = await JSZip.loadAsync(input);
    const snapshot = snapshotPackage(zip);
    zip.file('[Content_Types].xml', '<Types><Override/></Types>');
    zip.remove('xl/ünïcode.xml');
    const added = new Map([['xl/worksheets/sheet2.xml', compressEntry('xl/worksheets/sheet2.xml', bytes('<worksheet/>'), WHEN)]]);
    const out = await savePackage(zip, input, snapshot, added, WHEN);

    const before = readStoredEntries(input)!;
    const after = readStoredEntries(out)!;
    expect([...after.keys()]).toEqual(['[Content_Types].xml', 'xl/worksheets/sheet1.xml', 'xl/media/image1.png', 'xl/worksheets/sheet2.xml']);
    for (const name of ['xl/worksheets/sheet1.xml', 'xl/media/image1.png']) {
      expect(Buffer.from(after.get(name)!.data).equals(Buffer.from(before.get(name)!.data))).toBe(true);
      expect(after.get(name)!.crc32).toBe(before.get(name)!.crc32);
    }
    const reread = await JSZip.loadAsync(out, { checkCRC32: true });
    expect(await reread.file('[Content_Types].xml')!.async('string')).toBe('<Types><Override/></Types>');
    expect(await reread.file('xl/worksheets/sheet2.xml')!.async('string')).toBe('<worksheet/>');
    expect(await reread.file('xl/worksheets/sheet1.xml')!.async('string')).toBe(`<worksheet>${'<row/>'.repeat(500)}</worksheet>`);
  });

  it('lets an added part replace a part of the same name', async () => {
    const input = await sampleZip();
    const zip = await JSZip.loadAsync(input);
    const added = new Map([['xl/ünïcode.xml', compressEntry('xl/ünïcode.xml', bytes('<new/>'), WHEN)]]);
    const out = await JSZip.loadAsync(await savePackage(zip, input, snapshotPackage(zip), added, WHEN));
    expect(Object.keys(out.files).filter((n) => n === 'xl/ünïcode.xml')).toHaveLength(1);
    expect(await out.file('xl/ünïcode.xml')!.async('string')).toBe('<new/>');
  });
});
