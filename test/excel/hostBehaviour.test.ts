/**
 * The writer against documented behaviour of Excel that the fake enforces
 * (see test/fake-excel/BEHAVIOURS.md): values read as if typed, tables.add
 * reading a bare address on the active sheet, rows fitted at the widths of
 * the moment, batches while the user edits a cell, and Office errors said
 * in plain words.
 */
import { createFakeExcel, FakeExcel, FakeOfficeError, SETTINGS_LIMIT_CHARS } from '../fake-excel';
import { CREATE_WORKBOOK_MAX_BASE64_CHARS } from '../../src/excel/submission';
import { MAX_SETTING_CHARS } from '../../src/excel/settings';
import { writeReport } from '../../src/excel/writeReport';
import { createExcelPort } from '../../src/excel';
import { officeErrorMessage, plainError } from '../../src/excel/run';
import { isUserFacingError } from '../../src/core/errors';
import type { ReportPlan } from '../../src/core/report/plan';
import { envOf } from './helpers';
import { reportPlan } from './planFixture';

const TRACKER = { name: 'Tracker', values: [['Child ID', 'Date LAC'], ['C1', 43000]] };

/** A sheet whose text looks like numbers, dates, booleans and formulas. */
function trickyPlan(): ReportPlan {
  return {
    asOf: '2024-03-31',
    replaceEarlierReport: true,
    sheets: [
      {
        name: 'PACE Issues',
        role: 'issues',
        blocks: [
          {
            at: 'A3',
            values: [
              ['Child ID', 'Name', 'Code', 'When', 'Weeks'],
              ['000123', 'TRUE', '=A1', '2021-03-04', 12.5],
              ['-12', '+44 7700 900123', '03/04/2021', '1,234', 3],
              ['1e3', '50%', '- see note', 'FALSE', 0],
            ],
            columnFormats: [null, null, null, null, '0.0'],
          },
        ],
        tables: [{ name: 'PACE_Issues', range: 'A3:E6', style: 'TableStyleMedium3' }],
        links: [],
        charts: [],
        columnWidths: [10, 14, 10, 12, 8],
        freezeRows: 0,
      },
    ],
  };
}

describe('Range.values is read as if typed: text columns are formatted as text first', () => {
  it('the fake coerces text the way Excel does where a cell is not text-formatted', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'S', values: [['x']] }] });
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1:F1').values = [['000123', '-12', '=A1', '2021-03-04', '03/04/2021', 'true']];
      context.workbook.worksheets.getItem('S').getRange('A2').numberFormat = [['@']];
      context.workbook.worksheets.getItem('S').getRange('A2').values = [['000123']];
      await context.sync();
    });
    const s = fake.sheet('S');
    expect([0, 1, 3, 4, 5].map((c) => s.value(0, c))).toEqual([123, -12, 44259, 44289, true]);
    expect(s.numberFormat(0, 3)).toBe('dd/mm/yyyy');
    expect(fake.snapshot('S').formulas).toEqual({ C1: '=A1' });
    expect(s.value(1, 0)).toBe('000123');
  });

  it('writes IDs like 000123, -12, =A1 and 2021-03-04 so they arrive as text', async () => {
    const fake = createFakeExcel({ sheets: [TRACKER] });
    await writeReport(envOf(fake), trickyPlan());
    const s = fake.sheet('PACE Issues');
    const written = trickyPlan().sheets[0].blocks[0].values;
    written.forEach((row, r) =>
      row.forEach((v, c) => {
        expect(s.value(2 + r, c)).toEqual(v);
      }),
    );
    expect(fake.snapshot('PACE Issues').formulas).toEqual({});
    expect(s.numberFormat(3, 0)).toBe('@');
    // Numbers keep a number format: a number in a text cell would turn into text.
    expect(s.numberFormat(3, 4)).toBe('0.0');
    expect(typeof s.value(3, 4)).toBe('number');
  });
});

describe('tables.add reads a bare address on the active sheet', () => {
  it('the fake puts a table given "A1:B2" on the active sheet, whichever sheet\'s collection is asked', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'Active', values: [['a', 'b'], [1, 2]] }, { name: 'Other', values: [['c', 'd'], [3, 4]] }] });
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Other').tables.add('A1:B2', true);
      await context.sync();
    });
    expect(fake.workbook.liveTables().map((t) => t.sheet.name)).toEqual(['Active']);
  });

  it('the writer gives each table its own sheet\'s range, so tables land on the report sheets while the tracker is active', async () => {
    const fake = createFakeExcel({ sheets: [TRACKER] });
    expect(fake.workbook.activeSheet?.name).toBe('Tracker');
    await writeReport(envOf(fake), reportPlan(1));
    const where = Object.fromEntries(fake.workbook.liveTables().map((t) => [t.name, t.sheet.name]));
    expect(where).toEqual({
      PACE_Summary_Aims: 'PACE Summary',
      PACE_Issues: 'PACE Issues',
      PACE_Aim1_Children: 'Aim 1 recommendation',
      PACE_Aim1_Waiting: 'Aim 1 recommendation',
    });
  });
});

