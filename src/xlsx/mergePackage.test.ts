import JSZip from 'jszip';
import { appendSheets, mergeSharedStrings, mergeStyles, parseStyles, remapSheetXml, removeSheets, sheetEntries, tableNamesInPackage } from './mergePackage';
import { renderRels } from './ooxml';

const STYLES_A =
  '<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>' +
  '<fonts count="1"><font><sz val="11"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
const STYLES_B =
  '<styleSheet><numFmts count="2"><numFmt numFmtId="164" formatCode="0.0"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/></font><font><b/><sz val="16"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0"><alignment wrapText="1"/></xf></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

describe('mergeStyles', () => {
  const { xml, xfMap } = mergeStyles(STYLES_A, STYLES_B);
  const merged = parseStyles(xml);

  it('appends the source cell formats and maps their indexes', () => {
    expect(xfMap).toEqual([2, 3, 4]);
    expect(merged.cellXfs).toHaveLength(5);
    expect(xml).toContain('<cellXfs count="5">');
  });

  it('reuses a number format the target already has and adds the others with new ids', () => {
    expect([...merged.numFmts]).toEqual([[164, 'dd/mm/yyyy'], [165, '0.0']]);
    expect(merged.cellXfs[3]).toContain('numFmtId="165"'); // 0.0
    expect(merged.cellXfs[4]).toContain('numFmtId="164"'); // dd/mm/yyyy, the target's own id
  });

  it('points the copied formats at the copied fonts, fills and borders', () => {
    expect(merged.fonts).toHaveLength(3);
    expect(merged.cellXfs[3]).toContain('fontId="2"');
    expect(merged.cellXfs[3]).toContain('fillId="2"');
    expect(merged.cellXfs[3]).toContain('borderId="1"');
    expect(merged.cellXfs[4]).toContain('<alignment wrapText="1"/></xf>');
    expect(xml).toContain('<fonts count="3">');
    expect(xml).toContain('<borders count="2">');
  });

  it('adds a numFmts block when the target has none', () => {
    const noFmts = STYLES_A.replace(/<numFmts[\s\S]*?<\/numFmts>/, '');
    const out = mergeStyles(noFmts, STYLES_B).xml;
    expect(out.indexOf('<numFmts count="2">')).toBeLessThan(out.indexOf('<fonts'));
  });
});

describe('mergeSharedStrings', () => {
  it('appends strings and maps indexes, counting them', () => {
    const r = mergeSharedStrings('<sst count="9" uniqueCount="2"><si><t>a</t></si><si><t>b</t></si></sst>', '<sst><si><t>x</t></si></sst>');
    expect(r.map).toEqual([2]);
    expect(r.xml).toContain('<sst count="3" uniqueCount="3"><si><t>a</t></si><si><t>b</t></si><si><t>x</t></si></sst>');
  });
  it('creates a table when the target has none', () => {
    const r = mergeSharedStrings(null, '<sst><si><t>x</t></si></sst>');
    expect(r.map).toEqual([0]);
    expect(r.xml).toContain('<si><t>x</t></si></sst>');
  });
});

describe('remapSheetXml', () => {
  it('remaps cell, row and column styles and shared-string indexes only', () => {
    const xml = '<cols><col min="1" max="1" style="1"/></cols><row r="1" s="2" customFormat="1"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" s="2"><v>0</v></c><c r="C1"/></row>';
    expect(remapSheetXml(xml, [10, 11, 12], [7])).toBe(
      '<cols><col min="1" max="1" style="11"/></cols><row r="1" s="12" customFormat="1"><c r="A1" s="11" t="s"><v>7</v></c><c r="B1" s="12"><v>0</v></c><c r="C1"/></row>',
    );
  });
});

