/**
 * Package-level editing of the user's workbook, so their own sheets are
 * carried over byte for byte (charts, pivot tables, conditional formats and
 * everything else exceljs would drop on a load/save round trip):
 * - removeSheets: takes the add-in's earlier sheets (and their drawings,
 *   charts and tables) out of the package;
 * - appendSheets: copies sheets that exceljs wrote into a scratch package into
 *   the user's package, merging styles and shared strings.
 */
import type JSZip from 'jszip';
import {
  addContentTypeOverride,
  escapeXml,
  nextRelId,
  parseAttributes,
  parseRels,
  relsPathOf,
  renderRels,
  resolveTarget,
  unescapeXml,
} from './ooxml';
import { sheetOfReference } from './ownership';

const WORKSHEET_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const SHARED_STRINGS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings';
const TABLE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table';
const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_TABLE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';
const CT_SST = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml';

async function read(zip: JSZip, path: string): Promise<string | null> {
  const f = zip.file(path);
  return f ? f.async('string') : null;
}

async function must(zip: JSZip, path: string): Promise<string> {
  const text = await read(zip, path);
  if (text === null) throw new Error(`The workbook has no ${path}`);
  return text;
}

interface SheetEntry {
  raw: string;
  name: string;
  relId: string;
  sheetId: number;
}

export function sheetEntries(workbookXml: string): SheetEntry[] {
  const block = /<sheets>([\s\S]*?)<\/sheets>/.exec(workbookXml)?.[1] ?? '';
  const out: SheetEntry[] = [];
  const re = /<sheet\b[^>]*?\/>|<sheet\b[^>]*>[\s\S]*?<\/sheet>/g;
  for (let m = re.exec(block); m; m = re.exec(block)) {
    const attrs = parseAttributes(/^<sheet\b([^>]*?)\/?>/.exec(m[0])?.[1] ?? '');
    out.push({ raw: m[0], name: attrs.name, relId: attrs['r:id'], sheetId: Number(attrs.sheetId) });
  }
  return out;
}

function removeContentType(types: string, partPath: string): string {
  return types.replace(new RegExp(`<Override PartName="/${partPath.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}"[^>]*/>`), '');
}

/** Parts that belong to one sheet only and go with it. Media (images) may be shared, so they stay. */
const OWNED_PART = /^xl\/(drawings|charts|tables|comments|threadedComments|printerSettings|ctrlProps)\b|^xl\/comments\d*\.xml$/;

async function deletePartTree(zip: JSZip, path: string, removed: Set<string>): Promise<void> {
  if (removed.has(path)) return;
  removed.add(path);
  const relsPath = relsPathOf(path);
  const rels = parseRels(await read(zip, relsPath));
  for (const r of rels) {
    if (r.targetMode === 'External') continue;
    const target = resolveTarget(path, r.target);
    if (OWNED_PART.test(target)) await deletePartTree(zip, target, removed);
  }
  zip.remove(path);
  zip.remove(relsPath);
}

/** Rewrites defined names after the sheet at `index` (named `name`) is gone. */
function dropSheetFromDefinedNames(workbookXml: string, index: number, name: string): string {
  return workbookXml.replace(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g, (whole, attrText: string, body: string) => {
    const attrs = parseAttributes(attrText);
    if (attrs.localSheetId !== undefined) {
      const id = Number(attrs.localSheetId);
      if (id === index) return '';
      if (id > index) return whole.replace(/localSheetId="\d+"/, `localSheetId="${id - 1}"`);
    }
    // A name pointing into the removed sheet would become a broken reference.
    const refs = unescapeXml(body).split(',').map((r) => sheetOfReference(r));
    if (refs.some((s) => s === name)) return '';
    return whole;
  });
}

