/** The fake itself must be as strict as Office, or adapter tests prove nothing. */
import { createFakeExcel, fakeFromGrid, FakeOfficeError } from '../fake-excel';

function fake() {
  return createFakeExcel({
    sheets: [
      { name: 'Tracker', values: [['Child ID', 'Date LAC'], ['C1', 43831], ['C2', '#N/A']], numberFormats: [[], [null, 'dd/mm/yyyy']] },
      { name: 'Locked', values: [['x']], protected: true },
    ],
  });
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    return (err as FakeOfficeError).code;
  }
  return 'no error';
}

describe('fake Excel: loading', () => {
  it('throws PropertyNotLoaded when a property is read before load and sync', async () => {
    const f = fake();
    await f.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Tracker').getRange('A1:B3');
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      range.load('values');
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(range.values).toEqual([
        ['Child ID', 'Date LAC'],
        ['C1', 43831],
        ['C2', '#N/A'],
      ]);
      expect(() => range.numberFormat).toThrow(/PropertyNotLoaded/);
    });
  });

  it('loads with strings, arrays, { select } and items/ paths on collections', async () => {
    const f = fake();
    await f.Excel.run(async (context) => {
      const sheets = context.workbook.worksheets.load('items/name');
      const range = context.workbook.worksheets.getItem('Tracker').getRange('B2');
      range.load({ select: 'numberFormat, text' });
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['Tracker', 'Locked']);
      expect(() => sheets.items[0].id).toThrow(/PropertyNotLoaded/);
      expect(range.numberFormat).toEqual([['dd/mm/yyyy']]);
      expect(range.text).toEqual([['01/01/2020']]);
    });
  });

  it('counts every sync and throws ItemNotFound at sync for a missing sheet', async () => {
    const f = fake();
    const code = await codeOf(
      f.Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Nope').load('name');
        await context.sync();
      }),
    );
    expect(code).toBe('ItemNotFound');
    expect(f.syncCount).toBe(1);
  });

  it('gives a null object for getItemOrNullObject, readable only after sync', async () => {
    const f = fake();
    await f.Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Nope');
      const present = context.workbook.worksheets.getItemOrNullObject('tracker');
      expect(() => missing.isNullObject).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
  });
});

