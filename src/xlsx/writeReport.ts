/**
 * Writes a report plan into a copy of the user's workbook: their sheets are
 * carried over, the add-in's sheets from an earlier run are replaced, and each
 * planned sheet gets its blocks, formats, tables, links and native charts.
 *
 * The user's package is edited in place: their parts are copied as they are
 * (nothing exceljs does not understand is lost), and the report sheets are
 * written as XML parts straight from the plan (sheetXml.ts), with their
 * tables, charts and a handful of cell formats added to the package.
 */
import { readFile, writeFile } from 'fs/promises';
import { basename, resolve } from 'path';
import JSZip from 'jszip';
import type { PlannedSheet, ReportPlan } from '../core/report/plan';
import { UserFacingError } from '../core/errors';
import { assertXlsxBytes, unreadableFileMessage } from './read';
import { rangeValues } from './planValues';
import { chartDrawingParts, PartNumbers, usedPartNumbers } from './charts/package';
import { addContentTypeOverride, escapeXml, nextRelId, parseRels, REL_TYPE, Relationship, relsPathOf, renderRels, sheetNamesInWorkbookXml } from './ooxml';
import { markOwnedSheetsInWorkbookXml, ownedSheetsInPackage } from './ownership';
import { highestPartNumber, highestTableId, removeSheets, sheetEntries, tableNamesInPackage } from './mergePackage';
import { addReportStyles, LookTable } from './reportStyles';
import { compressEntry, savePackage, snapshotPackage, StoredEntry } from './zipPackage';
import { layoutSheet, SheetLayout, SheetParts, tableXml, worksheetXml } from './sheetXml';

export { STYLE_FONTS, LINK_FONT } from './reportStyles';
export { hyperlinksXml } from './sheetXml';

const WORKSHEET_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const TABLE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table';
const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_TABLE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';

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

/** The <sheets> of a workbook part with `entries` added at the end. */
export function appendSheetEntries(workbookXml: string, entries: string[]): string {
  if (/<sheets\s*\/>/.test(workbookXml)) return workbookXml.replace(/<sheets\s*\/>/, `<sheets>${entries.join('')}</sheets>`);
  return workbookXml.replace('</sheets>', `${entries.join('')}</sheets>`);
}

/**
 * Each planned sheet's print titles (rows repeated at the top of every
 * printed page) as the sheet-scoped defined name _xlnm.Print_Titles, whose
 * localSheetId is the sheet's position in <sheets>. Earlier print titles
 * on these sheets are replaced.
 */
