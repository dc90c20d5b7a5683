/**
 * The de-identified submission copy made from the pane: the session over the
 * Office.js adapter on the strict fake, with exceljs building the copy and
 * Excel.createWorkbook (recorded by the fake) opening it.
 */
import { createHmac, webcrypto } from 'crypto';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { fakeFromGrid, type FakeExcel } from '../fake-excel';
import { createExcelPort } from '../../src/excel';
import { base64FromBytes, createHmacSha256Hex, hexFromBytes, openNewWorkbook, randomKeyHex } from '../../src/excel/submission';
import { createPaceSession } from '../../src/core/usecases/session';
import type { PaceSessionApi } from '../../src/core/usecases/types';
import { writePlanToNewWorkbook } from '../../src/xlsx/newWorkbook';
import { AUTHORITY_HEADER, authorityRows, EXPECTED_DROPS, TITLE_ROWS } from '../support/submissionFixtures';
import { sheetGrid, layoutOf } from '../support/submission';
import { droppedValues } from '../../src/core/submission/plan';
import { formatPseudonym, keyBytesFromText } from '../../src/core/submission/pseudonym';
import { pseudonymsFor } from '../../src/cli/submission';
import { envOf } from './helpers';

// Node 20 has Web Crypto on globalThis; make sure the test environment passes it through.
if (!(globalThis as { crypto?: Crypto }).crypto?.subtle) {
  Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });
}

const KEY_SETTING = 'paceTracker.submissionKey';
const AS_OF = '2024-03-31';

function authorityFake(apiVersion?: string): { fake: FakeExcel; ids: string[] } {
  const { rows, ids } = authorityRows(12);
  const grid = sheetGrid(AUTHORITY_HEADER, rows, TITLE_ROWS);
  return { fake: fakeFromGrid(grid, apiVersion ? { apiVersion } : {}), ids };
}

async function openedSession(fake: FakeExcel): Promise<PaceSessionApi> {
  const session = createPaceSession(createExcelPort(fake.Excel, fake.Office), { buildWorkbook: writePlanToNewWorkbook });
  const opened = await session.open('Tracker');
  if (!opened.ok) throw new Error(opened.problem.message);
  return session;
}

/** Every part of the package as text (all are XML in an exceljs workbook). */
async function packageTexts(base64: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(base64, { base64: true });
  const texts = new Map<string, string>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) texts.set(name, await zip.files[name].async('string'));
  return texts;
}

/** Pseudonymous ID column of the copy's PACE data sheet, in row order. */
async function pseudonymColumn(base64: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const data = wb.getWorksheet('PACE data');
  if (!data) throw new Error('no PACE data sheet');
  expect(data.getCell('A1').value).toBe('Pseudonymous ID');
  const out: string[] = [];
  for (let r = 2; r <= data.rowCount; r++) out.push(String(data.getCell(r, 1).value));
  return out;
}

function escaped(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;').replace(/"/g, '&quot;');
}

/** The value as a whole (not inside a longer word: the cover names the dropped heading 'Foster carer name'). */
function holds(xml: string, value: string): boolean {
  return [value, escaped(value)].some((v) => new RegExp(`(^|[^A-Za-z0-9])${v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z0-9])`).test(xml));
}

