/**
 * The index parts of a user's package, edited as XML documents (xmlDom.ts):
 * the workbook part (sheets, defined names, views), a relationships part and
 * the content types. Only what the report changes is touched; everything
 * else (other elements, extensions, markup-compatibility attributes, the
 * producer's prefixes and declarations) is written back as it was read.
 */
import { UserFacingError } from '../core/errors';
import {
  childElements,
  childrenNamed,
  createElementIn,
  Document,
  Element,
  firstChildNamed,
  insertInOrder,
  parseXml,
  serializeXml,
  setNsAttribute,
} from './xmlDom';

export const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const TYPES = 'http://schemas.openxmlformats.org/package/2006/content-types';

export const OWNED_SHEET_NAME = 'PaceTracker_Owned';

/** Sheet name from a reference like 'Aim 1'!$A$1 or Issues!$A$1. */
export function sheetOfReference(ref: string): string | null {
  const m = /^\s*=?\s*(?:'((?:[^']|'')+)'|([^'!]+))!/.exec(ref);
  if (!m) return null;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
}

/** The order of CT_Workbook's children (ECMA-376 Part 1, §18.2.27). */
const WORKBOOK_ORDER = [
  'fileVersion', 'fileSharing', 'workbookPr', 'workbookProtection', 'bookViews', 'sheets', 'functionGroups', 'externalReferences',
  'definedNames', 'calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing',
  'fileRecoveryPr', 'webPublishObjects', 'extLst',
] as const;

const isTrue = (v: string | null) => v === '1' || v === 'true';

/** An ownership mark on a sheet: the sheet's name and the mark's comment (null: none). */
export interface SheetMark {
  sheet: string;
  comment: string | null;
}

export interface SheetEntry {
  el: Element;
  name: string;
  relId: string;
  sheetId: number;
}

/** The workbook part as a document. */
export class WorkbookXml {
  readonly doc: Document;
  readonly root: Element;

  constructor(text: string, fileName = '') {
    this.doc = parseXml(text, fileName);
    this.root = this.doc.documentElement as Element;
  }

  private child(name: (typeof WORKBOOK_ORDER)[number], create: boolean): Element | null {
    const found = firstChildNamed(this.root, MAIN, name);
    if (found || !create) return found;
    const el = createElementIn(this.root, MAIN, name);
    insertInOrder(this.root, el, WORKBOOK_ORDER);
    return el;
  }

  sheets(): SheetEntry[] {
    const sheets = this.child('sheets', false);
    if (!sheets) return [];
    return childrenNamed(sheets, MAIN, 'sheet').map((el) => ({
      el,
      name: el.getAttribute('name') ?? '',
      relId: el.getAttributeNS(R, 'id') ?? '',
      sheetId: Number(el.getAttribute('sheetId')) || 0,
    }));
  }

  sheetNames(): string[] {
    return this.sheets().map((s) => s.name);
  }

  /** Dates are counted from 1904 (workbookPr date1904). */
  date1904(): boolean {
    return isTrue(this.child('workbookPr', false)?.getAttribute('date1904') ?? null);
  }

  /** Sheets may not be added, removed or renamed (Review > Protect Workbook > Structure). */
  structureLocked(): boolean {
    return isTrue(this.child('workbookProtection', false)?.getAttribute('lockStructure') ?? null);
  }

  /** Adds a sheet at the end of the tab order. */
  appendSheet(name: string, sheetId: number, relId: string): void {
    const sheets = this.child('sheets', true) as Element;
    const el = createElementIn(sheets, MAIN, 'sheet');
    el.setAttribute('name', name);
    el.setAttribute('sheetId', String(sheetId));
    // Placed first, so the prefix the producer declared for relationships above it is found.
    sheets.appendChild(el);
    setNsAttribute(el, R, 'r', 'id', relId);
  }

  private definedNames(): Element[] {
    const block = this.child('definedNames', false);
    return block ? childrenNamed(block, MAIN, 'definedName') : [];
  }

  private dropEmptyDefinedNames(): void {
    const block = this.child('definedNames', false);
    if (block && childElements(block).length === 0) this.root.removeChild(block);
  }