async function workbook(sheets: string[], extra = ''): Promise<JSZip> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', `<Types>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="ws"/>`).join('')}<Override PartName="/xl/calcChain.xml" ContentType="cc"/><Override PartName="/xl/drawings/drawing1.xml" ContentType="d"/><Override PartName="/xl/charts/chart1.xml" ContentType="c"/></Types>`);
  zip.file(
    'xl/workbook.xml',
    `<workbook><bookViews><workbookView activeTab="2" firstSheet="2"/></bookViews><sheets>${sheets.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>${extra}<calcPr/></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    renderRels([
      ...sheets.map((_, i) => ({ id: `rId${i + 1}`, type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet', target: `worksheets/sheet${i + 1}.xml` })),
      { id: 'rId90', type: 'calcChain', target: 'calcChain.xml' },
    ]),
  );
  sheets.forEach((_, i) => zip.file(`xl/worksheets/sheet${i + 1}.xml`, `<worksheet><sheetData/></worksheet>`));
  zip.file('xl/calcChain.xml', '<calcChain/>');
  // The last sheet has a drawing with a chart.
  zip.file(`xl/worksheets/_rels/sheet${sheets.length}.xml.rels`, renderRels([{ id: 'rId1', type: 'drawing', target: '../drawings/drawing1.xml' }]));
  zip.file('xl/drawings/drawing1.xml', '<wsDr/>');
  zip.file('xl/drawings/_rels/drawing1.xml.rels', renderRels([{ id: 'rId1', type: 'chart', target: '../charts/chart1.xml' }]));
  zip.file('xl/charts/chart1.xml', '<chartSpace/>');
  zip.file('xl/media/image1.png', 'png');
  return zip;
}

describe('removeSheets', () => {
  it('removes the sheet, its drawing and charts, and the calculation chain', async () => {
    const zip = await workbook(['Tracker', 'Mine', 'Old report']);
    await removeSheets(zip, ['Old report']);
    const wb = await zip.file('xl/workbook.xml')!.async('string');
    expect(sheetEntries(wb).map((e) => e.name)).toEqual(['Tracker', 'Mine']);
    for (const gone of ['xl/worksheets/sheet3.xml', 'xl/drawings/drawing1.xml', 'xl/charts/chart1.xml', 'xl/calcChain.xml', 'xl/worksheets/_rels/sheet3.xml.rels']) expect(zip.file(gone)).toBeNull();
    expect(zip.file('xl/media/image1.png')).not.toBeNull();
    const types = await zip.file('[Content_Types].xml')!.async('string');
    expect(types).not.toContain('chart1');
    expect(types).not.toContain('sheet3.xml');
    expect(types).toContain('sheet2.xml');
    expect(await zip.file('xl/_rels/workbook.xml.rels')!.async('string')).not.toContain('calcChain');
    expect(wb).toContain('<workbookView activeTab="0" firstSheet="0"/>');
  });

  it('drops names scoped to or pointing into the removed sheet and renumbers later scopes', async () => {
    const names =
      '<definedNames><definedName name="a" localSheetId="0">Tracker!$A$1</definedName><definedName name="b" localSheetId="1">Old!$A$1</definedName>' +
      '<definedName name="c" localSheetId="2">Mine!$A$1</definedName><definedName name="d">&apos;Old&apos;!$B$2</definedName><definedName name="e">Mine!$C$3</definedName></definedNames>';
    const zip = await workbook(['Tracker', 'Old', 'Mine'], names);
    await removeSheets(zip, ['Old']);
    const wb = await zip.file('xl/workbook.xml')!.async('string');
    expect(wb).toContain('<definedNames><definedName name="a" localSheetId="0">Tracker!$A$1</definedName><definedName name="c" localSheetId="1">Mine!$A$1</definedName><definedName name="e">Mine!$C$3</definedName></definedNames>');
  });
});

describe('appendSheets', () => {
  it('adds sheets at the end with fresh part names, sheet ids and table ids', async () => {
    const target = await workbook(['Tracker']);
    target.file('xl/styles.xml', STYLES_A);
    target.file('xl/tables/table1.xml', '<table id="7" name="Data" displayName="Data" ref="A1:B2"/>');
    const source = new JSZip();
    source.file('xl/workbook.xml', '<workbook><sheets><sheet name="Report" sheetId="1" r:id="rId1"/></sheets></workbook>');
    source.file('xl/_rels/workbook.xml.rels', renderRels([{ id: 'rId1', type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet', target: 'worksheets/sheet1.xml' }]));
    source.file('xl/styles.xml', STYLES_B);
    source.file('xl/worksheets/sheet1.xml', '<worksheet><sheetViews><sheetView tabSelected="1"/></sheetViews><sheetData><row r="1"><c r="A1" s="1"><v>1</v></c></row></sheetData><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>');
    source.file('xl/worksheets/_rels/sheet1.xml.rels', renderRels([{ id: 'rId1', type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table', target: '../tables/table1.xml' }]));
    source.file('xl/tables/table1.xml', '<table id="1" name="Report1" displayName="Report1" ref="A1:A2"/>');
    await appendSheets(target, source, [{ from: 'Report', as: 'Report (2)' }]);

    const wb = await target.file('xl/workbook.xml')!.async('string');
    expect(sheetEntries(wb).map((e) => [e.name, e.sheetId])).toEqual([['Tracker', 1], ['Report (2)', 2]]);
    const sheet = await target.file('xl/worksheets/sheet2.xml')!.async('string');
    expect(sheet).toContain('<c r="A1" s="3"><v>1</v></c>');
    expect(sheet).not.toContain('tabSelected');
    expect(await target.file('xl/tables/table2.xml')!.async('string')).toContain('id="8"');
    expect(await target.file('xl/worksheets/_rels/sheet2.xml.rels')!.async('string')).toContain('Target="../tables/table2.xml"');
    expect(await tableNamesInPackage(target)).toEqual(new Set(['data', 'report1']));
    const types = await target.file('[Content_Types].xml')!.async('string');
    expect(types).toContain('PartName="/xl/worksheets/sheet2.xml"');
    expect(types).toContain('PartName="/xl/tables/table2.xml"');
  });
});
