/* eslint-disable @typescript-eslint/no-explicit-any -- the JSON document under test is untyped on purpose. */
/**
 * `pace-tracker timeline` on the sample: the stages in --json are the ones
 * the sheet's chart draws, and the .xlsx holds a native stacked-bar chart.
 */
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { makeTempDir, removeDir, runCli, runJson, writeSample } from './helpers';

describe('pace-tracker timeline', () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = makeTempDir('timeline');
    ({ file } = await writeSample(dir, 'tracker'));
  });
  afterAll(() => removeDir(dir));

  it('gives each child’s stages as JSON, each starting where the one before ended', async () => {
    const { json } = await runJson(['timeline', file, '--children', 'SYN0001,SYN0005', '--as-of', '2024-03-31', '--json']);
    expect(json.children.map((c: any) => c.childId)).toEqual(['SYN0001', 'SYN0005']);
    for (const c of json.children) {
      expect(c.stages.length).toBeGreaterThan(0);
      for (let i = 1; i < c.stages.length; i++) expect(c.stages[i].start).toBe(c.stages[i - 1].end);
      expect(c.stages[0].start).toBe(c.start);
      for (const s of c.stages) {
        const days = (Date.parse(s.end) - Date.parse(s.start)) / 864e5;
        expect(s.weeks).toBeCloseTo(days / 7, 1);
      }
    }
  });

  it('writes a copy with a PACE Timeline sheet holding a native stacked bar chart', async () => {
    const out = path.join(dir, 'north.xlsx');
    const run = await runCli(['timeline', file, '--group', 'team=North', '--align', 'start', '--as-of', '2024-03-31', '-o', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("sheet 'PACE Timeline team North'");
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    const xml = await Promise.all(charts.map((f) => zip.file(f)!.async('string')));
    const gantt = xml.find((x) => x.includes('Journey to permanence'));
    expect(gantt).toBeDefined();
    expect(gantt).toContain('<c:grouping val="stacked"/>');
    // The offset series draws nothing; a stage past its target is red.
    expect(gantt).toMatch(/<c:tx><c:v>Start<\/c:v><\/c:tx><c:spPr><a:noFill\/>/);
    expect(gantt).toContain('C00000');
  });

  it('says plainly when a child or a group is not there', async () => {
    const missing = await runCli(['timeline', file, '--children', 'NOPE1', '--as-of', '2024-03-31']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('No child with ID NOPE1');
    const noColumn = await runCli(['timeline', file, '--group', 'Shoe size=7', '--as-of', '2024-03-31']);
    expect(noColumn.stderr).toContain('no column "Shoe size"');
    const neither = await runCli(['timeline', file]);
    expect(neither.stderr).toContain('--children ID,ID or --group');
  });
});
