import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, writeFileSync, existsSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { validateXML } from 'xmllint-wasm';
import { writeReportBuffer, writeReportFile, uniqueSheetName, hyperlinksXml } from './writeReport';
import { WorkbookXml } from './packageXml';
import { readWorkbookBuffer } from './read';
import { buildSampleBuffer } from '../../test/support/sample';
import { fixturePlan, FIXTURE_DATA_ROW, FIXTURE_POINTS } from '../../test/support/planFixture';
import { ownedSheetNames, markOwnedSheetsInWorkbookXml } from './ownership';
import { listWorksheetParts, parseRels, relsPathOf, resolveTarget, sheetRangeFormula } from './ooxml';
import { UserFacingError } from '../core/errors';
import { readStoredEntries } from './zipPackage';
import type { ReportPlan } from '../core/report/plan';

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

async function text(zip: JSZip, path: string): Promise<string> {
  const f = zip.file(path);
  if (!f) throw new Error(`missing part ${path}`);
  return f.async('string');
}

/** Each chart part of a sheet, found the way Excel does: sheet rels → drawing → drawing rels → chart. */
async function chartsOfSheet(zip: JSZip, sheetName: string): Promise<{ drawing: string; charts: string[] }> {
  const parts = listWorksheetParts(await text(zip, 'xl/workbook.xml'), await text(zip, 'xl/_rels/workbook.xml.rels'));
  const part = parts.find((p) => p.name === sheetName)!;
  const sheetXml = await text(zip, part.path);
  const drawingRelId = /<drawing r:id="([^"]+)"\/>/.exec(sheetXml)?.[1];
  if (!drawingRelId) return { drawing: '', charts: [] };
  const rel = parseRels(await text(zip, relsPathOf(part.path))).find((r) => r.id === drawingRelId)!;
  const drawingPath = resolveTarget(part.path, rel.target);
  const drawing = await text(zip, drawingPath);
  const drawingRels = parseRels(await text(zip, relsPathOf(drawingPath)));
  const ids = [...drawing.matchAll(/r:id="([^"]+)"/g)].map((m) => m[1]);
  const charts = await Promise.all(ids.map((id) => text(zip, resolveTarget(drawingPath, drawingRels.find((r) => r.id === id)!.target))));
  return { drawing, charts };
}

const formulas = (xml: string) => [...xml.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1].replace(/&apos;/g, "'"));