  /**
   * Removes the sheet called `name`: names scoped to it or pointing into it
   * go (they would be broken references), later scopes move down one, and
   * the active and first visible tab stay within the remaining sheets.
   * Returns its relationship id, or null when there is no such sheet.
   */
  removeSheet(name: string): string | null {
    const entries = this.sheets();
    const index = entries.findIndex((e) => e.name === name);
    if (index < 0) return null;
    const entry = entries[index];
    entry.el.parentNode?.removeChild(entry.el);
    for (const dn of this.definedNames()) {
      const scope = dn.getAttribute('localSheetId');
      if (scope !== null && scope !== '') {
        const id = Number(scope);
        if (id === index) {
          dn.parentNode?.removeChild(dn);
          continue;
        }
        if (id > index) dn.setAttribute('localSheetId', String(id - 1));
      }
      const refs = (dn.textContent ?? '').split(',').map((r) => sheetOfReference(r));
      if (refs.some((s) => s === name)) dn.parentNode?.removeChild(dn);
    }
    this.dropEmptyDefinedNames();
    const count = this.sheets().length;
    const views = this.child('bookViews', false);
    for (const view of views ? childrenNamed(views, MAIN, 'workbookView') : []) {
      for (const attr of ['activeTab', 'firstSheet']) {
        const v = view.getAttribute(attr);
        if (v !== null && Number(v) >= count) view.setAttribute(attr, '0');
      }
    }
    return entry.relId;
  }

  /**
   * The add-in's marks on sheets (hidden sheet-scoped names; a workbook-scoped
   * mark names its sheets), in tab order, each with its comment (the kind and
   * the name written as; null when it has none). Whether a marked sheet is
   * still ours is decided from the comment (src/xlsx/ownership.ts).
   */
  ownershipMarks(): SheetMark[] {
    const names = this.sheetNames();
    const comments = new Map<string, string | null>();
    const note = (sheet: string, comment: string | null) => {
      if (!comments.has(sheet) || comments.get(sheet) === null) comments.set(sheet, comment);
    };
    for (const dn of this.definedNames()) {
      if (dn.getAttribute('name') !== OWNED_SHEET_NAME) continue;
      const comment = dn.getAttribute('comment') || null;
      const scope = dn.getAttribute('localSheetId');
      if (scope !== null && names[Number(scope)] !== undefined) {
        note(names[Number(scope)], comment);
      } else {
        // A workbook-level mark listing several sheets says nothing about any one of them.
        for (const part of (dn.textContent ?? '').split(',')) {
          const sheet = sheetOfReference(part);
          if (sheet && names.includes(sheet)) note(sheet, null);
        }
      }
    }
    return names.filter((n) => comments.has(n)).map((sheet) => ({ sheet, comment: comments.get(sheet) ?? null }));
  }

  /** Names of the sheets carrying a mark, in tab order. */
  ownedSheets(): string[] {
    return this.ownershipMarks().map((m) => m.sheet);
  }

  /** Replaces every ownership mark with one per sheet listed, with its comment (none when null). */
  markOwned(owned: SheetMark[]): void {
    for (const dn of this.definedNames()) if (dn.getAttribute('name') === OWNED_SHEET_NAME) dn.parentNode?.removeChild(dn);
    this.dropEmptyDefinedNames();
    const names = this.sheetNames();
    const marked = owned.filter((m) => names.includes(m.sheet));
    if (marked.length === 0) return;
    const block = this.child('definedNames', true) as Element;
    for (const { sheet, comment } of marked) {
      const dn = createElementIn(block, MAIN, 'definedName');
      dn.setAttribute('name', OWNED_SHEET_NAME);
      // CT_DefinedName's comment attribute (ECMA-376 Part 1, §18.2.5): what Office.js reads as NamedItem.comment.
      if (comment !== null) dn.setAttribute('comment', comment);
      dn.setAttribute('localSheetId', String(names.indexOf(sheet)));
      dn.setAttribute('hidden', '1');
      dn.appendChild(this.doc.createTextNode(`'${sheet.replace(/'/g, "''")}'!$A$1`));
      block.appendChild(dn);
    }
  }

