/**
 * Formula results in date-formatted cells, through both readers: the pane's
 * browser reader (last month's file) and the command line's reader give the
 * same grid, with text, errors and TRUE/FALSE as Excel shows them and real
 * dates as serials.
 */
import ExcelJS from 'exceljs';
import { readWorkbookInBrowser } from './readInBrowser';
import { readWorkbookBuffer } from './read';
import { correctionsInSheetXml, formulaResultOf } from './formulaResults';

/** A tracker whose date columns hold formulas, as authorities' sheets do (=D5+150, =IF(F8="","tbc",F8+30)). */
async function formulaWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tracker');
  ws.addRow(['Child ID', 'Date became looked after', 'Permanence recommendation', 'Panel date', 'Ceased']);
  const rows: [string, Date, ExcelJS.CellFormulaValue, ExcelJS.CellFormulaValue][] = [
    ['C1', new Date(Date.UTC(2023, 0, 10)), { formula: 'B2+150', result: new Date(Date.UTC(2023, 5, 9)) } as ExcelJS.CellFormulaValue, { formula: 'IF(C2="","",C2+30)', result: '' } as ExcelJS.CellFormulaValue],
    ['C2', new Date(Date.UTC(2023, 1, 1)), { formula: 'IF(B3="","tbc",B3+30)', result: 'tbc' } as ExcelJS.CellFormulaValue, { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue],
    ['C3', new Date(Date.UTC(2023, 2, 1)), { formula: 'TEXT(B4,"0")', result: '45000' } as ExcelJS.CellFormulaValue, { formula: 'B4>0', result: true } as ExcelJS.CellFormulaValue],
  ];
  for (const [id, start, rec, panel] of rows) ws.addRow([id, start, rec, panel]);
  for (const col of ['B', 'C', 'D']) ws.getColumn(col).numFmt = 'dd/mm/yyyy';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('formula results in date-formatted cells', () => {
  it('are read as Excel shows them by the browser reader, exactly as by the command line’s reader', async () => {
    const bytes = await formulaWorkbook();
    const inBrowser = await readWorkbookInBrowser(bytes, 'February.xlsx');
    const values = inBrowser.sheets[0].values;
    // A date a formula made is a date serial; text, an error and TRUE stay what the cell shows.
    expect(values.slice(1).map((r) => r.slice(2, 4))).toEqual([
      [45086, ''],
      ['tbc', '#DIV/0!'],
      ['45000', true],
    ]);
    const onCommandLine = await readWorkbookBuffer(bytes, 'February.xlsx');
    expect(onCommandLine.sheets.map(({ ownedByAddIn: _owned, ...s }) => s)).toEqual(inBrowser.sheets);
  });

  it('reads a formula’s cached result from the cell’s XML, prefixed or not; a number is left to exceljs', () => {
    expect(formulaResultOf(' r="C3" s="1" t="str"', '<f>IF(B3="","tbc",B3+30)</f><v>tbc &amp; more</v>')).toBe('tbc & more');
    expect(formulaResultOf(' r="C3" t="e"', '<f>1/0</f><v>#DIV/0!</v>')).toBe('#DIV/0!');
    expect(formulaResultOf(" r='C3' t='b'", '<f>B4>0</f><v>0</v>')).toBe(false);
    expect(formulaResultOf(' r="C3" t="str"', '<f>IF(1,"","x")</f><v></v>')).toBe('');
    expect(formulaResultOf(' r="C3" s="1"', '<f>B2+150</f><v>45086</v>')).toBeNull();
    // Text typed in the cell (no formula) is not a formula result.
    expect(formulaResultOf(' r="C3" t="str"', '<v>tbc</v>')).toBeNull();
    const xml =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="3">' +
      '<x:c r="C3" s="1" t="str"><x:f>IF(B3="","tbc",B3+30)</x:f><x:v>tbc</x:v></x:c><x:c r="D3" s="1"><x:f>B3+30</x:f><x:v>45000</x:v></x:c>' +
      '<x:c r="E3" t="e"><x:f>1/0</x:f><x:v>#N/A</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    expect([...correctionsInSheetXml(xml, new Set(['C3', 'D3']))]).toEqual([['C3', 'tbc']]);
  });
});
