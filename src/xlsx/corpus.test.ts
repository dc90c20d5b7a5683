/**
 * Workbooks written by other programs (Apache POI's test data: Excel
 * 2007–365 for Windows and Mac, Excel on the web, LibreOffice; see
 * test/data/xlsx-corpus/README.md). For each, a PACE tracker sheet is added
 * to the package, the command line's pipeline runs on it (read → check →
 * plan → write), and the result must:
 * - keep every part of the input, untouched parts byte for byte;
 * - be schema-valid (ECMA-376 transitional, test/data/ooxml-schemas) in every
 *   new or changed part: parts we wrote as they are, the user's parts we
 *   edited after markup-compatibility processing (their producer's mc:Ignorable
 *   extensions are not in the standard's schemas);
 * - open in LibreOffice (one batch conversion; skipped, saying so, when
 *   LibreOffice is not installed).
 * What cannot be done (Strict format, protected structure, a damaged zip) is
 * refused in plain words, with no output written and the input unchanged.
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import JSZip from 'jszip';
import { dayFromIso } from '../core/dates';
import { isUserFacingError } from '../core/errors';
import { aimsOrPresets, analyseWorkbook, planReport } from '../core/usecases/pipeline';
import { readWorkbookBuffer, readWorkbookFile } from './read';
import { writeReportBuffer, writeReportFile } from './writeReport';
import { describeInLibreOffice, printToPdf } from '../../test/support/libreoffice';
import { addTrackerSheet, PartToValidate, processMarkupCompatibility, schemaForPart, TRACKER_SHEET, validateParts, workbookPathOf } from '../../test/support/corpus';
import { dataValidationTablePackage, openpyxlPackage, prefixedPackage } from '../../test/support/builtPackages';
import { relsPathOf, resolveTarget } from './ooxml';
import { RelsXml, WorkbookXml } from './packageXml';
import { SAMPLE_AS_OF } from '../../test/support/sample';

jest.setTimeout(120000);

const CORPUS = resolve(__dirname, '../../test/data/xlsx-corpus');
const SCHEMAS = resolve(__dirname, '../../test/data/ooxml-schemas');

/** Workbooks the report cannot be added to, and the words the refusal must use. */
const REFUSED: Record<string, RegExp> = {
  'SampleSS.strict.xlsx': /Strict Open XML/,
  'xlsx-corrupted.xlsx': /empty or damaged/,
};
const STRUCTURE_PROTECTED = 'workbookProtection_workbook_structure_protected.xlsx';

const corpus = readdirSync(CORPUS).filter((f) => f.endsWith('.xlsx')).sort();
/** Packages written by hand the way other producers write them (testing/builtPackages.ts). */
const BUILT: Record<string, () => Promise<Buffer>> = {
  'built-openpyxl.xlsx': openpyxlPackage,
  'built-prefixed.xlsx': prefixedPackage,
  'built-dataValidationTableRange.xlsx': dataValidationTablePackage,
};
const writable = [...corpus.filter((f) => !(f in REFUSED) && f !== STRUCTURE_PROTECTED), ...Object.keys(BUILT)];

async function source(name: string): Promise<Buffer> {
  return BUILT[name] ? BUILT[name]() : readFileSync(join(CORPUS, name));
}

interface Written {
  input: Buffer;
  output: Buffer;
  changed: string[];
  added: string[];
  /** How many of its new or changed parts were validated. */
  validated: number;
}
const written = new Map<string, Written>();
/** Schema problems of every report, "workbook/part (schema): message". */
let schemaProblems: string[] = [];

async function report(bytes: Buffer, name: string): Promise<Buffer> {
  const grid = await readWorkbookBuffer(bytes, name);
  const sheet = analyseWorkbook(grid, TRACKER_SHEET);
  const { plan } = planReport(sheet, aimsOrPresets(null), dayFromIso(SAMPLE_AS_OF) as number);
  return writeReportBuffer(bytes, plan, name);
}

async function partBytes(zip: JSZip): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const [path, file] of Object.entries(zip.files)) if (!file.dir) out.set(path, await file.async('nodebuffer'));
  return out;
}

