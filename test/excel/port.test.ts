import { createFakeExcel } from '../fake-excel';
import { createExcelPort } from '../../src/excel';

describe('createExcelPort', () => {
  it('serves the WorkbookPort over the fake', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'Tracker', values: [['Child ID', 'Date LAC'], ['C1', 43500]], numberFormats: [[], [null, 'dd/mm/yyyy']] }, { name: 'Notes', values: [['n']] }] });
    const port = createExcelPort(fake.Excel, fake.Office);
    expect((await port.listSheets()).map((s) => s.name)).toEqual(['Tracker', 'Notes']);
    expect((await port.readSheet('Tracker')).values).toEqual([['Child ID', 'Date LAC'], ['C1', 43500]]);
    expect(await port.detectDate1904('Tracker')).toBe(false);
    await port.saveSetting('asOf', '2024-03-31');
    expect(await port.loadSetting<string>('asOf')).toBe('2024-03-31');
    await port.markCells('Tracker', [{ cell: 'B2', severity: 'error', note: 'x' }]);
    expect(await port.hasMarks('Tracker')).toBe(true);
    await port.clearMarks('Tracker');
    expect(await port.hasMarks('Tracker')).toBe(false);
  });

  it('selects a cell on another sheet in one sync', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'PACE Issues', values: [['x']] }, { name: 'My Tracker', values: [['y']] }] });
    const port = createExcelPort(fake.Excel, fake.Office);
    await port.selectCell('My Tracker', 'H17');
    expect(fake.syncCount).toBe(1);
    expect(fake.workbook.activeSheet?.name).toBe('My Tracker');
    expect(fake.workbook.selectedAddress).toBe("'My Tracker'!H17");
    await expect(port.selectCell('Gone', 'A1')).rejects.toEqual(expect.objectContaining({ kind: 'sheetNotFound' }));
  });

  it('says plainly when run outside Excel', async () => {
    const port = createExcelPort();
    await expect(port.listSheets()).rejects.toEqual(expect.objectContaining({ kind: 'unsupportedExcel' }));
  });
});
