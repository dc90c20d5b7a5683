import type { PlannedSheet } from '../core/report/plan';
import { cellXml, colsXml, hyperlinksXml, layoutSheet, printXml, tableColumnNames, tableXml, uniqueTableName, worksheetXml, wrappedLines } from './sheetXml';
import { LookTable } from './reportStyles';

function sheet(overrides: Partial<PlannedSheet> = {}): PlannedSheet {
  return { name: 'PACE Aim 1', role: 'aim', blocks: [], tables: [], links: [], charts: [], columnWidths: [], freezeRows: 0, ...overrides };
}

describe('cellXml', () => {
  it('writes numbers as numbers with their cell format', () => {
    expect(cellXml('B8', 44200, 3)).toBe('<c r="B8" s="3"><v>44200</v></c>');
    expect(cellXml('C8', 40.5, 0)).toBe('<c r="C8"><v>40.5</v></c>');
  });

  it('writes text inline, escaped, with characters XML cannot hold dropped', () => {
    expect(cellXml('A1', 'Panel "tbc" <late> & \'odd\'\u0001\u001f', 2)).toBe(
      '<c r="A1" s="2" t="inlineStr"><is><t>Panel &quot;tbc&quot; &lt;late&gt; &amp; &apos;odd&apos;</t></is></c>',
    );
    expect(cellXml('A2', 'half \ud800 pair', 0)).toBe('<c r="A2" t="inlineStr"><is><t>half  pair</t></is></c>');
  });

  it('keeps text that looks like a formula as text', () => {
    const xml = cellXml('A1', '=cmd|\' /C calc\'!A0', 0);
    expect(xml).toBe('<c r="A1" t="inlineStr"><is><t>=cmd|&apos; /C calc&apos;!A0</t></is></c>');
    expect(xml).not.toContain('<f>');
  });

  it('keeps leading and trailing spaces', () => {
    expect(cellXml('A1', ' two ', 0)).toBe('<c r="A1" t="inlineStr"><is><t xml:space="preserve"> two </t></is></c>');
  });

  it('writes true/false, and an empty cell only when it has a format', () => {
    expect(cellXml('D1', true, 0)).toBe('<c r="D1" t="b"><v>1</v></c>');
    expect(cellXml('D2', false, 4)).toBe('<c r="D2" s="4" t="b"><v>0</v></c>');
    expect(cellXml('D3', null, 4)).toBe('<c r="D3" s="4"/>');
    expect(cellXml('D4', '', 0)).toBe('');
    expect(cellXml('D5', Number.NaN, 0)).toBe('');
    expect(cellXml('D6', Infinity, 5)).toBe('<c r="D6" s="5"/>');
  });
});

describe('colsXml', () => {
  it('writes one column element per run of equal widths, leaving out unset widths', () => {
    expect(colsXml([8, 10, 10, 0, 60])).toBe(
      '<cols><col min="1" max="1" width="8" customWidth="1"/><col min="2" max="3" width="10" customWidth="1"/><col min="5" max="5" width="60" customWidth="1"/></cols>',
    );
    expect(colsXml([])).toBe('');
  });
});

describe('table names', () => {
  it('makes column names unique and non-empty, as Excel does', () => {
    expect(tableColumnNames(['Child ID', 'Weeks', null, 'weeks', 2021, ''])).toEqual(['Child ID', 'Weeks', 'Column3', 'weeks2', '2021', 'Column6']);
  });
  it('makes table names unique in the workbook', () => {
    expect(uniqueTableName('PaceIssues', new Set(['tracker']))).toBe('PaceIssues');
    expect(uniqueTableName('PaceIssues', new Set(['paceissues', 'paceissues_2']))).toBe('PaceIssues_3');
  });
});

