import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { CellValue } from '../core/grid';
import { columnNumber } from '../core/grid';
import { AUTHORITY_HEADER, authorityRows, EXPECTED_DROPS, TITLE_ROWS } from '../../test/support/submissionFixtures';
import { main } from './main';
import { DEFAULT_KEY_FILE, formatDropList, runSubmission, type SubmissionIo } from './submission';

const { rows, ids } = authorityRows();

/** Serial (1900 system) to the UTC date exceljs writes back as that serial. */
function dateOf(serial: number): Date {
  return new Date((serial - 25569) * 86_400_000);
}

/** The authority's workbook: the tracker (title rows, identifying columns) and a contacts sheet. */
async function writeAuthorityWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jane Analyst';
  const ws = wb.addWorksheet('Tracker');
  for (const title of TITLE_ROWS) ws.addRow(title);
  ws.addRow(AUTHORITY_HEADER);
  const dateColumns = new Set(['D', 'I', 'J', 'K', 'L', 'M', 'N'].map(columnNumber));
  for (const row of rows) {
    const added = ws.addRow(row.map((v, i) => (dateColumns.has(i + 1) && typeof v === 'number' ? dateOf(v) : v === '' ? null : v)));
    for (const c of dateColumns) added.getCell(c).numFmt = 'dd/mm/yyyy';
  }
  const contacts = wb.addWorksheet('Contacts');
  contacts.addRow(['Carer', 'Phone']);
  contacts.addRow(['Moira Stewartson', '01463 555123']);
  await wb.xlsx.writeFile(file);
}

/** Every value the tracker's identifying columns hold (from the fixture, not from the code under test). */
function droppedValues(): string[] {
  const out: string[] = [];
  for (const letter of Object.keys(EXPECTED_DROPS)) {
    for (const row of rows) {
      const v = row[columnNumber(letter) - 1];
      if (v !== '' && v !== null) out.push(String(v));
    }
  }
  return out;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, n) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, '&');
}

/** Text of every part of the package (XML unescaped), by part name. */
async function packageParts(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir) continue;
    parts.set(name, unescapeXml(await zip.files[name].async('string')));
  }
  return parts;
}

async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function columnValues(ws: ExcelJS.Worksheet, column: number): CellValue[] {
  const out: CellValue[] = [];
  ws.getColumn(column).eachCell({ includeEmpty: false }, (cell) => out.push(cell.value as CellValue));
  return out;
}

function sheetText(ws: ExcelJS.Worksheet): string {
  const lines: string[] = [];
  ws.eachRow((row) => row.eachCell((cell) => lines.push(String(cell.value))));
  return lines.join('\n');
}

interface Captured {
  io: SubmissionIo;
  out: () => string;
  err: () => string;
}

function capture(extra: Partial<SubmissionIo> = {}): Captured {
  let out = '';
  let err = '';
  return {
    io: { out: (t) => (out += t), err: (t) => (err += t), stdinIsTTY: false, ...extra },
    out: () => out,
    err: () => err,
  };
}

