/**
 * A sheet typed with US dates (issue 15.2) and a title naming its as-of date
 * (issue 15.4), through the command line: one finding per month-first column,
 * aims and report held back until --date-order confirms it, compare reading
 * both months with the order given, and the title's date offered in a hint
 * (never used unasked).
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { makeTempDir, removeDir, runCli, runJson } from './helpers';

let dir: string;
let file: string;

beforeAll(async () => {
  dir = makeTempDir('dateorder');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tracker');
  ws.addRows([
    ['PACE tracker – data as at 31/03/2024'],
    ['Child ID', 'Date of birth', 'Date became looked after', 'Date first accommodated', 'Permanence recommendation'],
    // Column E typed month first as text. By hand, month first: 64 days (9.1 weeks), 44 days (6.3), 231 days (33.0).
    ['C1', '14/05/2015', '15/01/2023', '15/01/2023', '03/20/2023'],
    ['C2', '14/05/2016', '20/02/2023', '20/02/2023', '04/05/2023'],
    ['C3', '14/05/2017', '13/06/2022', '13/06/2022', '01/30/2023'],
  ]);
  file = path.join(dir, 'us-dates.xlsx');
  await wb.xlsx.writeFile(file);
});

afterAll(() => removeDir(dir));

describe('a column typed month/day/year', () => {
  it('check gives one finding for the column, and no finding on its cells', async () => {
    const { json } = await runJson(['check', file, '--as-of', '2024-03-31', '--json']);
    const inE = json.findings.filter((f: { cell: string }) => f.cell.startsWith('E'));
    expect(inE).toHaveLength(1);
    expect(inE[0]).toMatchObject({ rule: 'month-first-column', severity: 'error', cell: 'E2', field: 'permanenceRecommendation' });
    const text = await runCli(['check', file, '--as-of', '2024-03-31']);
    expect(text.stdout).toContain('Column E looks month/day/year');
  });

  it.each([['aims'], ['report']])('%s stops with a plain line naming the column and the option', async (command) => {
    const output = path.join(dir, `held-${command}.xlsx`);
    const run = await runCli(command === 'report' ? [command, file, '--as-of', '2024-03-31', '-o', output] : [command, file, '--as-of', '2024-03-31']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^pace-tracker: [^\n]+\n$/);
    expect(run.stderr).toContain("Column E ('Permanence recommendation') on sheet 'Tracker'");
    expect(run.stderr).toContain('add --date-order E=mdy to read it month first, or --date-order E=dmy');
    expect(run.stdout).toBe('');
    expect(fs.existsSync(output)).toBe(false);
  });

  it('timeline stops the same way, and with --date-order E=mdy draws the stage month first', async () => {
    const output = path.join(dir, 'held-timeline.xlsx');
    const held = await runCli(['timeline', file, '--children', 'C1', '--as-of', '2024-03-31', '-o', output]);
    expect(held.code).toBe(2);
    expect(held.stderr).toContain('add --date-order E=mdy to read it month first, or --date-order E=dmy');
    expect(fs.existsSync(output)).toBe(false);
    const { run, json } = await runJson(['timeline', file, '--children', 'C1', '--as-of', '2024-03-31', '--date-order', 'E=mdy', '--json']);
    expect(run.stderr).toBe('');
    // C1: first accommodated 15/01/2023, recommendation 03/20/2023 month first = 20/03/2023: 64 days.
    const stage = json.children[0].stages.find((s: { to: string }) => s.to === 'permanenceRecommendation');
    expect(stage).toMatchObject({ start: '2023-01-15', end: '2023-03-20', open: false });
  });

  it('aims with --date-order E=mdy reads the column month first', async () => {
    const { run, json } = await runJson(['aims', file, '--as-of', '2024-03-31', '--date-order', 'E=mdy', '--json']);
    expect(run.stderr).toBe('');
    const aim = json.aims[0];
    expect(aim.children.map((c: { childId: string; weeks: number }) => [c.childId, c.weeks])).toEqual([
      ['C3', 33],
      ['C1', 9.1],
      ['C2', 6.3],
    ]);
    expect(aim).toMatchObject({ completed: 3, withinTarget: 2, percentWithinTarget: 66.7 });
  });

  it('report with --date-order (field id, repeated option) writes the report', async () => {
    const output = path.join(dir, 'confirmed.xlsx');
    const run = await runCli(['report', file, '--as-of', '2024-03-31', '--date-order', 'permanenceRecommendation=mdy', '--date-order', 'C=dmy', '-o', output]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(fs.existsSync(output)).toBe(true);
  });

  it.each([['E=ymd'], ['E'], ['Q=mdy']])('--date-order %s is refused plainly', async (value) => {
    const run = await runCli(['aims', file, '--as-of', '2024-03-31', '--date-order', value]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^pace-tracker: [^\n]+\n$/);
    expect(run.stderr).toMatch(value === 'Q=mdy' ? /"Q" is not a date column on this sheet/ : /--date-order takes COLUMN=mdy or COLUMN=dmy/);
  });
});

describe('compare with a column typed month/day/year in both months', () => {
  it('reads the column month first in both with --date-order, so a moved date is what moved', async () => {
    // This month C2's recommendation is 04/25/2023 (25 April); last month it was 04/05/2023 (5 April, month first).
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Tracker').addRows([
      ['PACE tracker – data as at 30/04/2024'],
      ['Child ID', 'Date of birth', 'Date became looked after', 'Date first accommodated', 'Permanence recommendation'],
      ['C1', '14/05/2015', '15/01/2023', '15/01/2023', '03/20/2023'],
      ['C2', '14/05/2016', '20/02/2023', '20/02/2023', '04/25/2023'],
      ['C3', '14/05/2017', '13/06/2022', '13/06/2022', '01/30/2023'],
    ]);
    const thisMonth = path.join(dir, 'us-dates-april.xlsx');
    await wb.xlsx.writeFile(thisMonth);
    const { run, json } = await runJson(['compare', file, thisMonth, '--as-of', '2024-04-30', '--last-as-of', '2024-03-31', '--date-order', 'E=mdy', '--json']);
    expect(run.code).toBe(0);
    const moved = json.changes.filter((c: { kind: string }) => c.kind === 'dateChanged');
    // Month first in both: 5 April to 25 April 2023, 20 days, past the 7 allowed (a warning). C1 and C3 read alike: no change.
    expect(moved).toEqual([expect.objectContaining({ childId: 'C2', field: 'permanenceRecommendation', before: '2023-04-05', after: '2023-04-25', severity: 'warning' })]);
    // Without it both months read day first: last month's 04/05/2023 is 4 May, and this month's 04/25/2023 no date at all.
    const { json: dayFirst } = await runJson(['compare', file, thisMonth, '--as-of', '2024-04-30', '--last-as-of', '2024-03-31', '--json']);
    const read = dayFirst.changes.filter((c: { childId: string }) => c.childId === 'C2');
    expect(read).toEqual([expect.objectContaining({ kind: 'dateChanged', before: '04/05/2023', after: '04/25/2023', severity: 'warning' })]);
    expect(read[0].message).toContain('which is not a date');
  });
});

describe("the title's as-of date", () => {
  it('inspect --json offers it as titleAsOf', async () => {
    const { json } = await runJson(['inspect', file, '--json']);
    expect(json.titleAsOf).toBe('2024-03-31');
    const text = await runCli(['inspect', file]);
    expect(text.stdout).toContain('The title gives an as-of date: 31/03/2024 (use it with --as-of 31/03/2024).');
  });

  it('without --as-of, check prints a one-line hint (on stderr with --json); with it, none', async () => {
    const hint = "The sheet's title says 'as at 31/03/2024': add --as-of 31/03/2024 to use it.\n";
    const text = await runCli(['check', file]);
    expect(text.stdout.startsWith(hint)).toBe(true);
    const json = await runCli(['check', file, '--json']);
    expect(json.stderr).toBe(hint);
    expect(() => JSON.parse(json.stdout)).not.toThrow();
    const given = await runCli(['check', file, '--as-of', '2024-03-30']);
    expect(given.stdout).not.toContain("The sheet's title says");
  });
});