describe('fake Excel: writing', () => {
  it('rejects values that do not match the range shape', async () => {
    const f = fake();
    const code = await codeOf(
      f.Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Tracker').getRange('D1:E2').values = [[1, 2], [3]];
        await context.sync();
      }),
    );
    expect(code).toBe('InvalidArgument');
    expect(f.sheet('Tracker').value(0, 3)).toBe('');
  });

  it('refuses writes to a protected sheet', async () => {
    const f = fake();
    const code = await codeOf(
      f.Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Locked').getRange('A1').values = [['y']];
        await context.sync();
      }),
    );
    expect(code).toBe('AccessDenied');
    expect(f.sheet('Locked').value(0, 0)).toBe('x');
  });

  it.each([
    ['a name longer than thirty-one chars', 'InvalidArgument'],
    ['bad/name', 'InvalidArgument'],
    ['bad[name]', 'InvalidArgument'],
    ["'quoted", 'InvalidArgument'],
    ['   ', 'InvalidArgument'],
    ['TRACKER', 'ItemAlreadyExists'],
  ])('validates sheet name %p', async (name, expected) => {
    const f = fake();
    const code = await codeOf(
      f.Excel.run(async (context) => {
        context.workbook.worksheets.add(name);
        await context.sync();
      }),
    );
    expect(code).toBe(expected);
  });

  it('accepts a valid 31-character name', async () => {
    const f = fake();
    await f.Excel.run(async (context) => {
      context.workbook.worksheets.add('A'.repeat(31));
      await context.sync();
    });
    expect(f.sheet('A'.repeat(31)).name).toHaveLength(31);
  });

  it('throws when one sync carries more than about 5 MB', async () => {
    const f = createFakeExcel({ sheets: [{ name: 'Big', values: [] }] });
    const row = Array.from({ length: 100 }, () => 'x'.repeat(100));
    const code = await codeOf(
      f.Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Big').getRange('A1:CV600').values = Array.from({ length: 600 }, () => row);
        await context.sync();
      }),
    );
    expect(code).toBe('RequestPayloadSizeLimitExceeded');
    expect(f.sheet('Big').value(0, 0)).toBe('');
  });

  it('refuses to add or delete sheets when the workbook structure is protected', async () => {
    const f = createFakeExcel({ sheets: [{ name: 'A', values: [] }, { name: 'B', values: [] }], structureProtected: true });
    const add = await codeOf(
      f.Excel.run(async (context) => {
        context.workbook.worksheets.add('C');
        await context.sync();
      }),
    );
    const del = await codeOf(
      f.Excel.run(async (context) => {
        context.workbook.worksheets.getItem('B').delete();
        await context.sync();
      }),
    );
    expect([add, del]).toEqual(['AccessDenied', 'AccessDenied']);
    expect(f.workbook.liveSheets()).toHaveLength(2);
  });

  it('will not delete the last visible sheet', async () => {
    const f = createFakeExcel({ sheets: [{ name: 'Only', values: [] }] });
    const code = await codeOf(
      f.Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Only').delete();
        await context.sync();
      }),
    );
    expect(code).toBe('InvalidOperation');
  });

  it('refuses APIs above the configured requirement set', async () => {
    const f = fake();
    f.setApiVersion('1.8');
    await f.Excel.run(async (context) => {
      expect(() => context.workbook.worksheets.getItem('Tracker').getRanges('A1,B2')).toThrow(/ApiNotFound/);
    });
    expect(f.Office.context.requirements.isSetSupported('ExcelApi', '1.8')).toBe(true);
    expect(f.Office.context.requirements.isSetSupported('ExcelApi', '1.9')).toBe(false);
  });

  it('derives displayed dates in the workbook date system', async () => {
    const f = createFakeExcel({ date1904: true, sheets: [{ name: 'S', values: [[43831]], numberFormats: [['dd/mm/yyyy']] }] });
    await f.Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem('S').getRange('A1').load('text');
      await context.sync();
      expect(r.text).toEqual([['02/01/2024']]);
    });
  });
});

describe('fakeFromGrid', () => {
  it('places the grid at its first row and column, with its table', async () => {
    const f = fakeFromGrid({ sheetName: 'Data', firstRow: 3, firstColumn: 2, values: [['ID', 'Date'], ['C1', 44000]], numberFormats: [['General', 'General'], ['General', 'dd/mm/yyyy']], table: 'Kids' });
    await f.Excel.run(async (context) => {
      const used = context.workbook.worksheets.getItem('Data').getUsedRangeOrNullObject(true).load('address');
      const table = context.workbook.tables.getItem('Kids').getRange().load('address');
      await context.sync();
      expect(used.address).toBe('Data!B3:C4');
      expect(table.address).toBe('Data!B3:C4');
    });
    expect(f.sheet('Data').numberFormat(3, 2)).toBe('dd/mm/yyyy');
  });
});

