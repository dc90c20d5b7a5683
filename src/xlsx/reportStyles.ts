/**
 * The few cell formats report sheets use (a block style's font × a number
 * format × wrapping), added to the user's styles part so report cells can
 * point at them. Fonts are the workbook's own default font with the block
 * style's changes, so report sheets read in the user's typeface; formats the
 * part already holds (from an earlier run) are reused, so running the report
 * again does not grow the styles part.
 */
import type { BlockStyle } from '../core/report/plan';
import { escapeXml } from './ooxml';
import { StylesXml } from './mergePackage';
import { MAIN } from './packageXml';
import { canonicalText, childElements, Element, parseFragment } from './xmlDom';

/** A font change, in exceljs's terms (newWorkbook.ts hands these to exceljs). */
export interface FontChange {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  size?: number;
  color?: { argb: string };
}

/** Fonts of the block styles (the Office.js writer uses the same). */
export const STYLE_FONTS: Record<BlockStyle, FontChange | null> = {
  title: { bold: true, size: 16 },
  subtitle: { size: 12 },
  headline: { bold: true, size: 14 },
  heading: { bold: true, size: 12 },
  label: { bold: true },
  note: { italic: true, size: 9, color: { argb: 'FF595959' } },
  normal: null,
};

/** Cells showing a link. */
export const LINK_FONT: FontChange = { color: { argb: 'FF0563C1' }, underline: true };

export type LookFont = Exclude<BlockStyle, 'normal'> | 'link';

/** How one cell looks: the parts of a cell format the report sets. */
export interface CellLook {
  font: LookFont | null;
  numFmt: string | null;
  wrap: boolean;
}

const PLAIN: CellLook = { font: null, numFmt: null, wrap: false };
const lookKey = (l: CellLook) => `${l.font ?? ''}\u0001${l.numFmt ?? ''}\u0001${l.wrap ? 1 : 0}`;

/**
 * The distinct looks of a report, numbered as they are first asked for
 * (0 is the plain look: no cell format needed).
 */
export class LookTable {
  readonly looks: CellLook[] = [PLAIN];
  private readonly ids = new Map<string, number>([[lookKey(PLAIN), 0]]);
  private readonly overlays = new Map<string, number>();

  id(look: CellLook): number {
    const key = lookKey(look);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.looks.length;
      this.looks.push({ ...look });
      this.ids.set(key, id);
    }
    return id;
  }

  /**
   * The look of a cell written again: what the later write sets replaces,
   * what it leaves unset is kept (as setting one property of a cell does in Excel).
   */
  overlay(under: number, font: LookFont | null, numFmt: string | null, wrap: boolean): number {
    const key = `${under}\u0001${font ?? ''}\u0001${numFmt ?? ''}\u0001${wrap ? 1 : 0}`;
    let id = this.overlays.get(key);
    if (id === undefined) {
      const base = this.looks[under];
      id = this.id({ font: font ?? base.font, numFmt: numFmt ?? base.numFmt, wrap: wrap || base.wrap });
      this.overlays.set(key, id);
    }
    return id;
  }
}

/** Number formats Excel knows by id, which must be referred to by that id. */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '@': 49,
};

/** The parts of the default font a report font keeps: typeface, family, character set, theme scheme, size and colour. */
function defaultFontParts(fontXml: string | undefined): { sz: string; color: string; rest: string } {
  const pick = (tag: string) => (fontXml ? (new RegExp(`<${tag}\\b[^>]*?/>`).exec(fontXml)?.[0] ?? '') : '');
  return {
    sz: pick('sz') || '<sz val="11"/>',
    color: pick('color'),
    rest: ['name', 'family', 'charset', 'scheme'].map(pick).join(''),
  };
}

/** A font element: the workbook's default font with `change` applied. */
export function fontXml(defaultFont: string | undefined, change: FontChange): string {
  const base = defaultFontParts(defaultFont);
  const sz = change.size !== undefined ? `<sz val="${change.size}"/>` : base.sz;
  const color = change.color ? `<color rgb="${escapeXml(change.color.argb)}"/>` : base.color;
  return `<font>${change.bold ? '<b/>' : ''}${change.italic ? '<i/>' : ''}${change.underline ? '<u/>' : ''}${sz}${color}${base.rest}</font>`;
}

function fontChangeOf(font: LookFont): FontChange {
  return font === 'link' ? LINK_FONT : (STYLE_FONTS[font] as FontChange);
}

