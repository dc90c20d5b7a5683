/* eslint-disable @typescript-eslint/no-explicit-any -- the JSON documents under test are untyped on purpose: their keys and types are what is checked. */
/**
 * report (cli-contract.md): writes FILE-pace-report.xlsx beside the input by
 * default, never the input itself; says where it wrote and a summary; the
 * output holds the input's sheets unchanged plus the PACE sheets with native
 * charts; report on its own output does not duplicate sheets.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { makeTempDir, removeDir, runCli, runJson, writeSample } from './helpers';

let dir: string;
let input: string;
let inputBytes: Buffer;

beforeAll(async () => {
  dir = makeTempDir('report');
  input = (await writeSample(dir, 'Tracker 2024', { children: 150, seed: 77 })).file;
  inputBytes = fs.readFileSync(input);
});
afterAll(() => removeDir(dir));

async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Everything a user would see of a sheet: values, number formats, merges, column widths, size. */
function sheetContents(ws: ExcelJS.Worksheet): unknown {
  const cells: unknown[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const v = cell.value instanceof Date ? cell.value.toISOString() : cell.value;
      cells.push([r, c, v, cell.numFmt ?? null]);
    });
  });
  const widths: unknown[] = [];
  for (let c = 1; c <= ws.columnCount; c++) widths.push(ws.getColumn(c).width ?? null);
  const merges = (ws.model as { merges?: string[] }).merges ?? [];
  return { name: ws.name, rowCount: ws.rowCount, columnCount: ws.columnCount, cells, widths, merges: [...merges].sort() };
}

const sheetNames = (wb: ExcelJS.Workbook) => wb.worksheets.map((w) => w.name);

describe('report FILE.xlsx', () => {
  let run: Awaited<ReturnType<typeof runCli>>;
  const expectedOut = () => path.join(dir, 'Tracker 2024-pace-report.xlsx');

  beforeAll(async () => {
    run = await runCli(['report', input, '--as-of', '2024-03-31']);
  });

  it('writes FILE-pace-report.xlsx beside the input and leaves the input untouched', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(fs.existsSync(expectedOut())).toBe(true);
    expect(fs.readFileSync(input).equals(inputBytes)).toBe(true);
  });

  it('prints where it wrote and a summary matching check and aims', async () => {
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`Wrote ${expectedOut()}`);
    const check = (await runJson(['check', input, '--as-of', '2024-03-31', '--json'])).json;
    const word = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;
    expect(run.stdout).toContain(`Findings: ${word(check.counts.error, 'error')}, ${word(check.counts.warning, 'warning')}, ${word(check.counts.info, 'note')}.`);
    expect(run.stdout).toContain('as of 2024-03-31');
    const aims = (await runJson(['aims', input, '--as-of', '2024-03-31', '--json'])).json;
    for (const aim of aims.aims) expect(run.stdout).toContain(`${aim.name}: ${aim.completed} completed`);
  });

  it('holds the input sheets unchanged, then the PACE sheets it names', async () => {
    const before = await readBook(input);
    const after = await readBook(expectedOut());
    const names = sheetNames(after);
    expect(names.slice(0, before.worksheets.length)).toEqual(sheetNames(before));
    for (const ws of before.worksheets) {
      expect(sheetContents(after.getWorksheet(ws.name) as ExcelJS.Worksheet)).toEqual(sheetContents(ws));
    }
    const added = names.slice(before.worksheets.length);
    const listed = /New sheets: (.*)\./.exec(run.stdout)?.[1].split(', ');
    expect(added).toEqual(listed);
    expect(added.length).toBeGreaterThanOrEqual(2);
    expect(added.every((n) => /PACE/.test(n))).toBe(true);
    // The new sheets have content.
    for (const name of added) expect((after.getWorksheet(name) as ExcelJS.Worksheet).rowCount).toBeGreaterThan(1);
  });

  it('holds native Excel charts: a run chart and a waiting chart per aim', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(expectedOut()));
    const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    const aims = (await runJson(['aims', input, '--as-of', '2024-03-31', '--json'])).json.aims;
    expect(charts.length).toBeGreaterThanOrEqual(2 * aims.length);
    const types = await Promise.all(charts.map(async (f) => ((await zip.file(f)?.async('string')) ?? '').match(/<c:(lineChart|barChart|scatterChart)\b/)?.[1]));
    expect(types).toContain('lineChart');
    expect(types).toContain('barChart');
    // Bound to cells on the output sheets, so the user can restyle them and see them update.
    const chart = (await zip.file(charts[0])?.async('string')) ?? '';
    expect(chart).toMatch(/<c:f>[^<]*!\$?[A-Z]+\$?\d+/);
  });

  it('report on its own output adds no second copy of any sheet', async () => {
    const first = expectedOut();
    const again = await runCli(['report', first, '--as-of', '2024-03-31']);
    expect(again.code).toBe(0);
    const second = path.join(dir, 'Tracker 2024-pace-report-pace-report.xlsx');
    expect(again.stdout.split('\n')[0]).toBe(`Wrote ${second}`);
    const a = sheetNames(await readBook(first));
    const b = sheetNames(await readBook(second));
    expect(new Set(b).size).toBe(b.length);
    expect([...b].sort()).toEqual([...a].sort());
    // The tracker is still read from the tracker sheet, not from a PACE sheet.
    expect(again.stdout).toContain(`Sheet 'Tracker'`);
  });

  it('writing a report over an earlier report (-o … --force) replaces it rather than stacking sheets', async () => {
    const out = path.join(dir, 'again.xlsx');
    expect((await runCli(['report', input, '-o', out, '--as-of', '2024-03-31'])).code).toBe(0);
    const once = sheetNames(await readBook(out));
    expect((await runCli(['report', input, '-o', out, '--as-of', '2024-03-31', '--force'])).code).toBe(0);
    expect(sheetNames(await readBook(out))).toEqual(once);
  });
});