/** Removes sheets (by name) with their drawings, charts and tables. */
export async function removeSheets(zip: JSZip, names: string[]): Promise<void> {
  if (names.length === 0) return;
  let workbookXml = await must(zip, 'xl/workbook.xml');
  const relsPath = 'xl/_rels/workbook.xml.rels';
  let rels = parseRels(await must(zip, relsPath));
  let types = await must(zip, '[Content_Types].xml');
  const removedParts = new Set<string>();

  for (const name of names) {
    const entries = sheetEntries(workbookXml);
    const index = entries.findIndex((e) => e.name === name);
    if (index < 0) continue;
    const entry = entries[index];
    const rel = rels.find((r) => r.id === entry.relId);
    if (rel) {
      await deletePartTree(zip, resolveTarget('xl/workbook.xml', rel.target), removedParts);
      rels = rels.filter((r) => r !== rel);
    }
    workbookXml = workbookXml.replace(entry.raw, '');
    workbookXml = dropSheetFromDefinedNames(workbookXml, index, name);
  }
  workbookXml = workbookXml.replace(/<definedNames>\s*<\/definedNames>/, '');

  // The calculation chain names cells by sheet; Excel rebuilds it when it is missing.
  const calc = rels.find((r) => r.target.endsWith('calcChain.xml'));
  if (calc) {
    const calcPath = resolveTarget('xl/workbook.xml', calc.target);
    zip.remove(calcPath);
    removedParts.add(calcPath);
    rels = rels.filter((r) => r !== calc);
  }

  // Keep the active and first visible tab within the remaining sheets.
  const count = sheetEntries(workbookXml).length;
  // Both attributes may be on one element, so replace each on its own.
  for (const attr of ['activeTab', 'firstSheet']) {
    workbookXml = workbookXml.replace(new RegExp(`(<workbookView\\b[^>]*?\\b${attr}=")(\\d+)(")`), (w, a: string, n: string, b: string) =>
      Number(n) >= count ? `${a}0${b}` : w,
    );
  }
  for (const part of removedParts) types = removeContentType(types, part);
  zip.file('xl/workbook.xml', workbookXml);
  zip.file(relsPath, renderRels(rels));
  zip.file('[Content_Types].xml', types);
}

// ───────────────────────────── styles ─────────────────────────────

interface StyleLists {
  numFmts: Map<number, string>;
  fonts: string[];
  fills: string[];
  borders: string[];
  cellXfs: string[];
}

function children(block: string | undefined, tag: string): string[] {
  if (!block) return [];
  const re = new RegExp(`<${tag}\\b[^>]*?/>|<${tag}\\b[^>]*>[\\s\\S]*?</${tag}>`, 'g');
  return block.match(re) ?? [];
}

function blockOf(xml: string, tag: string): { whole: string; inner: string } | null {
  const m = new RegExp(`<${tag}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${tag}>)`).exec(xml);
  return m ? { whole: m[0], inner: m[1] ?? '' } : null;
}

export function parseStyles(xml: string): StyleLists {
  const numFmts = new Map<number, string>();
  for (const f of children(blockOf(xml, 'numFmts')?.inner, 'numFmt')) {
    const a = parseAttributes(f);
    numFmts.set(Number(a.numFmtId), a.formatCode);
  }
  return {
    numFmts,
    fonts: children(blockOf(xml, 'fonts')?.inner, 'font'),
    fills: children(blockOf(xml, 'fills')?.inner, 'fill'),
    borders: children(blockOf(xml, 'borders')?.inner, 'border'),
    cellXfs: children(blockOf(xml, 'cellXfs')?.inner, 'xf'),
  };
}

function setAttr(element: string, name: string, value: string | number): string {
  const re = new RegExp(`(\\s${name}=")[^"]*(")`);
  if (re.test(element)) return element.replace(re, `$1${value}$2`);
  return element.replace(/^<(\w+)/, `<$1 ${name}="${value}"`);
}

function replaceBlock(xml: string, tag: string, items: string[], before: string): string {
  const block = blockOf(xml, tag);
  const open = block ? (/^<[^>]*?(?=\/?>)/.exec(block.whole)?.[0] ?? `<${tag}`) : `<${tag}`;
  const rebuilt = `${setAttr(`${open}>`, 'count', items.length)}${items.join('')}</${tag}>`;
  if (block) return xml.replace(block.whole, rebuilt);
  const at = new RegExp(`<(${before})\\b`).exec(xml);
  if (at) return xml.slice(0, at.index) + rebuilt + xml.slice(at.index);
  return xml.replace('</styleSheet>', `${rebuilt}</styleSheet>`);
}

/**
 * Adds the source package's cell formats to the target's styles. Returns the
 * new styles part and, for each source cell-format index, its index in the target.
 */
