import {
  absoluteRange,
  addContentTypeOverride,
  escapeXml,
  insertWorksheetElement,
  listWorksheetParts,
  nextRelId,
  parseRange,
  parseRels,
  relsPathOf,
  renderRels,
  resolveTarget,
  sheetNamesInWorkbookXml,
  sheetRangeFormula,
  unescapeXml,
} from './ooxml';

describe('ranges', () => {
  it('parses relative, absolute and single-cell ranges', () => {
    expect(parseRange('B3:F20')).toEqual({ top: 3, left: 2, bottom: 20, right: 6 });
    expect(parseRange('$AA$10:$AB$12')).toEqual({ top: 10, left: 27, bottom: 12, right: 28 });
    expect(parseRange('C5')).toEqual({ top: 5, left: 3, bottom: 5, right: 3 });
    expect(() => parseRange('Sheet!A1')).toThrow();
  });
  it('writes quoted absolute chart formulas', () => {
    expect(absoluteRange(parseRange('a10:a50'))).toBe('$A$10:$A$50');
    expect(sheetRangeFormula("Aim 2", 'B8:B37')).toBe("'Aim 2'!$B$8:$B$37");
    expect(sheetRangeFormula("Children's", 'C5')).toBe("'Children''s'!$C$5");
  });
});

describe('xml text', () => {
  it('escapes and unescapes, dropping characters XML cannot hold', () => {
    expect(escapeXml(`a<b & "c" 'd'\u0001`)).toBe('a&lt;b &amp; &quot;c&quot; &apos;d&apos;');
    expect(unescapeXml('a&lt;b &amp;amp; &#233;')).toBe('a<b &amp; é');
  });
  it('keeps tabs, line breaks and whole surrogate pairs, and drops halves standing alone and U+FFFE/U+FFFF', () => {
    expect(escapeXml('a\tb\nc\r😀')).toBe('a\tb\nc\r😀');
    expect(escapeXml('x\ud83dy\ude00z\ufffe\uffff')).toBe('xyz');
    expect(escapeXml('plain text')).toBe('plain text');
  });
});

describe('insertWorksheetElement', () => {
  const sheet = '<worksheet><sheetData/><pageMargins/><tableParts count="1"/></worksheet>';
  it('puts drawing before tableParts and hyperlinks before pageMargins', () => {
    expect(insertWorksheetElement(sheet, 'drawing', '<drawing r:id="rId2"/>')).toBe('<worksheet><sheetData/><pageMargins/><drawing r:id="rId2"/><tableParts count="1"/></worksheet>');
    expect(insertWorksheetElement(sheet, 'hyperlinks', '<hyperlinks/>')).toBe('<worksheet><sheetData/><hyperlinks/><pageMargins/><tableParts count="1"/></worksheet>');
  });
  it('appends at the end when nothing later exists', () => {
    expect(insertWorksheetElement('<worksheet><sheetData/></worksheet>', 'drawing', '<drawing/>')).toBe('<worksheet><sheetData/><drawing/></worksheet>');
  });
});

describe('relationships and parts', () => {
  it('round-trips relationships and finds a free id', () => {
    const rels = [{ id: 'rId1', type: 't', target: '../tables/table1.xml' }, { id: 'rId3', type: 'h', target: 'x&y', targetMode: 'External' }];
    const xml = renderRels(rels);
    expect(parseRels(xml)).toEqual(rels.map((r) => ({ targetMode: undefined, ...r })));
    expect(nextRelId(rels)).toBe('rId4');
    expect(nextRelId([])).toBe('rId1');
  });
  it('resolves paths and rels parts', () => {
    expect(relsPathOf('xl/worksheets/sheet1.xml')).toBe('xl/worksheets/_rels/sheet1.xml.rels');
    expect(resolveTarget('xl/worksheets/sheet1.xml', '../drawings/drawing1.xml')).toBe('xl/drawings/drawing1.xml');
    expect(resolveTarget('xl/workbook.xml', 'worksheets/sheet2.xml')).toBe('xl/worksheets/sheet2.xml');
    expect(resolveTarget('xl/workbook.xml', '/xl/worksheets/sheet3.xml')).toBe('xl/worksheets/sheet3.xml');
  });
  it('lists worksheets in tab order with their parts', () => {
    const wb = '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Tracker" sheetId="1" r:id="rId3"/><sheet name="A &amp; B" sheetId="2" r:id="rId4"/></sheets></workbook>';
    const rels = renderRels([{ id: 'rId3', type: 'ws', target: 'worksheets/sheet1.xml' }, { id: 'rId4', type: 'ws', target: 'worksheets/sheet2.xml' }]);
    expect(listWorksheetParts(wb, rels)).toEqual([{ name: 'Tracker', path: 'xl/worksheets/sheet1.xml' }, { name: 'A & B', path: 'xl/worksheets/sheet2.xml' }]);
    expect(sheetNamesInWorkbookXml(wb)).toEqual(['Tracker', 'A & B']);
  });
  it('adds a content type override once', () => {
    const types = 'xmlns="http://schemas.openxmlformats.org/package/2006/content-types"';
    const once = addContentTypeOverride(`<Types ${types}></Types>`, '/xl/charts/chart1.xml', 'ct');
    expect(once).toContain(`<Types ${types}><Override PartName="/xl/charts/chart1.xml" ContentType="ct"/></Types>`);
    expect(addContentTypeOverride(once, '/XL/Charts/chart1.xml', 'ct')).toBe(once);
  });
});
