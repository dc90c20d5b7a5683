import { resolve } from 'path';
import { processMarkupCompatibility, schemaForPart, validateParts } from './corpus';

const SCHEMAS = resolve(__dirname, '../data/ooxml-schemas');
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

jest.setTimeout(60000);

describe('markup-compatibility processing (ECMA-376 Part 3)', () => {
  it('removes ignorable attributes and elements, keeps what is understood, takes the Fallback', () => {
    const xml =
      `<styleSheet xmlns="${MAIN}" xmlns:mc="${MC}" mc:Ignorable="x14ac" xmlns:x14ac="urn:x14ac" xmlns:x15="urn:x15">` +
      '<fonts count="1" x14ac:knownFonts="1"><font/></fonts><x14ac:thing/>' +
      '<mc:AlternateContent><mc:Choice Requires="x15"><x15:new/></mc:Choice><mc:Fallback><dxfs count="0"/></mc:Fallback></mc:AlternateContent>' +
      '<extLst><ext uri="{1}"><x14ac:kept/></ext></extLst></styleSheet>';
    const out = processMarkupCompatibility(xml);
    expect(out).toContain('<fonts count="1"><font/></fonts><dxfs count="0"/><extLst><ext uri="{1}"><x14ac:kept/></ext></extLst>');
    expect(out).not.toContain('mc:Ignorable');
    expect(out).not.toContain('x14ac:thing');
    expect(out).not.toContain('x15:new');
  });
});

describe('schema validation', () => {
  it('maps parts to schemas', () => {
    expect(schemaForPart('[Content_Types].xml')).toBe('opc-contentTypes.xsd');
    expect(schemaForPart('xl/_rels/workbook.xml.rels')).toBe('opc-relationships.xsd');
    expect(schemaForPart('xl/charts/chart3.xml')).toBe('dml-chart.xsd');
    expect(schemaForPart('xl/drawings/drawing1.xml')).toBe('dml-spreadsheetDrawing.xsd');
    expect(schemaForPart('xl/worksheets/sheet2.xml')).toBe('sml.xsd');
    expect(schemaForPart('xl/media/image1.png')).toBeNull();
    expect(schemaForPart('docProps/core.xml')).toBeNull();
  });

  it('passes a valid part and names the part and the fault of an invalid one', async () => {
    const good = `<workbook xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    // Out of schema order, and an attribute the schema does not have.
    const bad = `<workbook xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="A" sheetId="1" r:id="rId1" colour="red"/></sheets><workbookPr/></workbook>`;
    const problems = await validateParts(
      [
        { name: 'good/xl/workbook.xml', xml: good, schema: 'sml.xsd' },
        { name: 'bad/xl/workbook.xml', xml: bad, schema: 'sml.xsd' },
      ],
      SCHEMAS,
    );
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.startsWith('bad/xl/workbook.xml (sml.xsd)'))).toBe(true);
    expect(problems.join('\n')).toContain('colour');
  });
});