export function mergeStyles(targetXml: string, sourceXml: string): { xml: string; xfMap: number[] } {
  const t = parseStyles(targetXml);
  const s = parseStyles(sourceXml);
  const fontBase = t.fonts.length;
  const fillBase = t.fills.length;
  const borderBase = t.borders.length;
  const numFmtMap = new Map<number, number>();
  const byCode = new Map([...t.numFmts].map(([id, code]) => [code, id]));
  let nextFmt = Math.max(163, ...t.numFmts.keys()) + 1;
  for (const [id, code] of s.numFmts) {
    let targetId = byCode.get(code);
    if (targetId === undefined) {
      targetId = nextFmt++;
      t.numFmts.set(targetId, code);
      byCode.set(code, targetId);
    }
    numFmtMap.set(id, targetId);
  }
  const xfMap: number[] = [];
  const xfs = [...t.cellXfs];
  for (const xf of s.cellXfs) {
    const a = parseAttributes(/^<xf\b([^>]*?)\/?>/.exec(xf)?.[1] ?? '');
    const fmt = Number(a.numFmtId ?? 0);
    let out = setAttr(xf, 'numFmtId', numFmtMap.get(fmt) ?? fmt);
    out = setAttr(out, 'fontId', fontBase + Number(a.fontId ?? 0));
    out = setAttr(out, 'fillId', fillBase + Number(a.fillId ?? 0));
    out = setAttr(out, 'borderId', borderBase + Number(a.borderId ?? 0));
    out = setAttr(out, 'xfId', 0);
    xfMap.push(xfs.length);
    xfs.push(out);
  }
  const numFmtItems = [...t.numFmts].filter(([id]) => id >= 164).map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
  let xml = targetXml;
  if (numFmtItems.length) xml = replaceBlock(xml, 'numFmts', numFmtItems, 'fonts');
  xml = replaceBlock(xml, 'fonts', [...t.fonts, ...s.fonts], 'fills');
  xml = replaceBlock(xml, 'fills', [...t.fills, ...s.fills], 'borders');
  xml = replaceBlock(xml, 'borders', [...t.borders, ...s.borders], 'cellStyleXfs|cellXfs');
  xml = replaceBlock(xml, 'cellXfs', xfs, 'cellStyles|dxfs|tableStyles|colors|extLst');
  return { xml, xfMap };
}

// ───────────────────────────── shared strings ─────────────────────────────

function stringItems(sstXml: string | null): string[] {
  if (!sstXml) return [];
  return sstXml.match(/<si\b[^>]*?\/>|<si\b[^>]*>[\s\S]*?<\/si>/g) ?? [];
}