describe('report on a workbook unlike the sample', () => {
  it('keeps the Excel Table, the 1904 date system and every input cell; the report reads back as the same tracker', async () => {
    const { file } = await writeSample(dir, 'odd', { children: 80, asTable: true, date1904: true, wording: 'alternative', columnOrder: 'shuffled', extraLocalColumns: true });
    const out = path.join(dir, 'odd-out.xlsx');
    const run = await runCli(['report', file, '-o', out, '--as-of', '2024-03-31']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const before = await readBook(file);
    const after = await readBook(out);
    expect(after.properties.date1904).toBe(true);
    const tracker = after.getWorksheet('Tracker') as ExcelJS.Worksheet;
    expect(tracker.getTable('PermanenceData')).toBeDefined();
    expect(sheetContents(tracker)).toEqual(sheetContents(before.getWorksheet('Tracker') as ExcelJS.Worksheet));
    // The same tracker, read from the report: inspect and aims agree with the input.
    const inspectIn = (await runJson(['inspect', file, '--json'])).json;
    expect((await runJson(['inspect', out, '--json'])).json).toEqual(inspectIn);
    const aimsIn = (await runJson(['aims', file, '--as-of', '2024-03-31', '--json'])).json;
    expect((await runJson(['aims', out, '--as-of', '2024-03-31', '--json'])).json).toEqual(aimsIn);
  });
});

describe('report never overwrites the input', () => {
  it.each([
    ['the same path', (f: string) => f],
    ['the same file spelled another way', (f: string) => path.join(path.dirname(f), '.', '..', path.basename(path.dirname(f)), path.basename(f))],
  ])('-o %s: exit 2, one line, input unchanged', async (_label, spell) => {
    const run = await runCli(['report', input, '-o', spell(input), '--as-of', '2024-03-31']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^pace-tracker: [^\n]+\n$/);
    expect(run.stdout).toBe('');
    expect(fs.readFileSync(input).equals(inputBytes)).toBe(true);
  });

  it('an output folder that does not exist: exit 2, one line', async () => {
    const run = await runCli(['report', input, '-o', path.join(dir, 'no-such-folder', 'out.xlsx'), '--as-of', '2024-03-31']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^pace-tracker: [^\n]+\n$/);
  });
});
