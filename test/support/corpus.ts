/**
 * Test helpers for workbooks written by other programs: put a small synthetic
 * PACE tracker sheet into any package (as a user keeps their tracker inside a
 * workbook that holds other things), process markup-compatibility content as
 * ECMA-376 Part 3 says, and validate parts against the ECMA-376 schemas with
 * xmllint-wasm.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import JSZip from 'jszip';
import { StylesXml } from '../../src/xlsx/mergePackage';
import { escapeXml, relsPathOf, resolveTarget } from '../../src/xlsx/ooxml';
import { ContentTypesXml, MAIN, RelsXml, WorkbookXml } from '../../src/xlsx/packageXml';
import { childElements, Element, parseXml, serializeXml } from '../../src/xlsx/xmlDom';
import { buildSampleWorkbook, dayToSerial, SampleCell } from './sample';
import { cellAddress } from '../../src/core/grid';

export const TRACKER_SHEET = 'PACE tracker';
const OFFICE_DOCUMENT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
const WORKSHEET_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const STYLES_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';
/** Excel's built-in short date format (the one a typed date gets). */
const BUILT_IN_DATE = 14;

async function text(zip: JSZip, path: string): Promise<string> {
  const f = zip.file(path);
  if (!f) throw new Error(`no ${path} in the package`);
  return f.async('string');
}

