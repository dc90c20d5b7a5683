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
import { XMLSerializer } from '@xmldom/xmldom';
import { relsPathOf, resolveTarget } from './ooxml';
import { ContentTypesXml, MAIN, RelsXml, SheetEntry as WorkbookSheet, WorkbookXml } from './packageXml';
import { adoptElement, childrenNamed, createElementIn, Element, firstChildNamed, insertInOrder, parseFragment, parseXml, serializeXml } from './xmlDom';

async function read(zip: JSZip, path: string): Promise<string | null> {
  const f = zip.file(path);
  return f ? f.async('string') : null;
}

async function must(zip: JSZip, path: string): Promise<string> {
  const text = await read(zip, path);
  if (text === null) throw new Error(`The workbook has no ${path}`);
  return text;
}

export interface SheetEntry {
  name: string;
  relId: string;
  sheetId: number;
}

/** The sheets a workbook part lists, in tab order. */
export function sheetEntries(workbookXml: string): SheetEntry[] {
  return new WorkbookXml(workbookXml).sheets().map((s: WorkbookSheet) => ({ name: s.name, relId: s.relId, sheetId: s.sheetId }));
}

/** Parts that belong to one sheet only and go with it. Media (images) may be shared, so they stay. */
const OWNED_PART = /^xl\/(drawings|charts|tables|comments|threadedComments|printerSettings|ctrlProps)\b|^xl\/comments\d*\.xml$/;

const CALC_CHAIN_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain';

async function deletePartTree(zip: JSZip, path: string, removed: Set<string>): Promise<void> {
  if (removed.has(path)) return;
  removed.add(path);
  const relsPath = relsPathOf(path);
  const relsText = await read(zip, relsPath);
  for (const r of relsText ? new RelsXml(relsText).list() : []) {
    if (r.targetMode === 'External') continue;
    const target = resolveTarget(path, r.target);
    if (OWNED_PART.test(target)) await deletePartTree(zip, target, removed);
  }
  zip.remove(path);
  zip.remove(relsPath);
}

/** Removes sheets (by name) with their drawings, charts and tables. */
export async function removeSheets(zip: JSZip, names: string[], workbookPath = 'xl/workbook.xml'): Promise<void> {
  if (names.length === 0) return;
  const workbook = new WorkbookXml(await must(zip, workbookPath));
  const relsPath = relsPathOf(workbookPath);
  const rels = new RelsXml(await must(zip, relsPath));
  const types = new ContentTypesXml(await must(zip, '[Content_Types].xml'));
  const removedParts = new Set<string>();

  for (const name of names) {
    const relId = workbook.removeSheet(name);
    if (relId === null) continue;
    const rel = rels.list().find((r) => r.id === relId);
    if (rel) {
      await deletePartTree(zip, resolveTarget(workbookPath, rel.target), removedParts);
      rels.remove(rel.id);
    }
  }

  // The calculation chain names cells by sheet; Excel rebuilds it when it is missing.
  for (const calc of rels.list().filter((r) => r.type === CALC_CHAIN_REL || /(^|\/)calcChain\.xml$/.test(r.target))) {
    const calcPath = resolveTarget(workbookPath, calc.target);
    zip.remove(calcPath);
    removedParts.add(calcPath);
    rels.remove(calc.id);
  }

  for (const part of removedParts) types.removeOverride(`/${part}`);
  zip.file(workbookPath, workbook.toXml());
  zip.file(relsPath, rels.toXml());
  zip.file('[Content_Types].xml', types.toXml());
}

// ───────────────────────────── styles ─────────────────────────────

/** The order of CT_Stylesheet's children (ECMA-376 Part 1, §18.8.39). */
export const STYLESHEET_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'] as const;

/** An element as text in the styles namespace, with no namespace declaration (the way report code writes its own). */
function elementText(el: Element): string {
  return new XMLSerializer().serializeToString(el).replace(` xmlns="${MAIN}"`, '');
}

interface StyleLists {
  numFmts: Map<number, string>;
  fonts: string[];
  fills: string[];
  borders: string[];
  cellXfs: string[];
}

/** The styles part as a document, with its lists by name. */
export class StylesXml {
  readonly doc;
  readonly root: Element;

  constructor(text: string, fileName = '') {
    this.doc = parseXml(text, fileName);
    this.root = this.doc.documentElement as Element;
  }

  list(tag: string): Element | null {
    return firstChildNamed(this.root, MAIN, tag);
  }

  items(tag: string, itemTag: string): Element[] {
    const block = this.list(tag);
    return block ? childrenNamed(block, MAIN, itemTag) : [];
  }

  /**
   * Appends elements (XML text in the styles namespace) to a counted list,
   * creating the list where the schema puts it, and updates its count.
   */
  append(tag: (typeof STYLESHEET_ORDER)[number], itemTag: string, items: string[]): void {
    let block = this.list(tag);
    if (!block) {
      block = createElementIn(this.root, MAIN, tag);
      insertInOrder(this.root, block, STYLESHEET_ORDER);
    }
    for (const el of parseFragment(items.join(''), MAIN)) block.appendChild(adoptElement(block, el));
    block.setAttribute('count', String(childrenNamed(block, MAIN, itemTag).length));
  }

  toXml(): string {
    return serializeXml(this.doc);
  }
}

export function parseStyles(xml: string): StyleLists {
  const styles = new StylesXml(xml);
  const numFmts = new Map<number, string>();
  for (const f of styles.items('numFmts', 'numFmt')) numFmts.set(Number(f.getAttribute('numFmtId')), f.getAttribute('formatCode') ?? '');
  return {
    numFmts,
    fonts: styles.items('fonts', 'font').map(elementText),
    fills: styles.items('fills', 'fill').map(elementText),
    borders: styles.items('borders', 'border').map(elementText),
    cellXfs: styles.items('cellXfs', 'xf').map(elementText),
  };
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

/** The root element of every Table part (any prefix: read as XML documents). */
async function tableRoots(zip: JSZip): Promise<Element[]> {
  const paths: string[] = [];
  zip.forEach((path) => {
    if (/^xl\/tables\/[^/]+\.xml$/.test(path)) paths.push(path);
  });
  const roots: Element[] = [];
  for (const p of paths) roots.push(parseXml((await read(zip, p)) ?? '').documentElement as Element);
  return roots;
}

/** The highest table id in the package (ids are workbook-wide). */
export async function highestTableId(zip: JSZip): Promise<number> {
  let max = 0;
  for (const table of await tableRoots(zip)) max = Math.max(max, Number(table.getAttribute('id')) || 0);
  return max;
}

/** Names of every Excel Table in a package (lower case): table names are workbook-wide. */
export async function tableNamesInPackage(zip: JSZip): Promise<Set<string>> {
  const names = new Set<string>();
  for (const table of await tableRoots(zip)) {
    for (const attr of ['name', 'displayName']) {
      const value = table.getAttribute(attr);
      if (value) names.add(value.toLowerCase());
    }
  }
  return names;
}
