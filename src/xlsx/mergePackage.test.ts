import JSZip from 'jszip';
import { highestPartNumber, highestTableId, parseStyles, removeSheets, sheetEntries, StylesXml, tableNamesInPackage } from './mergePackage';
import { renderRels } from './ooxml';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const STYLES_A =
  `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>` +
  '<fonts count="1"><font><sz val="11"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
const STYLES_B =
  `<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="0.0"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy"/></numFmts>` +
  '<fonts count="2"><font><sz val="11"/></font><font><b/><sz val="16"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0"><alignment wrapText="1"/></xf></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

describe('styles lists', () => {
  it('reads number formats, fonts, fills, borders and cell formats', () => {
    const styles = parseStyles(STYLES_B);
    expect([...styles.numFmts]).toEqual([[164, '0.0'], [165, 'dd/mm/yyyy']]);
    expect(styles.fonts).toEqual(['<font><sz val="11"/></font>', '<font><b/><sz val="16"/></font>']);
    expect(styles.fills).toHaveLength(2);
    expect(styles.borders).toEqual(['<border><left/></border>']);
    expect(styles.cellXfs[2]).toBe('<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0"><alignment wrapText="1"/></xf>');
  });

  it('appends to a list and updates its count, keeping the element\'s other attributes and the producer\'s declarations', () => {
    const styles = new StylesXml(
      `<styleSheet xmlns="${MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"><fonts count="1" x14ac:knownFonts="1"><font/></fonts><fills/></styleSheet>`,
    );
    styles.append('fonts', 'font', ['<font><b/></font>']);
    expect(styles.toXml()).toContain('<fonts count="2" x14ac:knownFonts="1"><font/><font><b/></font></fonts><fills/>');
    expect(styles.toXml()).toContain('mc:Ignorable="x14ac"');
  });

  it('adds a missing list before the first element that must follow it', () => {
    const styles = new StylesXml(STYLES_A.replace(/<numFmts[\s\S]*?<\/numFmts>/, ''));
    styles.append('numFmts', 'numFmt', ['<numFmt numFmtId="164" formatCode="0.0"/>']);
    const xml = styles.toXml();
    expect(xml.indexOf('<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts>')).toBeLessThan(xml.indexOf('<fonts'));
  });

  it('writes new elements with the prefix a prefixed styles part uses', () => {
    const styles = new StylesXml(`<x:styleSheet xmlns:x="${MAIN}"><x:fonts count="1"><x:font><x:sz val="10"/></x:font></x:fonts></x:styleSheet>`);
    styles.append('fonts', 'font', ['<font><b/><sz val="16"/></font>']);
    expect(styles.toXml()).toContain('<x:fonts count="2"><x:font><x:sz val="10"/></x:font><x:font><x:b/><x:sz val="16"/></x:font></x:fonts>');
    expect(parseStyles(styles.toXml()).fonts).toHaveLength(2);
  });
});

async function workbook(sheets: string[], extra = ''): Promise<JSZip> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="ws"/>`).join('')}<Override PartName="/xl/calcChain.xml" ContentType="cc"/><Override PartName="/xl/drawings/drawing1.xml" ContentType="d"/><Override PartName="/xl/charts/chart1.xml" ContentType="c"/></Types>`);
  zip.file(
    'xl/workbook.xml',
    `<workbook xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView activeTab="2" firstSheet="2"/></bookViews><sheets>${sheets.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>${extra}<calcPr/></workbook>`,
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

describe('parts in use', () => {
  it('finds the highest part numbers, table ids and every table name', async () => {
    const zip = await workbook(['Tracker', 'Mine']);
    zip.file('xl/tables/table1.xml', `<table xmlns="${MAIN}" id="7" name="Data" displayName="Data" ref="A1:B2"/>`);
    zip.file('xl/tables/table3.xml', `<x:table xmlns:x="${MAIN}" id="2" name="Other" displayName="OtherShown" ref="A1:B2"/>`);
    expect(highestPartNumber(zip, /^xl\/worksheets\/sheet(\d+)\.xml$/)).toBe(2);
    expect(highestPartNumber(zip, /^xl\/tables\/table(\d+)\.xml$/)).toBe(3);
    expect(highestPartNumber(zip, /^xl\/pivotTables\/pivotTable(\d+)\.xml$/)).toBe(0);
    expect(await highestTableId(zip)).toBe(7);
    expect(await tableNamesInPackage(zip)).toEqual(new Set(['data', 'other', 'othershown']));
  });
});
