import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import JSZip from 'jszip';
import { fixturePlan } from '../../test/support/planFixture';
import { buildSampleBuffer } from '../../test/support/sample';
import {
  BILLION_LAUGHS,
  dataValidationTablePackage,
  EXTERNAL_ENTITY,
  openpyxlPackage,
  prefixedPackage,
  withDoctype,
  withUnloadableValidation,
} from '../../test/support/builtPackages';
import { addTrackerSheet, TRACKER_SHEET } from '../../test/support/corpus';
import { isUserFacingError } from '../core/errors';
import { readWorkbookBuffer } from './read';
import { writeReportBuffer } from './writeReport';
import { isEncryptedOfficeFile } from './packageCheck';

async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (err) {
    if (isUserFacingError(err)) return err.message;
    throw err;
  }
  throw new Error('expected a plain refusal');
}

/** Both the reader and the writer refuse `bytes`; returns the two messages. */
async function bothRefuse(bytes: Buffer, name: string): Promise<[string, string]> {
  return [await refusal(() => readWorkbookBuffer(bytes, name)), await refusal(() => writeReportBuffer(bytes, fixturePlan(), name))];
}

describe('hostile packages', () => {
  let sample: Buffer;
  let server: Server;
  let requests = 0;
  let url = '';

  beforeAll(async () => {
    sample = (await buildSampleBuffer({ children: 5, notesSheet: false })).buffer;
    server = createServer((_req, res) => {
      requests += 1;
      res.end('<!ENTITY leak "fetched">');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/entity.dtd`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('refuses entity expansion ("billion laughs") in the shared strings, without expanding it', async () => {
    // Expanded, &lol9; is 10^9 copies of "lol": the refusal coming back at all shows nothing was expanded.
    const bytes = await withDoctype(sample, 'xl/sharedStrings.xml', BILLION_LAUGHS, 'lol9');
    for (const message of await bothRefuse(bytes, 'laughs.xlsx')) {
      expect(message).toContain('"laughs.xlsx" could not be opened');
      expect(message).toContain('document type definition');
      expect(message).not.toContain('password');
    }
  });

  it('refuses external entities (a local file, a URL) in any part, fetching nothing', async () => {
    const systemUrl = `<?xml version="1.0"?>\n<!DOCTYPE worksheet SYSTEM "${url}">`;
    const parameter = `<?xml version="1.0"?>\n<!DOCTYPE worksheet [<!ENTITY % remote SYSTEM "${url}"> %remote;]>`;
    const cases: [string, string, string][] = [
      ['xl/sharedStrings.xml', EXTERNAL_ENTITY, 'xxe'],
      ['xl/worksheets/sheet1.xml', systemUrl, 'leak'],
      ['xl/workbook.xml', parameter, 'leak'],
      ['docProps/core.xml', EXTERNAL_ENTITY, 'xxe'],
      ['[Content_Types].xml', EXTERNAL_ENTITY, 'xxe'],
    ];
    for (const [part, doctype, entity] of cases) {
      const bytes = await withDoctype(sample, part, doctype, entity);
      const [read, write] = await bothRefuse(bytes, 'entities.xlsx');
      expect([part, read]).toEqual([part, expect.stringContaining('document type definition')]);
      expect([part, write]).toEqual([part, expect.stringContaining('document type definition')]);
    }
    expect(requests).toBe(0);
  });

  it('finds a declaration behind a long prolog (more than the head it inflates first)', async () => {
    const padded = `<?xml version="1.0"?>\n<!--${' padding '.repeat(2000)}-->\n<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`;
    const bytes = await withDoctype(sample, 'xl/sharedStrings.xml', padded, 'xxe');
    const [read] = await bothRefuse(bytes, 'padded.xlsx');
    expect(read).toContain('document type definition');
  });

  it('does not mistake text that mentions a DOCTYPE for one', async () => {
    const zip = await JSZip.loadAsync(sample);
    const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
    zip.file('xl/sharedStrings.xml', strings.replace(/<t>([^<]*)<\/t>/, '<t>$1 &lt;!DOCTYPE x&gt; <!-- not one --></t>'));
    const grid = await readWorkbookBuffer(await zip.generateAsync({ type: 'nodebuffer' }), 'fine.xlsx');
    expect(grid.sheets.length).toBe(1);
  });
});

describe('files that are not a readable package', () => {
  it('a zero-byte file and a cut-short zip are "empty or damaged"', async () => {
    const { buffer } = await buildSampleBuffer({ children: 5 });
    for (const [bytes, name] of [
      [Buffer.alloc(0), 'nothing.xlsx'],
      [buffer.subarray(0, 10), 'ten.xlsx'],
      [buffer.subarray(0, Math.floor(buffer.length / 2)), 'half.xlsx'],
    ] as [Buffer, string][]) {
      for (const message of await bothRefuse(bytes, name)) {
        expect(message).toContain(`"${name}" could not be opened as an Excel workbook (.xlsx): it is empty or damaged`);
        expect(message).not.toContain('password');
      }
    }
  });

  it('says "password" for an encrypted package only, and "older Excel file" for another compound file', async () => {
    const cfb = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1000)]);
    const encrypted = Buffer.concat([cfb, Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(100)]);
    expect(isEncryptedOfficeFile(encrypted)).toBe(true);
    expect(isEncryptedOfficeFile(cfb)).toBe(false);
    for (const message of await bothRefuse(encrypted, 'locked.xlsx')) expect(message).toContain('password-protected');
    for (const message of await bothRefuse(cfb, 'old.xls')) {
      expect(message).toContain('older Excel file (.xls)');
      expect(message).not.toContain('password');
    }
  });

  it('a zip that is not a workbook, and a package whose index parts are not XML', async () => {
    const other = new JSZip();
    other.file('hello.txt', 'hello');
    for (const message of await bothRefuse(await other.generateAsync({ type: 'nodebuffer' }), 'other.xlsx')) expect(message).toContain('"other.xlsx" could not be opened');
    const { buffer } = await buildSampleBuffer({ children: 5 });
    const zip = await JSZip.loadAsync(buffer);
    zip.file('xl/_rels/workbook.xml.rels', 'CORRUPTED');
    for (const message of await bothRefuse(await zip.generateAsync({ type: 'nodebuffer' }), 'broken.xlsx')) expect(message).toContain('empty or damaged');
  });
});

describe('workbooks from producers that write their XML differently', () => {
  it('reads an openpyxl workbook (xmlns:r on each sheet, absolute targets) and one with prefixed SpreadsheetML', async () => {
    const openpyxl = await readWorkbookBuffer(await openpyxlPackage(), 'openpyxl.xlsx');
    expect(openpyxl.sheets.map((s) => [s.sheetName, s.values])).toEqual([['Notes', [['Written by openpyxl']]]]);
    const prefixed = await readWorkbookBuffer(await prefixedPackage(), 'prefixed.xlsx');
    expect(prefixed.sheets.map((s) => [s.sheetName, s.values])).toEqual([['Notes', [['Prefixed']]]]);
  });
});

describe('data validation over a Table (Excel 2016)', () => {
  it('reads the workbook and its tracker', async () => {
    const bytes = await addTrackerSheet(await dataValidationTablePackage());
    const grid = await readWorkbookBuffer(bytes, 'dv.xlsx');
    expect(grid.sheets.map((s) => s.sheetName)).toEqual(['Counties', 'County Ranking', TRACKER_SHEET]);
    expect(grid.sheets[0].table).toBe('Counties');
    expect(grid.sheets[0].values[1]).toEqual(['Adams', 4.5]);
  });

  it('still reads a workbook whose validations exceljs cannot load (they are not needed to read the cells)', async () => {
    const bytes = await withUnloadableValidation(await addTrackerSheet(await dataValidationTablePackage()));
    const grid = await readWorkbookBuffer(bytes, 'dv.xlsx');
    expect(grid.sheets.map((s) => s.sheetName)).toEqual(['Counties', 'County Ranking', TRACKER_SHEET]);
    expect(grid.sheets[1].values).toEqual([['Choose a county']]);
  });
});