  /**
   * Print titles (rows repeated at the top of every printed page) of the
   * named sheets, as the sheet-scoped defined name _xlnm.Print_Titles;
   * earlier print titles on those sheets are replaced.
   */
  setPrintTitles(titles: { sheet: string; first: number; last: number }[]): void {
    const names = this.sheetNames();
    const wanted = titles.filter((t) => names.includes(t.sheet));
    if (wanted.length === 0) return;
    const scopes = new Set(wanted.map((t) => String(names.indexOf(t.sheet))));
    for (const dn of this.definedNames()) {
      if (dn.getAttribute('name') === '_xlnm.Print_Titles' && scopes.has(dn.getAttribute('localSheetId') ?? '')) dn.parentNode?.removeChild(dn);
    }
    const block = this.child('definedNames', true) as Element;
    for (const t of wanted) {
      const dn = createElementIn(block, MAIN, 'definedName');
      dn.setAttribute('name', '_xlnm.Print_Titles');
      dn.setAttribute('localSheetId', String(names.indexOf(t.sheet)));
      dn.appendChild(this.doc.createTextNode(`'${t.sheet.replace(/'/g, "''")}'!$${t.first}:$${t.last}`));
      block.appendChild(dn);
    }
  }

  toXml(): string {
    return serializeXml(this.doc);
  }
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  targetMode?: string;
}

/** A relationships part as a document. */
export class RelsXml {
  readonly doc: Document;
  readonly root: Element;

  constructor(text: string | null, fileName = '') {
    this.doc = parseXml(text ?? `<Relationships xmlns="${RELS}"/>`, fileName);
    this.root = this.doc.documentElement as Element;
  }

  private elements(): Element[] {
    return childrenNamed(this.root, RELS, 'Relationship');
  }

  list(): Relationship[] {
    return this.elements().map((el) => ({
      id: el.getAttribute('Id') ?? '',
      type: el.getAttribute('Type') ?? '',
      target: el.getAttribute('Target') ?? '',
      targetMode: el.getAttribute('TargetMode') || undefined,
    }));
  }

  remove(id: string): void {
    for (const el of this.elements()) if (el.getAttribute('Id') === id) this.root.removeChild(el);
  }

  /** Adds a relationship under a new id; returns the id. */
  add(type: string, target: string): string {
    const used = new Set(this.list().map((r) => r.id));
    let n = used.size + 1;
    while (used.has(`rId${n}`)) n++;
    const el = createElementIn(this.root, RELS, 'Relationship');
    el.setAttribute('Id', `rId${n}`);
    el.setAttribute('Type', type);
    el.setAttribute('Target', target);
    this.root.appendChild(el);
    return `rId${n}`;
  }

  toXml(): string {
    return serializeXml(this.doc);
  }
}

/** [Content_Types].xml as a document. Part names compare without regard to case (OPC §9.1.1). */
export class ContentTypesXml {
  readonly doc: Document;
  readonly root: Element;

  constructor(text: string, fileName = '') {
    this.doc = parseXml(text, fileName);
    this.root = this.doc.documentElement as Element;
  }

  private overrides(): Element[] {
    return childrenNamed(this.root, TYPES, 'Override');
  }

  has(partName: string): boolean {
    const lower = partName.toLowerCase();
    return this.overrides().some((o) => (o.getAttribute('PartName') ?? '').toLowerCase() === lower);
  }

  /** Adds an Override for `partName` ("/xl/charts/chart1.xml") unless one is there. */
  addOverride(partName: string, contentType: string): void {
    if (this.has(partName)) return;
    const el = createElementIn(this.root, TYPES, 'Override');
    el.setAttribute('PartName', partName);
    el.setAttribute('ContentType', contentType);
    this.root.appendChild(el);
  }

  removeOverride(partName: string): void {
    const lower = partName.toLowerCase();
    for (const o of this.overrides()) if ((o.getAttribute('PartName') ?? '').toLowerCase() === lower) this.root.removeChild(o);
  }

  toXml(): string {
    return serializeXml(this.doc);
  }
}

/** A workbook whose structure is protected gets no new sheet: refused before anything is written. */
export function structureProtectedMessage(name: string): string {
  const what = name ? `"${name}"` : 'The workbook';
  return `${what} has its structure protected (Review > Protect Workbook), so no report sheet can be added to it. Turn that protection off in Excel (you need its password), save, and run the report again; your file was not changed.`;
}

export function assertStructureUnlocked(workbook: WorkbookXml, name: string): void {
  if (workbook.structureLocked()) throw new UserFacingError('protectedSheet', structureProtectedMessage(name));
}
