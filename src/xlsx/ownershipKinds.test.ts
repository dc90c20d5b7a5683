/**
 * Sheet kinds and renamed sheets in the .xlsx writer, as in the add-in: a
 * full report replaces only report sheets, a timeline only its own
 * subject's sheet, a comparison only the changes sheet; a sheet of ours the
 * user renamed is theirs (kept, its mark dropped, a new one written); a
 * user's sheet named like ours is never touched.
 */
import JSZip from 'jszip';
import { writeReportBuffer } from './writeReport';
import { ownershipInPackage } from './ownership';
import { WorkbookXml } from './packageXml';
import { buildSampleBuffer } from '../../test/support/sample';
import { fixturePlan } from '../../test/support/planFixture';
import { ownershipComment } from '../core/report/ownership';
import type { PlannedSheet, ReportPlan } from '../core/report/plan';

const planned = (name: string, role: PlannedSheet['role']): PlannedSheet => ({
  name,
  role,
  blocks: [{ at: 'A1', values: [[name]], style: 'title' }],
  tables: [],
  links: [],
  charts: [],
  columnWidths: [20],
  freezeRows: 0,
});
const report = fixturePlan({ replaceEarlierReport: true });
const timeline = (subject: string): ReportPlan => ({ asOf: '2024-03-31', sheets: [planned(`PACE Timeline ${subject}`, 'timeline')], replaceEarlierReport: false, kind: 'timeline' });
const changes: ReportPlan = { asOf: '2024-03-31', sheets: [planned('PACE Changes', 'changes')], replaceEarlierReport: false, kind: 'changes' };

async function workbookOf(buf: Uint8Array): Promise<WorkbookXml> {
  const zip = await JSZip.loadAsync(buf);
  return new WorkbookXml((await zip.file('xl/workbook.xml')?.async('string')) ?? '');
}
const sheetNames = async (buf: Uint8Array) => (await workbookOf(buf)).sheetNames();
const kinds = async (buf: Uint8Array) => (await ownershipInPackage(await JSZip.loadAsync(buf))).map((o) => [o.name, o.kind]);

/** What Excel does when the user renames a sheet: the tab and references to it change; a defined name's comment does not. */
async function renameSheet(buf: Uint8Array, from: string, to: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buf);
  const xml = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const quoted = (n: string) => `'${n.replace(/'/g, "''")}'!`;
  zip.file('xl/workbook.xml', xml.replace(`<sheet name="${from}"`, `<sheet name="${to}"`).split(quoted(from)).join(quoted(to)));
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** The worksheet part of a sheet, as stored (a sheet carried over is copied byte for byte). */
async function sheetPart(buf: Uint8Array, sheet: string): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  const entry = (await workbookOf(buf)).sheets().find((s) => s.name === sheet);
  if (!entry) throw new Error(`no sheet ${sheet}`);
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const target = new RegExp(`<Relationship[^>]*Id="${entry.relId}"[^>]*>`).exec(rels)?.[0] ?? '';
  const path = (/Target="([^"]+)"/.exec(target)?.[1] ?? '').replace(/^\/?(xl\/)?/, 'xl/');
  const xml = await zip.file(path)?.async('string');
  if (!xml) throw new Error(`no part for ${sheet}`);
  return xml;
}

