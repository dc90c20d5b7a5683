/**
 * `pace-tracker report`, `timeline`, `compare -o` and `report` again on one
 * workbook: the report sheets are replaced, the timeline and changes sheets
 * kept, nothing is duplicated, and a sheet the user named like ours (or one
 * of ours they renamed) is never touched.
 */
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { WorkbookXml } from '../../src/xlsx/packageXml';
import { ownershipInPackage } from '../../src/xlsx/ownership';
import { makeTempDir, removeDir, runCli, writeSample } from './helpers';

async function sheetsOf(file: string): Promise<{ names: string[]; kinds: [string, string][] }> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const names = new WorkbookXml((await zip.file('xl/workbook.xml')?.async('string')) ?? '').sheetNames();
  return { names, kinds: (await ownershipInPackage(zip)).map((o) => [o.name, o.kind]) };
}

describe('report → timeline → compare → report on one workbook', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir('kinds');
  });
  afterAll(() => removeDir(dir));

  it('keeps the timeline and changes sheets, replaces the report sheets, never duplicates', async () => {
    const { file } = await writeSample(dir, 'tracker', { children: 60 });
    const step = async (argv: string[]) => {
      const run = await runCli(argv);
      if (run.code !== 0) throw new Error(`pace-tracker ${argv.join(' ')}: ${run.stderr}`);
    };
    const reported = path.join(dir, 'reported.xlsx');
    const timelined = path.join(dir, 'timeline.xlsx');
    const compared = path.join(dir, 'compared.xlsx');
    const again = path.join(dir, 'again.xlsx');
    await step(['report', file, '-o', reported, '--as-of', '2024-03-31']);
    await step(['timeline', reported, '--group', 'team=North', '--as-of', '2024-03-31', '-o', timelined]);
    await step(['compare', file, timelined, '--as-of', '2024-03-31', '-o', compared]);
    await step(['report', compared, '-o', again, '--as-of', '2024-03-31']);

    const first = await sheetsOf(reported);
    const before = await sheetsOf(compared);
    const after = await sheetsOf(again);
    const reportSheets = first.kinds.filter(([, k]) => k === 'report').map(([n]) => n);
    expect(reportSheets).toContain('PACE Summary');
    expect(before.kinds).toEqual(expect.arrayContaining([['PACE Timeline team North', 'timeline'], ['PACE Changes', 'changes']]));
    // The same sheets, each once; the timeline and changes sheets now come before the rewritten report.
    expect([...after.names].sort()).toEqual([...before.names].sort());
    expect(new Set(after.names.map((n) => n.toLowerCase())).size).toBe(after.names.length);
    expect(after.names.slice(-reportSheets.length)).toEqual(reportSheets);
    expect(after.kinds.filter(([, k]) => k !== 'report')).toEqual([
      ['PACE Timeline team North', 'timeline'],
      ['PACE Changes', 'changes'],
    ]);
  }, 60_000);
});
