/**
 * Writes a report plan into a copy of the user's workbook: their sheets are
 * carried over, the add-in's sheets from an earlier run are replaced, and each
 * planned sheet gets its blocks, formats, tables, links and native charts.
 *
 * The user's package is edited in place (their sheets are never re-written,
 * so nothing exceljs does not understand is lost); exceljs writes the report
 * sheets into a scratch package that is merged in, and the parts exceljs
 * cannot write (charts, internal hyperlinks, sheet-scoped ownership names)
 * are added after.
 */
import { readFile, writeFile } from 'fs/promises';
import { basename, resolve } from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { BlockStyle, PlannedLink, PlannedSheet, ReportPlan } from '../core/report/plan';
import { parseCellAddress } from '../core/grid';
import { UserFacingError } from '../core/errors';
import { assertXlsxBytes, unreadableFileMessage } from './read';
import { plannedCells, rangeRows, rangeValues } from './planValues';
import { addChartsToPackage, SheetCharts } from './charts/package';
import { escapeXml, insertWorksheetElement, listWorksheetParts, parseRange, sheetNamesInWorkbookXml } from './ooxml';
import { markOwnedSheetsInWorkbookXml, ownedSheetsInPackage } from './ownership';
import { appendSheets, removeSheets, tableNamesInPackage } from './mergePackage';

type Font = Partial<ExcelJS.Font>;

/** Fonts of the block styles (the Office.js writer uses the same). */
export const STYLE_FONTS: Record<BlockStyle, Font | null> = {
  title: { bold: true, size: 16 },
  subtitle: { size: 12 },
  headline: { bold: true, size: 14 },
  heading: { bold: true, size: 12 },
  label: { bold: true },
  note: { italic: true, size: 9, color: { argb: 'FF595959' } },
  normal: null,
};

const LINK_FONT: Font = { color: { argb: 'FF0563C1' }, underline: true };

