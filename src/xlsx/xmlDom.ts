/**
 * The package parts the report writer edits in a user's workbook (workbook,
 * relationships, content types, styles) are parsed and written with a real
 * XML library, so whatever the producer did stays valid: any namespace
 * prefix, declarations on any element (openpyxl declares xmlns:r on each
 * <sheet>), markup-compatibility content and extensions. Elements the writer
 * adds are created in the right namespace; the serializer declares a prefix
 * wherever one is not already in scope.
 *
 * Every part is checked for a document type declaration first: no part of a
 * genuine .xlsx has one, and it is how entity expansion ("billion laughs")
 * and external entities get in. Such a package is refused before anything
 * parses it.
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import type { Document, Element, Node } from '@xmldom/xmldom';
import { UserFacingError } from '../core/errors';

export type { Document, Element };

const ELEMENT_NODE = 1;

/** The package's parts cannot be read as XML: damaged, or not what a spreadsheet program writes. */
export function damagedPackageMessage(name: string): string {
  const what = name ? `"${name}"` : 'The file';
  return `${what} could not be opened as an Excel workbook (.xlsx): it is empty or damaged. If Excel opens it (Excel offers to repair a damaged file), save a copy and use the copy.`;
}

/** A package carrying a document type declaration: refused, nothing expanded or fetched. */
export function hostilePackageMessage(name: string): string {
  const what = name ? `"${name}"` : 'The file';
  return `${what} could not be opened as an Excel workbook (.xlsx): it contains XML declarations (a document type definition) that Excel never writes and that can be used to attack a computer, so nothing in it was read. Check where the file came from; if you trust it, open it in Excel, save a copy and use the copy.`;
}

/**
 * True when the text has a document type declaration. It may only come
 * before the root element, so only the prolog (declaration, comments,
 * processing instructions, white space) is looked at: this is quick on parts
 * of any size and cannot be misled by text that merely mentions one later.
 */
export function hasDoctype(text: string): boolean {
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (at < text.length && /\s/.test(text[at])) at++;
    if (text.startsWith('<?', at)) {
      const end = text.indexOf('?>', at + 2);
      if (end < 0) return false;
      at = end + 2;
    } else if (text.startsWith('<!--', at)) {
      const end = text.indexOf('-->', at + 4);
      if (end < 0) return false;
      at = end + 3;
    } else {
      // Case-insensitive so a malformed "<!doctype" is refused too rather than handed to a parser.
      return text.slice(at, at + 9).toUpperCase() === '<!DOCTYPE' || text.slice(at, at + 8).toUpperCase() === '<!ENTITY';
    }
  }
}

/** The text of a part's bytes, honouring a UTF-16 byte order mark (UTF-8 otherwise, as XML defaults). */
export function decodeXmlBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** Parts that are XML (the rest, such as images and printer settings, are left alone). */
export function isXmlPartName(path: string): boolean {
  return /\.(xml|rels|vml)$/i.test(path);
}

/**
 * Parses one part. A part that is not well-formed XML makes the package
 * "empty or damaged"; a document type declaration makes it hostile. Both are
 * plain UserFacingErrors naming the file.
 */
export function parseXml(text: string, fileName = ''): Document {
  if (hasDoctype(text)) throw new UserFacingError('unreadableFile', hostilePackageMessage(fileName));
  let failed = false;
  let doc: Document | undefined;
  try {
    doc = new DOMParser({
      onError: (level: string) => {
        if (level !== 'warning') failed = true;
      },
    }).parseFromString(text, 'text/xml');
  } catch {
    failed = true;
  }
  if (failed || !doc || !doc.documentElement) throw new UserFacingError('unreadableFile', damagedPackageMessage(fileName));
  return doc;
}

