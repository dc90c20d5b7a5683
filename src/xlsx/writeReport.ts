/**
 * Writes a report plan into a copy of the user's workbook: their sheets are
 * carried over, our sheets of the plan's kind from an earlier run are
 * replaced (src/core/report/ownership.ts), and each
 * planned sheet gets its blocks, formats, tables, links and native charts.
 *
 * The user's package is edited in place: their parts are copied as they are
 * (nothing exceljs does not understand is lost), and the report sheets are
 * written as XML parts straight from the plan (sheetXml.ts), with their
 * tables, charts and a handful of cell formats added to the package. The
 * parts of theirs it must edit (workbook, its relationships, content types,
 * styles) are edited as XML documents (packageXml.ts), so whatever prefixes,
 * declarations, extensions and markup-compatibility content their producer
 * wrote stay as they were. The package is checked first (packageCheck.ts):
 * damaged, encrypted, Strict and hostile packages and a protected structure
 * are refused in plain words before anything is written.
 */
import { readFile, writeFile } from 'fs/promises';
import { basename, resolve } from 'path';
import JSZip from './jszip';
import type { PlannedSheet, ReportPlan } from '../core/report/plan';
import { UserFacingError } from '../core/errors';
import { rangeValues } from './planValues';
import { chartDrawingParts, PartNumbers, usedPartNumbers } from './charts/package';
import { REL_TYPE, Relationship, relsPathOf, renderRels, resolveTarget } from './ooxml';
import { ownershipInPackage } from './ownership';
import { ownershipComment, planKind, replacedByPlan } from '../core/report/ownership';
import { highestPartNumber, highestTableId, removeSheets, tableNamesInPackage } from './mergePackage';
import { checkPackage, loadZip } from './packageCheck';
import { assertStructureUnlocked, ContentTypesXml, RelsXml, WorkbookXml } from './packageXml';
import { damagedPackageMessage } from './xmlDom';
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

/** The user's package, checked (damaged, encrypted, Strict, hostile XML are refused plainly), and where its workbook part is. */
async function openPackage(input: Uint8Array, inputName: string): Promise<{ zip: JSZip; workbookPath: string }> {
  const zip = await loadZip(input, inputName);
  const { workbookPath } = await checkPackage(zip, input, inputName);
  if (!zip.file(relsPathOf(workbookPath))) throw new UserFacingError('unreadableFile', damagedPackageMessage(inputName));
  return { zip, workbookPath };
}

async function partText(zip: JSZip, path: string): Promise<string> {
  return (await zip.file(path)?.async('string')) ?? '';
}

/** The new parts of a report and the package indexes that list them. */
interface NewParts {
  /** New parts by path, compressing (they start as soon as they are built, while the next are built). */
  added: Map<string, Promise<StoredEntry>>;
  contentTypes: ContentTypesXml;
  workbookRels: RelsXml;
  /** Where the workbook part is, for relationship targets relative to it. */
  workbookPath: string;
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
  if (contentType) out.contentTypes.addOverride(`/${path}`, contentType);
}

/** A relationship target from the workbook part to a part at `path` (relative, as Office writes it, when it can be). */
function targetFromWorkbook(workbookPath: string, path: string): string {
  const dir = workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1);
  return dir && path.startsWith(dir) ? path.slice(dir.length) : `/${path}`;
}

/**
 * Adds one laid-out report sheet: its worksheet part, tables, charts and
 * their relationships, and lists it in the workbook part.
 */
function addReportSheet(
  out: NewParts,
  numbers: PartNumbering,
  { sheet, name, layout }: { sheet: PlannedSheet; name: string; layout: SheetLayout },
  xfIds: number[],
  date1904: boolean,
  workbook: WorkbookXml,
): void {
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

  const relId = out.workbookRels.add(WORKSHEET_REL, targetFromWorkbook(out.workbookPath, path));
  numbers.sheetId += 1;
  workbook.appendSheet(name, numbers.sheetId, relId);
}

/**
 * The report workbook as bytes: `input` (the user's .xlsx) with the plan's
 * sheets added and the add-in's earlier sheets replaced. The user's own parts
 * are copied as they are; only the workbook index, its relationships, styles
 * and content types are extended.
 */