describe('fake Excel: tables, charts and conditional formats', () => {
  it('finds tables by name or gives a null object, and refuses overlapping tables', async () => {
    const f = createFakeExcel({ sheets: [{ name: 'S', values: [['a', 'b'], [1, 2]], tables: [{ name: 'Mine', range: 'A1:B2' }] }] });
    await f.Excel.run(async (context) => {
      const mine = context.workbook.tables.getItemOrNullObject('mine');
      const none = context.workbook.tables.getItemOrNullObject('Other');
      await context.sync();
      expect(mine.isNullObject).toBe(false);
      expect(none.isNullObject).toBe(true);
    });
    const code = await codeOf(
      f.Excel.run(async (context) => {
        context.workbook.worksheets.getItem('S').tables.add('B1:C3', true);
        await context.sync();
      }),
    );
    expect(code).toBe('InvalidOperation');
  });

  it('remembers the references each chart series is bound to', async () => {
    const f = createFakeExcel({ sheets: [{ name: 'My data', values: [['d', 'v'], [1, 2], [3, 4]] }] });
    await f.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('My data');
      const chart = sheet.charts.add(f.Excel.ChartType.lineMarkers, sheet.getRange('B2:B3'), f.Excel.ChartSeriesBy.columns);
      chart.name = 'c';
      const series = chart.series.add('Extra');
      series.setValues(sheet.getRange('A2:A3'));
      series.setXAxisValues(sheet.getRange('B2:B3'));
      chart.series.load('count');
      await context.sync();
      expect(chart.series.count).toBe(2);
      expect(() => series.setValues(sheet.getRange('A2:B3'))).not.toThrow();
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
    expect(f.chart('My data', 'c').series.map((s) => [s.name, s.values, s.xValues])).toEqual([
      ['Series1', "'My data'!B2:B3", null],
      ['Extra', "'My data'!A2:A3", "'My data'!B2:B3"],
    ]);
  });

  it('ChartAxes.getItem (ExcelApi 1.7): the secondary value axis only once a series is on it; refused below 1.7', async () => {
    const f = createFakeExcel({ sheets: [{ name: 'S', values: [['d', 'v', 'n'], [1, 2, 5], [3, 4, 6]] }] });
    const titleSecondAxis = (moveSeriesFirst: boolean) =>
      f.Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('S');
        const chart = sheet.charts.add(f.Excel.ChartType.lineMarkers, sheet.getRange('B2:B3'), f.Excel.ChartSeriesBy.columns);
        chart.name = moveSeriesFirst ? 'moved' : 'plain';
        if (moveSeriesFirst) {
          const n = chart.series.add('n');
          n.setValues(sheet.getRange('C2:C3'));
          n.axisGroup = f.Excel.ChartAxisGroup.secondary;
        }
        chart.axes.getItem(f.Excel.ChartAxisType.value, f.Excel.ChartAxisGroup.secondary).title.text = 'Children (n)';
        chart.axes.getItem(f.Excel.ChartAxisType.value).title.text = 'Weeks';
        await context.sync();
      });
    expect(await codeOf(titleSecondAxis(false))).toBe('ItemNotFound');
    expect(await codeOf(titleSecondAxis(true))).toBe('no error');
    expect([f.chart('S', 'moved').secondaryValueAxis.title, f.chart('S', 'moved').valueAxis.title]).toEqual(['Children (n)', 'Weeks']);
    f.setApiVersion('1.6');
    expect(await codeOf(f.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.charts.getItem('moved').axes.getItem(f.Excel.ChartAxisType.value);
      await context.sync();
    }))).toBe('ApiNotFound');
  });

  it('adds, counts and deletes custom conditional formats by id', async () => {
    const f = createFakeExcel({ sheets: [{ name: 'S', values: [['a']], conditionalFormats: [{ range: 'A1:A9', formula: '=A1>1', fill: '#FFFF00' }] }] });
    await f.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('S').getRange('B2:C3');
      const cf = range.conditionalFormats.add(f.Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = '=TRUE';
      cf.custom.format.fill.color = '#FFC7CE';
      cf.load('id');
      const all = context.workbook.worksheets.getItem('S').getRange().conditionalFormats.getCount();
      await context.sync();
      expect(all.value).toBe(2);
      range.conditionalFormats.getItem(cf.id).delete();
      await context.sync();
    });
    expect(f.snapshot('S').conditionalFormats).toEqual([{ id: expect.any(String), type: 'Custom', areas: ['A1:A9'], formula: '=A1>1', fillColor: '#FFFF00' }]);
  });

  it('tracks the selection and the active sheet', async () => {
    const f = createFakeExcel({ sheets: [{ name: 'A', values: [] }, { name: 'B', values: [] }] });
    await f.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('B').getRange('C4').select();
      const selected = context.workbook.getSelectedRange().load('address');
      await context.sync();
      expect(selected.address).toBe('B!C4');
    });
    expect(f.workbook.activeSheet?.name).toBe('B');
    expect(f.workbook.selectedAddress).toBe('B!C4');
  });
});