/** Appends the source strings to the target table; returns the new part and the index map. */
export function mergeSharedStrings(targetXml: string | null, sourceXml: string | null): { xml: string; map: number[] } {
  const existing = stringItems(targetXml);
  const added = stringItems(sourceXml);
  const map = added.map((_, i) => existing.length + i);
  const all = [...existing, ...added];
  const open = targetXml ? (/<sst\b[^>]*?>/.exec(targetXml)?.[0] ?? '') : '';
  let head = open || `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`;
  head = setAttr(setAttr(head.replace(/\/>$/, '>'), 'uniqueCount', all.length), 'count', all.length);
  return { xml: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${head}${all.join('')}</sst>`, map };
}

// ───────────────────────────── sheets ─────────────────────────────

/** Remaps style indexes and shared-string indexes in a worksheet part. */
export function remapSheetXml(xml: string, xfMap: number[], stringMap: number[]): string {
  const style = (n: string) => String(xfMap[Number(n)] ?? 0);
  let out = xml.replace(/<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g, (_whole, attrs: string, _end: string, inner: string | undefined) => {
    const newAttrs = attrs.replace(/\ss="(\d+)"/, (_m, n: string) => ` s="${style(n)}"`);
    if (inner === undefined) return `<c${newAttrs}/>`;
    let body = inner;
    if (/\st="s"/.test(attrs)) body = body.replace(/<v>(\d+)<\/v>/, (_m, n: string) => `<v>${stringMap[Number(n)]}</v>`);
    return `<c${newAttrs}>${body}</c>`;
  });
  out = out.replace(/<row\b[^>]*>/g, (row) => row.replace(/\ss="(\d+)"/, (_m, n: string) => ` s="${style(n)}"`));
  out = out.replace(/<col\b[^>]*>/g, (col) => col.replace(/\sstyle="(\d+)"/, (_m, n: string) => ` style="${style(n)}"`));
  return out;
}

function highest(zip: JSZip, re: RegExp): number {
  let max = 0;
  zip.forEach((path) => {
    const m = re.exec(path);
    if (m) max = Math.max(max, Number(m[1]));
  });
  return max;
}

async function highestTableId(zip: JSZip): Promise<number> {
  let max = 0;
  const paths: string[] = [];
  zip.forEach((path) => {
    if (/^xl\/tables\/[^/]+\.xml$/.test(path)) paths.push(path);
  });
  for (const p of paths) {
    const id = /<table\b[^>]*?\sid="(\d+)"/.exec((await read(zip, p)) ?? '')?.[1];
    if (id) max = Math.max(max, Number(id));
  }
  return max;
}

/** Names of every Excel Table in a package (lower case): table names are workbook-wide. */
export async function tableNamesInPackage(zip: JSZip): Promise<Set<string>> {
  const names = new Set<string>();
  const paths: string[] = [];
  zip.forEach((path) => {
    if (/^xl\/tables\/[^/]+\.xml$/.test(path)) paths.push(path);
  });
  for (const p of paths) {
    const attrs = parseAttributes(/<table\b([^>]*)>/.exec((await read(zip, p)) ?? '')?.[1] ?? '');
    if (attrs.name) names.add(attrs.name.toLowerCase());
    if (attrs.displayName) names.add(attrs.displayName.toLowerCase());
  }
  return names;
}

/**
 * Copies worksheets from `source` (a package exceljs wrote) to the end of
 * `target`, with their tables, under the given names.
 */
export async function appendSheets(target: JSZip, source: JSZip, sheets: { from: string; as: string }[]): Promise<void> {
  const srcWorkbook = await must(source, 'xl/workbook.xml');
  const srcRels = parseRels(await must(source, 'xl/_rels/workbook.xml.rels'));
  const srcEntries = sheetEntries(srcWorkbook);

  let workbookXml = await must(target, 'xl/workbook.xml');
  const relsPath = 'xl/_rels/workbook.xml.rels';
  const rels = parseRels(await must(target, relsPath));
  let types = await must(target, '[Content_Types].xml');

  const styles = mergeStyles(await must(target, 'xl/styles.xml'), await must(source, 'xl/styles.xml'));
  target.file('xl/styles.xml', styles.xml);

  const srcSstRel = srcRels.find((r) => r.type === SHARED_STRINGS_REL);
  const srcSst = srcSstRel ? await read(source, resolveTarget('xl/workbook.xml', srcSstRel.target)) : null;
  let sstRel = rels.find((r) => r.type === SHARED_STRINGS_REL);
  let stringMap: number[] = [];
  if (srcSst) {
    if (!sstRel) {
      sstRel = { id: nextRelId(rels), type: SHARED_STRINGS_REL, target: 'sharedStrings.xml' };
      rels.push(sstRel);
      types = addContentTypeOverride(types, '/xl/sharedStrings.xml', CT_SST);
    }
    const sstPath = resolveTarget('xl/workbook.xml', sstRel.target);
    const merged = mergeSharedStrings(await read(target, sstPath), srcSst);
    target.file(sstPath, merged.xml);
    stringMap = merged.map;
  }

  let sheetNo = highest(target, /^xl\/worksheets\/sheet(\d+)\.xml$/);
  let tableNo = highest(target, /^xl\/tables\/table(\d+)\.xml$/);
  let tableId = await highestTableId(target);
  let sheetId = Math.max(0, ...sheetEntries(workbookXml).map((e) => e.sheetId));
  const newEntries: string[] = [];

  for (const { from, as } of sheets) {
    const entry = srcEntries.find((e) => e.name === from);
    const rel = entry && srcRels.find((r) => r.id === entry.relId && r.type === WORKSHEET_REL);
    if (!entry || !rel) throw new Error(`Sheet "${from}" is not in the report package`);
    const srcPath = resolveTarget('xl/workbook.xml', rel.target);
    const sheetXml = remapSheetXml(await must(source, srcPath), styles.xfMap, stringMap);

    sheetNo += 1;
    const path = `xl/worksheets/sheet${sheetNo}.xml`;
    // Only tables come along: exceljs writes no other sheet relationships for report sheets (links and charts are added later).
    const sheetRels = parseRels(await read(source, relsPathOf(srcPath)));
    const keptRels = [];
    for (const r of sheetRels) {
      if (r.type !== TABLE_REL) continue;
      const tableXml = await must(source, resolveTarget(srcPath, r.target));
      tableNo += 1;
      tableId += 1;
      target.file(`xl/tables/table${tableNo}.xml`, tableXml.replace(/(<table\b[^>]*?\sid=")\d+(")/, `$1${tableId}$2`));
      types = addContentTypeOverride(types, `/xl/tables/table${tableNo}.xml`, CT_TABLE);
      keptRels.push({ id: r.id, type: TABLE_REL, target: `../tables/table${tableNo}.xml` });
    }
    // A second selected tab would group the sheets in Excel (edits go to both), so report sheets are never selected.
    const cleaned = sheetXml.replace(/<hyperlinks>[\s\S]*?<\/hyperlinks>/, '').replace(/\stabSelected="(1|true)"/g, '');
    target.file(path, cleaned);
    if (keptRels.length) target.file(relsPathOf(path), renderRels(keptRels));
    types = addContentTypeOverride(types, `/${path}`, CT_WORKSHEET);

    const relId = nextRelId(rels);
    rels.push({ id: relId, type: WORKSHEET_REL, target: `worksheets/sheet${sheetNo}.xml` });
    sheetId += 1;
    newEntries.push(`<sheet name="${escapeXml(as)}" sheetId="${sheetId}" r:id="${relId}"/>`);
  }

  if (/<sheets\s*\/>/.test(workbookXml)) workbookXml = workbookXml.replace(/<sheets\s*\/>/, `<sheets>${newEntries.join('')}</sheets>`);
  else workbookXml = workbookXml.replace('</sheets>', `${newEntries.join('')}</sheets>`);
  target.file('xl/workbook.xml', workbookXml);
  target.file(relsPath, renderRels(rels));
  target.file('[Content_Types].xml', types);
}
