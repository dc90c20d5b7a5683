import type { WorkbookPort } from '../port';
import type { ReportPlan } from '../report/plan';
import { isUserFacingError } from '../errors';
import { dayFromIso } from '../dates';
import { AUTHORITY_HEADER, authorityRows, TITLE_ROWS } from '../../../test/support/submissionFixtures';
import { sheetGrid } from '../../../test/support/submission';
import { planTexts } from '../submission/scrub';
import { analyseSheet } from './pipeline';
import {
  checkDobMode,
  keptColumns,
  makeSubmissionCopy,
  normaliseDrop,
  previewSubmission,
  SETTING_SUBMISSION_KEY,
  submissionFileName,
  submissionPort,
  submissionRows,
  workbookKey,
} from './submission';

function loadedAuthority() {
  const { rows, ids } = authorityRows(6);
  return { sheet: analyseSheet(sheetGrid(AUTHORITY_HEADER, rows, TITLE_ROWS), false), ids };
}

/** An in-memory port with just what the copy needs; a toy "hash" that shows which key was used. */
function memoryPort(settings: Map<string, unknown> = new Map()) {
  const opened: Uint8Array[] = [];
  let keys = 0;
  const port = {
    loadSetting: async <T>(key: string) => (settings.has(key) ? (settings.get(key) as T) : null),
    saveSetting: async <T>(key: string, value: T) => void settings.set(key, value),
    randomKeyHex: () => String(++keys).repeat(64).slice(0, 64),
    hmacSha256Hex: async (keyHex: string, message: string) =>
      [...`${keyHex}|${message}`].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 0xffffffffff, 7).toString(16).padStart(16, '0'),
    openNewWorkbook: async (xlsx: Uint8Array) => void opened.push(xlsx),
  } as unknown as WorkbookPort;
  return { port, settings, opened };
}

describe('previewSubmission / keptColumns', () => {
  it('keeps every column that is not identifying, except the child ID (it becomes the pseudonym)', () => {
    const { sheet } = loadedAuthority();
    const preview = previewSubmission(sheet);
    const kept = keptColumns(sheet, preview.columns);
    expect(kept.map((k) => k.column)).toEqual(['D', 'E', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'Y', 'Z']);
    expect(kept.find((k) => k.column === 'Q')?.header).toBe('Ethnicity');
    expect(preview.keptHeaders).toEqual(kept.map((k) => k.header));
    expect(preview.children).toBe(6);
    // Nothing is both kept and dropped.
    const dropped = new Set(preview.columns.map((c) => c.column));
    expect(kept.filter((k) => dropped.has(k.column))).toEqual([]);
  });
});

describe('small checks', () => {
  it('normalises column letters and refuses anything else', () => {
    expect(normaliseDrop([' b', 'B', 'aa'])).toEqual(['B', 'AA']);
    expect(() => normaliseDrop(['Surname'])).toThrow('is not a column');
  });
  it('takes month or age for the date of birth', () => {
    expect(checkDobMode('age')).toBe('age');
    expect(() => checkDobMode('year')).toThrow('month and year');
  });
  it('names the file after the as-of date', () => {
    expect(submissionFileName(dayFromIso('2024-03-31') as number)).toBe('PACE submission 2024-03-31.xlsx');
  });
});

describe('workbookKey', () => {
  it('makes a key once, saves it in the workbook, and reuses it', async () => {
    const { port, settings } = memoryPort();
    const { port: able } = submissionPort(port, async () => new Uint8Array());
    const first = await workbookKey(able);
    expect(settings.get(SETTING_SUBMISSION_KEY)).toBe(first);
    expect(await workbookKey(able)).toBe(first);
    settings.delete(SETTING_SUBMISSION_KEY);
    expect(await workbookKey(able)).not.toBe(first);
  });
  it('uses a key already in the workbook', async () => {
    const { port } = memoryPort(new Map([[SETTING_SUBMISSION_KEY, ' Highland key ']]));
    expect(await workbookKey(submissionPort(port, async () => new Uint8Array()).port)).toBe('Highland key');
  });
});