/** A part's XML text, with the XML declaration Office expects at the top. */
export function serializeXml(doc: Document): string {
  const text = new XMLSerializer().serializeToString(doc);
  return text.startsWith('<?xml') ? text : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${text}`;
}

/** Element children of a node. */
export function childElements(node: Node): Element[] {
  const out: Element[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === ELEMENT_NODE) out.push(c as Element);
  return out;
}

/** Element children in namespace `ns` named `localName`. */
export function childrenNamed(node: Node, ns: string, localName: string): Element[] {
  return childElements(node).filter((e) => e.namespaceURI === ns && e.localName === localName);
}

export function firstChildNamed(node: Node, ns: string, localName: string): Element | null {
  return childrenNamed(node, ns, localName)[0] ?? null;
}

/**
 * A new element in `ns` for a place under `parent`: with the parent's prefix
 * when the parent is in the same namespace, so a prefixed document
 * (<x:sheets>) gets <x:sheet>, an unprefixed one <sheet>.
 */
export function createElementIn(parent: Element, ns: string, localName: string): Element {
  const doc = parent.ownerDocument as Document;
  const prefix = parent.namespaceURI === ns ? parent.prefix : parent.lookupPrefix(ns);
  // With no prefix in scope the serializer declares the namespace on the element itself.
  return doc.createElementNS(ns, prefix ? `${prefix}:${localName}` : localName);
}

/**
 * Sets an attribute in namespace `ns` (such as r:id), using the prefix in
 * scope at `el` when there is one; otherwise `fallbackPrefix`, which the
 * serializer declares on the element.
 */
export function setNsAttribute(el: Element, ns: string, fallbackPrefix: string, localName: string, value: string): void {
  const prefix = el.lookupPrefix(ns) ?? fallbackPrefix;
  el.setAttributeNS(ns, `${prefix}:${localName}`, value);
}

/**
 * Inserts `child` into `parent` where a schema sequence wants it: before the
 * first existing child (in parent's namespace) whose name comes later in
 * `order`; at the end when none does (an unknown name also goes last).
 */
export function insertInOrder(parent: Element, child: Element, order: readonly string[]): void {
  const idx = order.indexOf(child.localName as string);
  if (idx >= 0) {
    const later = new Set(order.slice(idx + 1));
    for (const c of childElements(parent)) {
      if (c.namespaceURI === parent.namespaceURI && later.has(c.localName as string)) {
        parent.insertBefore(child, c);
        return;
      }
    }
  }
  parent.appendChild(child);
}

/**
 * Copies an element parsed elsewhere into `parent`'s document, in the same
 * namespaces, taking the prefix the parent uses for its own namespace (so
 * elements written as plain XML text join a prefixed document correctly).
 */
export function adoptElement(parent: Element, source: Element): Element {
  const doc = parent.ownerDocument as Document;
  const copy = (src: Element, into: Element): Element => {
    const ns = src.namespaceURI;
    const el = ns === into.namespaceURI || ns === parent.namespaceURI ? createElementIn(into, ns as string, src.localName as string) : doc.createElementNS(ns, src.nodeName);
    for (let i = 0; i < src.attributes.length; i++) {
      const a = src.attributes.item(i);
      if (!a || a.name === 'xmlns' || a.prefix === 'xmlns') continue;
      if (a.namespaceURI) el.setAttributeNS(a.namespaceURI, a.name, a.value);
      else el.setAttribute(a.name, a.value);
    }
    for (let c = src.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === ELEMENT_NODE) el.appendChild(copy(c as Element, el));
      else el.appendChild(doc.importNode(c, true));
    }
    return el;
  };
  return copy(source, parent);
}

/**
 * Elements parsed from XML text written with `ns` as the default namespace
 * (plus any `prefixes`), ready for adoptElement.
 */
export function parseFragment(xml: string, ns: string, prefixes: Record<string, string> = {}): Element[] {
  const decls = Object.entries(prefixes)
    .map(([p, uri]) => ` xmlns:${p}="${uri}"`)
    .join('');
  const doc = parseXml(`<fragment xmlns="${ns}"${decls}>${xml}</fragment>`);
  return childElements(doc.documentElement as Element);
}

/**
 * A prefix-independent text of an element (names by namespace, attributes
 * sorted, namespace declarations left out), to tell whether two elements say
 * the same thing whatever prefixes their documents use.
 */
export function canonicalText(el: Element): string {
  const attrs: string[] = [];
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i);
    if (!a || a.name === 'xmlns' || a.prefix === 'xmlns') continue;
    attrs.push(`${a.namespaceURI ?? ''}|${a.localName ?? a.name}=${a.value}`);
  }
  attrs.sort();
  let inner = '';
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === ELEMENT_NODE) inner += canonicalText(c as Element);
    else if (c.nodeType === 3 || c.nodeType === 4) inner += (c.nodeValue ?? '').trim() ? c.nodeValue : '';
  }
  return `<${el.namespaceURI ?? ''}|${el.localName} ${attrs.join(' ')}>${inner}</>`;
}

/**
 * The document's text with every element of namespace `ns` written without a
 * prefix (as the default namespace) and the namespaces in `prefixes` written
 * with the prefix given, everything else as it was. For readers that match
 * names as written (exceljs looks for <row> and r:id, not <x:row> or rel:id).
 */
export function withNamespaceAsDefault(doc: Document, ns: string, prefixes: Record<string, string> = {}): string {
  // A new document to copy into; its stand-in root is replaced by the copied root below.
  const out = new DOMParser().parseFromString(`<root/>`, 'text/xml');
  const rename = (uri: string | null, qualified: string, local: string): string => (uri && prefixes[uri] ? `${prefixes[uri]}:${local}` : qualified);
  const copy = (src: Element): Element => {
    const el =
      src.namespaceURI === ns
        ? out.createElementNS(ns, src.localName as string)
        : out.createElementNS(src.namespaceURI, rename(src.namespaceURI, src.nodeName, src.localName as string));
    for (let i = 0; i < src.attributes.length; i++) {
      const a = src.attributes.item(i);
      if (!a) continue;
      // Declarations are left to the serializer, which writes one wherever a prefix is used.
      if (a.prefix === 'xmlns' || a.name === 'xmlns') {
        if (a.value !== ns && !prefixes[a.value]) el.setAttributeNS(a.namespaceURI, a.name, a.value);
        continue;
      }
      if (a.namespaceURI) el.setAttributeNS(a.namespaceURI, rename(a.namespaceURI, a.name, a.localName as string), a.value);
      else el.setAttribute(a.name, a.value);
    }
    for (let c = src.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === ELEMENT_NODE) el.appendChild(copy(c as Element));
      else el.appendChild(out.importNode(c, true));
    }
    return el;
  };
  const root = copy(doc.documentElement as Element);
  out.replaceChild(root, out.documentElement as Element);
  return serializeXml(out);
}