describe('sheet kinds in the .xlsx writer', () => {
  let input: Buffer;
  beforeAll(async () => {
    input = (await buildSampleBuffer({ children: 20 })).buffer;
  });

  it('report, timeline, changes, report again: keeps the timeline and changes sheets, replaces the report sheets, never duplicates', async () => {
    const first = await writeReportBuffer(input, report);
    const withTimeline = await writeReportBuffer(first, timeline('Team North'));
    const withChanges = await writeReportBuffer(withTimeline, changes);
    const again = await writeReportBuffer(withChanges, report);
    expect(await sheetNames(again)).toEqual(['Tracker', 'Notes', 'PACE Timeline Team North', 'PACE Changes', 'PACE Summary', 'PACE Issues', 'PACE Aim 2']);
    expect(await kinds(again)).toEqual([
      ['PACE Timeline Team North', 'timeline'],
      ['PACE Changes', 'changes'],
      ['PACE Summary', 'report'],
      ['PACE Issues', 'report'],
      ['PACE Aim 2', 'report'],
    ]);
    // The timeline again replaces only itself; another subject sits beside it.
    const twoTimelines = await writeReportBuffer(await writeReportBuffer(again, timeline('Team South')), timeline('Team North'));
    expect(await sheetNames(twoTimelines)).toEqual(['Tracker', 'Notes', 'PACE Changes', 'PACE Summary', 'PACE Issues', 'PACE Aim 2', 'PACE Timeline Team South', 'PACE Timeline Team North']);
  });

  it('never touches a user\'s sheet named like ours', async () => {
    const first = await writeReportBuffer(input, report);
    // The user deletes our summary and types their own under the same name (a sheet with no mark).
    const zip = await JSZip.loadAsync(first);
    const wb = new WorkbookXml((await zip.file('xl/workbook.xml')?.async('string')) ?? '');
    wb.markOwned(wb.ownershipMarks().filter((m) => m.sheet !== 'PACE Summary'));
    zip.file('xl/workbook.xml', wb.toXml());
    const userSummary = await zip.generateAsync({ type: 'nodebuffer' });
    const again = await writeReportBuffer(await writeReportBuffer(userSummary, report), report);
    expect(await sheetNames(again)).toEqual(['Tracker', 'Notes', 'PACE Summary', 'PACE Summary (2)', 'PACE Issues', 'PACE Aim 2']);
    expect(await sheetPart(again, 'PACE Summary')).toBe(await sheetPart(userSummary, 'PACE Summary'));
  });

  it('a report sheet the user renamed is theirs: kept, its mark dropped, and a new one written; later runs leave it alone too', async () => {
    const first = await writeReportBuffer(input, report);
    const renamed = await renameSheet(first, 'PACE Issues', 'Issues March');
    const marksBefore = (await workbookOf(renamed)).ownershipMarks();
    expect(marksBefore.find((m) => m.sheet === 'Issues March')?.comment).toBe(ownershipComment('PACE Issues', 'report'));
    const second = await writeReportBuffer(renamed, report);
    expect(await sheetNames(second)).toEqual(['Tracker', 'Notes', 'Issues March', 'PACE Summary', 'PACE Issues', 'PACE Aim 2']);
    expect((await workbookOf(second)).ownershipMarks().map((m) => m.sheet)).not.toContain('Issues March');
    const third = await writeReportBuffer(second, report);
    expect(await sheetNames(third)).toEqual(['Tracker', 'Notes', 'Issues March', 'PACE Summary', 'PACE Issues', 'PACE Aim 2']);
    // The kept sheet still holds the report it had.
    expect(await sheetPart(third, 'Issues March')).toBe(await sheetPart(first, 'PACE Issues'));
    expect(await sheetPart(third, 'Issues March')).toContain('<sheetData>');
  });

  it('reads marks from before kinds (no comment) as report sheets, replaced by name and by a full report', async () => {
    const first = await writeReportBuffer(await writeReportBuffer(input, timeline('Team North')), timeline('Team South'));
    const zip = await JSZip.loadAsync(first);
    const wb = new WorkbookXml((await zip.file('xl/workbook.xml')?.async('string')) ?? '');
    wb.markOwned(wb.ownershipMarks().map((m) => ({ sheet: m.sheet, comment: null })));
    zip.file('xl/workbook.xml', wb.toXml());
    const old = await zip.generateAsync({ type: 'nodebuffer' });
    expect(await kinds(old)).toEqual([
      ['PACE Timeline Team North', 'report'],
      ['PACE Timeline Team South', 'report'],
    ]);
    const north = await writeReportBuffer(old, timeline('Team North'));
    expect(await sheetNames(north)).toEqual(['Tracker', 'Notes', 'PACE Timeline Team South', 'PACE Timeline Team North']);
    const reported = await writeReportBuffer(north, report);
    expect(await sheetNames(reported)).toEqual(['Tracker', 'Notes', 'PACE Timeline Team North', 'PACE Summary', 'PACE Issues', 'PACE Aim 2']);
  });
});