beforeAll(async () => {
  for (const name of writable) {
    const input = await addTrackerSheet(await source(name));
    const output = await report(input, name);
    const before = await partBytes(await JSZip.loadAsync(input));
    const after = await partBytes(await JSZip.loadAsync(output));
    const changed = [...before.keys()].filter((p) => after.has(p) && !after.get(p)!.equals(before.get(p)!));
    const added = [...after.keys()].filter((p) => !before.has(p));
    written.set(name, { input, output, changed, added, validated: 0 });
  }
  // One xmllint run per schema for all the reports: compiling sml.xsd is most of the cost.
  const parts: PartToValidate[] = [];
  for (const [name, w] of written) {
    const zip = await JSZip.loadAsync(w.output);
    for (const path of [...w.added, ...w.changed]) {
      const schema = schemaForPart(path);
      if (!schema) continue;
      const xml = await zip.file(path)!.async('string');
      // Our own parts must be valid as written; the user's edited parts after markup-compatibility processing.
      parts.push({ name: `${name}/${path}`, xml: w.added.includes(path) ? xml : processMarkupCompatibility(xml), schema });
      w.validated += 1;
    }
  }
  schemaProblems = await validateParts(parts, SCHEMAS);
});

describe('the corpus', () => {
  it('holds the workbooks its README lists', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(13);
    const readme = readFileSync(join(CORPUS, 'README.md'), 'utf8');
    for (const name of corpus) expect(readme).toContain(name);
  });
});

describe.each(writable)('%s', (name) => {
  it('keeps every part of the input, and every part it did not edit byte for byte', async () => {
    const { input, output, changed } = written.get(name)!;
    const before = await partBytes(await JSZip.loadAsync(input));
    const after = await partBytes(await JSZip.loadAsync(output));
    for (const path of before.keys()) expect(after.has(path) ? path : `missing ${path}`).toBe(path);
    // Only the index parts and styles are edited.
    for (const path of changed) expect(path).toMatch(/^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml)$/);
  });

  it('lists every sheet with an r:id (in the relationships namespace, whatever its prefix) that names a worksheet part', async () => {
    const zip = await JSZip.loadAsync(written.get(name)!.output);
    const workbookPath = await workbookPathOf(zip);
    const workbook = new WorkbookXml(await zip.file(workbookPath)!.async('string'));
    const rels = new RelsXml(await zip.file(relsPathOf(workbookPath))!.async('string')).list();
    expect(workbook.sheets().length).toBeGreaterThan(3);
    for (const sheet of workbook.sheets()) {
      const rel = rels.find((r) => r.id === sheet.relId);
      expect(rel ? sheet.name : `no relationship for ${sheet.name}`).toBe(sheet.name);
      expect(zip.file(resolveTarget(workbookPath, rel!.target))).not.toBeNull();
    }
  });

  it('reads the report back: the user\'s sheets first, the report sheets after', async () => {
    const { input, output } = written.get(name)!;
    const before = (await readWorkbookBuffer(input, name)).sheets.map((s) => s.sheetName);
    const after = await readWorkbookBuffer(output, name);
    expect(after.sheets.slice(0, before.length).map((s) => s.sheetName)).toEqual(before);
    const report = after.sheets.slice(before.length);
    expect(report.length).toBeGreaterThanOrEqual(3);
    expect(report.every((s) => s.ownedByAddIn)).toBe(true);
  });

  it('writes parts that are valid against the ECMA-376 schemas (ours as written, the edited ones after markup-compatibility processing)', () => {
    const { validated, added, changed } = written.get(name)!;
    // The report's sheets, tables, charts, drawings and their rels, and the edited index parts.
    expect(validated).toBeGreaterThan(10);
    expect(changed).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels']));
    expect(added.some((p) => p.startsWith('xl/charts/'))).toBe(true);
    expect(schemaProblems.filter((p) => p.startsWith(`${name}/`))).toEqual([]);
  });
});

describe('reported again (the earlier report replaced)', () => {
  const AGAIN = ['DataTableCities.xlsx', '47813.xlsx', 'built-openpyxl.xlsx', 'built-prefixed.xlsx'];

  it('replaces its own sheets, keeps the user\'s, and stays schema-valid', async () => {
    const parts: PartToValidate[] = [];
    for (const name of AGAIN) {
      const { input, output } = written.get(name)!;
      const again = await report(output, name);
      const first = await readWorkbookBuffer(output, name);
      const second = await readWorkbookBuffer(again, name);
      expect(second.sheets.map((s) => s.sheetName)).toEqual(first.sheets.map((s) => s.sheetName));
      const before = await partBytes(await JSZip.loadAsync(input));
      const after = await partBytes(await JSZip.loadAsync(again));
      // Every input part is kept, except the calculation chain, which Excel rebuilds once a sheet is removed.
      for (const path of before.keys()) if (!/calcChain/.test(path)) expect(after.has(path) ? path : `${name}: missing ${path}`).toBe(path);
      for (const [path, bytes] of after) {
        const schema = schemaForPart(path);
        if (!schema || (before.has(path) && before.get(path)!.equals(bytes))) continue;
        const xml = bytes.toString('utf8');
        parts.push({ name: `${name}/${path}`, xml: before.has(path) ? processMarkupCompatibility(xml) : xml, schema });
      }
    }
    expect(await validateParts(parts, SCHEMAS)).toEqual([]);
  });
});

