/**
 * Small helpers for editing the package parts exceljs cannot write itself
 * (charts, drawings, internal hyperlinks, sheet-scoped names): XML escaping,
 * A1 ranges, relationships, content types, and inserting an element into a
 * worksheet at the position the schema requires (Excel refuses files whose
 * worksheet children are out of order).
 */
import { columnNumber, columnLetter } from '../core/grid';
import { ContentTypesXml, Relationship, RelsXml, WorkbookXml } from './packageXml';

export type { Relationship };

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
} as const;

export const REL_TYPE = {
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
  hyperlink: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink',
} as const;

export const CONTENT_TYPE = {
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
} as const;

const XML_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/**
 * What escapeXml must change: the five markup characters, and characters
 * XML 1.0 cannot carry at all (C0 controls other than tab and line breaks,
 * U+FFFE/U+FFFF, and halves of a surrogate pair standing alone), which are dropped.
 */
// eslint-disable-next-line no-control-regex
const XML_UNSAFE = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const XML_UNSAFE_ALL = new RegExp(XML_UNSAFE.source, 'g');

export function escapeXml(text: string): string {
  // Most text needs nothing: one test, no copy (report sheets escape hundreds of thousands of cells).
  if (!XML_UNSAFE.test(text)) return text;
  return text.replace(XML_UNSAFE_ALL, (ch) => XML_ENTITY[ch] ?? '');
}

export function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCharCode(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/&amp;/g, '&');
}

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "B3:F20", "$B$3:$F$20" or "B3" → 1-based bounds; throws on anything else (a plan defect). */
export function parseRange(ref: string): CellRange {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(ref.trim());
  if (!m) throw new Error(`Not an A1 range: ${ref}`);
  const a = { row: Number(m[2]), col: columnNumber(m[1]) };
  const b = m[3] ? { row: Number(m[4]), col: columnNumber(m[3]) } : a;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

/** Absolute A1 range text: $A$10:$A$50. */
export function absoluteRange(r: CellRange): string {
  const tl = `$${columnLetter(r.left)}$${r.top}`;
  if (r.top === r.bottom && r.left === r.right) return tl;
  return `${tl}:$${columnLetter(r.right)}$${r.bottom}`;
}

/** Sheet-qualified absolute reference for chart formulas, always quoted: 'Aim 1'!$A$10:$A$50. */
export function sheetRangeFormula(sheetName: string, range: string): string {
  return `'${sheetName.replace(/'/g, "''")}'!${absoluteRange(parseRange(range))}`;
}

/** The order of CT_Worksheet children (ECMA-376 §18.3.1.99). */
const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection',
  'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells',
  'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup',
  'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing',
  'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts',
  'extLst',
];

/**
 * Inserts `element` (XML of one worksheet child named `name`) where the schema
 * wants it: before the first existing child that must come after it.
 */
export function insertWorksheetElement(sheetXml: string, name: string, element: string): string {
  const idx = WORKSHEET_ORDER.indexOf(name);
  if (idx < 0) throw new Error(`Unknown worksheet element ${name}`);
  let at = -1;
  for (const later of WORKSHEET_ORDER.slice(idx + 1)) {
    const m = new RegExp(`<${later}[\\s/>]`).exec(sheetXml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = sheetXml.lastIndexOf('</worksheet>');
  if (at < 0) throw new Error('Not a worksheet part');
  return sheetXml.slice(0, at) + element + sheetXml.slice(at);
}

/** The relationships of a relationships part (none for a missing part). */
export function parseRels(xml: string | null): Relationship[] {
  if (!xml) return [];
  return new RelsXml(xml).list();
}

export function renderRels(rels: Relationship[]): string {
  const items = rels
    .map(
      (r) =>
        `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"${r.targetMode ? ` TargetMode="${escapeXml(r.targetMode)}"` : ''}/>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rels}">${items}</Relationships>`;
}

/** A relationship id not yet used in `rels`. */
export function nextRelId(rels: Relationship[]): string {
  let n = rels.length + 1;
  const used = new Set(rels.map((r) => r.id));
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

export function parseAttributes(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(text); m; m = re.exec(text)) attrs[m[1]] = unescapeXml(m[3] ?? m[4] ?? '');
  return attrs;
}

/** Adds an Override for `partName` ("/xl/charts/chart1.xml") unless one is there. */
export function addContentTypeOverride(contentTypesXml: string, partName: string, contentType: string): string {
  const types = new ContentTypesXml(contentTypesXml);
  if (types.has(partName)) return contentTypesXml;
  types.addOverride(partName, contentType);
  return types.toXml();
}

/** The rels part of a part: xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels. */
export function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target relative to the part that holds it. */
export function resolveTarget(fromPart: string, target: string): string {
  // Targets are URIs: a space in a part name is written %20.
  let path = target;
  try {
    path = decodeURIComponent(target);
  } catch {
    // Not percent-encoded after all: used as written.
  }
  if (path.startsWith('/')) return path.slice(1);
  const parts = fromPart.split('/').slice(0, -1);
  for (const seg of path.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** Sheets of a workbook part in tab order: name and part path (worksheets and chart sheets alike). */
export function listWorksheetParts(workbookXml: string, workbookRelsXml: string, workbookPath = 'xl/workbook.xml'): { name: string; path: string }[] {
  const rels = parseRels(workbookRelsXml);
  const out: { name: string; path: string }[] = [];
  for (const sheet of new WorkbookXml(workbookXml).sheets()) {
    const rel = rels.find((r) => r.id === sheet.relId);
    if (rel) out.push({ name: sheet.name, path: resolveTarget(workbookPath, rel.target) });
  }
  return out;
}

/** Every sheet name in <sheets>, in tab order (the index is a defined name's localSheetId). */
export function sheetNamesInWorkbookXml(workbookXml: string): string[] {
  return new WorkbookXml(workbookXml).sheetNames();
}