describe('layoutSheet', () => {
  it('lets a later block replace values and only the look it sets', () => {
    const looks = new LookTable();
    const layout = layoutSheet(
      sheet({
        blocks: [
          { at: 'A1', values: [['Title', 'x']], style: 'title' },
          { at: 'B1', values: [[5, 6]], columnFormats: ['0.0'] },
          { at: 'A3', values: [['', null, 'long text']], wrap: true },
        ],
      }),
      looks,
      new Set(),
    );
    expect(layout.values[1]).toEqual([undefined, 'Title', 5, 6]);
    expect(looks.looks[layout.looks[1][1]]).toEqual({ font: 'title', numFmt: null, wrap: false });
    // B1 keeps the title font of the first block and gains the number format of the second.
    expect(looks.looks[layout.looks[1][2]]).toEqual({ font: 'title', numFmt: '0.0', wrap: false });
    expect(looks.looks[layout.looks[1][3]]).toEqual({ font: null, numFmt: null, wrap: false });
    expect(layout.values[3]).toEqual([undefined, null, null, 'long text']);
    expect(looks.looks[layout.looks[3][1]].wrap).toBe(true);
  });

  it('puts the column names in a table\'s header row and names the table uniquely', () => {
    const taken = new Set(['children']);
    const layout = layoutSheet(
      sheet({ blocks: [{ at: 'A2', values: [['Child', null], ['C1', 3]] }], tables: [{ name: 'Children', range: 'A2:B3', style: 'TableStyleLight9' }] }),
      new LookTable(),
      taken,
    );
    expect(layout.values[2]).toEqual([undefined, 'Child', 'Column2']);
    expect(layout.tables).toEqual([{ name: 'Children_2', ref: 'A2:B3', columns: ['Child', 'Column2'], style: 'TableStyleLight9' }]);
    expect(taken.has('children_2')).toBe(true);
  });

  it('shows link cells in link style, keeping their number format', () => {
    const looks = new LookTable();
    const layout = layoutSheet(
      sheet({ blocks: [{ at: 'A4', values: [['J64']], wrap: true }], links: [{ cell: 'A4', target: "'Tracker'!J64", text: 'J64 (go)' }, { cell: 'C9', target: 'Tracker!A1', text: 'A1' }] }),
      looks,
      new Set(),
    );
    expect(layout.values[4][1]).toBe('J64 (go)');
    expect(looks.looks[layout.looks[4][1]]).toEqual({ font: 'link', numFmt: null, wrap: true });
    expect(looks.looks[layout.looks[9][3]]).toEqual({ font: 'link', numFmt: null, wrap: false });
  });

  it('refuses a block that is not at a cell address', () => {
    expect(() => layoutSheet(sheet({ blocks: [{ at: 'A1:B2', values: [[1]] }] }), new LookTable(), new Set())).toThrow('not a cell address');
  });
});

