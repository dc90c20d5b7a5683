import { addReportStyles, fontXml, LookTable } from './reportStyles';
import { parseStyles } from './mergePackage';

const USER_STYLES =
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>' +
  '<fonts count="2"><font><sz val="10"/><color theme="1"/><name val="Arial"/><family val="2"/></font><font><b/><sz val="10"/><name val="Arial"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

describe('LookTable', () => {
  it('numbers each distinct look once, the plain look first', () => {
    const looks = new LookTable();
    expect(looks.id({ font: null, numFmt: null, wrap: false })).toBe(0);
    const a = looks.id({ font: 'title', numFmt: null, wrap: false });
    expect(looks.id({ font: 'title', numFmt: null, wrap: false })).toBe(a);
    expect(looks.id({ font: 'title', numFmt: '0.0', wrap: false })).not.toBe(a);
  });

  it('overlays a later write: what it sets replaces, the rest is kept', () => {
    const looks = new LookTable();
    const under = looks.id({ font: 'heading', numFmt: 'dd/mm/yyyy', wrap: true });
    expect(looks.looks[looks.overlay(under, null, '0.0', false)]).toEqual({ font: 'heading', numFmt: '0.0', wrap: true });
    expect(looks.looks[looks.overlay(under, 'link', null, false)]).toEqual({ font: 'link', numFmt: 'dd/mm/yyyy', wrap: true });
    expect(looks.overlay(0, null, null, false)).toBe(0);
  });
});

describe('fontXml', () => {
  it('starts from the workbook\'s default font', () => {
    const base = '<font><sz val="10"/><color theme="1"/><name val="Arial"/><family val="2"/><scheme val="minor"/></font>';
    expect(fontXml(base, { bold: true, size: 16 })).toBe('<font><b/><sz val="16"/><color theme="1"/><name val="Arial"/><family val="2"/><scheme val="minor"/></font>');
    expect(fontXml(base, { italic: true, color: { argb: 'FF595959' } })).toBe('<font><i/><sz val="10"/><color rgb="FF595959"/><name val="Arial"/><family val="2"/><scheme val="minor"/></font>');
    expect(fontXml(undefined, { underline: true })).toBe('<font><u/><sz val="11"/></font>');
  });
});

describe('addReportStyles', () => {
  const looks = new LookTable();
  looks.id({ font: 'title', numFmt: null, wrap: false });
  looks.id({ font: null, numFmt: 'dd/mm/yyyy', wrap: false });
  looks.id({ font: null, numFmt: '0.0', wrap: false });
  looks.id({ font: null, numFmt: '0', wrap: true });
  looks.id({ font: 'link', numFmt: '0.0"%"', wrap: false });
  const { xml, xfIds } = addReportStyles(USER_STYLES, looks.looks);
  const styles = parseStyles(xml);

  it('adds one cell format per look after the user\'s, the plain look needing none', () => {
    expect(xfIds).toEqual([0, 2, 3, 4, 5, 6]);
    expect(xml).toContain('<cellXfs count="7">');
    expect(styles.cellXfs.slice(0, 2)).toEqual(parseStyles(USER_STYLES).cellXfs);
  });

  it('uses the workbook\'s default typeface for report fonts', () => {
    expect(styles.fonts[2]).toBe('<font><b/><sz val="16"/><color theme="1"/><name val="Arial"/><family val="2"/></font>');
    expect(styles.cellXfs[2]).toBe('<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>');
  });

  it('reuses the user\'s number formats, refers to built-in ones by id, and adds the rest', () => {
    expect(styles.cellXfs[3]).toContain('numFmtId="164"');
    expect(styles.cellXfs[5]).toBe('<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>');
    expect([...styles.numFmts]).toEqual([[164, 'dd/mm/yyyy'], [165, '0.0'], [166, '0.0"%"']]);
    expect(xml).toContain('<numFmt numFmtId="166" formatCode="0.0&quot;%&quot;"/>');
  });

  it('does not grow the styles part when the report is written again', () => {
    const again = addReportStyles(xml, looks.looks);
    expect(again.xfIds).toEqual(xfIds);
    expect(again.xml).toBe(xml);
  });

  it('leaves the styles part alone when every cell is plain', () => {
    expect(addReportStyles(USER_STYLES, new LookTable().looks)).toEqual({ xml: USER_STYLES, xfIds: [0] });
  });
});
