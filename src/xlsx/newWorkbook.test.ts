import ExcelJS from 'exceljs';
import type { PlannedSheet, ReportPlan } from '../core/report/plan';
import { writePlanToNewWorkbook } from './newWorkbook';

function sheet(overrides: Partial<PlannedSheet> = {}): PlannedSheet {
  return {
    name: 'PACE data',
    role: 'summary',
    blocks: [
      { at: 'A1', values: [['Pseudonymous ID', 'Date became looked after']], style: 'label' },
      { at: 'A2', values: [['P-0123456789', 43555], ['P-ABCDEF0123', null]], columnFormats: [null, 'dd/mm/yyyy'] },
    ],
    tables: [],
    links: [],
    charts: [],
    columnWidths: [16, 22],
    freezeRows: 1,
    ...overrides,
  };
}

async function load(buffer: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

describe('writePlanToNewWorkbook', () => {
  it('writes only the planned sheets, with values, formats, bold headings, widths and a frozen heading row', async () => {
    const plan: ReportPlan = { asOf: '2024-03-31', sheets: [sheet({ name: 'Cover', freezeRows: 0 }), sheet()] };
    const wb = await load(await writePlanToNewWorkbook(plan));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Cover', 'PACE data']);
    const ws = wb.getWorksheet('PACE data') as ExcelJS.Worksheet;
    expect(ws.getCell('A2').value).toBe('P-0123456789');
    expect(ws.getCell('B2').value).toEqual(new Date(Date.UTC(2019, 2, 31)));
    expect(ws.getCell('B2').numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell('B3').value).toBeNull();
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getColumn(2).width).toBe(22);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(((wb.getWorksheet('Cover') as ExcelJS.Worksheet).views ?? []).some((v) => v.state === 'frozen')).toBe(false);
    expect(wb.creator).toBe('PACE Permanence Tracker');
  });

  it('can write a 1904-system workbook', async () => {
    const wb = await load(await writePlanToNewWorkbook({ asOf: '2024-03-31', sheets: [sheet()] }, { date1904: true }));
    expect(wb.properties.date1904).toBe(true);
  });

  it('refuses a plan with charts or links rather than losing them', async () => {
    const withLink = sheet({ links: [{ cell: 'A1', target: "'Tracker'!A1", text: 'go' }] });
    await expect(writePlanToNewWorkbook({ asOf: '2024-03-31', sheets: [withLink] })).rejects.toThrow('charts, links or tables');
  });
});