describe('submission copy from the pane (session over the adapter)', () => {
  it('lists the identifying columns with reasons and the columns it keeps', async () => {
    const { fake } = authorityFake();
    const session = await openedSession(fake);
    const prepared = await session.prepareSubmission();
    if (!prepared.ok) throw new Error(prepared.problem.message);
    expect(Object.fromEntries(prepared.value.columns.map((c) => [c.column, c.reason]))).toEqual(EXPECTED_DROPS);
    expect(prepared.value.children).toBe(12);
    expect(prepared.value.kept.map((k) => k.column)).toEqual(['D', 'E', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'Y', 'Z']);
    expect(prepared.value.keptHeaders).toContain('Ethnicity');
    expect(prepared.value.keptHeaders).not.toContain('CLAS ID');
  });

  it('opens a new workbook with no dropped value, no child ID and no key in any part, leaving this workbook as it was', async () => {
    const { fake, ids } = authorityFake();
    const before = fake.snapshot('Tracker');
    const sheetsBefore = fake.workbook.liveSheets().map((s) => s.name);
    const session = await openedSession(fake);
    const prepared = await session.prepareSubmission();
    if (!prepared.ok) throw new Error(prepared.problem.message);
    // The user also ticks Team to leave it out.
    const drop = [...prepared.value.columns.map((c) => c.column), 'P'];

    const made = await session.makeSubmission({ drop, dob: 'month', asOf: AS_OF });
    if (!made.ok) throw new Error(made.problem.message);
    expect(made.value).toEqual({ fileName: 'PACE submission 2024-03-31.xlsx', children: 12, dropped: 13, rowsLeftOut: 0 });
    expect(fake.createdWorkbooks).toHaveLength(1);

    const grid = sheetGrid(AUTHORITY_HEADER, authorityRows(12).rows, TITLE_ROWS);
    const secrets = [...new Set([...droppedValues(grid, layoutOf(grid), drop), ...ids])];
    expect(secrets.length).toBeGreaterThan(100);
    const key = JSON.parse(String(fake.workbook.settings.get(KEY_SETTING)?.value)) as string;
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const texts = await packageTexts(fake.createdWorkbooks[0]);
    expect(texts.has('xl/worksheets/sheet2.xml')).toBe(true);
    for (const [part, xml] of texts) {
      for (const secret of secrets) {
        if (holds(xml, secret)) throw new Error(`"${secret}" is in ${part}`);
      }
      expect(xml.toLowerCase()).not.toContain(key);
    }
    // The copy is only in the new workbook: this one has the same sheets, unchanged.
    expect(fake.workbook.liveSheets().map((s) => s.name)).toEqual(sheetsBefore);
    expect(fake.snapshot('Tracker')).toEqual(before);
  });

  it('gives the same pseudonyms with the same workbook key, new ones once the key is removed, and the CLI’s for the same key', async () => {
    const { fake, ids } = authorityFake();
    const session = await openedSession(fake);
    const choices = { drop: Object.keys(EXPECTED_DROPS), dob: 'age' as const, asOf: AS_OF };
    expect((await session.makeSubmission(choices)).ok).toBe(true);
    expect((await session.makeSubmission(choices)).ok).toBe(true);
    const first = await pseudonymColumn(fake.createdWorkbooks[0]);
    const second = await pseudonymColumn(fake.createdWorkbooks[1]);
    expect(first).toHaveLength(12);
    expect(new Set(first).size).toBe(12);
    expect(second).toEqual(first);

    const key = JSON.parse(String(fake.workbook.settings.get(KEY_SETTING)?.value)) as string;
    // node:crypto, as pace-tracker submission computes them.
    const cli = ids.map((id) => formatPseudonym(createHmac('sha256', keyBytesFromText(key)).update(id, 'utf8').digest('hex')));
    expect(first).toEqual(cli);
    // And the command line's own function, clash handling included.
    const twin = pseudonymsFor(ids, keyBytesFromText(key));
    expect(first).toEqual(ids.map((id) => twin.get(id)));

    fake.workbook.settings.delete(KEY_SETTING);
    expect((await session.makeSubmission(choices)).ok).toBe(true);
    const third = await pseudonymColumn(fake.createdWorkbooks[2]);
    const newKey = JSON.parse(String(fake.workbook.settings.get(KEY_SETTING)?.value)) as string;
    expect(newKey).not.toBe(key);
    expect(third.filter((p, i) => p === first[i])).toEqual([]);
  });

  it('says plainly when this Excel cannot open a new workbook, and opens nothing', async () => {
    const { fake } = authorityFake('1.7');
    const before = fake.snapshot('Tracker');
    const session = await openedSession(fake);
    const made = await session.makeSubmission({ drop: ['B'], dob: 'month', asOf: AS_OF });
    expect(made.ok).toBe(false);
    if (made.ok) return;
    expect(made.problem.kind).toBe('unsupportedExcel');
    expect(made.problem.message).toContain('cannot open a new workbook');
    expect(made.problem.message).toContain('pace-tracker submission');
    expect(fake.createdWorkbooks).toHaveLength(0);
    expect(fake.snapshot('Tracker')).toEqual(before);
  });

  it('refuses a drop list that is not columns, without making a copy', async () => {
    const { fake } = authorityFake();
    const session = await openedSession(fake);
    const made = await session.makeSubmission({ drop: ['Surname'], dob: 'month', asOf: AS_OF });
    expect(made.ok ? null : made.problem.kind).toBe('usage');
    expect(fake.createdWorkbooks).toHaveLength(0);
  });
});

describe('Web Crypto and base64 helpers', () => {
  it('base64 matches Node for every length remainder', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 1000, 10_001]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + 11) % 256);
      expect(base64FromBytes(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });

  it('hex of bytes keeps leading zeros', () => {
    expect(hexFromBytes(Uint8Array.from([0, 15, 16, 255]))).toBe('000f10ff');
  });

  it('makes a different 64-hex-character key each time', () => {
    const a = randomKeyHex();
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(randomKeyHex()).not.toBe(a);
  });

  it.each([
    ['a generated key', '9f'.repeat(32), 'HC100003'],
    ['a key an authority chose', 'Highland PACE 2024', 'Child ünïcode 7'],
  ])('HMAC-SHA-256 equals node:crypto with %s', async (_, key, message) => {
    const hmac = createHmacSha256Hex();
    const expected = createHmac('sha256', keyBytesFromText(key)).update(message, 'utf8').digest('hex');
    expect(await hmac(key, message)).toBe(expected);
    expect(await hmac(key, message)).toBe(expected);
    expect(await hmac('another key', message)).not.toBe(expected);
  });

  it('openNewWorkbook passes the package to Excel.createWorkbook as base64', async () => {
    const { fake } = authorityFake();
    await openNewWorkbook(envOf(fake), Uint8Array.from([80, 75, 3, 4]));
    expect(fake.createdWorkbooks).toEqual(['UEsDBA==']);
  });
});