describe('writeReportBuffer', () => {
  const plan = fixturePlan();
  let input: Buffer;
  let out: Buffer;
  let wb: ExcelJS.Workbook;
  let zip: JSZip;
  beforeAll(async () => {
    input = (await buildSampleBuffer({ children: 30 })).buffer;
    out = await writeReportBuffer(input, plan, 'sample.xlsx');
    wb = await load(out);
    zip = await JSZip.loadAsync(out);
  });

  it('keeps the user\'s sheets exactly and adds the planned ones after them', async () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tracker', 'Notes', 'PACE Summary', 'PACE Issues', 'PACE Aim 2']);
    const before = await readWorkbookBuffer(input);
    const after = await readWorkbookBuffer(out);
    expect(after.sheets.slice(0, 2)).toEqual(before.sheets);
    expect(after.date1904).toBe(false);
  });

  it('copies the user\'s sheet parts byte for byte', async () => {
    const inZip = await JSZip.loadAsync(input);
    for (const path of ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/theme/theme1.xml']) {
      expect(await text(zip, path)).toBe(await text(inZip, path));
    }
  });

  it('keeps charts the user made on their own sheets', async () => {
    // A workbook whose sheets already carry charts, none of them the add-in's.
    const withCharts = await JSZip.loadAsync(await writeReportBuffer(input, fixturePlan({ sheetPrefix: 'Mine' })));
    withCharts.file('xl/workbook.xml', markOwnedSheetsInWorkbookXml(await text(withCharts, 'xl/workbook.xml'), []));
    const userBook = await withCharts.generateAsync({ type: 'nodebuffer' });
    expect(await ownedSheetNames(userBook)).toEqual([]);
    const result = await JSZip.loadAsync(await writeReportBuffer(userBook, plan));
    expect((await chartsOfSheet(result, 'Mine Aim 2')).charts).toHaveLength(2);
    expect((await chartsOfSheet(result, 'PACE Aim 2')).charts).toHaveLength(2);
    expect(formulas((await chartsOfSheet(result, 'Mine Aim 2')).charts[0])[1]).toBe("'Mine Aim 2'!$C$8:$C$37");
    expect(Object.keys(result.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(6);
  });

  it('writes values with their number formats', () => {
    const aim = wb.getWorksheet('PACE Aim 2')!;
    expect(aim.getCell(`A${FIXTURE_DATA_ROW}`).value).toBe('SYN0001');
    const date = aim.getCell(`B${FIXTURE_DATA_ROW}`);
    expect(date.numFmt).toBe('dd/mm/yyyy');
    expect(date.value).toEqual(new Date(Date.UTC(2021, 0, 4)));
    expect(aim.getCell(`C${FIXTURE_DATA_ROW}`).numFmt).toBe('0.0');
    expect(aim.getCell(`C${FIXTURE_DATA_ROW}`).value).toBe(40);
    expect(aim.getCell(`D${FIXTURE_DATA_ROW + 20}`).value).toBeNull();
    expect(aim.getCell('K13').numFmt).toBe('0.0"%"');
    expect(aim.getCell('B5').value).toBe(29.3);
  });

  it('styles titles, subtitles, headlines, headings, labels and notes', () => {
    const aim = wb.getWorksheet('PACE Aim 2')!;
    const summary = wb.getWorksheet('PACE Summary')!;
    expect(aim.getCell('A1').font).toMatchObject({ bold: true, size: 16 });
    expect(aim.getCell('A2').font).toMatchObject({ size: 12 });
    expect(aim.getCell('A4').font).toMatchObject({ bold: true, size: 14 });
    expect(aim.getCell('A5').font).toMatchObject({ bold: true });
    expect(summary.getCell('A4').font).toMatchObject({ bold: true, size: 12 });
    expect(summary.getCell('A9').font).toMatchObject({ italic: true, color: { argb: 'FF595959' } });
    expect(wb.getWorksheet('PACE Issues')!.getCell('D4').alignment).toMatchObject({ wrapText: true });
  });

  it('sets column widths, frozen rows and tab colours', () => {
    const issues = wb.getWorksheet('PACE Issues')!;
    expect(issues.getColumn(4).width).toBe(60);
    expect(issues.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(wb.getWorksheet('PACE Summary')!.properties.tabColor).toEqual({ argb: 'FF1F4E79' });
  });

  it('adds the planned Excel Tables', () => {
    const tables = (name: string) =>
      (wb.getWorksheet(name)!.getTables() as unknown as { table: { name: string; tableRef?: string; ref: string } }[]).map((t) => [t.table.name, t.table.tableRef ?? t.table.ref]);
    expect(tables('PACE Issues')).toEqual([['PaceIssues', 'A3:D5']]);
    expect(tables('PACE Aim 2')).toEqual([['PaceAim2Children', `A${FIXTURE_DATA_ROW - 1}:G${FIXTURE_DATA_ROW + FIXTURE_POINTS - 1}`]]);
  });

  it('links issue cells to the source cells inside the workbook, with no external relationship', async () => {
    const parts = listWorksheetParts(await text(zip, 'xl/workbook.xml'), await text(zip, 'xl/_rels/workbook.xml.rels'));
    const issues = parts.find((p) => p.name === 'PACE Issues')!;
    const xml = await text(zip, issues.path);
    expect(xml).toContain('<hyperlink ref="A4" location="&apos;Tracker&apos;!J64" display="J64" tooltip="Go to the cell"/>');
    expect(xml).toContain('<hyperlink ref="A5" location="&apos;Tracker&apos;!I252" display="I252"/>');
    const rels = zip.file(relsPathOf(issues.path)) ? parseRels(await text(zip, relsPathOf(issues.path))) : [];
    expect(rels.filter((r) => r.targetMode === 'External')).toEqual([]);
    expect(xml.indexOf('<hyperlinks>')).toBeLessThan(xml.indexOf('<pageMargins'));
    expect(wb.getWorksheet('PACE Issues')!.getCell('A4').text).toBe('J64');
  });

  it('adds one native chart part per planned chart, bound to exactly the planned ranges', async () => {
    for (const sheet of plan.sheets) {
      const { drawing, charts } = await chartsOfSheet(zip, sheet.name);
      expect(charts).toHaveLength(sheet.charts.length);
      sheet.charts.forEach((chart, i) => {
        const expected = chart.series.flatMap((s) => [sheetRangeFormula(sheet.name, chart.categories), sheetRangeFormula(sheet.name, s.values)]);
        expect(formulas(charts[i])).toEqual(expected);
        expect(charts[i]).toContain(chart.title);
      });
      if (sheet.charts.length) expect(drawing.match(/<xdr:twoCellAnchor/g)).toHaveLength(sheet.charts.length);
    }
  });

  it('anchors charts at the planned cells', async () => {
    const { drawing } = await chartsOfSheet(zip, 'PACE Aim 2');
    const anchors = [...drawing.matchAll(/<xdr:from><xdr:col>(\d+)<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>.*?<xdr:to><xdr:col>(\d+)<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>/g)].map((m) => m.slice(1).map(Number));
    // I16:S36 and I38:S55, the far cell included.
    expect(anchors).toEqual([
      [8, 15, 19, 36],
      [8, 37, 19, 55],
    ]);
  });

  it('fills chart caches from the plan so charts draw before recalculation', async () => {
    const { charts } = await chartsOfSheet(zip, 'PACE Aim 2');
    expect(charts[0]).toContain(`<c:ptCount val="${FIXTURE_POINTS}"/><c:pt idx="0"><c:v>44200</c:v></c:pt>`);
    expect(charts[1]).toContain('<c:strCache><c:ptCount val="4"/><c:pt idx="0"><c:v>SYN0101</c:v></c:pt>');
    expect(charts[1]).toContain('<c:pt idx="0"><c:v>61.3</c:v></c:pt>');
  });

  it('declares every chart and drawing part in the content types', async () => {
    const types = await text(zip, '[Content_Types].xml');
    const chartParts = Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    const drawingParts = Object.keys(zip.files).filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p));
    expect(chartParts).toHaveLength(3);
    expect(drawingParts).toHaveLength(2);
    for (const p of chartParts) expect(types).toContain(`<Override PartName="/${p}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`);
    for (const p of drawingParts) expect(types).toContain(`<Override PartName="/${p}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`);
  });

  it('writes well-formed XML in every part', async () => {
    const xmlParts = Object.keys(zip.files).filter((p) => /\.(xml|rels)$/.test(p));
    const files = await Promise.all(xmlParts.map(async (p) => ({ fileName: p.replace(/[^\w.]/g, '_'), contents: await text(zip, p) })));
    const result = await validateXML({ xml: files, normalization: 'format' });
    expect(result.errors).toEqual([]);
  });

  it('marks its sheets as the add-in\'s', async () => {
    expect(await ownedSheetNames(out)).toEqual(['PACE Summary', 'PACE Issues', 'PACE Aim 2']);
    expect(await ownedSheetNames(input)).toEqual([]);
  });

  it('replaces its own sheets when run again on its output, without duplicates', async () => {
    const again = await writeReportBuffer(out, plan);
    const wb2 = await load(again);
    expect(wb2.worksheets.map((w) => w.name)).toEqual(['Tracker', 'Notes', 'PACE Summary', 'PACE Issues', 'PACE Aim 2']);
    const zip2 = await JSZip.loadAsync(again);
    expect(Object.keys(zip2.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(3);
    expect(await ownedSheetNames(again)).toEqual(['PACE Summary', 'PACE Issues', 'PACE Aim 2']);
    expect((await text(zip2, 'xl/workbook.xml')).match(/PaceTracker_Owned/g)).toHaveLength(3);
    const before = await readWorkbookBuffer(out);
    const after = await readWorkbookBuffer(again);
    expect(after.sheets).toEqual(before.sheets);
  });

  it('keeps earlier report sheets a partial plan does not rewrite, and drops them for a full report', async () => {
    const issuesOnly: ReportPlan = { asOf: plan.asOf, sheets: [plan.sheets[1]] };
    const partial = await load(await writeReportBuffer(out, issuesOnly));
    expect(partial.worksheets.map((w) => w.name)).toEqual(['Tracker', 'Notes', 'PACE Summary', 'PACE Aim 2', 'PACE Issues']);
    const partialBuf = await writeReportBuffer(out, issuesOnly);
    expect((await ownedSheetNames(partialBuf)).sort()).toEqual(['PACE Aim 2', 'PACE Issues', 'PACE Summary']);
    const full = await load(await writeReportBuffer(out, { ...issuesOnly, replaceEarlierReport: true }));
    expect(full.worksheets.map((w) => w.name)).toEqual(['Tracker', 'Notes', 'PACE Issues']);
  });

  it('never overwrites a user\'s sheet that has a planned name', async () => {
    const wbIn = await load(input);
    const own = wbIn.addWorksheet('PACE Issues');
    own.getCell('A1').value = 'My own notes';
    const inputWithClash = Buffer.from(await wbIn.xlsx.writeBuffer());
    const result = await load(await writeReportBuffer(inputWithClash, plan));
    expect(result.worksheets.map((w) => w.name)).toEqual(['Tracker', 'Notes', 'PACE Issues', 'PACE Summary', 'PACE Issues (2)', 'PACE Aim 2']);
    expect(result.getWorksheet('PACE Issues')!.getCell('A1').value).toBe('My own notes');
    expect(result.getWorksheet('PACE Issues (2)')!.getCell('A1').value).toBe('Data issues');
  });

  it('keeps the user\'s Excel Table and 1904 date system', async () => {
    const tableInput = (await buildSampleBuffer({ children: 20, asTable: true, date1904: true })).buffer;
    const result = await writeReportBuffer(tableInput, plan);
    const grid = await readWorkbookBuffer(result);
    expect(grid.date1904).toBe(true);
    expect(grid.sheets[0].table).toBe('PermanenceData');
    expect(grid.sheets[0]).toEqual((await readWorkbookBuffer(tableInput)).sheets[0]);
    const { charts } = await chartsOfSheet(await JSZip.loadAsync(result), 'PACE Aim 2');
    expect(charts[0]).toContain('<c:date1904 val="1"/>');
  });
});

describe('writeReportBuffer: what Excel and LibreOffice need', () => {
  let input: Buffer;
  let out: Buffer;
  let wb: ExcelJS.Workbook;
  const plan = fixturePlan();
  // Text from the user's sheet, echoed into the issues sheet: a formula lookalike and characters XML cannot carry.
  plan.sheets[1].blocks.push({ at: 'F4', values: [['=cmd|\' /C calc\'!A0'], ['tbc\u0001\u0008 <soon> & "later"'], ['+SUM(A1:A2)']] });
  beforeAll(async () => {
    input = (await buildSampleBuffer({ children: 30 })).buffer;
    out = await writeReportBuffer(input, plan);
    wb = await load(out);
  });

  it('writes formula-looking text as text, escaped, with characters XML cannot carry dropped', async () => {
    const issues = wb.getWorksheet('PACE Issues')!;
    expect(issues.getCell('F4').value).toBe("=cmd|' /C calc'!A0");
    expect(issues.getCell('F4').type).toBe(ExcelJS.ValueType.String);
    expect(issues.getCell('F5').value).toBe('tbc <soon> & "later"');
    expect(issues.getCell('F6').value).toBe('+SUM(A1:A2)');
    const zip = await JSZip.loadAsync(out);
    const parts = listWorksheetParts(await text(zip, 'xl/workbook.xml'), await text(zip, 'xl/_rels/workbook.xml.rels'));
    expect(await text(zip, parts.find((p) => p.name === 'PACE Issues')!.path)).not.toContain('<f>');
  });

  it('sets every report sheet to print landscape, one page wide', () => {
    for (const name of ['PACE Summary', 'PACE Issues', 'PACE Aim 2']) {
      expect(wb.getWorksheet(name)!.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    }
  });

  it('writes table header cells holding the table column names, and the table filter', async () => {
    const aim = wb.getWorksheet('PACE Aim 2')!;
    const table = (aim.getTables() as unknown as { table: { columns: { name: string }[]; headerRow?: boolean } }[])[0].table;
    const header = aim.getRow(FIXTURE_DATA_ROW - 1).values as unknown[];
    expect(table.columns.map((c) => c.name)).toEqual(header.slice(1, 8));
    const zip = await JSZip.loadAsync(out);
    const tables = await Promise.all(Object.keys(zip.files).filter((p) => /^xl\/tables\/table\d+\.xml$/.test(p)).map((p) => text(zip, p)));
    expect(tables.map((t) => /\sid="(\d+)"/.exec(t)![1]).sort()).toEqual(['1', '2']);
    for (const t of tables) expect(t).toMatch(/<autoFilter ref="[A-Z]+\d+:[A-Z]+\d+"\/>/);
  });

  it('shows link cells in the link font', () => {
    expect(wb.getWorksheet('PACE Issues')!.getCell('A4').font).toMatchObject({ underline: true, color: { argb: 'FF0563C1' } });
  });

  it('does not grow the styles part when run again on its own output', async () => {
    const again = await writeReportBuffer(out, plan);
    const styles = async (buf: Buffer) => text(await JSZip.loadAsync(buf), 'xl/styles.xml');
    expect(await styles(again)).toBe(await styles(out));
  });

  it('copies the user\'s compressed parts without recompressing them', async () => {
    const before = readStoredEntries(input)!;
    const after = readStoredEntries(out)!;
    for (const name of ['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/theme/theme1.xml']) {
      expect(Buffer.from(after.get(name)!.data).equals(Buffer.from(before.get(name)!.data))).toBe(true);
    }
  });
});

describe('helpers', () => {
  it('finds a free sheet name within 31 characters', () => {
    expect(uniqueSheetName('Issues', new Set(['Tracker']))).toBe('Issues');
    expect(uniqueSheetName('Issues', new Set(['issues', 'Issues (2)']))).toBe('Issues (3)');
    expect(uniqueSheetName('A'.repeat(31), new Set(['A'.repeat(31)]))).toBe(`${'A'.repeat(27)} (2)`);
  });
  it('strips a leading # from link targets', () => {
    expect(hyperlinksXml([{ cell: 'B2', target: '#Tracker!A1', text: 'A1' }])).toBe('<hyperlinks><hyperlink ref="B2" location="Tracker!A1" display="A1"/></hyperlinks>');
  });
});

describe('writeReportFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pace-write-'));

  it('writes the report beside the input and never over it', async () => {
    const inputPath = join(dir, 'in.xlsx');
    writeFileSync(inputPath, (await buildSampleBuffer({ children: 10 })).buffer);
    const outPath = join(dir, 'in-pace-report.xlsx');
    await writeReportFile(inputPath, fixturePlan(), outPath);
    expect(existsSync(outPath)).toBe(true);
    await expect(writeReportFile(inputPath, fixturePlan(), inputPath)).rejects.toThrow(UserFacingError);
    await expect(writeReportFile(inputPath, fixturePlan(), inputPath)).rejects.toMatchObject({ kind: 'usage' });
  });

  it('says plainly when the input is not a workbook', async () => {
    const bad = join(dir, 'bad.xlsx');
    writeFileSync(bad, 'not a workbook');
    await expect(writeReportFile(bad, fixturePlan(), join(dir, 'o.xlsx'))).rejects.toMatchObject({ kind: 'unreadableFile', message: expect.stringContaining('"bad.xlsx" could not be opened') });
  });
});