describe('worksheetXml', () => {
  const looks = new LookTable();
  const planned = sheet({
    tabColor: '#1f4e79',
    blocks: [
      { at: 'A1', values: [['Aim 1']], style: 'title' },
      { at: 'B3', values: [[1, null], [2, 3]], columnFormats: ['0', null] },
    ],
    links: [{ cell: 'A5', target: '#Tracker!A1', text: 'A1' }],
    columnWidths: [20, 10],
    freezeRows: 2,
  });
  const layout = layoutSheet(planned, looks, new Set());
  const xfIds = looks.looks.map((_, i) => (i === 0 ? 0 : 10 + i));
  const xml = worksheetXml(planned, layout, xfIds, { drawingRelId: 'rId2', tableRelIds: ['rId1'] });

  it('puts every element in the order the schema requires', () => {
    const order = ['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'hyperlinks', 'pageMargins', 'pageSetup', 'drawing', 'tableParts'];
    const at = order.map((tag) => xml.indexOf(`<${tag}`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(xml.endsWith('</tableParts></worksheet>')).toBe(true);
  });

  it('writes rows in order with each cell\'s format, leaving out plain empty cells', () => {
    expect(xml).toContain(`<row r="1"><c r="A1" s="${xfIds[layout.looks[1][1]]}" t="inlineStr"><is><t>Aim 1</t></is></c></row>`);
    expect(xml).toContain(`<row r="3"><c r="B3" s="${xfIds[layout.looks[3][2]]}"><v>1</v></c></row><row r="4">`);
    expect(xml).toContain('<dimension ref="A1:C5"/>');
  });

  it('prints landscape, one page wide, and keeps the tab colour, widths and frozen rows', () => {
    expect(xml).toContain('<sheetPr><tabColor rgb="FF1F4E79"/><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(xml).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    expect(xml).toContain('<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>');
    expect(xml).toContain('<col min="1" max="1" width="20" customWidth="1"/>');
  });

  it('links the drawing, tables and hyperlinks', () => {
    expect(xml).toContain('<hyperlinks><hyperlink ref="A5" location="Tracker!A1" display="A1"/></hyperlinks>');
    expect(xml).toContain('<drawing r:id="rId2"/>');
    expect(xml).toContain('<tableParts count="1"><tablePart r:id="rId1"/></tableParts>');
  });

  it('writes an empty sheet with no drawing, tables or links', () => {
    const empty = worksheetXml(sheet(), layoutSheet(sheet(), new LookTable(), new Set()), [0], { tableRelIds: [] });
    expect(empty).toContain('<dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>');
    expect(empty).toContain('<sheetData/>');
    expect(empty).not.toMatch(/<(hyperlinks|drawing|tableParts|tabColor)/);
  });
});

describe('wrapped text', () => {
  it('counts the lines a text needs in a column, paragraph by paragraph', () => {
    expect(wrappedLines('short', 40)).toBe(1);
    expect(wrappedLines('x'.repeat(100), 40)).toBe(3); // 44 characters fit a 40-wide column
    expect(wrappedLines('one\ntwo', 40)).toBe(2);
  });

  it('gives rows with long wrapped messages their height, and leaves other rows alone', () => {
    const looks = new LookTable();
    const planned = sheet({
      blocks: [{ at: 'A1', values: [['Severity', 'Message'], ['Error', 'A long message. '.repeat(10)], ['Note', 'Short.']], wrap: true }],
      columnWidths: [10, 40],
    });
    const layout = layoutSheet(planned, looks, new Set());
    const xml = worksheetXml(planned, layout, looks.looks.map((_, i) => i), { tableRelIds: [] });
    expect(xml).toContain('<row r="1">');
    expect(xml).toContain('<row r="2" ht="60" customHeight="1">'); // 160 characters: 4 lines of 15 points
    expect(xml).toContain('<row r="3">');
  });
});

describe('tableXml', () => {
  it('writes the table with its filter, columns and style', () => {
    expect(tableXml({ name: 'PaceIssues', ref: '$A$3:$D$5', columns: ['Cell', 'Child "ID"'], style: 'TableStyleMedium2' }, 9)).toBe(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="9" name="PaceIssues" displayName="PaceIssues" ref="A3:D5" headerRowCount="1" totalsRowShown="0">' +
        '<autoFilter ref="A3:D5"/><tableColumns count="2"><tableColumn id="1" name="Cell"/><tableColumn id="2" name="Child &quot;ID&quot;"/></tableColumns>' +
        '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>',
    );
  });
});

describe('hyperlinksXml', () => {
  it('writes internal locations with display text and tooltips', () => {
    expect(hyperlinksXml([{ cell: 'A4', target: "'Tracker'!J64", text: 'J64', tooltip: 'Go to the cell' }])).toBe(
      '<hyperlinks><hyperlink ref="A4" location="&apos;Tracker&apos;!J64" display="J64" tooltip="Go to the cell"/></hyperlinks>',
    );
  });
});

describe('printXml: a planned page set-up', () => {
  const print = {
    orientation: 'landscape' as const,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    titleRows: { first: 133, last: 134 },
    rowBreaks: [34, 67, 133],
    columnBreaks: [9, 16],
  };
  const planned = sheet({ blocks: [{ at: 'A1', values: [['Aim 1']], style: 'title' }], columnWidths: [20], print });
  const xml = worksheetXml(planned, layoutSheet(planned, new LookTable(), new Set()), [0, 11, 12, 13], { drawingRelId: 'rId2', tableRelIds: [] });

  it('prints A4 at 100%, never shrunk to fit a page', () => {
    expect(xml).toContain('<pageSetup paperSize="9" scale="100" orientation="landscape" pageOrder="downThenOver"/>');
    expect(xml).not.toContain('fitToPage');
    expect(xml).not.toContain('fitToWidth');
    expect(xml).toContain('<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.6" header="0.3" footer="0.3"/>');
  });

  it('starts a page above each planned row and left of each planned column (ids are 0-based)', () => {
    expect(xml).toContain('<rowBreaks count="3" manualBreakCount="3"><brk id="33" max="16383" man="1"/><brk id="66" max="16383" man="1"/><brk id="132" max="16383" man="1"/></rowBreaks>');
    expect(xml).toContain('<colBreaks count="2" manualBreakCount="2"><brk id="8" max="1048575" man="1"/><brk id="15" max="1048575" man="1"/></colBreaks>');
  });

  it('numbers the pages in the footer and keeps the schema order', () => {
    expect(xml).toContain('<headerFooter><oddFooter>&amp;L&amp;A&amp;RPage &amp;P of &amp;N</oddFooter></headerFooter>');
    const order = ['sheetData', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'drawing'];
    const at = order.map((tag) => xml.indexOf(`<${tag}`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('leaves out break lists with no breaks', () => {
    expect(printXml({ ...print, rowBreaks: [], columnBreaks: [1] })).not.toMatch(/rowBreaks|colBreaks/);
  });
});
