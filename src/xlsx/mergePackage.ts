/**
 * Package-level editing of the user's workbook, so their own sheets are
 * carried over byte for byte (charts, pivot tables, conditional formats and
 * everything else exceljs would drop on a load/save round trip):
 * - removeSheets: takes the add-in's earlier sheets (and their drawings,
 *   charts and tables) out of the package;
 * - reading and rebuilding the styles part's lists (reportStyles.ts adds the
 *   report's cell formats with them);
 * - the part numbers and table names already used, so new parts never clash.
 */
import type JSZip from 'jszip';
import {
  parseAttributes,
  parseRels,
  relsPathOf,
  renderRels,
  resolveTarget,
  unescapeXml,
} from './ooxml';
import { sheetOfReference } from './ownership';

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

/** Rebuilds (or adds, before the first of `before`) a counted list element of the styles part. */
export function replaceBlock(xml: string, tag: string, items: string[], before: string): string {
  const block = blockOf(xml, tag);
  const open = block ? (/^<[^>]*?(?=\/?>)/.exec(block.whole)?.[0] ?? `<${tag}`) : `<${tag}`;
  const rebuilt = `${setAttr(`${open}>`, 'count', items.length)}${items.join('')}</${tag}>`;
  if (block) return xml.replace(block.whole, rebuilt);
  const at = new RegExp(`<(${before})\\b`).exec(xml);
  if (at) return xml.slice(0, at.index) + rebuilt + xml.slice(at.index);
  return xml.replace('</styleSheet>', `${rebuilt}</styleSheet>`);
}

// ───────────────────────────── parts in use ─────────────────────────────

/** Highest N among part paths matching `re` (N captured). */
export function highestPartNumber(zip: JSZip, re: RegExp): number {
  let max = 0;
  zip.forEach((path) => {
    const m = re.exec(path);
    if (m) max = Math.max(max, Number(m[1]));
  });
  return max;
}

/** The highest table id in the package (ids are workbook-wide). */
export async function highestTableId(zip: JSZip): Promise<number> {
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