export async function writeReportBuffer(input: Uint8Array, plan: ReportPlan, inputName = ''): Promise<Buffer> {
  const { zip: target, workbookPath } = await openPackage(input, inputName);
  const asLoaded = snapshotPackage(target);
  const sourceWorkbook = new WorkbookXml(await partText(target, workbookPath), inputName);
  // Refused before anything is built: Excel would not let a sheet be added either.
  assertStructureUnlocked(sourceWorkbook, inputName);
  const date1904 = sourceWorkbook.date1904();
  const owned = await ownershipInPackage(target, workbookPath);

  // Replace our own sheets: those this plan rewrites, or for a full report all of its kind (a report keeps timelines and the changes sheet).
  const removed = owned.filter((o) => replacedByPlan(plan, o)).map((o) => o.name);
  await removeSheets(target, removed, workbookPath);
  const stillOwned = owned.filter((o) => !removed.includes(o.name));

  // A user's own sheet that happens to have a planned name is never overwritten: the report sheet gets a suffix.
  const workbook = new WorkbookXml(await partText(target, workbookPath), inputName);
  const taken = new Set(workbook.sheetNames());
  const tableNames = await tableNamesInPackage(target);
  const looks = new LookTable();
  const laidOut: { sheet: PlannedSheet; name: string; layout: SheetLayout }[] = plan.sheets.map((sheet) => {
    const name = uniqueSheetName(sheet.name, taken);
    taken.add(name);
    return { sheet, name, layout: layoutSheet(sheet, looks, tableNames) };
  });

  const workbookRelsPath = relsPathOf(workbookPath);
  const out: NewParts = {
    added: new Map(),
    contentTypes: new ContentTypesXml(await partText(target, '[Content_Types].xml'), inputName),
    workbookRels: new RelsXml(await partText(target, workbookRelsPath), inputName),
    workbookPath,
    now: new Date(),
  };

  const stylesPath = stylesPartPath(target, out);
  const stylesBefore = await partText(target, stylesPath);
  const styles = addReportStyles(stylesBefore, looks.looks);
  if (styles.xml !== stylesBefore) target.file(stylesPath, styles.xml);
  const numbers: PartNumbering = {
    // Part names compare without regard to case (OPC), so Sheet3.xml takes number 3 too.
    sheet: highestPartNumber(target, /^xl\/worksheets\/sheet(\d+)\.xml$/i),
    table: highestPartNumber(target, /^xl\/tables\/table(\d+)\.xml$/i),
    tableId: await highestTableId(target),
    sheetId: Math.max(0, ...workbook.sheets().map((e) => e.sheetId)),
    ...usedPartNumbers(target),
  };
  for (const s of laidOut) addReportSheet(out, numbers, s, styles.xfIds, date1904, workbook);

  // Sheets kept keep their marks as they were; a sheet the user renamed loses its mark (it is theirs now), as in the add-in.
  workbook.markOwned([
    ...stillOwned.map((o) => ({ sheet: o.name, comment: o.comment })),
    ...laidOut.map((w) => ({ sheet: w.name, comment: ownershipComment(w.name, planKind(plan)) })),
  ]);
  workbook.setPrintTitles(
    laidOut.flatMap((w) => (w.sheet.print?.titleRows ? [{ sheet: w.name, first: w.sheet.print.titleRows.first, last: w.sheet.print.titleRows.last }] : [])),
  );
  target.file(workbookPath, workbook.toXml());
  target.file(workbookRelsPath, out.workbookRels.toXml());
  target.file('[Content_Types].xml', out.contentTypes.toXml());
  return savePackage(target, input, asLoaded, out.added, out.now);
}

const STYLES_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';
const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
/** The styles Excel assumes when a workbook has none (one font, the two required fills, one border, the Normal style). */
const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/**
 * The styles part, found by the workbook's relationship. A workbook without
 * one (some tools write none) gets the minimal part Excel would assume.
 */
function stylesPartPath(zip: JSZip, out: NewParts): string {
  const rel = out.workbookRels.list().find((r) => r.type === STYLES_REL);
  if (rel) {
    const path = resolveTarget(out.workbookPath, rel.target);
    if (zip.file(path)) return path;
    out.workbookRels.remove(rel.id);
  }
  let path = 'xl/styles.xml';
  for (let n = 2; zip.file(path); n++) path = `xl/styles${n}.xml`;
  zip.file(path, MINIMAL_STYLES);
  out.workbookRels.add(STYLES_REL, targetFromWorkbook(out.workbookPath, path));
  out.contentTypes.addOverride(`/${path}`, CT_STYLES);
  return path;
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
