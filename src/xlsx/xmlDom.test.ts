import { isUserFacingError } from '../core/errors';
import { ContentTypesXml, RelsXml, WorkbookXml } from './packageXml';
import { adoptElement, canonicalText, childElements, createElementIn, Element, hasDoctype, parseFragment, parseXml, serializeXml, withNamespaceAsDefault } from './xmlDom';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

describe('hasDoctype', () => {
  it('finds a declaration in the prolog only', () => {
    expect(hasDoctype('<?xml version="1.0"?>\n<!-- c --><!DOCTYPE a [<!ENTITY x "y">]><a/>')).toBe(true);
    expect(hasDoctype('\ufeff<!doctype a><a/>')).toBe(true);
    expect(hasDoctype('<?xml version="1.0"?><a>&lt;!DOCTYPE a&gt;</a>')).toBe(false);
    expect(hasDoctype('<a><!-- <!DOCTYPE a> --></a>')).toBe(false);
  });
});

describe('parseXml', () => {
  it('refuses a document type declaration and text that is not XML, in plain words', () => {
    for (const [text, words] of [
      ['<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', 'document type definition'],
      ['CORRUPTED', 'empty or damaged'],
      ['<a><b></a>', 'empty or damaged'],
      // The fault that made openpyxl workbooks unreadable: a prefix used where it is not declared.
      [`<workbook xmlns="${MAIN}"><sheets><sheet r:id="rId1"/></sheets></workbook>`, 'empty or damaged'],
    ]) {
      let message = '';
      try {
        parseXml(text, 'f.xlsx');
      } catch (err) {
        if (isUserFacingError(err)) message = err.message;
      }
      expect(message).toContain(words);
    }
  });
});

describe('elements added to a producer\'s document', () => {
  it('declares r: on a new <sheet> when the producer declared it on each <sheet> (openpyxl)', () => {
    const wb = new WorkbookXml(`<workbook xmlns="${MAIN}"><sheets><sheet xmlns:r="${R}" name="A" sheetId="1" r:id="rId1"/></sheets></workbook>`);
    wb.appendSheet('B & C', 2, 'rId2');
    const again = new WorkbookXml(wb.toXml());
    expect(again.sheets().map((s) => [s.name, s.relId])).toEqual([
      ['A', 'rId1'],
      ['B & C', 'rId2'],
    ]);
    expect(wb.toXml()).toContain(`<sheet name="B &amp; C" sheetId="2" xmlns:r="${R}" r:id="rId2"/>`);
  });

  it('uses the producer\'s own prefixes where they are in scope', () => {
    const wb = new WorkbookXml(`<x:workbook xmlns:x="${MAIN}"><x:sheets xmlns:rel="${R}"><x:sheet name="A" sheetId="1" rel:id="rId1"/></x:sheets></x:workbook>`);
    wb.appendSheet('B', 2, 'rId2');
    wb.markOwned([{ sheet: 'B', comment: null }]);
    expect(wb.toXml()).toContain('<x:sheet name="B" sheetId="2" rel:id="rId2"/>');
    expect(wb.toXml()).toContain(`<x:definedNames><x:definedName name="PaceTracker_Owned" localSheetId="1" hidden="1">'B'!$A$1</x:definedName></x:definedNames>`);
    expect(new WorkbookXml(wb.toXml()).ownedSheets()).toEqual(['B']);
  });

  it('keeps markup-compatibility content and extensions as they were', () => {
    const source =
      `<workbook xmlns="${MAIN}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15" xmlns:x15="urn:x15">` +
      '<mc:AlternateContent><mc:Choice Requires="x15"><x15:absPath url="C:\\"/></mc:Choice></mc:AlternateContent>' +
      '<sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets><extLst><ext uri="{1}"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst></workbook>';
    const wb = new WorkbookXml(source);
    wb.appendSheet('B', 2, 'rId2');
    const out = wb.toXml();
    expect(out).toContain('mc:Ignorable="x15"');
    expect(out).toContain('<mc:AlternateContent><mc:Choice Requires="x15"><x15:absPath url="C:\\"/></mc:Choice></mc:AlternateContent>');
    expect(out).toContain('<extLst><ext uri="{1}"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst>');
    expect(out).toContain('<sheet name="A" sheetId="1" r:id="rId1"/><sheet name="B" sheetId="2" r:id="rId2"/></sheets>');
  });

  it('reads structure protection and the 1904 date system', () => {
    expect(new WorkbookXml(`<workbook xmlns="${MAIN}"><workbookPr date1904="true"/><workbookProtection lockStructure="1"/><sheets/></workbook>`).structureLocked()).toBe(true);
    const plain = new WorkbookXml(`<workbook xmlns="${MAIN}"><workbookPr date1904="false"/><workbookProtection/><sheets/></workbook>`);
    expect([plain.structureLocked(), plain.date1904()]).toEqual([false, false]);
  });

  it('adds relationships and content types in their own namespaces, part names compared without case', () => {
    const rels = new RelsXml('<r:Relationships xmlns:r="http://schemas.openxmlformats.org/package/2006/relationships"><r:Relationship Id="rId1" Type="t" Target="/xl/a.xml"/></r:Relationships>');
    expect(rels.add('t2', 'b.xml')).toBe('rId2');
    expect(rels.toXml()).toContain('<r:Relationship Id="rId2" Type="t2" Target="b.xml"/>');
    const types = new ContentTypesXml('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/XL/A.xml" ContentType="c"/></Types>');
    types.addOverride('/xl/a.xml', 'c');
    types.addOverride('/xl/b.xml', 'c');
    expect(types.toXml().match(/<Override/g)).toHaveLength(2);
    types.removeOverride('/xl/A.XML');
    expect(types.has('/xl/a.xml')).toBe(false);
  });

  it('adopts elements written as plain text into a prefixed document, and compares elements whatever their prefixes', () => {
    const doc = parseXml(`<x:fonts xmlns:x="${MAIN}"><x:font><x:b/></x:font></x:fonts>`);
    const fonts = doc.documentElement as Element;
    const [font] = parseFragment('<font><b/></font>', MAIN);
    fonts.appendChild(adoptElement(fonts, font));
    expect(serializeXml(doc)).toContain('<x:font><x:b/></x:font><x:font><x:b/></x:font>');
    const [a, b] = childElements(fonts);
    expect(canonicalText(a)).toBe(canonicalText(font));
    expect(canonicalText(b)).toBe(canonicalText(a));
    expect(createElementIn(fonts, MAIN, 'font').nodeName).toBe('x:font');
  });

  it('rewrites a prefixed SpreadsheetML part with the namespace as default (for exceljs)', () => {
    const text = withNamespaceAsDefault(parseXml(`<x:worksheet xmlns:x="${MAIN}" xmlns:rel="${R}"><x:sheetData><x:row r="1"/></x:sheetData><x:drawing rel:id="rId1"/></x:worksheet>`), MAIN, { [R]: 'r' });
    expect(text).toContain(`<worksheet xmlns="${MAIN}"><sheetData><row r="1"/></sheetData><drawing xmlns:r="${R}" r:id="rId1"/></worksheet>`);
  });
});