describe('pace-tracker submission (end to end)', () => {
  let dir: string;
  let input: string;
  // The default key lives in the home folder: a home of the test's own, so no real key is touched.
  let home: string;
  let homeKey: string;
  const savedEnv = { PACE_TRACKER_HOME: process.env.PACE_TRACKER_HOME };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pace-submission-'));
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'pace-submission-home-'));
    // os.homedir() cannot be redirected from inside jest; the documented override can.
    process.env.PACE_TRACKER_HOME = path.join(home, '.pace-tracker');
    homeKey = path.join(home, '.pace-tracker', DEFAULT_KEY_FILE);
    input = path.join(dir, 'tracker.xlsx');
    await writeAuthorityWorkbook(input);
  });

  afterAll(() => {
    for (const [k, v] of Object.entries(savedEnv)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(home, { recursive: true, force: true });
  });

  describe('a first run with --yes', () => {
    let output: string;
    let run: Captured;
    let code: number;

    beforeAll(async () => {
      output = path.join(dir, 'copy1.xlsx');
      run = capture();
      code = await runSubmission([input, '-o', output, '--yes', '--as-of', '2024-03-31'], run.io);
    });

    it('writes the copy and a new key in the home folder (never beside the input), and says where and to keep it private', () => {
      expect(run.err()).toBe('');
      expect(code).toBe(0);
      expect(fs.existsSync(output)).toBe(true);
      expect(fs.existsSync(path.join(dir, DEFAULT_KEY_FILE))).toBe(false);
      expect(fs.readFileSync(homeKey, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
      if (process.platform !== 'win32') expect(fs.statSync(homeKey).mode & 0o077).toBe(0);
      expect(run.out()).toContain(`Created a new secret key in ${homeKey}. Keep it private`);
      expect(run.out()).toContain(`keep ${homeKey} private, never send it`);
      expect(run.out()).toContain('These columns will be left out of the copy:');
      expect(run.out()).toContain("'Foster carer name'");
    });

    it('holds no dropped value, no original child ID, no other sheet, no author and not the key in any part of the file', async () => {
      const parts = await packageParts(output);
      const key = fs.readFileSync(homeKey, 'utf8').trim();
      const forbidden = [...droppedValues(), ...ids, key, key.toUpperCase(), 'Moira Stewartson', '01463 555123', 'Jane Analyst', 'Contacts'];
      expect(forbidden.length).toBeGreaterThan(150);
      const hits: string[] = [];
      for (const value of forbidden) {
        // Whole words only: a first name such as "Ben" is also inside the theme's "Beng" (Bengali) script code.
        const pattern = new RegExp(`(?<![A-Za-z0-9])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9])`, 'i');
        for (const [name, text] of parts) if (pattern.test(text)) hits.push(`${value} in ${name}`);
      }
      expect(hits).toEqual([]);
      // The search is real: the kept values are there.
      const all = [...parts.values()].join('\n');
      expect(all).toContain('Foster care');
      expect(all).toContain('Legal advice meeting');
    });

    it('has a cover saying what this is, from where, as of when, and what was dropped', async () => {
      const wb = await readBack(output);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Cover', 'PACE data', 'Findings']);
      const cover = sheetText(wb.getWorksheet('Cover') as ExcelJS.Worksheet);
      expect(cover).toContain('PACE submission copy (de-identified)');
      expect(cover).toContain("from the sheet 'Tracker', with data as of 31/03/2024");
      expect(cover).toContain('Home address');
      expect(cover).toContain('It holds postcodes (found from its contents).');
      expect(cover).toContain('Reduced to month and year only (yyyy-mm)');
      expect(cover).toContain('secret key that stays with your authority');
      expect(cover).toContain('Before you send it');
    });

    it('puts a pseudonymous ID and the reduced date of birth on each child row, and real dates', async () => {
      const wb = await readBack(output);
      const data = wb.getWorksheet('PACE data') as ExcelJS.Worksheet;
      const pseudonyms = columnValues(data, 1);
      expect(pseudonyms[0]).toBe('Pseudonymous ID');
      expect(pseudonyms.slice(1)).toHaveLength(12);
      for (const p of pseudonyms.slice(1)) expect(p).toMatch(/^P-[0-9A-F]{10}$/);
      expect(new Set(pseudonyms).size).toBe(13);
      expect(data.getCell('B1').value).toBe('Birth month (yyyy-mm)');
      expect(data.getCell('B2').value).toBe('2010-01');
      expect(data.getCell('D1').value).toBe('Date became looked after');
      expect(data.getCell('D2').value).toEqual(dateOf(rows[0][8] as number));
      expect(data.getCell('D2').numFmt).toBe('dd/mm/yyyy');
    });

    it('gives the same pseudonyms with the same key file, and different ones with a new key', async () => {
      const again = path.join(dir, 'copy2.xlsx');
      const second = capture();
      expect(await runSubmission([input, '-o', again, '--yes', '--as-of', '2024-03-31'], second.io)).toBe(0);
      expect(second.out()).not.toContain('Created a new');
      const otherKey = path.join(dir, 'other.key');
      const third = path.join(dir, 'copy3.xlsx');
      const run3 = capture();
      expect(await runSubmission([input, '-o', third, '--yes', '--as-of', '2024-03-31', '--key-file', otherKey], run3.io)).toBe(0);
      expect(run3.out()).toContain(`Created a new secret key in ${otherKey}.`);

      const ids1 = columnValues((await readBack(output)).getWorksheet('PACE data') as ExcelJS.Worksheet, 1);
      const ids2 = columnValues((await readBack(again)).getWorksheet('PACE data') as ExcelJS.Worksheet, 1);
      const ids3 = columnValues((await readBack(third)).getWorksheet('PACE data') as ExcelJS.Worksheet, 1);
      expect(ids2).toEqual(ids1);
      const shared = ids3.slice(1).filter((p) => ids1.includes(p));
      expect(shared).toEqual([]);
    });
  });

  it('gives ages at each milestone instead of the birth month with --dob age', async () => {
    const output = path.join(dir, 'ages.xlsx');
    const run = capture();
    expect(await runSubmission([input, '-o', output, '--yes', '--dob', 'age', '--as-of', '2024-03-31'], run.io)).toBe(0);
    const data = (await readBack(output)).getWorksheet('PACE data') as ExcelJS.Worksheet;
    expect(data.getCell('B1').value).toBe('Age at looked after');
    expect(data.getCell('B2').value).toBe(9);
    const all = [...(await packageParts(output)).values()].join('\n');
    expect(all).not.toContain('2010-01');
  });

  it('refuses without --yes when nobody is at a terminal, and writes nothing', async () => {
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'pace-submission-notty-'));
    const copyIn = path.join(fresh, 'tracker.xlsx');
    fs.copyFileSync(input, copyIn);
    const output = path.join(fresh, 'copy.xlsx');
    const run = capture({ stdinIsTTY: false });
    expect(await runSubmission([copyIn, '-o', output], run.io)).toBe(2);
    expect(run.err()).toContain('--yes');
    expect(run.err().trim().split('\n')).toHaveLength(1);
    expect(run.out()).toContain("'Surname'");
    expect(fs.existsSync(output)).toBe(false);
    expect(fs.existsSync(path.join(fresh, DEFAULT_KEY_FILE))).toBe(false);
    expect(fs.readdirSync(fresh).sort()).toEqual(['tracker.xlsx']);
    fs.rmSync(fresh, { recursive: true, force: true });
  });

  it('asks on a terminal and writes only on yes', async () => {
    const questions: string[] = [];
    const no = capture({ stdinIsTTY: true, ask: async (q) => (questions.push(q), 'n') });
    const output = path.join(dir, 'asked.xlsx');
    expect(await runSubmission([input, '-o', output], no.io)).toBe(1);
    expect(questions).toEqual(['Write the copy without these columns? [y/N] ']);
    expect(no.out()).toContain('Nothing was written.');
    expect(fs.existsSync(output)).toBe(false);
    const yes = capture({ stdinIsTTY: true, ask: async () => 'y' });
    expect(await runSubmission([input, '-o', output], yes.io)).toBe(0);
    expect(fs.existsSync(output)).toBe(true);
  });

  it.each([
    [['-o', 'x.xlsx'], 'Give exactly one FILE.xlsx'],
    [['IN', '--yes'], '-o OUT.xlsx'],
    [['IN', '-o', 'IN', '--yes'], 'new file'],
    [['IN', '-o', 'x.xlsx', '--dob', 'day'], '--dob takes month or age'],
    [['IN', '-o', 'x.xlsx', '--as-of', '31/02/2024'], '--as-of takes a date'],
    [['IN', '-o', 'x.xlsx', '--as-of', '03/31/2024'], '--as-of takes a date'],
    [['IN', '-o', 'x.csv', '--yes'], 'must name an .xlsx file'],
    [['IN', '-o', 'x.xlsx', '--colour'], 'Unknown option --colour'],
    [['IN', '-o', 'x.xlsx', '--key-file', 'IN'], 'key file must be a file of its own'],
    [['IN', '-o', 'x.xlsx', '--yes', '--sheet', 'Nowhere'], 'Nowhere'],
  ])('refuses %j with one plain line and exit 2', async (args, message) => {
    const run = capture();
    const argv = args.map((a) => (a === 'IN' ? input : a));
    expect(await runSubmission(argv, run.io)).toBe(2);
    expect(run.err()).toContain(message);
    expect(run.err().trim().split('\n')).toHaveLength(1);
  });

  it('explains itself with --help, naming the default key file', async () => {
    const run = capture();
    expect(await runSubmission(['--help'], run.io)).toBe(0);
    expect(run.out()).toContain(`default: ${DEFAULT_KEY_FILE} in the .pace-tracker folder of`);
    expect(run.out()).toContain('--dob age');
  });

  it('says plainly when the input does not exist', async () => {
    const run = capture();
    expect(await runSubmission([path.join(dir, 'missing.xlsx'), '-o', path.join(dir, 'o.xlsx'), '--yes'], run.io)).toBe(2);
    expect(run.err()).toContain('does not exist');
  });
});

describe('pace-tracker main', () => {
  it('routes the submission command', async () => {
    let out = '';
    expect(await main(['submission', '--help'], { out: (t) => (out += t), err: () => undefined })).toBe(0);
    expect(out).toContain('pace-tracker submission FILE -o OUT.xlsx');
  });
});

describe('formatDropList', () => {
  it('lists each column with its heading and reason', () => {
    const text = formatDropList([{ column: 'B', header: 'Forename', reason: 'looks like names', detectedBy: 'header' }]);
    expect(text).toBe("These columns will be left out of the copy:\n  B   'Forename'                           looks like names (from its heading)\n");
  });
  it('says when nothing is dropped', () => {
    expect(formatDropList([])).toContain('No identifying columns were found');
  });
});