describe('Excel.run while the user is typing in a cell (RunOptions.delayForCellEdit)', () => {
  it('waits for the user to finish typing where Excel can, then runs', async () => {
    const fake = createFakeExcel({ sheets: [TRACKER] });
    const port = createExcelPort(fake.Excel, fake.Office);
    fake.startCellEdit();
    let done = false;
    const listing = port.listSheets().then((sheets) => {
      done = true;
      return sheets;
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toBe(false);
    fake.endCellEdit();
    expect((await listing).map((s) => s.name)).toEqual(['Tracker']);
    expect(fake.runOptions.at(-1)).toEqual({ delayForCellEdit: true });
  });

  it('says in plain words to finish typing where Excel cannot wait (before ExcelApi 1.11)', async () => {
    const fake = createFakeExcel({ sheets: [TRACKER], apiVersion: '1.10' });
    fake.startCellEdit();
    await expect(createExcelPort(fake.Excel, fake.Office).listSheets()).rejects.toEqual(
      expect.objectContaining({ kind: 'usage', message: expect.stringContaining('finish typing in a cell') }),
    );
    expect(fake.runOptions.at(-1)).toBeUndefined();
  });
});

describe('Office errors in plain words', () => {
  it.each(['AccessDenied', 'ItemAlreadyExists', 'InvalidArgument', 'RequestPayloadSizeLimitExceeded', 'GeneralException', 'InvalidOperationInCellEditMode'])(
    'has plain words for %s',
    (code) => {
      const message = officeErrorMessage(code);
      expect(message).toMatch(/^[A-Z]/);
      expect(message).not.toMatch(code);
      const err = plainError(new FakeOfficeError(code, 'internal detail'));
      expect(isUserFacingError(err)).toBe(true);
    },
  );

  it('points at the command line when a request is too large', () => {
    expect(officeErrorMessage('RequestPayloadSizeLimitExceeded')).toContain('pace-tracker');
  });

  it('leaves an unknown error to the caller when nothing was written', () => {
    const err = new Error('boom');
    expect(plainError(err)).toBe(err);
  });
});

describe('a report that fails half-way says what was written and how to remove it', () => {
  function failingOnFormats(fake: FakeExcel): void {
    // The user protects a new report sheet between two syncs (any Office error after the sheets exist does the same).
    const original = fake.Excel.run.bind(fake.Excel) as (...args: unknown[]) => Promise<unknown>;
    (fake.Excel as unknown as { run: unknown }).run = (...args: unknown[]) =>
      original(
        ...args.map((a) =>
          typeof a === 'function'
            ? async (context: Excel.RequestContext) => {
                const sync = context.sync.bind(context);
                let n = 0;
                context.sync = async () => {
                  n++;
                  if (n === 4) for (const s of fake.workbook.liveSheets()) if (s.name.startsWith('PACE')) s.protected = true;
                  return sync();
                };
                return (a as (c: Excel.RequestContext) => Promise<unknown>)(context);
              }
            : a,
        ),
      );
  }

  it('names the sheets it added and says how to remove them, never "nothing was changed"', async () => {
    const fake = createFakeExcel({ sheets: [TRACKER] });
    failingOnFormats(fake);
    const failure = await writeReport(envOf(fake), reportPlan(1)).catch((e: unknown) => e);
    expect(isUserFacingError(failure)).toBe(true);
    const message = (failure as Error).message;
    expect(message).toContain('"PACE Summary"');
    expect(message).toContain('Write the report again to replace them');
    expect(message).not.toMatch(/nothing (in your sheet )?was (changed|written)/i);
  });
});

describe('request size: the submission copy given to Excel.createWorkbook', () => {
  it('the fake refuses a base64 file larger than one request may carry', async () => {
    const fake = createFakeExcel({ sheets: [TRACKER] });
    await expect(fake.Excel.createWorkbook('A'.repeat(6 * 1024 * 1024))).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
  });

  it('refuses a large copy in plain words with the command-line alternative, before sending anything', async () => {
    const fake = createFakeExcel({ sheets: [TRACKER] });
    const port = createExcelPort(fake.Excel, fake.Office);
    const big = new Uint8Array(CREATE_WORKBOOK_MAX_BASE64_CHARS); // 4/3 as many base64 characters: over the limit
    await expect(port.openNewWorkbook!(big)).rejects.toEqual(
      expect.objectContaining({ kind: 'tooLarge', message: expect.stringContaining('pace-tracker submission YOUR-FILE.xlsx -o COPY.xlsx') }),
    );
    expect(fake.createdWorkbooks).toEqual([]);
    // Just under the limit still opens.
    await port.openNewWorkbook!(new Uint8Array(Math.floor((CREATE_WORKBOOK_MAX_BASE64_CHARS / 4) * 3)));
    expect(fake.createdWorkbooks).toHaveLength(1);
  });
});

describe('settings kept small (the fake caps them: our assumption of 1 MB)', () => {
  it('the fake refuses settings beyond its cap, as Office errors near 1 MB', async () => {
    const fake = createFakeExcel({ sheets: [TRACKER] });
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.settings.add('big', 'x'.repeat(SETTINGS_LIMIT_CHARS));
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'GeneralException' });
    expect(fake.workbook.settings.has('big')).toBe(false);
  });

  it('the adapter refuses one oversized setting in plain words and saves nothing', async () => {
    const fake = createFakeExcel({ sheets: [TRACKER] });
    const port = createExcelPort(fake.Excel, fake.Office);
    await expect(port.saveSetting('mappings', { note: 'x'.repeat(MAX_SETTING_CHARS) })).rejects.toEqual(
      expect.objectContaining({ kind: 'tooLarge', message: expect.stringContaining('"mappings"') }),
    );
    expect(fake.workbook.settings.size).toBe(0);
  });

  it('a whole report keeps the settings to a few kilobytes', async () => {
    const fake = createFakeExcel({ sheets: [TRACKER] });
    await writeReport(envOf(fake), reportPlan(4, 2000, 200, 500));
    const chars = [...fake.workbook.settings.values()].reduce((n, s) => n + s.key.length + JSON.stringify(s.value).length, 0);
    expect(chars).toBeLessThan(5_000);
  });
});