/** The workbook part of a package, by its package relationship. */
export async function workbookPathOf(zip: JSZip): Promise<string> {
  const rel = new RelsXml(await text(zip, '_rels/.rels')).list().find((r) => r.type === OFFICE_DOCUMENT);
  if (!rel) throw new Error('no workbook part');
  return resolveTarget('', rel.target).replace(/^\//, '');
}

function cellXml(ref: string, cell: SampleCell | undefined, date1904: boolean, dateXf: number): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(cell)}</t></is></c>`;
  if ('day' in cell) return `<c r="${ref}" s="${dateXf}"><v>${dayToSerial(cell.day, date1904)}</v></c>`;
  if ('serial' in cell) return `<c r="${ref}" s="${dateXf}"><v>${cell.serial}</v></c>`;
  if ('number' in cell) return `<c r="${ref}"><v>${cell.number}</v></c>`;
  return `<c r="${ref}" t="e"><v>${escapeXml(cell.error)}</v></c>`;
}

/**
 * `bytes` with a sheet called "PACE tracker" added: a small synthetic tracker
 * (the sample generator's children), dates in the workbook's own date system
 * with Excel's built-in date format. Edited with the same XML document code
 * as the writer, so the package stays as its producer wrote it otherwise.
 */
export async function addTrackerSheet(bytes: Uint8Array, children = 12): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const workbookPath = await workbookPathOf(zip);
  const workbook = new WorkbookXml(await text(zip, workbookPath));
  const date1904 = workbook.date1904();
  const relsPath = relsPathOf(workbookPath);
  const rels = new RelsXml(await text(zip, relsPath));
  const types = new ContentTypesXml(await text(zip, '[Content_Types].xml'));

  const stylesRel = rels.list().find((r) => r.type === STYLES_REL);
  if (!stylesRel) throw new Error('no styles part');
  const stylesPath = resolveTarget(workbookPath, stylesRel.target);
  const styles = new StylesXml(await text(zip, stylesPath));
  const dateXf = styles.items('cellXfs', 'xf').length;
  styles.append('cellXfs', 'xf', [`<xf numFmtId="${BUILT_IN_DATE}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`]);
  zip.file(stylesPath, styles.toXml());

  const sample = buildSampleWorkbook({ children, notesSheet: false, sheetName: TRACKER_SHEET });
  const rows: string[] = [];
  const headerCells = sample.columns.map((k, c) => `<c r="${cellAddress(sample.headerRow, c + 1)}" t="inlineStr"><is><t>${escapeXml(sample.headers[k] ?? k)}</t></is></c>`);
  rows.push(`<row r="${sample.headerRow}">${headerCells.join('')}</row>`);
  sample.children.forEach((child, i) => {
    const r = sample.firstDataRow + i;
    rows.push(`<row r="${r}">${sample.columns.map((k, c) => cellXml(cellAddress(r, c + 1), child.cells[k], date1904, dateXf)).join('')}</row>`);
  });
  const sheetXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData>${rows.join('')}</sheetData></worksheet>`;

  let n = 1;
  while (zip.file(`xl/worksheets/sheet${n}.xml`)) n++;
  const sheetPath = `xl/worksheets/sheet${n}.xml`;
  zip.file(sheetPath, sheetXml);
  const relId = rels.add(WORKSHEET_REL, `/${sheetPath}`);
  types.addOverride(`/${sheetPath}`, CT_WORKSHEET);
  const sheetId = Math.max(0, ...workbook.sheets().map((s) => s.sheetId)) + 1;
  workbook.appendSheet(TRACKER_SHEET, sheetId, relId);
  zip.file(workbookPath, workbook.toXml());
  zip.file(relsPath, rels.toXml());
  zip.file('[Content_Types].xml', types.toXml());
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

// ───────────────────────────── markup compatibility ─────────────────────────────

const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
/** The namespaces the ECMA-376 transitional schema set defines: a validator "understands" these and no others. */
export const UNDERSTOOD = new Set([
  MAIN,
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  'http://schemas.openxmlformats.org/package/2006/relationships',
  'http://schemas.openxmlformats.org/package/2006/content-types',
  'http://schemas.openxmlformats.org/officeDocument/2006/sharedTypes',
  'http://schemas.openxmlformats.org/drawingml/2006/main',
  'http://schemas.openxmlformats.org/drawingml/2006/chart',
  'http://schemas.openxmlformats.org/drawingml/2006/chartDrawing',
  'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  'http://schemas.openxmlformats.org/drawingml/2006/picture',
  'http://www.w3.org/XML/1998/namespace',
  MC,
]);

function prefixesToNamespaces(el: Element, list: string | null): Set<string> {
  const out = new Set<string>();
  for (const p of (list ?? '').split(/\s+/).filter(Boolean)) {
    const ns = el.lookupNamespaceURI(p);
    if (ns) out.add(ns);
  }
  return out;
}

function processElement(el: Element, ignorable: Set<string>): void {
  const here = new Set([...ignorable, ...prefixesToNamespaces(el, el.getAttributeNS(MC, 'Ignorable'))]);
  // Attributes: the mc: ones are processed away, ignorable ones removed.
  for (const a of Array.from({ length: el.attributes.length }, (_, i) => el.attributes.item(i)!)) {
    if (a.prefix === 'xmlns' || a.name === 'xmlns') continue;
    if (a.namespaceURI === MC || (a.namespaceURI && here.has(a.namespaceURI) && !UNDERSTOOD.has(a.namespaceURI))) el.removeAttributeNode(a);
  }
  for (const child of childElements(el)) {
    if (child.namespaceURI === MC && child.localName === 'AlternateContent') {
      // The first Choice whose required namespaces are all understood; else the Fallback; else nothing.
      const options = childElements(child);
      const chosen =
        options.find((o) => o.localName === 'Choice' && [...prefixesToNamespaces(o, o.getAttribute('Requires'))].every((ns) => UNDERSTOOD.has(ns))) ??
        options.find((o) => o.localName === 'Fallback');
      if (chosen) {
        for (const k of childElements(chosen)) el.insertBefore(k, child);
      }
      el.removeChild(child);
      continue;
    }
    if (child.namespaceURI && here.has(child.namespaceURI) && !UNDERSTOOD.has(child.namespaceURI)) {
      el.removeChild(child);
      continue;
    }
    // An extension (extLst/ext, ECMA-376 Part 1 §18.2.10) is the other way to carry what older consumers skip:
    // its content is declared lax ("any"), and a consumer that does not know its uri skips it whole.
    if (child.namespaceURI === MAIN && child.localName === 'ext') continue;
    processElement(child, here);
  }
}

/**
 * A part as a consumer that understands only the ECMA-376 namespaces sees it
 * (ECMA-376 Part 3, §10): attributes and elements of namespaces marked
 * mc:Ignorable are removed, mc:AlternateContent becomes its first Choice the
 * consumer understands or else its Fallback.
 */
export function processMarkupCompatibility(xml: string): string {
  const doc = parseXml(xml);
  const root = doc.documentElement as Element;
  processElement(root, new Set());
  // AlternateContent may be the processed element's own children only: the loop above covers every level.
  return serializeXml(doc);
}

// ───────────────────────────── schema validation ─────────────────────────────

/** The schema for a part (by its path in the package), or null for parts the schema set does not cover. */
export function schemaForPart(path: string): string | null {
  if (path === '[Content_Types].xml') return 'opc-contentTypes.xsd';
  if (path.endsWith('.rels')) return 'opc-relationships.xsd';
  if (!path.endsWith('.xml')) return null;
  if (path.startsWith('xl/charts/')) return /\/chart\d*\.xml$/.test(path) ? 'dml-chart.xsd' : null;
  if (path.startsWith('xl/drawings/')) return 'dml-spreadsheetDrawing.xsd';
  if (path.startsWith('xl/')) return 'sml.xsd';
  return null;
}

export interface PartToValidate {
  /** A name for the report (package and part). */
  name: string;
  xml: string;
  schema: string;
}

/** Runs xmllint-wasm once per schema over every part given; returns "name: message" lines (empty when all are valid). */
export async function validateParts(parts: PartToValidate[], schemaDir: string): Promise<string[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { validateXML } = require('xmllint-wasm') as typeof import('xmllint-wasm');
  const preload = readdirSync(schemaDir)
    .filter((f) => f.endsWith('.xsd'))
    .map((f) => ({ fileName: f, contents: readFileSync(join(schemaDir, f), 'utf8') }));
  const problems: string[] = [];
  for (const schema of new Set(parts.map((p) => p.schema))) {
    const batch = parts.filter((p) => p.schema === schema);
    const files = batch.map((p, i) => ({ fileName: `part${i}.xml`, contents: p.xml }));
    const result = await validateXML({
      xml: files,
      schema: preload.filter((f) => f.fileName === schema),
      preload: preload.filter((f) => f.fileName !== schema),
      maxMemoryPages: 16384,
    });
    for (const e of result.errors) {
      const i = Number(/part(\d+)\.xml/.exec(e.loc?.fileName ?? e.rawMessage)?.[1]);
      problems.push(`${Number.isFinite(i) ? batch[i].name : '?'} (${schema}): ${e.message}`);
    }
  }
  return problems;
}