describe('print titles', () => {
  const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const wb = (definedNames = '') =>
    `<workbook ${NS}><sheets><sheet name="Tracker" sheetId="1" r:id="rId1"/><sheet name="PACE Aim 1" sheetId="2" r:id="rId2"/></sheets>${definedNames}<calcPr calcId="1"/></workbook>`;
  const titled = (xml: string, titles: { sheet: string; first: number; last: number }[]) => {
    const workbook = new WorkbookXml(xml);
    workbook.setPrintTitles(titles);
    return workbook.toXml();
  };
  const aimTitles = [{ sheet: 'PACE Aim 1', first: 133, last: 134 }];
  const aim = { name: 'PACE Aim 1', sheet: { ...fixturePlan().sheets[2], print: { orientation: 'landscape' as const, margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 }, titleRows: { first: 133, last: 134 }, rowBreaks: [], columnBreaks: [] } } };

  it('names the rows repeated on every printed page, scoped to the sheet by its position, before calcPr', () => {
    expect(titled(wb(), aimTitles)).toContain(
      `<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="1">'PACE Aim 1'!$133:$134</definedName></definedNames><calcPr`,
    );
  });

  it('replaces the sheet\'s earlier print titles and keeps everything else', () => {
    const before = wb('<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="1">\'PACE Aim 1\'!$9:$9</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">Tracker!$1:$1</definedName></definedNames>');
    const after = titled(before, aimTitles);
    expect(after.match(/_xlnm\.Print_Titles/g)).toHaveLength(2);
    expect(after).toContain('Tracker!$1:$1');
    expect(after).not.toContain('$9:$9');
    expect(titled(before, [])).toBe(new WorkbookXml(before).toXml());
  });

  it('are written into the report workbook, once however often it is run', async () => {
    const plan = fixturePlan();
    plan.sheets[2] = aim.sheet;
    const input = (await buildSampleBuffer({ children: 12, notesSheet: false })).buffer;
    const once = await writeReportBuffer(input, plan);
    const twice = await writeReportBuffer(once, plan);
    for (const out of [once, twice]) {
      const workbook = await text(await JSZip.loadAsync(out), 'xl/workbook.xml');
      expect(workbook.match(/_xlnm\.Print_Titles/g)).toHaveLength(1);
      expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="3">'PACE Aim 2'!$133:$134</definedName>`);
    }
  });
});