describe('every API only where its requirement set is there (the fake refuses members above its ExcelApi version)', () => {
  it('reads at ExcelApi 1.4, marks at 1.6 and writes the report at 1.7, each at the lowest set it asks for', async () => {
    const reading = createFakeExcel({ sheets: [TRACKER], apiVersion: '1.4' });
    const readPort = createExcelPort(reading.Excel, reading.Office);
    expect((await readPort.listSheets()).map((s) => s.name)).toEqual(['Tracker']);
    expect((await readPort.readSheet('Tracker')).values).toHaveLength(2);
    expect(await readPort.detectDate1904('Tracker')).toBe(false);

    const marking = createFakeExcel({ sheets: [TRACKER], apiVersion: '1.6' });
    const markPort = createExcelPort(marking.Excel, marking.Office);
    await markPort.markCells('Tracker', [{ cell: 'B2', severity: 'error', note: 'x' }]);
    expect(await markPort.hasMarks('Tracker')).toBe(true);
    await markPort.clearMarks('Tracker');
    expect(marking.snapshot('Tracker').conditionalFormats).toEqual([]);

    const writing = createFakeExcel({ sheets: [TRACKER], apiVersion: '1.7' });
    await writeReport(envOf(writing), reportPlan(1));
    expect(writing.workbook.liveSheets().map((s) => s.name)).toContain('Aim 1 recommendation');
  });

  it('says plainly which Excel is needed below those sets', async () => {
    const old = createFakeExcel({ sheets: [TRACKER], apiVersion: '1.5' });
    const port = createExcelPort(old.Excel, old.Office);
    await expect(port.markCells('Tracker', [])).rejects.toEqual(expect.objectContaining({ kind: 'unsupportedExcel', message: expect.stringContaining('1.6') }));
    await expect(writeReport(envOf(old), reportPlan(1))).rejects.toEqual(expect.objectContaining({ kind: 'unsupportedExcel' }));
    expect(old.syncCount).toBe(0);
  });
});

describe('the fake across a reopen', () => {
  it('gives every sheet a new id and keeps contents, names, conditional formats and settings', async () => {
    const fake = createFakeExcel({
      sheets: [{ name: 'S', values: [['a']], names: [{ name: 'Mark', formula: "='S'!$A$1", comment: 'kept' }], conditionalFormats: [{ range: 'A1', formula: '=TRUE', fill: '#000000' }] }],
      settings: { k: '"v"' },
    });
    const before = fake.snapshot('S');
    const id = fake.sheet('S').id;
    fake.reopen();
    expect(fake.sheet('S').id).not.toBe(id);
    expect(fake.snapshot('S')).toEqual(before);
    expect(fake.workbook.settings.get('k')?.value).toBe('"v"');
  });
});
