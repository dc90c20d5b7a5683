/* eslint-disable @typescript-eslint/no-explicit-any -- the JSON document under test is untyped on purpose. */
/**
 * `pace-tracker timeline` on the sample: the stages in --json are the ones
 * the sheet's chart draws, and the .xlsx holds a native stacked-bar chart.
 */
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { makeTempDir, removeDir, runCli, runJson, writeSample } from './helpers';
import { withPlacementsSheet } from '../support/placements';
import { readWorkbookBuffer } from '../../src/xlsx/read';

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

  it('draws a team of more than 50 on two charts with the same weeks axis', async () => {
    const out = path.join(dir, 'north-calendar.xlsx');
    const run = await runCli(['timeline', file, '--group', 'team=North', '--as-of', '2024-03-31', '-o', out]);
    expect(run.code).toBe(0);
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    const gantts = (await Promise.all(charts.map((f) => zip.file(f)!.async('string')))).filter((x) => x.includes('Journey to permanence'));
    expect(gantts).toHaveLength(2); // 61 children in the sample's team North
    const scales = gantts.map((x) => x.match(/<c:valAx>.*?<c:scaling>(.*?)<\/c:scaling>/)?.[1]);
    expect(scales[0]).toMatch(/^<c:orientation val="minMax"\/><c:max val="\d+"\/><c:min val="0"\/>$/);
    expect(scales[1]).toBe(scales[0]);
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

describe('pace-tracker timeline with a placements sheet', () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = makeTempDir('timeline-placements');
    const { file: plain } = await writeSample(dir, 'plain');
    file = path.join(dir, 'with-placements.xlsx');
    fs.writeFileSync(file, await withPlacementsSheet(fs.readFileSync(plain)));
  });
  afterAll(() => removeDir(dir));

  it('still finds the tracker, and gives each child’s placements in --json with the rows left out', async () => {
    const { run, json } = await runJson(['timeline', file, '--children', 'SYN0003,SYN0007,SYN0050', '--as-of', '2024-03-31', '--json']);
    expect(run.code).toBe(0);
    expect(json.placementsSheet).toBe('Placements');
    const byId = Object.fromEntries(json.children.map((c: any) => [c.childId, c.placements]));
    expect(byId.SYN0003).toEqual([
      { row: 4, type: 'Foster care', start: '2019-03-14', end: '2019-09-02' },
      { row: 5, type: 'Residential unit', start: '2019-09-02', end: '2020-04-20' },
      { row: 6, type: 'Residential unit', start: '2020-04-20', end: null },
    ]);
    expect(byId.SYN0007.map((p: any) => p.type)).toEqual(['Foster care', 'Permanent foster care']);
    expect(byId.SYN0050).toEqual([]);
    expect(json.placementProblems).toEqual([`Row 9 on 'Placements' (SYN0007): the Placement start "tbc" is not a date, so this placement is left out.`]);
  });

  it('draws the placements in the chart and says so, the unreadable row as a plain line', async () => {
    const out = path.join(dir, 'out.xlsx');
    const run = await runCli(['timeline', file, '--children', 'SYN0003,SYN0007', '--as-of', '2024-03-31', '-o', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('SYN0003: 5 stages, waiting');
    expect(run.stdout).toContain('3 placements (2 moves).');
    expect(run.stdout).toContain("Placements from sheet 'Placements' are drawn under each child's bar.");
    expect(run.stdout).toContain('Left out: Row 9 on \'Placements\' (SYN0007): the Placement start "tbc" is not a date');
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    const xml = (await Promise.all(charts.map((f) => zip.file(f)!.async('string')))).find((x) => x.includes('Journey to permanence'));
    expect(xml).toContain('<c:v>Residential unit</c:v>');
    expect(xml).toContain('<c:v>Residential unit (placement 3)</c:v>');
    expect(xml).toContain('<c:v>SYN0003 placements</c:v>');
  });

  it('draws the placements on the full report’s longest waits timeline too, and leaves the placements sheet as it was', async () => {
    const out = path.join(dir, 'report.xlsx');
    const run = await runCli(['report', file, '--as-of', '2024-03-31', '-o', out]);
    expect(run.code).toBe(0);
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    const xml = (await Promise.all(charts.map((f) => zip.file(f)!.async('string')))).find((x) => x.includes('Journey to permanence: longest waits'));
    expect(xml).toBeDefined();
    // SYN0003 is among the sample's longest waits at 31/03/2024, so it is on the sheet with its three placements.
    expect(xml).toContain('<c:v>SYN0003 placements</c:v>');
    expect(xml).toContain('<c:v>Residential unit (placement 3)</c:v>');
    const before = (await readWorkbookBuffer(fs.readFileSync(file), 'in.xlsx')).sheets.find((s) => s.sheetName === 'Placements');
    const after = await readWorkbookBuffer(fs.readFileSync(out), 'out.xlsx');
    expect(after.sheets.find((s) => s.sheetName === 'Placements')?.values).toEqual(before?.values);
    const timeline = after.sheets.find((s) => s.sheetName === 'PACE Timeline longest waits');
    expect(timeline?.values.flat()).toContain("Placements (from sheet 'Placements'): how many, and the moves between them");
  });

  it('says plainly when the placements sheet has none for the children drawn', async () => {
    const run = await runCli(['timeline', file, '--children', 'SYN0050', '--as-of', '2024-03-31', '-o', path.join(dir, 'home.xlsx')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Sheet 'Placements' has no placements for this child.");
    expect(run.stdout).not.toContain('placements (');
  });
});