describe('what cannot be done is refused plainly, the input untouched', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pace-corpus-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function refusal(run: () => Promise<unknown>): Promise<string> {
    try {
      await run();
    } catch (err) {
      if (isUserFacingError(err)) return err.message;
      throw err;
    }
    throw new Error('expected a plain refusal');
  }

  it.each(Object.entries(REFUSED))('%s: the reader and the writer refuse it', async (name, words) => {
    const path = join(dir, name);
    writeFileSync(path, readFileSync(join(CORPUS, name)));
    const before = readFileSync(path);
    expect(await refusal(() => readWorkbookFile(path))).toMatch(words);
    const plan = { asOf: SAMPLE_AS_OF, sheets: [] };
    const out = join(dir, `${name}-report.xlsx`);
    const message = await refusal(() => writeReportFile(path, plan, out));
    expect(message).toMatch(words);
    expect(message).toContain(`"${name}"`);
    expect(message).not.toMatch(/password/);
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('a workbook whose structure is protected: the tracker is read, no report sheet is added', async () => {
    const input = await addTrackerSheet(readFileSync(join(CORPUS, STRUCTURE_PROTECTED)));
    const path = join(dir, STRUCTURE_PROTECTED);
    writeFileSync(path, input);
    const grid = await readWorkbookBuffer(input, STRUCTURE_PROTECTED);
    expect(grid.date1904).toBe(true);
    const sheet = analyseWorkbook(grid, TRACKER_SHEET);
    expect(sheet.records.length).toBe(12);
    const { plan } = planReport(sheet, aimsOrPresets(null), dayFromIso(SAMPLE_AS_OF) as number);
    const out = join(dir, 'protected-report.xlsx');
    const message = await refusal(() => writeReportFile(path, plan, out));
    expect(message).toMatch(/structure protected/);
    expect(message).toMatch(/Protect Workbook/);
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(path).equals(input)).toBe(true);
  });
});

describe('1904 workbooks', () => {
  it('reads the tracker\'s dates in the workbook\'s own date system', async () => {
    const { input } = written.get('47813.xlsx')!;
    const grid = await readWorkbookBuffer(input, '47813.xlsx');
    expect(grid.date1904).toBe(true);
    const tracker = analyseWorkbook(grid, TRACKER_SHEET);
    const plain = analyseWorkbook(await readWorkbookBuffer(await addTrackerSheet(readFileSync(join(CORPUS, '59775.xlsx'))), 'x'), TRACKER_SHEET);
    const days = (records: typeof tracker.records) => records.map((r) => Object.fromEntries(Object.entries(r.dates).map(([k, v]) => [k, (v as { day: number | null }).day])));
    expect(tracker.records.length).toBe(12);
    expect(days(tracker.records)).toEqual(days(plain.records));
  });
});

// ───────────────────────────── LibreOffice ─────────────────────────────

describeInLibreOffice('Corpus LibreOffice step', false)('in LibreOffice', () => {
  it('opens every report workbook (one batch conversion to PDF)', () => {
    const work = mkdtempSync(join(tmpdir(), 'pace-corpus-lo-'));
    try {
      const files = writable.map((name) => {
        const path = join(work, name.replace(/\.xlsx$/, '-report.xlsx'));
        writeFileSync(path, written.get(name)!.output);
        return path;
      });
      printToPdf(files, work, 600000);
      const havePdfText = spawnSync('which', ['pdftotext']).status === 0;
      for (const file of files) {
        const pdf = file.replace(/\.xlsx$/, '.pdf');
        expect(existsSync(pdf) ? pdf : `not converted: ${file}`).toBe(pdf);
        expect(statSync(pdf).size).toBeGreaterThan(1000);
        if (havePdfText) {
          // The report's own words made it through: LibreOffice loaded the sheets we added.
          const words = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout;
          expect(words).toContain('PACE');
        }
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