/** The workbook's default font as plain text (no prefixes), for fontXml to start from. */
function plainFontText(font: Element | undefined): string | undefined {
  if (!font) return undefined;
  const kids = childElements(font)
    .filter((c) => c.namespaceURI === MAIN)
    .map((c) => {
      const attrs: string[] = [];
      for (let i = 0; i < c.attributes.length; i++) {
        const a = c.attributes.item(i);
        if (a && !a.namespaceURI && a.name !== 'xmlns') attrs.push(` ${a.name}="${escapeXml(a.value)}"`);
      }
      return `<${c.localName}${attrs.join('')}/>`;
    });
  return `<font>${kids.join('')}</font>`;
}

/** The prefix-independent text of an element written as plain XML in the styles namespace. */
function canonicalOf(xml: string): string {
  return canonicalText(parseFragment(xml, MAIN)[0]);
}

/**
 * Adds the cell formats of `looks` to a styles part. Returns the new part
 * and, for each look, the cell-format index to write in a cell's s attribute
 * (0 for the plain look). The part is edited as an XML document: the user's
 * own formats, extensions and prefixes are kept as they were.
 */
export function addReportStyles(stylesXml: string, looks: CellLook[]): { xml: string; xfIds: number[] } {
  const styles = new StylesXml(stylesXml);
  const existingFonts = styles.items('fonts', 'font');
  const fontIndex = new Map<string, number>();
  existingFonts.forEach((f, i) => {
    const key = canonicalText(f);
    if (!fontIndex.has(key)) fontIndex.set(key, i);
  });
  const xfIndex = new Map<string, number>();
  styles.items('cellXfs', 'xf').forEach((x, i) => {
    const key = canonicalText(x);
    if (!xfIndex.has(key)) xfIndex.set(key, i);
  });
  const numFmts = new Map<number, string>();
  for (const f of styles.items('numFmts', 'numFmt')) numFmts.set(Number(f.getAttribute('numFmtId')), f.getAttribute('formatCode') ?? '');
  const fmtByCode = new Map([...numFmts].map(([id, code]) => [code, id]));
  let nextFmt = Math.max(163, ...numFmts.keys()) + 1;
  const defaultFont = plainFontText(existingFonts[0]);
  let fontCount = existingFonts.length;
  let xfCount = styles.items('cellXfs', 'xf').length;
  const newFonts: string[] = [];
  const newFmts: string[] = [];
  const newXfs: string[] = [];

  const fontId = (font: LookFont | null): number => {
    if (!font) return 0;
    const xml = fontXml(defaultFont, fontChangeOf(font));
    const key = canonicalOf(xml);
    let i = fontIndex.get(key);
    if (i === undefined) {
      i = fontCount++;
      fontIndex.set(key, i);
      newFonts.push(xml);
    }
    return i;
  };
  const numFmtId = (code: string | null): number => {
    if (code === null) return 0;
    if (BUILT_IN_FORMATS[code] !== undefined) return BUILT_IN_FORMATS[code];
    let id = fmtByCode.get(code);
    if (id === undefined) {
      id = nextFmt++;
      fmtByCode.set(code, id);
      newFmts.push(`<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    }
    return id;
  };

  const xfIds = looks.map((look) => {
    if (!look.font && look.numFmt === null && !look.wrap) return 0;
    const fmt = numFmtId(look.numFmt);
    const font = fontId(look.font);
    const applies = `${fmt ? ' applyNumberFormat="1"' : ''}${font ? ' applyFont="1"' : ''}`;
    const head = `<xf numFmtId="${fmt}" fontId="${font}" fillId="0" borderId="0" xfId="0"${applies}`;
    const xf = look.wrap ? `${head} applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` : `${head}/>`;
    const key = canonicalOf(xf);
    let i = xfIndex.get(key);
    if (i === undefined) {
      i = xfCount++;
      xfIndex.set(key, i);
      newXfs.push(xf);
    }
    return i;
  });
  if (newFonts.length === 0 && newFmts.length === 0 && newXfs.length === 0) return { xml: stylesXml, xfIds };
  if (newFmts.length) styles.append('numFmts', 'numFmt', newFmts);
  if (newFonts.length) styles.append('fonts', 'font', newFonts);
  if (newXfs.length) styles.append('cellXfs', 'xf', newXfs);
  return { xml: styles.toXml(), xfIds };
}
