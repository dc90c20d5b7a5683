/**
 * Small .xlsx packages written by hand (jszip), each the way a particular
 * producer writes its XML, for tests of what the reader and the writer do
 * with it: openpyxl (xmlns:r declared on each <sheet>, absolute part
 * targets), a producer using a prefix for the main namespace, Excel 2016's
 * data validation over a Table, and hostile packages (entity expansion,
 * external entities).
 */
import JSZip from 'jszip';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const CT = {
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  sharedStrings: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
};
const REL = {
  officeDocument: `${R}/officeDocument`,
  worksheet: `${R}/worksheet`,
  styles: `${R}/styles`,
  table: `${R}/table`,
  sharedStrings: `${R}/sharedStrings`,
};

function rels(items: [id: string, type: string, target: string][]): string {
  return `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items
    .map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`)
    .join('')}</Relationships>`;
}

function contentTypes(overrides: [part: string, type: string][]): string {
  return (
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    `${overrides.map(([p, t]) => `<Override PartName="${p}" ContentType="${t}"/>`).join('')}</Types>`
  );
}

/** The styles part openpyxl writes for a new workbook (trimmed to what the schema requires). */
const OPENPYXL_STYLES =
  `${DECL}<styleSheet xmlns="${MAIN}"><numFmts count="0"/><fonts count="1"><font><name val="Calibri"/><family val="2"/><color theme="1"/><sz val="11"/><scheme val="minor"/></font></fonts>` +
  '<fills count="2"><fill><patternFill/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" pivotButton="0" quotePrefix="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0" hidden="0"/></cellStyles><tableStyles count="0" defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleLight16"/></styleSheet>';

/**
 * A workbook as openpyxl 3 writes it: xmlns:r declared on each <sheet> (not
 * on <workbook>), absolute relationship targets, an empty <definedNames/>.
 */
export async function openpyxlPackage(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', contentTypes([['/xl/workbook.xml', CT.workbook], ['/xl/worksheets/sheet1.xml', CT.worksheet], ['/xl/styles.xml', CT.styles]]));
  zip.file('_rels/.rels', rels([['rId1', REL.officeDocument, 'xl/workbook.xml']]));
  zip.file(
    'xl/workbook.xml',
    `${DECL}<workbook xmlns="${MAIN}"><workbookPr/><workbookProtection/><bookViews><workbookView visibility="visible" minimized="0" showHorizontalScroll="1" showVerticalScroll="1" showSheetTabs="1" tabRatio="600" firstSheet="0" activeTab="0" autoFilterDateGrouping="1"/></bookViews>` +
      `<sheets><sheet xmlns:r="${R}" name="Notes" sheetId="1" state="visible" r:id="rId1"/></sheets><definedNames/><calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>`,
  );
  zip.file('xl/_rels/workbook.xml.rels', rels([['rId1', REL.worksheet, '/xl/worksheets/sheet1.xml'], ['rId2', REL.styles, '/xl/styles.xml']]));
  zip.file('xl/styles.xml', OPENPYXL_STYLES);
  zip.file(
    'xl/worksheets/sheet1.xml',
    `${DECL}<worksheet xmlns="${MAIN}"><sheetPr><outlinePr summaryBelow="1" summaryRight="1"/><pageSetUpPr/></sheetPr><dimension ref="A1:A1"/><sheetViews><sheetView workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView></sheetViews>` +
      '<sheetFormatPr baseColWidth="8" defaultRowHeight="15"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Written by openpyxl</t></is></c></row></sheetData><pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/></worksheet>',
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A workbook whose producer writes the main namespace with a prefix (x:) throughout, and r: only on <x:sheets>. */
export async function prefixedPackage(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', contentTypes([['/xl/workbook.xml', CT.workbook], ['/xl/worksheets/sheet1.xml', CT.worksheet], ['/xl/styles.xml', CT.styles]]));
  zip.file('_rels/.rels', rels([['rId1', REL.officeDocument, '/xl/workbook.xml']]));
  zip.file('xl/workbook.xml', `${DECL}<x:workbook xmlns:x="${MAIN}"><x:bookViews><x:workbookView/></x:bookViews><x:sheets xmlns:rel="${R}"><x:sheet name="Notes" sheetId="1" rel:id="rId1"/></x:sheets></x:workbook>`);
  zip.file('xl/_rels/workbook.xml.rels', rels([['rId1', REL.worksheet, 'worksheets/sheet1.xml'], ['rId2', REL.styles, 'styles.xml']]));
  zip.file('xl/styles.xml', OPENPYXL_STYLES.replace(/<(\/?)(\w+)/g, '<$1x:$2').replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`));
  zip.file('xl/worksheets/sheet1.xml', `${DECL}<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Prefixed</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const X14AC = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac';
const XR = 'http://schemas.microsoft.com/office/spreadsheetml/2014/revision';
const XR3 = 'http://schemas.microsoft.com/office/spreadsheetml/2016/revision3';
const X14 = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';
const XM = 'http://schemas.microsoft.com/office/excel/2006/main';

/**
 * Data validation over a Table, as Excel 2016 writes it (after Apache POI's
 * dataValidationTableRange.xlsx): a "Counties" Table on one sheet; on
 * "County Ranking", a list validation whose source is the Table's column
 * (INDIRECT of a structured reference, and a defined name referring to
 * Counties[County]), one over the Table's own column range, and the
 * 2009 extension form (x14:dataValidation with xm:sqref) Excel writes for a
 * source on another sheet; mc:Ignorable and x14ac/xr attributes throughout.
 */
export async function dataValidationTablePackage(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    contentTypes([
      ['/xl/workbook.xml', CT.workbook],
      ['/xl/worksheets/sheet1.xml', CT.worksheet],
      ['/xl/worksheets/sheet2.xml', CT.worksheet],
      ['/xl/styles.xml', CT.styles],
      ['/xl/tables/table1.xml', CT.table],
      ['/xl/sharedStrings.xml', CT.sharedStrings],
    ]),
  );
  zip.file('_rels/.rels', rels([['rId1', REL.officeDocument, 'xl/workbook.xml']]));
  zip.file(
    'xl/workbook.xml',
    `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${R}" xmlns:mc="${MC_NS}" mc:Ignorable="x15 xr xr6 xr10 xr2" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:xr="${XR}" xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2">` +
      '<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="21328"/><workbookPr defaultThemeVersion="166925"/>' +
      `<mc:AlternateContent xmlns:mc="${MC_NS}"><mc:Choice Requires="x15"><x15ac:absPath xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac" url="C:\\Users\\poi\\"/></mc:Choice></mc:AlternateContent>` +
      '<xr:revisionPtr revIDLastSave="0" documentId="13_ncr:1_{00000000-0000-0000-0000-000000000000}" xr6:coauthVersionLast="31" xr6:coauthVersionMax="31" xr10:uidLastSave="{00000000-0000-0000-0000-000000000000}"/>' +
      '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300" xr2:uid="{00000000-000D-0000-FFFF-FFFF00000000}"/></bookViews>' +
      '<sheets><sheet name="Counties" sheetId="1" r:id="rId1"/><sheet name="County Ranking" sheetId="2" r:id="rId2"/></sheets>' +
      '<definedNames><definedName name="CountyList">Counties[County]</definedName></definedNames><calcPr calcId="179017"/>' +
      '<extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst></workbook>',
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    rels([
      ['rId1', REL.worksheet, 'worksheets/sheet1.xml'],
      ['rId2', REL.worksheet, 'worksheets/sheet2.xml'],
      ['rId3', REL.styles, 'styles.xml'],
      ['rId4', REL.sharedStrings, 'sharedStrings.xml'],
    ]),
  );
  zip.file(
    'xl/styles.xml',
    `${DECL}<styleSheet xmlns="${MAIN}" xmlns:mc="${MC_NS}" mc:Ignorable="x14ac x16r2 xr" xmlns:x14ac="${X14AC}" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main" xmlns:xr="${XR}">` +
      '<fonts count="1" x14ac:knownFonts="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      `<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="${X14}"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext></extLst></styleSheet>`,
  );
  const counties = ['Adams', 'Asotin', 'Benton', 'Chelan', 'Clallam'];
  zip.file(
    'xl/sharedStrings.xml',
    `${DECL}<sst xmlns="${MAIN}" count="${counties.length + 3}" uniqueCount="${counties.length + 3}"><si><t>County</t></si><si><t>Days per patient</t></si><si><t>Choose a county</t></si>${counties.map((c) => `<si><t>${c}</t></si>`).join('')}</sst>`,
  );
  const rows = counties.map((_, i) => `<row r="${i + 2}" spans="1:2" x14ac:dyDescent="0.25"><c r="A${i + 2}" t="s"><v>${i + 3}</v></c><c r="B${i + 2}"><v>${4.5 + i}</v></c></row>`).join('');
  zip.file(
    'xl/worksheets/sheet1.xml',
    `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${R}" xmlns:mc="${MC_NS}" mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="${X14AC}" xmlns:xr="${XR}" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" xmlns:xr3="${XR3}" xr:uid="{00000000-0001-0000-0000-000000000000}">` +
      `<dimension ref="A1:B${counties.length + 1}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>` +
      `<sheetData><row r="1" spans="1:2" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>${rows}</sheetData>` +
      // A validation over the Table's own column (the Table's data range).
      `<dataValidations count="1"><dataValidation type="decimal" operator="greaterThan" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="B2:B${counties.length + 1}"><formula1>0</formula1></dataValidation></dataValidations>` +
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>',
  );
  zip.file('xl/worksheets/_rels/sheet1.xml.rels', rels([['rId1', REL.table, '../tables/table1.xml']]));
  zip.file(
    'xl/tables/table1.xml',
    `${DECL}<table xmlns="${MAIN}" xmlns:mc="${MC_NS}" mc:Ignorable="xr xr3" xmlns:xr="${XR}" xmlns:xr3="${XR3}" id="1" xr:uid="{00000000-000C-0000-FFFF-FFFF00000000}" name="Counties" displayName="Counties" ref="A1:B${counties.length + 1}" totalsRowShown="0">` +
      `<autoFilter ref="A1:B${counties.length + 1}" xr:uid="{00000000-0009-0000-0100-000001000000}"/><tableColumns count="2"><tableColumn id="1" xr3:uid="{00000000-0010-0000-0000-000001000000}" name="County"/><tableColumn id="2" xr3:uid="{00000000-0010-0000-0000-000002000000}" name="Days per patient"/></tableColumns>` +
      '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>',
  );
  zip.file(
    'xl/worksheets/sheet2.xml',
    `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${R}" xmlns:mc="${MC_NS}" mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="${X14AC}" xmlns:xr="${XR}" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" xmlns:xr3="${XR3}" xr:uid="{00000000-0001-0000-0100-000000000000}">` +
      '<dimension ref="G9"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>' +
      '<sheetData><row r="9" spans="7:7" x14ac:dyDescent="0.25"><c r="G9" t="s"><v>2</v></c></row></sheetData>' +
      '<dataValidations count="2"><dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="G9"><formula1>INDIRECT("Counties[County]")</formula1></dataValidation>' +
      '<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="G10:G20 H10"><formula1>CountyList</formula1></dataValidation></dataValidations>' +
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
      `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="${X14}"><x14:dataValidations count="1" xmlns:xm="${XM}"><x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1">` +
      `<x14:formula1><xm:f>Counties!$A$2:$A$${counties.length + 1}</xm:f></x14:formula1><xm:sqref>G8</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst></worksheet>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The same package with one worksheet's validations in a form exceljs cannot load (a validation without its sqref). */
export async function withUnloadableValidation(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const sheet = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
  zip.file('xl/worksheets/sheet2.xml', sheet.replace('sqref="G9"', ''));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** "Billion laughs": nested internal entities that would expand to gigabytes. */
export const BILLION_LAUGHS =
  '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">' +
  Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('') +
  ']>';

/** An external entity that would read a file of the computer (or fetch a URL) when expanded. */
export const EXTERNAL_ENTITY = '<?xml version="1.0"?>\n<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>';

/**
 * `bytes` with the document type declaration `doctype` put in front of one
 * part's root element (and an entity reference in it where one fits).
 */
export async function withDoctype(bytes: Buffer, part: string, doctype: string, entity: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file(part)!.async('string');
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
  const withRef = body.replace(/<t>([^<]*)<\/t>/, `<t>$1&${entity};</t>`);
  zip.file(part, `${doctype}\n${withRef}`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