/** A name that is not already taken (case-insensitive, as Excel compares), at most 31 characters. */
export function uniqueSheetName(wanted: string, taken: Set<string>): string {
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = wanted.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

function argb(hex: string): string {
  return `FF${hex.replace(/^#/, '').toUpperCase()}`;
}

/** Writes one planned sheet's cells, formats, widths, panes and tables. */
function fillSheet(ws: ExcelJS.Worksheet, sheet: PlannedSheet, tableNames: Set<string>): void {
  sheet.columnWidths.forEach((w, i) => {
    if (w > 0) ws.getColumn(i + 1).width = w;
  });
  const cells = plannedCells(sheet);

  // Tables first: exceljs writes their cells itself; the blocks then set formats and styles.
  for (const t of sheet.tables) {
    const range = parseRange(t.range);
    const rows = rangeRows(cells, t.range);
    const seen = new Set<string>();
    const columns = rows[0].map((h, i) => {
      let name = h === null || h === '' ? `Column${i + 1}` : String(h);
      while (seen.has(name.toLowerCase())) name = `${name} `;
      seen.add(name.toLowerCase());
      return { name, filterButton: true };
    });
    let name = t.name;
    for (let n = 2; tableNames.has(name.toLowerCase()); n++) name = `${t.name}_${n}`;
    tableNames.add(name.toLowerCase());
    ws.addTable({
      name,
      ref: `${ws.getCell(range.top, range.left).address}`,
      headerRow: true,
      style: { theme: t.style as ExcelJS.TableStyleProperties['theme'], showRowStripes: true },
      columns,
      rows: rows.slice(1).map((r) => r.map((v) => (v === '' ? null : v))),
    });
  }

  for (const block of sheet.blocks) {
    const at = parseCellAddress(block.at);
    if (!at) throw new Error(`Block at "${block.at}" is not a cell address`);
    const font = STYLE_FONTS[block.style ?? 'normal'];
    block.values.forEach((row, r) => {
      row.forEach((value, c) => {
        const cell = ws.getCell(at.row + r, at.column + c);
        cell.value = value === null || value === '' ? null : value;
        const fmt = block.columnFormats?.[c];
        if (fmt) cell.numFmt = fmt;
        if (font) cell.font = font;
        if (block.wrap) cell.alignment = { wrapText: true, vertical: 'top' };
      });
    });
  }

  // Link cells show their text in link style; the hyperlink itself is added to the package afterwards.
  for (const link of sheet.links) {
    const cell = ws.getCell(link.cell);
    cell.value = link.text;
    cell.font = LINK_FONT;
  }

  if (sheet.freezeRows > 0) ws.views = [{ state: 'frozen', xSplit: 0, ySplit: sheet.freezeRows, topLeftCell: `A${sheet.freezeRows + 1}` }];
  if (sheet.tabColor) ws.properties.tabColor = { argb: argb(sheet.tabColor) };
}

/** The <hyperlinks> element for internal links ("'Tracker'!H17", with or without a leading #). */
export function hyperlinksXml(links: PlannedLink[]): string {
  const items = links
    .map((l) => {
      const location = l.target.replace(/^#/, '');
      const tip = l.tooltip ? ` tooltip="${escapeXml(l.tooltip)}"` : '';
      return `<hyperlink ref="${escapeXml(l.cell)}" location="${escapeXml(location)}" display="${escapeXml(l.text)}"${tip}/>`;
    })
    .join('');
  return `<hyperlinks>${items}</hyperlinks>`;
}

/** The user's package, or the plain "could not be opened" problem. */
async function openPackage(input: Uint8Array, inputName: string): Promise<JSZip> {
  assertXlsxBytes(input, inputName);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(input);
  } catch {
    throw new UserFacingError('unreadableFile', unreadableFileMessage(inputName));
  }
  if (!zip.file('xl/workbook.xml') || !zip.file('xl/styles.xml') || !zip.file('xl/_rels/workbook.xml.rels')) {
    throw new UserFacingError('unreadableFile', unreadableFileMessage(inputName));
  }
  return zip;
}

async function partText(zip: JSZip, path: string): Promise<string> {
  return (await zip.file(path)?.async('string')) ?? '';
}

/**
 * The report workbook as bytes: `input` (the user's .xlsx) with the plan's
 * sheets added and the add-in's earlier sheets replaced. The user's own parts
 * are copied as they are; only the workbook index, styles, shared strings and
 * content types are extended.
 */
export async function writeReportBuffer(input: Uint8Array, plan: ReportPlan, inputName = ''): Promise<Buffer> {
  const target = await openPackage(input, inputName);
  const sourceWorkbookXml = await partText(target, 'xl/workbook.xml');
  const date1904 = /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(sourceWorkbookXml);
  const owned = await ownedSheetsInPackage(target);
  const planned = new Set(plan.sheets.map((s) => s.name.toLowerCase()));

  // Replace the add-in's own sheets: those this plan rewrites, or all of them for a full report.
  const removed = owned.filter((n) => plan.replaceEarlierReport || planned.has(n.toLowerCase()));
  await removeSheets(target, removed);
  const stillOwned = owned.filter((n) => !removed.includes(n));

  // A user's own sheet that happens to have a planned name is never overwritten: the report sheet gets a suffix.
  const taken = new Set(sheetNamesInWorkbookXml(await partText(target, 'xl/workbook.xml')));
  const tableNames = await tableNamesInPackage(target);
  const report = new ExcelJS.Workbook();
  if (date1904) report.properties.date1904 = true;
  const written: { sheet: PlannedSheet; name: string }[] = [];
  for (const sheet of plan.sheets) {
    const name = uniqueSheetName(sheet.name, taken);
    taken.add(name);
    fillSheet(report.addWorksheet(name), sheet, tableNames);
    written.push({ sheet, name });
  }
  const reportZip = await JSZip.loadAsync(await report.xlsx.writeBuffer());
  await appendSheets(target, reportZip, written.map((w) => ({ from: w.name, as: w.name })));

  const workbookXml = await partText(target, 'xl/workbook.xml');
  const parts = listWorksheetParts(workbookXml, await partText(target, 'xl/_rels/workbook.xml.rels'));
  for (const { sheet, name } of written) {
    if (sheet.links.length === 0) continue;
    const part = parts.find((p) => p.name === name);
    if (!part) continue;
    target.file(part.path, insertWorksheetElement(await partText(target, part.path), 'hyperlinks', hyperlinksXml(sheet.links)));
  }

  const sheetCharts: SheetCharts[] = written.map(({ sheet, name }) => {
    const cells = plannedCells(sheet);
    return {
      sheetName: name,
      charts: sheet.charts,
      caches: sheet.charts.map((c) => ({ categories: rangeValues(cells, c.categories), series: c.series.map((s) => rangeValues(cells, s.values)) })),
    };
  });
  await addChartsToPackage(target, sheetCharts, date1904);

  const names = sheetNamesInWorkbookXml(workbookXml);
  target.file('xl/workbook.xml', markOwnedSheetsInWorkbookXml(workbookXml, names, [...stillOwned, ...written.map((w) => w.name)]));
  return target.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** Reads `inputPath`, writes the report workbook to `outputPath` (never over the input). */
export async function writeReportFile(inputPath: string, plan: ReportPlan, outputPath: string): Promise<void> {
  if (resolve(inputPath) === resolve(outputPath)) {
    throw new UserFacingError('usage', `The report would overwrite "${basename(inputPath)}". Choose another output file name with -o.`);
  }
  let input: Buffer;
  try {
    input = await readFile(inputPath);
  } catch {
    throw new UserFacingError('unreadableFile', `"${inputPath}" could not be read. Check the file name and try again.`);
  }
  const out = await writeReportBuffer(input, plan, basename(inputPath));
  try {
    await writeFile(outputPath, out);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'EBUSY' || code === 'EPERM' || code === 'EACCES' ? ' It may be open in Excel: close it and try again.' : ' Check the folder exists and you can write to it.';
    throw new UserFacingError('unreadableFile', `The report could not be saved as "${outputPath}".${why}`);
  }
}
