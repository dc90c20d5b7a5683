/* eslint-disable @typescript-eslint/no-explicit-any -- the JSON document under test is untyped on purpose. */
/**
 * `pace-tracker compare` on two versions of the sample that differ in planted
 * ways: every difference is reported once, with the right kind, and nothing
 * else is — also when the columns were reordered between the months.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { CellValue, SheetGrid } from '../../src/core/grid';
import { readWorkbookBuffer } from '../../src/xlsx/read';
import { buildSampleBuffer } from '../support/sample';
import { makeTempDir, removeDir, runCli, runJson } from './helpers';

/** A one-sheet workbook from a grid: values, and each cell's number format (dates stay real dates). */
async function writeGrid(grid: SheetGrid, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(grid.sheetName);
  grid.values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value === null || value === '') return;
      const cell = ws.getCell(grid.firstRow + r, grid.firstColumn + c);
      cell.value = value;
      const format = grid.numberFormats?.[r]?.[c];
      if (format && format !== 'General') cell.numFmt = format;
    }),
  );
  fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
}

function column(grid: SheetGrid, header: string): number {
  for (const row of grid.values) {
    const i = row.findIndex((v) => typeof v === 'string' && v.trim() === header);
    if (i >= 0) return i;
  }
  throw new Error(`no column ${header}`);
}

describe('pace-tracker compare', () => {
  let dir: string;
  let lastFile: string;
  let thisFile: string;
  let planted: string[];

  beforeAll(async () => {
    dir = makeTempDir('compare');
    const { buffer } = await buildSampleBuffer();
    const workbook = await readWorkbookBuffer(buffer);
    const last = workbook.sheets.find((s) => s.sheetName === 'Tracker') as SheetGrid;
    await writeGrid(last, (lastFile = path.join(dir, 'march.xlsx')));

    const values = last.values.map((r) => [...r]);
    const formats = last.numberFormats?.map((r) => [...r]) ?? null;
    const header = values.findIndex((r) => r.some((v) => v === 'CLAS ID' || v === 'Child ID'));
    const id = values[header].findIndex((v) => v === 'CLAS ID' || v === 'Child ID');
    const ceased = column(last, 'Date ceased');
    const rec = values[header].findIndex((v) => typeof v === 'string' && /perm.*rec/i.test(v));
    const panel = values[header].findIndex((v) => typeof v === 'string' && /panel/i.test(v));
    const route = values[header].findIndex((v) => typeof v === 'string' && /route/i.test(v));
    const lookedAfter = values[header].findIndex((v) => typeof v === 'string' && /looked after/i.test(v));
    const isDate = (v: CellValue) => typeof v === 'number' && v > 30000 && v < 46000;
    const ids = values.slice(header + 1).map((r) => r[id]);
    const unique = (r: CellValue[]) => typeof r[id] === 'string' && ids.filter((x) => x === r[id]).length === 1;
    // Clean rows only (every date a real date cell), so each child carries exactly the planted change.
    const rows = values.slice(header + 1).filter((r) => unique(r) && r.every((v) => v === null || v === '' || typeof v !== 'string' || !/\d+[/.-]\d+/.test(v)));
    const pick = (test: (r: CellValue[]) => boolean, taken: Set<CellValue>): CellValue[] => {
      const row = rows.find((r) => !taken.has(r[id]) && test(r));
      if (!row) throw new Error('no row for a planted change');
      taken.add(row[id]);
      return row;
    };
    const taken = new Set<CellValue>();
    const goneCeased = pick((r) => isDate(r[ceased]), taken);
    const vanished = pick((r) => !isDate(r[ceased]) && (r[route] ?? '') !== '', taken);
    const retro = pick((r) => isDate(r[rec]) && isDate(r[lookedAfter]) && !isDate(r[ceased]), taken);
    const blanked = pick((r) => isDate(r[panel]), taken);
    const reached = pick((r) => isDate(r[rec]) && !isDate(r[panel]) && (r[rec] as number) < 45300 && !isDate(r[ceased]), taken);
    const rerouted = pick((r) => typeof r[route] === 'string' && r[route] !== 'Kinship' && r[route] !== '', taken);

    retro[rec] = (retro[rec] as number) - 30;
    blanked[panel] = null;
    reached[panel] = 45392; // 10/04/2024: after last month's as-of date
    rerouted[route] = 'Kinship';
    const newChild = [...goneCeased].map(() => null as CellValue);
    newChild[id] = 'SYN9999';
    newChild[lookedAfter] = 45385; // 03/04/2024
    const keep = values.filter((r) => r !== goneCeased && r !== vanished);
    keep.push(newChild);
    // Columns reordered between the months: the route column moves to the front.
    const reorder = (r: CellValue[]) => [r[route], ...r.filter((_, i) => i !== route)];
    const keptFormats = formats ? values.map((_, i) => formats[i]).filter((_, i) => values[i] !== goneCeased && values[i] !== vanished) : null;
    keptFormats?.push(newChild.map((_, i) => (i === lookedAfter ? 'dd/mm/yyyy' : 'General')));
    await writeGrid(
      { ...last, values: keep.map(reorder), numberFormats: keptFormats ? keptFormats.map((r) => reorder(r) as string[]) : null },
      (thisFile = path.join(dir, 'april.xlsx')),
    );
    planted = [
      'added:SYN9999:',
      `vanished:${vanished[id]}:`,
      `goneCeased:${goneCeased[id]}:`,
      `dateChanged:${retro[id]}:permanenceRecommendation`,
      `dateRemoved:${blanked[id]}:panel`,
      `reached:${reached[id]}:panel`,
      `routeChanged:${rerouted[id]}:route`,
    ];
  });

  afterAll(() => removeDir(dir));

  it('reports every planted difference once with the right kind, and nothing else', async () => {
    const { json } = await runJson(['compare', lastFile, thisFile, '--as-of', '2024-04-30', '--json']);
    const got = json.changes.map((c: any) => `${c.kind}:${c.childId}:${c.field ?? ''}`);
    expect([...got].sort()).toEqual([...planted].sort());
    expect(json.last.asOf).toBe('2024-03-31');
    expect(json.matchedBy).toBe('childId');
    const moved = json.changes.find((c: any) => c.kind === 'dateChanged');
    expect(moved.weeksMoved).toBeCloseTo(-4.3, 5);
    expect(moved.severity).toBe('warning');
    for (const c of json.changes) expect(Object.keys(c)).toEqual(expect.arrayContaining(['childId', 'field', 'before', 'after', 'kind']));
    expect(json.counts).toMatchObject({ added: 1, vanished: 1, goneCeased: 1, dateChanged: 1, dateRemoved: 1, reached: 1, routeChanged: 1 });
  });

  it('writes a copy of this month’s workbook with a PACE Changes sheet linking to the cells', async () => {
    const out = path.join(dir, 'changes.xlsx');
    const run = await runCli(['compare', lastFile, thisFile, '--as-of', '2024-04-30', '-o', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Dates changed since last month: 1');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(out) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tracker', 'PACE Changes']);
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const sheetXml = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    const texts = await Promise.all(sheetXml.map((f) => zip.file(f)!.async('string')));
    expect(texts.some((t) => t.includes('<hyperlink') && t.includes('location="&apos;Tracker&apos;!'))).toBe(true);
  });

  it('refuses to write over either input and says how to use it', async () => {
    const run = await runCli(['compare', lastFile, thisFile, '-o', thisFile]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/new file/);
    const help = await runCli(['compare', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Example:');
  });
});
