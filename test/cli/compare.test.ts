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

  it('report --last draws last month’s points beside this month’s and lists the moved ones on the aim sheet', async () => {
    const out = path.join(dir, 'report-with-last.xlsx');
    const run = await runCli(['report', thisFile, '--as-of', '2024-04-30', '--last', lastFile, '-o', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Last month's points from march\.xlsx \(as of 2024-03-31\) drawn beside this month's: \d+ children matched by child ID\./);
    const retro = planted.find((p) => p.startsWith('dateChanged:'))!.split(':')[1];
    const blanked = planted.find((p) => p.startsWith('dateRemoved:'))!.split(':')[1];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(out) as unknown as ArrayBuffer);
    /** Child IDs (and what happened) of the moved-points table on an aim sheet. */
    const movedOn = (sheetPrefix: string): Map<string, string> => {
      const ws = wb.worksheets.find((w) => w.name.startsWith(sheetPrefix))!;
      const found = new Map<string, string>();
      ws.eachRow((row, r) =>
        row.eachCell((cell, c) => {
          if (typeof cell.value !== 'string' || !cell.value.startsWith('Points that moved since last month')) return;
          for (let i = r + 2; ws.getCell(i, c).value; i++) found.set(String(ws.getCell(i, c).value), String(ws.getCell(i, c + 5).value));
        }),
      );
      return found;
    };
    // The recommendation dated 30 days earlier moves the child's point on aim 1 (accommodated to recommendation)…
    expect(movedOn('PACE Aim 1').get(retro)).toBe('4.3 weeks shorter than last month');
    // …and the blanked panel date takes the child's point off aim 2 (recommendation to panel).
    expect(movedOn('PACE Aim 2').get(blanked)).toMatch(/^No longer on this chart/);
    // Natively: the run chart's first series is last month's, light grey discs with no line.
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const charts = await Promise.all(Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    const runCharts = charts.filter((x) => x.includes('Last month (as of 31/03/2024)'));
    expect(runCharts.length).toBeGreaterThanOrEqual(4);
    for (const xml of runCharts) {
      const first = xml.slice(xml.indexOf('<c:ser>'), xml.indexOf('</c:ser>'));
      expect(first).toContain('Last month (as of 31/03/2024)');
      expect(first).toMatch(/<c:marker><c:symbol val="circle"\/><c:size val="8"\/><c:spPr><a:solidFill><a:srgbClr val="BFBFBF"\/>/);
      expect(first).toContain('<c:spPr><a:ln><a:noFill/></a:ln></c:spPr>');
    }
  });

  it('report --last asks for last month’s file before its other options', async () => {
    const run = await runCli(['report', thisFile, '--last-as-of', '2024-03-31', '-o', path.join(dir, 'never.xlsx')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('go with --last LAST.xlsx');
    expect(fs.existsSync(path.join(dir, 'never.xlsx'))).toBe(false);
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