export function addPrintTitles(workbookXml: string, sheets: { name: string; sheet: PlannedSheet }[]): string {
  const names = sheetNamesInWorkbookXml(workbookXml);
  const titles = sheets
    .filter((s) => s.sheet.print?.titleRows && names.includes(s.name))
    .map((s) => {
      const rows = s.sheet.print?.titleRows as { first: number; last: number };
      const ref = `'${s.name.replace(/'/g, "''")}'!$${rows.first}:$${rows.last}`;
      return { id: names.indexOf(s.name), xml: `<definedName name="_xlnm.Print_Titles" localSheetId="${names.indexOf(s.name)}">${escapeXml(ref)}</definedName>` };
    });
  if (titles.length === 0) return workbookXml;
  const ids = new Set(titles.map((t) => String(t.id)));
  let xml = workbookXml.replace(/<definedName\b([^>]*)>[\s\S]*?<\/definedName>/g, (whole, attrs: string) => {
    const id = /\blocalSheetId="(\d+)"/.exec(attrs)?.[1];
    return /\bname="_xlnm\.Print_Titles"/.test(attrs) && id !== undefined && ids.has(id) ? '' : whole;
  });
  const added = titles.map((t) => t.xml).join('');
  if (/<definedNames\s*\/>/.test(xml)) return xml.replace(/<definedNames\s*\/>/, `<definedNames>${added}</definedNames>`);
  if (xml.includes('</definedNames>')) return xml.replace('</definedNames>', `${added}</definedNames>`);
  // CT_Workbook order: definedNames comes after sheets, functionGroups and externalReferences.
  const later = /<(calcPr|oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst)\b/.exec(xml);
  const block = `<definedNames>${added}</definedNames>`;
  if (later) xml = xml.slice(0, later.index) + block + xml.slice(later.index);
  else xml = xml.replace('</workbook>', `${block}</workbook>`);
  return xml;
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

/** The new parts of a report and the package indexes that list them. */
interface NewParts {
  /** New parts by path, compressing (they start as soon as they are built, while the next are built). */
  added: Map<string, Promise<StoredEntry>>;
  contentTypes: string;
  workbookRels: Relationship[];
  now: Date;
}

/** The last part numbers and ids used in the package; each new part takes the next. */
interface PartNumbering extends PartNumbers {
  sheet: number;
  table: number;
  tableId: number;
  sheetId: number;
}

function addPart(out: NewParts, path: string, xml: string, contentType?: string): void {
  out.added.set(path, compressEntry(path, Buffer.from(xml, 'utf8'), out.now));
  if (contentType) out.contentTypes = addContentTypeOverride(out.contentTypes, `/${path}`, contentType);
}

/**
 * Adds one laid-out report sheet: its worksheet part, tables, charts and
 * their relationships. Returns its <sheet> entry for the workbook part.
 */
function addReportSheet(
  out: NewParts,
  numbers: PartNumbering,
  { sheet, name, layout }: { sheet: PlannedSheet; name: string; layout: SheetLayout },
  xfIds: number[],
  date1904: boolean,
): string {
  numbers.sheet += 1;
  const path = `xl/worksheets/sheet${numbers.sheet}.xml`;
  const rels: Relationship[] = [];
  const parts: SheetParts = { tableRelIds: [] };
  for (const table of layout.tables) {
    numbers.table += 1;
    numbers.tableId += 1;
    const tablePath = `xl/tables/table${numbers.table}.xml`;
    addPart(out, tablePath, tableXml(table, numbers.tableId), CT_TABLE);
    const id = `rId${rels.length + 1}`;
    rels.push({ id, type: TABLE_REL, target: `../tables/table${numbers.table}.xml` });
    parts.tableRelIds.push(id);
  }
  if (sheet.charts.length) {
    // Chart caches hold what the cells hold, so charts draw before any recalculation.
    const caches = sheet.charts.map((c) => ({ categories: rangeValues(layout, c.categories), series: c.series.map((s) => rangeValues(layout, s.values)) }));
    const drawing = chartDrawingParts({ sheetName: name, charts: sheet.charts, caches }, numbers, date1904);
    for (const p of drawing.parts) addPart(out, p.path, p.xml, p.contentType);
    parts.drawingRelId = `rId${rels.length + 1}`;
    rels.push({ id: parts.drawingRelId, type: REL_TYPE.drawing, target: `../${drawing.drawingPath.replace(/^xl\//, '')}` });
  }
  addPart(out, path, worksheetXml(sheet, layout, xfIds, parts), CT_WORKSHEET);
  if (rels.length) addPart(out, relsPathOf(path), renderRels(rels));

  const relId = nextRelId(out.workbookRels);
  out.workbookRels.push({ id: relId, type: WORKSHEET_REL, target: `worksheets/sheet${numbers.sheet}.xml` });
  numbers.sheetId += 1;
  return `<sheet name="${escapeXml(name)}" sheetId="${numbers.sheetId}" r:id="${relId}"/>`;
}

/**
 * The report workbook as bytes: `input` (the user's .xlsx) with the plan's
 * sheets added and the add-in's earlier sheets replaced. The user's own parts
 * are copied as they are; only the workbook index, its relationships, styles
 * and content types are extended.
 */
export async function writeReportBuffer(input: Uint8Array, plan: ReportPlan, inputName = ''): Promise<Buffer> {
  const target = await openPackage(input, inputName);
  const asLoaded = snapshotPackage(target);
  const sourceWorkbookXml = await partText(target, 'xl/workbook.xml');
  const date1904 = /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(sourceWorkbookXml);
  const owned = await ownedSheetsInPackage(target);
  const planned = new Set(plan.sheets.map((s) => s.name.toLowerCase()));

  // Replace the add-in's own sheets: those this plan rewrites, or all of them for a full report.
  const removed = owned.filter((n) => plan.replaceEarlierReport || planned.has(n.toLowerCase()));
  await removeSheets(target, removed);
  const stillOwned = owned.filter((n) => !removed.includes(n));

  // A user's own sheet that happens to have a planned name is never overwritten: the report sheet gets a suffix.
  let workbookXml = await partText(target, 'xl/workbook.xml');
  const taken = new Set(sheetNamesInWorkbookXml(workbookXml));
  const tableNames = await tableNamesInPackage(target);
  const looks = new LookTable();
  const laidOut: { sheet: PlannedSheet; name: string; layout: SheetLayout }[] = plan.sheets.map((sheet) => {
    const name = uniqueSheetName(sheet.name, taken);
    taken.add(name);
    return { sheet, name, layout: layoutSheet(sheet, looks, tableNames) };
  });

  const styles = addReportStyles(await partText(target, 'xl/styles.xml'), looks.looks);
  target.file('xl/styles.xml', styles.xml);

  const workbookRelsPath = 'xl/_rels/workbook.xml.rels';
  const out: NewParts = {
    added: new Map(),
    contentTypes: await partText(target, '[Content_Types].xml'),
    workbookRels: parseRels(await partText(target, workbookRelsPath)),
    now: new Date(),
  };
  const numbers: PartNumbering = {
    sheet: highestPartNumber(target, /^xl\/worksheets\/sheet(\d+)\.xml$/),
    table: highestPartNumber(target, /^xl\/tables\/table(\d+)\.xml$/),
    tableId: await highestTableId(target),
    sheetId: Math.max(0, ...sheetEntries(workbookXml).map((e) => e.sheetId)),
    ...usedPartNumbers(target),
  };
  const entries = laidOut.map((s) => addReportSheet(out, numbers, s, styles.xfIds, date1904));

  workbookXml = appendSheetEntries(workbookXml, entries);
  const names = sheetNamesInWorkbookXml(workbookXml);
  workbookXml = markOwnedSheetsInWorkbookXml(workbookXml, names, [...stillOwned, ...laidOut.map((w) => w.name)]);
  target.file('xl/workbook.xml', addPrintTitles(workbookXml, laidOut));
  target.file(workbookRelsPath, renderRels(out.workbookRels));
  target.file('[Content_Types].xml', out.contentTypes);
  return savePackage(target, input, asLoaded, out.added, out.now);
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