describe('submissionPort', () => {
  it('says plainly when the copy cannot be made here and what to use instead', () => {
    const { port } = memoryPort();
    const without = { ...port, openNewWorkbook: undefined } as WorkbookPort;
    for (const [p, build] of [
      [without, async () => new Uint8Array()],
      [port, undefined],
    ] as const) {
      try {
        submissionPort(p, build);
        throw new Error('expected a problem');
      } catch (err) {
        expect(isUserFacingError(err) && err.kind).toBe('unsupportedExcel');
        expect((err as Error).message).toContain('pace-tracker submission');
      }
    }
  });
});

describe('makeSubmissionCopy', () => {
  it('plans the copy with pseudonyms from the workbook key and opens what was built', async () => {
    const { sheet, ids } = loadedAuthority();
    const { port, opened, settings } = memoryPort();
    const built: ReportPlan[] = [];
    const bytes = Uint8Array.from([1, 2, 3]);
    const build = async (plan: ReportPlan, options: { date1904: boolean }) => {
      expect(options.date1904).toBe(false);
      built.push(plan);
      return bytes;
    };
    const { port: able } = submissionPort(port, build);
    const progress: string[] = [];
    const { plan } = await makeSubmissionCopy(able, build, { sheet, drop: ['B', 'C'], dob: 'month', asOf: dayFromIso('2024-03-31') as number }, (m) => progress.push(m));
    expect(built).toEqual([plan]);
    expect(opened).toEqual([bytes]);
    expect(progress.at(-1)).toBe('Opening the copy as a new workbook…');
    const texts = planTexts(plan).join('\n');
    for (const id of ids) expect(texts).not.toContain(id);
    expect(texts).not.toContain(String(settings.get(SETTING_SUBMISSION_KEY)));
    expect(texts).not.toContain('MacLeod');
    expect(plan.sheets.map((s) => s.name)).toEqual(['Cover', 'PACE data', 'Findings']);
  });
});

describe('the copy holds the PACE population', () => {
  // Serial 45016 = 31/03/2023 (exactly a year before the as-of date: inside); 45000 = 15/03/2023 (outside).
  const header = ['Child ID', 'Date became looked after', 'Date first accommodated', 'Date ceased to be looked after'];
  const grid = sheetGrid(header, [
    ['C1', 44000, 44000, ''],
    ['C2', 44000, 44000, 45016],
    ['C3', 44000, 44000, 45000],
  ]);
  const sheet = analyseSheet(grid, false);
  const asOf = dayFromIso('2024-03-31') as number;

  it('leaves out rows that ceased more than a year before the as-of date, with their findings, and says so', () => {
    const rows = submissionRows(sheet, asOf);
    expect(rows.records.map((r) => r.childId)).toEqual(['C1', 'C2']);
    expect(rows.findings.some((f) => f.row === 4)).toBe(false);
    expect(rows.leftOut).toEqual({ rows: 1, reason: 'ceased to be looked after more than a year before the as-of date' });
  });

  it('keeps them when the user asks', () => {
    const rows = submissionRows(sheet, asOf, true);
    expect(rows.records.map((r) => r.childId)).toEqual(['C1', 'C2', 'C3']);
    expect(rows.leftOut).toBeUndefined();
    expect(rows.findings.some((f) => f.rule === 'outside-population' && f.row === 4)).toBe(true);
  });

  it('the cover of the copy says how many rows were left out and why', async () => {
    const { port } = memoryPort();
    const build = async () => Uint8Array.from([1]);
    const { port: able } = submissionPort(port, build);
    const made = await makeSubmissionCopy(able, build, { sheet, drop: [], dob: 'month', asOf });
    expect(made).toMatchObject({ children: 2, rowsLeftOut: 1 });
    expect(planTexts(made.plan).join('\n')).toContain('1 row outside the PACE population: ceased to be looked after more than a year before the as-of date.');
  });
});
